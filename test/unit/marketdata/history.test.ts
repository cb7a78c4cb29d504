import { describe, expect, it } from 'vitest';
import { dec } from '../../../src/core/decimal.ts';
import { isWholeLots } from '../../../src/core/instrument.ts';
import { isOnPriceGrid, tickSizeAt } from '../../../src/core/tickTable.ts';
import { BarWire, INTERVALS, INTERVAL_SECONDS, type Interval } from '../../../src/core/protocol.ts';
import { createCatalog, createMarketData, loadInstruments } from '../../../server/marketdata/index.ts';
import { MAX_GENERATED_BARS } from '../../../server/marketdata/barSeries.ts';

const catalog = loadInstruments();
const START = Date.UTC(2025, 10, 24, 14, 30, 10);
// A US share, a sub-dollar one, a euro share, an ETF, FX, futures with odd ticks.
const SYMBOLS = ['AAPL', 'PFE', 'SPY', 'EURUSD', 'USDJPY', 'ES', 'YM', 'SI', 'ZNH6', 'SIIN', 'OSFI.AS'];
// A symbol's quotes do not depend on the others, so the walks run over only the symbols under test.
const subset = createCatalog([...SYMBOLS, 'MSFT'].map((s) => catalog.get(s)!));

function running(seed: number, steps: number, barCapacity?: number) {
  let now = START;
  const md = createMarketData({ seed, catalog: subset, tickIntervalMs: 250, clock: () => now, ...(barCapacity === undefined ? {} : { barCapacity }) });
  for (let k = 0; k < steps; k++) {
    now += 250;
    md.step();
  }
  return { md, now: () => now, advance: (ms: number) => (now += ms) };
}

function invariantFaults(bars: BarWire[], symbol: string, interval: Interval): string[] {
  const i = catalog.get(symbol)!;
  const seconds = INTERVAL_SECONDS[interval];
  const faults: string[] = [];
  bars.forEach((b, k) => {
    const where = `${symbol} ${interval} bar ${k}`;
    if (!BarWire.safeParse(b).success) faults.push(`${where}: not a BarWire`);
    if (b.time % seconds !== 0) faults.push(`${where}: time not aligned`);
    const prev = bars[k - 1];
    if (prev !== undefined && b.time <= prev.time) faults.push(`${where}: time not increasing`);
    for (const f of ['open', 'high', 'low', 'close'] as const) {
      const places = tickSizeAt(i, dec(b[f])).decimalPlaces();
      const fixed = new RegExp(places === 0 ? '^\\d+$' : `^\\d+\\.\\d{${places}}$`);
      if (!fixed.test(b[f]) || !isOnPriceGrid(dec(b[f]), i)) faults.push(`${where}: ${f} ${b[f]} off the grid or not fixed`);
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

describe('history over a range of time', () => {
  const { md } = running(7, 4 * 60 * 20); // twenty minutes of cycles: live 1m bars and generated ones before them
  const full = md.history('AAPL', '1m', 600);

  it('gives the bars opening in [from, to), contiguous with the whole series', () => {
    const from = full[100]!.time;
    const to = full[590]!.time;
    expect(md.history('AAPL', '1m', 5000, { from, to })).toEqual(full.slice(100, 590));
  });

  it('keeps the newest `limit` bars of a range: scrolling back asks for { to: oldest shown }', () => {
    expect(md.history('AAPL', '1m', 50, { to: full[400]!.time })).toEqual(full.slice(350, 400));
    expect(md.history('AAPL', '1m', 50, { to: full[595]!.time })).toEqual(full.slice(545, 595));
    expect(md.history('AAPL', '1m', 5, { from: full[100]!.time, to: full[400]!.time })).toEqual(full.slice(395, 400));
  });

  it('reaches from `from` to now when `to` is left open', () => {
    expect(md.history('AAPL', '1m', 5000, { from: full[580]!.time })).toEqual(full.slice(580));
  });

  it('answers nothing for an empty range or one beyond the reach of generated history', () => {
    expect(md.history('AAPL', '1m', 10, { from: full[10]!.time, to: full[10]!.time })).toEqual([]);
    const far = full[0]!.time - MAX_GENERATED_BARS * 60;
    expect(md.history('AAPL', '1m', 10, { from: far - 600, to: far })).toEqual([]);
  });

  it('serves valid 1s bars', () => {
    const bars = md.history('ES', '1s', 3000);
    expect(bars).toHaveLength(3000);
    expect(invariantFaults(bars, 'ES', '1s')).toEqual([]);
    for (let k = 1; k < bars.length; k++) expect(bars[k]!.time).toBeGreaterThan(bars[k - 1]!.time);
  });
});
