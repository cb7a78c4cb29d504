import { describe, expect, it } from 'vitest';
import { dec } from '../../../src/core/decimal.ts';
import { BarAggregator } from '../../../server/marketdata/barAggregator.ts';
import { Ring } from '../../../server/marketdata/ring.ts';
import { barTime, toBarWire } from '../../../server/marketdata/tickBar.ts';
import { tickFormatter } from '../../../server/marketdata/tickFormat.ts';

const at = (hhmmss: string) => Date.parse(`2025-11-24T${hhmmss}Z`);
const sec = (hhmm: string) => Date.parse(`2025-11-24T${hhmm}:00Z`) / 1000;

describe('aggregating trades into bars', () => {
  // Seven trades in ticks and lots; the last one is stamped before the one ahead of it (a clock stepping back).
  const trades: [ts: number, price: number, lots: number][] = [
    [at('14:30:05'), 10000, 2],
    [at('14:30:30'), 10010, 1],
    [at('14:30:59.999'), 9990, 3],
    [at('14:31:00'), 9995, 5],
    [at('14:34:59'), 10020, 1],
    [at('14:35:00'), 10005, 4],
    [at('14:34:00'), 10030, 2],
  ];
  const agg = new BarAggregator();
  for (const [ts, price, lots] of trades) agg.addTrade('ES', price, lots, ts);

  it('matches hand-computed 1m bars, folding the late trade into the newest bar', () => {
    expect(agg.bars('ES', '1m', 10)).toEqual([
      { time: sec('14:30'), open: 10000, high: 10010, low: 9990, close: 9990, volumeLots: 6 },
      { time: sec('14:31'), open: 9995, high: 9995, low: 9995, close: 9995, volumeLots: 5 },
      { time: sec('14:34'), open: 10020, high: 10020, low: 10020, close: 10020, volumeLots: 1 },
      { time: sec('14:35'), open: 10005, high: 10030, low: 10005, close: 10030, volumeLots: 6 },
    ]);
  });

  it('matches hand-computed 5m, 15m, 1h and 1d bars', () => {
    expect(agg.bars('ES', '5m', 10)).toEqual([
      { time: sec('14:30'), open: 10000, high: 10020, low: 9990, close: 10020, volumeLots: 12 },
      { time: sec('14:35'), open: 10005, high: 10030, low: 10005, close: 10030, volumeLots: 6 },
    ]);
    const whole = { open: 10000, high: 10030, low: 9990, close: 10030, volumeLots: 18 };
    expect(agg.bars('ES', '15m', 10)).toEqual([{ time: sec('14:30'), ...whole }]);
    expect(agg.bars('ES', '1h', 10)).toEqual([{ time: sec('14:00'), ...whole }]);
    expect(agg.bars('ES', '1d', 10)).toEqual([{ time: sec('00:00'), ...whole }]);
  });

  it('matches hand-computed 1s bars', () => {
    const secs = new BarAggregator();
    const trades1s: [ts: number, price: number, lots: number][] = [
      [at('14:30:05.100'), 100, 1],
      [at('14:30:05.900'), 103, 2],
      [at('14:30:06.000'), 101, 1],
      [at('14:30:08.500'), 99, 4],
      [at('14:30:08.200'), 105, 1],
    ];
    for (const [ts, price, lots] of trades1s) secs.addTrade('NQ', price, lots, ts);
    const t = (hhmmss: string) => Date.parse(`2025-11-24T${hhmmss}Z`) / 1000;
    expect(secs.bars('NQ', '1s', 10)).toEqual([
      { time: t('14:30:05'), open: 100, high: 103, low: 100, close: 103, volumeLots: 3 },
      { time: t('14:30:06'), open: 101, high: 101, low: 101, close: 101, volumeLots: 1 },
      { time: t('14:30:08'), open: 99, high: 105, low: 99, close: 105, volumeLots: 5 },
    ]);
    expect(secs.bars('NQ', '1m', 10)).toEqual([{ time: sec('14:30'), open: 100, high: 105, low: 99, close: 105, volumeLots: 9 }]);
  });

  it('returns only the newest bars asked for, as copies', () => {
    const two = agg.bars('ES', '1m', 2);
    expect(two.map((b) => b.time)).toEqual([sec('14:34'), sec('14:35')]);
    two[1]!.close = 1;
    expect(agg.bars('ES', '1m', 1)[0]?.close).toBe(10030);
    expect(agg.bars('NQ', '1m', 10)).toEqual([]);
  });

  it('writes a bar on the wire in the instrument’s decimals', () => {
    const fmt = tickFormatter({ tickSize: dec('0.25'), lotSize: dec('1') });
    expect(toBarWire(agg.bars('ES', '5m', 1)[0]!, fmt)).toEqual({
      time: sec('14:35'),
      open: '2501.25',
      high: '2507.50',
      low: '2501.25',
      close: '2507.50',
      volume: '6',
    });
  });

  it('keeps at most `capacity` bars per symbol and interval', () => {
    const small = new BarAggregator(3);
    for (let minute = 0; minute < 10; minute++) small.addTrade('KO', 7000 + minute, 1, at('10:00:00') + minute * 60_000);
    expect(small.bars('KO', '1m', 100).map((b) => b.open)).toEqual([7007, 7008, 7009]);
    expect(small.bars('KO', '1d', 100)).toHaveLength(1);
  });
});

describe('bar times', () => {
  it('aligns to the interval in UTC, also before 1970', () => {
    expect(barTime(at('14:37:59.999'), 300)).toBe(sec('14:35'));
    expect(barTime(at('23:59:59'), 86_400)).toBe(sec('00:00'));
    expect(barTime(-1, 60)).toBe(-60);
  });
});

describe('the ring', () => {
  it('drops the oldest item once full', () => {
    const ring = new Ring<number>(3);
    expect(ring.last()).toBeUndefined();
    expect(ring.newest(5)).toEqual([]);
    for (let k = 1; k <= 7; k++) ring.push(k);
    expect(ring.size).toBe(3);
    expect(ring.newest(5)).toEqual([5, 6, 7]);
    expect(ring.newest(2)).toEqual([6, 7]);
    expect(ring.last()).toBe(7);
    expect(() => new Ring(0)).toThrow('positive integer');
  });
});
