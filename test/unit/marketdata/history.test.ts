import { describe, expect, it } from 'vitest';
import { dec } from '../../../src/core/decimal.ts';
import { isOnTick, isWholeLots, priceDecimals } from '../../../src/core/instrument.ts';
import { BarWire, INTERVALS, INTERVAL_SECONDS, type Interval } from '../../../src/core/protocol.ts';
import { createMarketData, loadInstruments } from '../../../server/marketdata/index.ts';

const catalog = loadInstruments();
const START = Date.UTC(2025, 10, 24, 14, 30, 10);
const SYMBOLS = ['AAPL', 'PFE', 'SPY', 'EURUSD', 'USDJPY', 'ES', 'YM', 'SI'];

function running(seed: number, steps: number, barCapacity?: number) {
  let now = START;
  const md = createMarketData({ seed, catalog, tickIntervalMs: 250, clock: () => now, ...(barCapacity === undefined ? {} : { barCapacity }) });
  for (let k = 0; k < steps; k++) {
    now += 250;
    md.step();
  }
  return { md, now: () => now, advance: (ms: number) => (now += ms) };
}

function invariantFaults(bars: BarWire[], symbol: string, interval: Interval): string[] {
  const i = catalog.get(symbol)!;
  const seconds = INTERVAL_SECONDS[interval];
  const fixed = new RegExp(priceDecimals(i) === 0 ? '^\\d+$' : `^\\d+\\.\\d{${priceDecimals(i)}}$`);
  const faults: string[] = [];
  bars.forEach((b, k) => {
    const where = `${symbol} ${interval} bar ${k}`;
    if (!BarWire.safeParse(b).success) faults.push(`${where}: not a BarWire`);
    if (b.time % seconds !== 0) faults.push(`${where}: time not aligned`);
    const prev = bars[k - 1];
    if (prev !== undefined && b.time <= prev.time) faults.push(`${where}: time not increasing`);
    for (const f of ['open', 'high', 'low', 'close'] as const) {
      if (!fixed.test(b[f]) || !isOnTick(dec(b[f]), i)) faults.push(`${where}: ${f} ${b[f]} off the grid or not fixed`);
    }
    const [o, h, l, c] = [b.open, b.high, b.low, b.close].map(dec) as [ReturnType<typeof dec>, ReturnType<typeof dec>, ReturnType<typeof dec>, ReturnType<typeof dec>];
    if (h.lt(o) || h.lt(c)) faults.push(`${where}: high below open or close`);
    if (l.gt(o) || l.gt(c)) faults.push(`${where}: low above open or close`);
    if (!l.gt(0)) faults.push(`${where}: low not positive`);
    if (!isWholeLots(dec(b.volume), i) || dec(b.volume).lt(0)) faults.push(`${where}: volume ${b.volume} not whole lots`);
  });
  return faults.slice(0, 10);
}

describe('history', () => {
  const { md, now } = running(7, 2000);

  it.each(INTERVALS)('returns exactly `limit` valid %s bars, the newest being the live one', (interval) => {
    for (const symbol of SYMBOLS) {
      const bars = md.history(symbol, interval, 700);
      expect(bars).toHaveLength(700);
      expect(invariantFaults(bars, symbol, interval)).toEqual([]);
      const live = bars[bars.length - 1]!;
      expect(live.time).toBe(Math.floor(now() / 1000 / INTERVAL_SECONDS[interval]) * INTERVAL_SECONDS[interval]);
      expect(live.close).toBe(md.latest(symbol)!.last);
    }
  });

  it('joins generated bars to the live ones: each bar closes where the next opens', () => {
    const daily = md.history('AAPL', '1d', 300);
    for (let k = 0; k + 1 < daily.length; k++) expect(daily[k]!.close, `bar ${k}`).toBe(daily[k + 1]!.open);
    expect(daily[0]!.time).toBe(daily[299]!.time - 299 * 86_400);
  });

  it('is the same for the same seed and different for another', () => {
    const again = running(7, 2000).md;
    const other = running(8, 2000).md;
    for (const interval of INTERVALS) {
      expect(again.history('ES', interval, 400)).toEqual(md.history('ES', interval, 400));
      expect(other.history('ES', interval, 400)).not.toEqual(md.history('ES', interval, 400));
    }
  });

  it('only adds older bars when asked for more', () => {
    const long = md.history('EURUSD', '15m', 3000);
    expect(md.history('EURUSD', '15m', 120)).toEqual(long.slice(-120));
  });

  it('has a flat live bar at the last price before any trade in the current interval', () => {
    const fresh = running(7, 0).md;
    const [bar] = fresh.history('MSFT', '1m', 1);
    const last = fresh.latest('MSFT')!.last;
    expect(bar).toEqual({ time: Math.floor(START / 60_000) * 60, open: last, high: last, low: last, close: last, volume: '0' });
    expect(invariantFaults(fresh.history('MSFT', '1h', 50), 'MSFT', '1h')).toEqual([]);
  });

  it('keeps a flat live bar when the clock has moved past the last trade', () => {
    const quiet = running(7, 10);
    quiet.advance(10 * 60_000);
    const bars = quiet.md.history('ES', '1m', 20);
    expect(bars).toHaveLength(20);
    expect(bars[19]).toMatchObject({ time: Math.floor(quiet.now() / 60_000) * 60, volume: '0', close: quiet.md.latest('ES')!.last });
    expect(invariantFaults(bars, 'ES', '1m')).toEqual([]);
  });

  it('serves live bars beyond a small ring from generated history, still `limit` long and valid', () => {
    const bounded = running(7, 4 * 60 * 30, 5).md; // 30 minutes of cycles, 5 live bars kept
    expect(bounded.history('AAPL', '1m', 3)).toHaveLength(3);
    const bars = bounded.history('AAPL', '1m', 200);
    expect(bars).toHaveLength(200);
    expect(invariantFaults(bars, 'AAPL', '1m')).toEqual([]);
  });

  it('answers nothing for an unknown symbol or a limit of 0, and at most 5000 bars', () => {
    expect(md.history('NOPE', '1m', 10)).toEqual([]);
    expect(md.history('AAPL', '1m', 0)).toEqual([]);
    expect(md.history('AAPL', '1d', 6000)).toHaveLength(5000);
  });

  it('keeps 5000 daily bars positive and within sight of today’s price', () => {
    const bars = md.history('PFE', '1d', 5000);
    expect(invariantFaults(bars, 'PFE', '1d')).toEqual([]);
    const closes = bars.map((b) => Number(b.close));
    expect(Math.min(...closes)).toBeGreaterThan(25.14 / 4);
    expect(Math.max(...closes)).toBeLessThan(25.14 * 4);
  });
});
