import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, dec } from '../../../src/core/decimal.ts';
import { type Instrument, instrumentFromWire } from '../../../src/core/instrument.ts';
import { bookScale, lotsToQuantity, ticksToPrice, toBookTicks, toBookTicksExact, toLots, toLotsExact } from '../../../server/venues/matching/bookPlan.ts';
import { scaledInteger } from '../../../server/venues/matching/scaledDecimal.ts';

// The venue converts prices and quantities with integer arithmetic when they
// fit; the Decimal path stays the reference and the path of every refusal.
// Both must answer alike for any input: same ticks, same lots, same words.
const wire = (symbol: string, tickSize: string, lotSize: string, tickTable?: string) =>
  instrumentFromWire({ symbol, name: symbol, assetClass: 'equity', sector: 'Tech', currency: 'USD', tickSize, lotSize, multiplier: '1', referencePrice: '1', ...(tickTable ? { tickTable } : {}) } as Parameters<typeof instrumentFromWire>[0]);
const INSTRUMENTS: Instrument[] = [
  wire('CENT', '0.01', '100'),
  wire('ES', '0.25', '1'),
  wire('FX', '0.00001', '1000'),
  wire('JPY', '0.001', '0.5'),
  wire('BIG', '5', '25'),
  wire('NMS', '0.01', '100', 'US_EQUITY'),
  wire('MIFID', '0.01', '1', 'EU_MIFID_BAND'),
];

/** Decimals near the grids: a whole count of some small step, at several magnitudes, signs and places. */
const decimals = fc
  .tuple(fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }), fc.integer({ min: 0, max: 12 }), fc.constantFrom(1n, 1n, 5n, 25n, 100n, 1000n))
  .map(([n, places, step]) => new Decimal(`${n * step}e-${places}`));

describe('scaledInteger', () => {
  it('is x × 10^places exactly when that is a safe integer, NaN otherwise', () => {
    fc.assert(
      fc.property(decimals, fc.integer({ min: 0, max: 14 }), (x, places) => {
        const exact = x.times(new Decimal(10).pow(places));
        const n = scaledInteger(x, places);
        if (exact.isInteger() && exact.abs().lte(Number.MAX_SAFE_INTEGER)) expect(n).toBe(exact.toNumber());
        else expect(n).toBeNaN();
      }),
      { numRuns: 2000 },
    );
  });

  it('reads the edges: zero, the largest safe integer and one more, long fractions', () => {
    expect(scaledInteger(dec('0'), 4)).toBe(0);
    expect(scaledInteger(dec('9007199254740991'), 0)).toBe(Number.MAX_SAFE_INTEGER);
    expect(scaledInteger(dec('9007199254740992'), 0)).toBeNaN();
    expect(scaledInteger(dec('123456789012.3456'), 4)).toBe(1234567890123456);
    expect(scaledInteger(dec('268.47'), 1)).toBeNaN();
  });
});

describe('book conversions, integer path against the Decimal path', () => {
  it('toBookTicks answers as toBookTicksExact for any price', () => {
    fc.assert(
      fc.property(fc.constantFrom(...INSTRUMENTS), decimals, fc.constantFrom('limit price', 'stop price'), (ins, price, what) => {
        const scale = bookScale(ins);
        expect(toBookTicks(what, price, ins, scale)).toEqual(toBookTicksExact(what, price, ins, scale));
      }),
      { numRuns: 3000 },
    );
  });

  it('toLots answers as toLotsExact for any quantity', () => {
    fc.assert(
      fc.property(fc.constantFrom(...INSTRUMENTS), decimals, (ins, qty) => {
        const scale = bookScale(ins);
        expect(toLots(qty, scale)).toEqual(toLotsExact(qty, scale));
      }),
      { numRuns: 3000 },
    );
  });

  it('takes the integer path for the prices and quantities orders carry', () => {
    const nms = INSTRUMENTS[5]!;
    const scale = bookScale(nms);
    expect(scale.fast).toBeDefined();
    expect(toBookTicks('limit price', dec('268.47'), nms, scale)).toEqual({ ok: true, value: 2684700 });
    expect(toBookTicks('limit price', dec('0.9995'), nms, scale)).toEqual({ ok: true, value: 9995 });
    expect(toBookTicks('limit price', dec('1.0001'), nms, scale)).toEqual({ ok: false, reason: 'limit price 1.0001 is not a multiple of the tick size 0.01 at that price' });
    expect(toLots(dec('300'), scale)).toEqual({ ok: true, value: 3 });
    expect(toLots(dec('250'), scale)).toEqual({ ok: false, reason: 'quantity 250 is not a multiple of the lot size 100' });
  });
});

describe('prices and quantities made from ticks and lots', () => {
  it('are the step times the count, whether made afresh or kept from before, past the memo limit too', () => {
    fc.assert(
      fc.property(fc.constantFrom(...INSTRUMENTS), fc.array(fc.integer({ min: 0, max: 6000 }), { minLength: 1, maxLength: 200 }), (ins, counts) => {
        const scale = bookScale(ins);
        for (const n of [...counts, ...counts]) {
          expect(ticksToPrice(n, scale).eq(scale.unit.times(n))).toBe(true);
          expect(lotsToQuantity(n, scale).eq(scale.lotSize.times(n))).toBe(true);
          expect(ticksToPrice(n, scale).toFixed()).toBe(scale.unit.times(n).toFixed());
        }
      }),
      { numRuns: 100 },
    );
    const scale = bookScale(INSTRUMENTS[0]!);
    for (let n = 0; n < 5000; n++) ticksToPrice(n, scale);
    expect(ticksToPrice(4999, scale).toFixed()).toBe('49.99');
  });
});
