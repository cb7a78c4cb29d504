import { describe, expect, it } from 'vitest';
import { applyQuote, barOpenTime } from '../../../src/chart/liveBar.ts';
import type { BarWire, QuoteWire } from '../../../src/core/protocol.ts';
import { quote } from './fakeSocket.ts';

// The chart's forming bar, fed from the quote stream (src/chart/liveBar.ts).
const at = (tsMs: number, last: string, volume: string): QuoteWire => ({ ...quote('AAPL', 1, last), ts: tsMs, volume });
const T0 = 1_700_000_100_000; // inside the 5m bar opening at 1_700_000_100 s rounded down to 300 s
const open5m = barOpenTime(T0, '5m');

describe('applyQuote', () => {
  it('aligns bars to the interval in UTC', () => {
    expect(open5m % 300).toBe(0);
    expect(barOpenTime(Date.UTC(2025, 0, 2, 15, 30), '1d')).toBe(Date.UTC(2025, 0, 2) / 1000);
  });

  it('widens the backfilled bar and adds only the volume traded since the previous quote', () => {
    const backfilled: BarWire = { time: open5m, open: '190.00', high: '190.50', low: '189.90', close: '190.10', volume: '5000' };
    let s = applyQuote({ bar: backfilled, lastVolume: undefined }, at(T0, '190.60', '100000'), '5m');
    expect(s.bar).toEqual({ ...backfilled, high: '190.60', close: '190.60' });
    s = applyQuote(s, at(T0 + 1_000, '189.80', '100300'), '5m');
    expect(s.bar).toEqual({ time: open5m, open: '190.00', high: '190.60', low: '189.80', close: '189.80', volume: '5300' });
  });

  it('opens a new bar at the quote price when the period rolls over, and ignores a stale quote', () => {
    const s1 = applyQuote({ bar: undefined, lastVolume: '100' }, at(T0, '190.00', '200'), '5m');
    expect(s1.bar).toEqual({ time: open5m, open: '190.00', high: '190.00', low: '190.00', close: '190.00', volume: '100' });
    const s2 = applyQuote(s1, at(T0 + 300_000, '191.00', '250'), '5m');
    expect(s2.bar).toEqual({ time: open5m + 300, open: '191.00', high: '191.00', low: '191.00', close: '191.00', volume: '50' });
    const s3 = applyQuote(s2, at(T0, '150.00', '260'), '5m');
    expect(s3.bar).toBe(s2.bar);
  });
});
