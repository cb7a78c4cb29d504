import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../../src/core/decimal.ts';
import { loadInstruments } from '../../../server/marketdata/loadInstruments.ts';
import { bookScale, bookTicksFast, lotsFast, toBookTicks, toLots } from '../../../server/venues/matching/bookPlan.ts';
import { INSTRUMENTS } from './venueMarket.ts';

// The venue sends a plain limit order straight to the book when its price and size convert in
// integers (bookTicksFast, lotsFast): each must give exactly what toBookTicks / toLots give, or NaN.

const catalog = loadInstruments().all();
const instruments = [...INSTRUMENTS, ...catalog.filter((_, i) => i % 40 === 0)];

// Prices and sizes of 0 to 6 places around the instruments' ranges, on and off their grids, zero and negative included.
const decimalOf = fc.tuple(fc.integer({ min: -5, max: 50_000_000 }), fc.integer({ min: 0, max: 6 })).map(([n, places]) => new Decimal(n).div(new Decimal(10).pow(places)));

describe('integer conversions of a plain limit order', () => {
  it('bookTicksFast is toBookTicks where it answers, NaN otherwise; lotsFast likewise for toLots', () => {
    fc.assert(
      fc.property(fc.constantFrom(...instruments), decimalOf, decimalOf, (ins, price, qty) => {
        const scale = bookScale(ins);
        const tick = bookTicksFast(price, scale);
        if (!Number.isNaN(tick)) expect(toBookTicks('limit price', price, ins, scale)).toEqual({ ok: true, value: tick });
        const lots = lotsFast(qty, scale);
        if (!Number.isNaN(lots)) expect(toLots(qty, scale)).toEqual({ ok: true, value: lots });
      }),
      { numRuns: 3000 },
    );
  });

  it('answers for prices on the grid and whole lots, so the common order takes it', () => {
    for (const ins of instruments) {
      const scale = bookScale(ins);
      const price = ins.referencePrice.div(ins.tickSize).floor().times(ins.tickSize);
      const expected = toBookTicks('limit price', price, ins, scale);
      if (expected.ok && scale.fast !== undefined) expect(bookTicksFast(price, scale)).toBe(expected.value);
      expect(lotsFast(ins.lotSize.times(3), scale)).toBe(scale.fast === undefined ? Number.NaN : 3);
    }
    expect(bookTicksFast(new Decimal('100.005'), bookScale(INSTRUMENTS[0]!))).toBeNaN();
    expect(lotsFast(new Decimal('150'), bookScale(INSTRUMENTS[1]!))).toBeNaN();
  });
});
