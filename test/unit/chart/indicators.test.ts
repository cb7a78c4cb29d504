import { describe, expect, it } from 'vitest';
import { upsertLastBar } from '../../../src/chart/liveBar.ts';
import { barPoint, sma, smaLast, vwap, vwapLast } from '../../../src/chart/indicators.ts';
import type { BarWire } from '../../../src/core/protocol.ts';

const bar = (time: number, close: number, volume: number, high = close, low = close): BarWire => ({
  time,
  open: String(close),
  high: String(high),
  low: String(low),
  close: String(close),
  volume: String(volume),
});

describe('sma', () => {
  it('averages the close over the window from the first full window on', () => {
    const points = [1, 2, 3, 4, 5].map((c, i) => barPoint(bar(i * 60, c, 1)));
    expect(sma(points, 3)).toEqual([
      { time: 120, value: 2 },
      { time: 180, value: 3 },
      { time: 240, value: 4 },
    ]);
    expect(smaLast(points, 3)).toEqual({ time: 240, value: 4 });
    expect(smaLast(points.slice(0, 2), 3)).toBeUndefined();
  });
});

describe('vwap', () => {
  it('weighs the typical price by volume and starts again each UTC day for intraday bars', () => {
    const day = 86_400;
    const points = [bar(day - 120, 10, 100, 12, 8), bar(day - 60, 20, 300), bar(day, 30, 50), bar(day + 60, 40, 0)].map(barPoint);
    const line = vwap(points, 60);
    expect(line.map((p) => p.value)).toEqual([10, (10 * 100 + 20 * 300) / 400, 30, 30]);
    expect(vwapLast(points, 60)).toEqual({ time: day + 60, value: 30 });
    expect(vwapLast(points.slice(0, 2), 60)?.value).toBe(17.5);
  });

  it('does not reset for daily bars', () => {
    const points = [bar(0, 10, 100), bar(86_400, 20, 100)].map(barPoint);
    expect(vwap(points, 86_400).map((p) => p.value)).toEqual([10, 15]);
  });

  it('carries the typical price while nothing has traded', () => {
    expect(vwap([barPoint(bar(0, 7, 0))], 60)).toEqual([{ time: 0, value: 7 }]);
  });
});

describe('upsertLastBar', () => {
  it('replaces the forming bar, appends the next one and ignores an older one', () => {
    const bars = [bar(0, 1, 1), bar(60, 2, 1)];
    expect(upsertLastBar(bars, bar(60, 3, 2))).toBe('replaced');
    expect(upsertLastBar(bars, bar(120, 4, 1))).toBe('appended');
    expect(upsertLastBar(bars, bar(0, 9, 1))).toBe('ignored');
    expect(bars.map((b) => `${b.time}:${b.close}`)).toEqual(['0:1', '60:3', '120:4']);
  });
});
