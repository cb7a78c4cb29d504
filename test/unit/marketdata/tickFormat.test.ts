import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, dec } from '../../../src/core/decimal.ts';
import { floorToGrid, tickLadder, unitsToPrice } from '../../../src/core/tickLadder.ts';
import { tickSizeAt } from '../../../src/core/tickTable.ts';
import { tickFormatter } from '../../../server/marketdata/tickFormat.ts';

const fmt = (tickSize: string, lotSize = '1') => tickFormatter({ tickSize: dec(tickSize), lotSize: dec(lotSize) });

describe('ticks and lots to wire strings', () => {
  it('writes prices with the tick decimals, never an exponent', () => {
    expect(fmt('0.00001').price(1)).toBe('0.00001');
    expect(fmt('0.00001').price(115820)).toBe('1.15820');
    expect(fmt('0.001').price(155120)).toBe('155.120');
    expect(fmt('0.25').price(26809)).toBe('6702.25');
    expect(fmt('0.005').price(10043)).toBe('50.215');
    expect(fmt('1').price(46650)).toBe('46650');
    expect(fmt('0.01').price(-382)).toBe('-3.82');
    expect(fmt('0.01').price(0)).toBe('0.00');
  });

  it('writes sizes as lots times the lot size', () => {
    expect(fmt('0.01', '100').size(17)).toBe('1700');
    expect(fmt('0.00001', '1000').size(1895)).toBe('1895000');
    expect(fmt('0.01', '0.5').size(3)).toBe('1.5');
    expect(fmt('0.01', '100').size(0)).toBe('0');
  });

  it('gives change in percent to two places, rounding half to even', () => {
    const f = fmt('0.01');
    expect(f.changePct(26465, 26847)).toBe('-1.42'); // -1.42286…
    expect(f.changePct(10125, 10000)).toBe('1.25');
    expect(f.changePct(100125, 100000)).toBe('0.12'); // 0.125 exactly → even
    expect(f.changePct(100375, 100000)).toBe('0.38'); // 0.375 exactly → even
    expect(f.changePct(20000, 10000)).toBe('100.00');
  });

  it('writes change with the tick’s places', () => {
    expect(fmt('0.25').change(26809, 26800)).toBe('2.25');
    expect(fmt('0.01').change(100, 382)).toBe('-2.82');
    expect(fmt('0.01').change(5, 5)).toBe('0.00');
  });

  it('never writes a negative zero', () => {
    expect(fmt('0.01').changePct(999999, 1000000)).toBe('0.00'); // -0.0001 %
    expect(fmt('0.01').changePct(1000000, 1000000)).toBe('0.00');
  });
});

describe('prices under a tick table', () => {
  const us = { tickSize: dec('0.01'), lotSize: dec('100'), tickTable: 'US_EQUITY' as const };
  const eu = { tickSize: dec('0.01'), lotSize: dec('1'), tickTable: 'EU_MIFID_BAND' as const };

  it('shows each price with the places of the tick at that price', () => {
    const f = tickFormatter(us);
    expect(f.price(9_950)).toBe('0.9950');
    expect(f.price(10_000)).toBe('1.00');
    expect(f.price(2_684_700)).toBe('268.47');
    expect(f.change(10_100, 9_950)).toBe('0.0150');
    expect(f.change(2_684_700, 2_680_000)).toBe('0.47');
    const g = tickFormatter(eu);
    expect([g.price(99_950), g.price(100_000), g.price(5_000_000), g.price(600_000_000)]).toEqual(['9.995', '10.00', '500.0', '60000']);
  });

  it('agrees with Decimal for any grid price, change and percent (property)', () => {
    const rules = [us, eu, { tickSize: dec('0.015625'), lotSize: dec('1') }, { tickSize: dec('0.00001'), lotSize: dec('1000') }, { tickSize: dec('5'), lotSize: dec('0.5') }];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: rules.length - 1 }), fc.integer({ min: 1, max: 900_000_000 }), fc.integer({ min: 1, max: 900_000_000 }), fc.integer({ min: 0, max: 10_000_000 }), (k, rawA, rawB, lots) => {
        const rule = rules[k]!;
        const ladder = tickLadder(rule);
        const [a, b] = [Math.max(1, floorToGrid(ladder, rawA)), Math.max(1, floorToGrid(ladder, rawB))];
        const f = tickFormatter(rule, ladder);
        const [pa, pb] = [unitsToPrice(ladder, a), unitsToPrice(ladder, b)];
        const placesAt = (p: Decimal) => tickSizeAt(rule, p).decimalPlaces();
        expect(f.price(a)).toBe(pa.toFixed(placesAt(pa)));
        expect(f.change(a, b)).toBe(pa.minus(pb).toFixed(Math.max(placesAt(pa), placesAt(pb))));
        const pct = pa.minus(pb).times(100).div(pb).toFixed(2);
        expect(f.changePct(a, b)).toBe(pct === '-0.00' ? '0.00' : pct);
        expect(f.size(lots)).toBe(rule.lotSize.times(lots).toFixed(rule.lotSize.decimalPlaces()));
      }),
      { numRuns: 5000 },
    );
  });
});
