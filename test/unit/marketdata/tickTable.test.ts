import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dec } from '../../../src/core/decimal.ts';
import {
  floorToGrid,
  isOnLadder,
  priceToUnits,
  roundToGridRandomly,
  stepDown,
  stepUp,
  stepsDown,
  tickAt,
  tickLadder,
  unitsToPrice,
} from '../../../src/core/tickLadder.ts';
import { TICK_TABLES, type TickRule, baseTickOf, isOnPriceGrid, tickBands, tickSizeAt } from '../../../src/core/tickTable.ts';

const us: TickRule = { tickSize: dec('0.01'), tickTable: 'US_EQUITY' };
const eu: TickRule = { tickSize: dec('0.01'), tickTable: 'EU_MIFID_BAND' };
const es: TickRule = { tickSize: dec('0.25'), tickTable: 'FIXED' };
const zn: TickRule = { tickSize: dec('0.015625') };

describe('tick tables', () => {
  it('gives the US equity rule: 0.0001 below 1.00, 0.01 from 1.00', () => {
    expect(tickSizeAt(us, dec('0.9999')).toFixed()).toBe('0.0001');
    expect(tickSizeAt(us, dec('1.00')).toFixed()).toBe('0.01');
    expect(tickSizeAt(us, dec('268.47')).toFixed()).toBe('0.01');
    expect(isOnPriceGrid(dec('0.9950'), us)).toBe(true);
    expect(isOnPriceGrid(dec('1.0050'), us)).toBe(false);
    expect(isOnPriceGrid(dec('1.01'), us)).toBe(true);
  });

  it('gives the MiFID ladder a larger tick at higher prices, a band edge taking the upper tick', () => {
    const at = (p: string) => tickSizeAt(eu, dec(p)).toFixed();
    expect([at('0.15'), at('1.999'), at('2'), at('9.995'), at('10'), at('19.99'), at('20'), at('150'), at('60000')]).toEqual([
      '0.0001',
      '0.001',
      '0.002',
      '0.005',
      '0.01',
      '0.01',
      '0.02',
      '0.1',
      '50',
    ]);
    expect(isOnPriceGrid(dec('9.995'), eu)).toBe(true);
    expect(isOnPriceGrid(dec('10.005'), eu)).toBe(false);
  });

  it('uses the instrument’s own tick for FIXED or no table', () => {
    expect(tickSizeAt(es, dec('6702.25')).toFixed()).toBe('0.25');
    expect(tickSizeAt(zn, dec('110.515625')).toFixed()).toBe('0.015625');
    expect(isOnPriceGrid(dec('6702.10'), es)).toBe(false);
    expect(baseTickOf(us).toFixed()).toBe('0.0001');
    expect(baseTickOf(zn).toFixed()).toBe('0.015625');
  });

  it.each(TICK_TABLES)('builds an integer ladder for %s whose band starts sit on both neighbouring grids', (table) => {
    const ladder = tickLadder({ tickSize: dec('0.01'), tickTable: table });
    expect(ladder.from[0]).toBe(0);
    expect(tickBands({ tickSize: dec('0.01'), tickTable: table })).toHaveLength(ladder.from.length);
  });
});

describe('the integer ladder', () => {
  const l = tickLadder(us);

  it('steps across the 1.00 boundary with the tick of the side it lands on', () => {
    const one = priceToUnits(l, dec('1.00'));
    expect(one).toBe(10_000);
    expect(stepUp(l, one)).toBe(10_100); // 1.01
    expect(stepDown(l, one)).toBe(9_999); // 0.9999
    expect(stepUp(l, 9_999)).toBe(10_000);
    expect(stepsDown(l, 10_200, 3)).toBe(9_999); // 1.02 → 1.01 → 1.00 → 0.9999
    expect(unitsToPrice(l, 10_100).toFixed()).toBe('1.01');
  });

  it('floors to the grid and rounds without bias', () => {
    expect(floorToGrid(l, 10_099)).toBe(10_000);
    expect(floorToGrid(l, 9_999)).toBe(9_999);
    expect(roundToGridRandomly(l, 10_025, 0.2)).toBe(10_100);
    expect(roundToGridRandomly(l, 10_025, 0.3)).toBe(10_000);
  });

  it('keeps every stepped or rounded price on the grid of its own price (property)', () => {
    const ladders = [tickLadder(us), tickLadder(eu), tickLadder(es), tickLadder(zn)];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 }), fc.double({ min: 1, max: 6e8, noNaN: true }), fc.double({ min: 0, max: 0.999999, noNaN: true }), (k, x, r) => {
        const ladder = ladders[k]!;
        const u = roundToGridRandomly(ladder, x, r);
        const rule = [us, eu, es, zn][k]!;
        expect(isOnLadder(ladder, u)).toBe(true);
        expect(isOnPriceGrid(unitsToPrice(ladder, u), rule)).toBe(true);
        expect(u).toBeGreaterThanOrEqual(floorToGrid(ladder, Math.floor(x)));
        const up = stepUp(ladder, u);
        expect(isOnPriceGrid(unitsToPrice(ladder, up), rule)).toBe(true);
        expect(up - u).toBe(tickAt(ladder, u));
        if (u > ladder.tick[0]!) expect(stepUp(ladder, stepDown(ladder, u))).toBe(u);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses a price that is not a whole number of units', () => {
    expect(() => priceToUnits(l, dec('1.00005'))).toThrow('not a whole number of 0.0001');
  });
});
