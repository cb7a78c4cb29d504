import { describe, expect, it } from 'vitest';
import { dec } from '../../../src/core/decimal.ts';
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

  it('never writes a negative zero', () => {
    expect(fmt('0.01').changePct(999999, 1000000)).toBe('0.00'); // -0.0001 %
    expect(fmt('0.01').changePct(1000000, 1000000)).toBe('0.00');
  });
});
