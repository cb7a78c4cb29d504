import { afterEach, describe, expect, it, vi } from 'vitest';
import type { QuoteWire } from '../../../src/core/protocol.ts';
import { DEFAULT_TICK_INTERVAL_MS, InstrumentFileError, createMarketData, loadInstruments } from '../../../server/marketdata/index.ts';
import { Simulator } from '../../../server/marketdata/simulator.ts';

const catalog = loadInstruments();
const START = Date.UTC(2025, 10, 24, 14, 30);

describe('the market data source', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('emits every quote of a cycle on quotes$, in order, and serves the newest from latest()', () => {
    let now = START;
    const md = createMarketData({ seed: 5, catalog, tickIntervalMs: 250, clock: () => now });
    const seen: QuoteWire[] = [];
    const sub = md.quotes$.subscribe((q) => seen.push(q));
    const stepped: QuoteWire[] = [];
    for (let k = 0; k < 40; k++) {
      now += 250;
      stepped.push(...md.step());
    }
    sub.unsubscribe();
    expect(stepped.length).toBeGreaterThan(0);
    expect(seen).toEqual(stepped);
    const lastOfAapl = stepped.filter((q) => q.symbol === 'AAPL').at(-1);
    expect(md.latest('AAPL')).toBe(lastOfAapl);
  });

  it('has bars that already hold a cycle’s trades when its quotes are emitted', () => {
    let now = START;
    const md = createMarketData({ seed: 5, catalog, tickIntervalMs: 250, clock: () => now });
    const mismatches: string[] = [];
    md.quotes$.subscribe((q) => {
      const close = md.history(q.symbol, '1m', 1)[0]?.close;
      if (close !== q.last) mismatches.push(`${q.symbol}: bar close ${close}, last ${q.last}`);
    });
    for (let k = 0; k < 40; k++) {
      now += 250;
      md.step();
    }
    expect(mismatches).toEqual([]);
  });

  it('runs one cycle per tick interval between start() and stop(), however often start() is called', () => {
    vi.useFakeTimers({ now: START });
    const counts: number[] = [];
    for (const starts of [1, 3]) {
      const md = createMarketData({ seed: 9, catalog, tickIntervalMs: DEFAULT_TICK_INTERVAL_MS, clock: () => Date.now() });
      let emitted = 0;
      md.quotes$.subscribe(() => (emitted += 1));
      for (let k = 0; k < starts; k++) md.start();
      vi.advanceTimersByTime(10 * DEFAULT_TICK_INTERVAL_MS);
      md.stop();
      const atStop = emitted;
      vi.advanceTimersByTime(10 * DEFAULT_TICK_INTERVAL_MS);
      expect(emitted).toBe(atStop);
      counts.push(atStop);
    }
    // Ten cycles of the same seed emit the same quotes, whether start() ran once or three times.
    expect(counts[0]).toBeGreaterThan(0);
    expect(counts[1]).toBe(counts[0]);
  });

  it('steps a live cycle in ten slices over its interval, each walk once a cycle', () => {
    vi.useFakeTimers({ now: START });
    const slices = vi.spyOn(Simulator.prototype, 'step');
    const md = createMarketData({ seed: 9, catalog, tickIntervalMs: 100, clock: () => Date.now() });
    md.start();
    vi.advanceTimersByTime(100);
    const ranges = slices.mock.calls.map(([from, to]) => [from!, to!] as const);
    expect(ranges).toHaveLength(10);
    // Back to back, from the first walk to the last: one cycle.
    expect(ranges[0]![0]).toBe(0);
    ranges.slice(1).forEach(([from], k) => expect(from).toBe(ranges[k]![1]));
    expect(ranges[9]![1]).toBe(catalog.all().length);
    md.stop();
    slices.mockRestore();
  });

  it('runs the slices a late timer missed, so a busy machine still gets the configured rate, but at most eight cycles at once', () => {
    vi.useFakeTimers({ now: START });
    const slices = vi.spyOn(Simulator.prototype, 'step');
    const md = createMarketData({ seed: 9, catalog, tickIntervalMs: 100, clock: () => Date.now() });
    md.start();
    // The event loop was busy for half a second: the timer fires 500 ms late, then on time.
    vi.setSystemTime(START + 500);
    vi.advanceTimersByTime(100);
    expect(slices).toHaveBeenCalledTimes(60);
    // Ten seconds lost: eight cycles of slices, then the normal pace from now on.
    vi.setSystemTime(Date.now() + 10_000);
    vi.advanceTimersByTime(10);
    expect(slices).toHaveBeenCalledTimes(140);
    vi.advanceTimersByTime(100);
    expect(slices).toHaveBeenCalledTimes(150);
    md.stop();
    slices.mockRestore();
  });

  it('serves the book of a symbol: ten levels a side by default, fewer when asked, in step with the quote', () => {
    let now = START;
    const md = createMarketData({ seed: 5, catalog, tickIntervalMs: 250, clock: () => now });
    for (let k = 0; k < 10; k++) {
      now += 250;
      md.step();
    }
    const q = md.latest('ES')!;
    const d = md.depth('ES')!;
    expect(d).toMatchObject({ symbol: 'ES', seq: q.seq, ts: q.ts });
    expect(d.bids).toHaveLength(10);
    expect(d.asks).toHaveLength(10);
    expect(d.bids[0]).toEqual({ price: q.bid, size: q.bidSize });
    expect(d.asks[0]).toEqual({ price: q.ask, size: q.askSize });
    expect(md.depth('ES', 3)?.bids).toEqual(d.bids.slice(0, 3));
    expect(md.depth('NOPE')).toBeUndefined();
  });

  it('runs at the configured update rate, tens of thousands a second if asked', () => {
    let now = START;
    const md = createMarketData({ seed: 5, catalog, tickIntervalMs: 50, updatesPerSecond: 20_000, clock: () => now });
    let emitted = 0;
    for (let k = 0; k < 100; k++) {
      now += 50;
      emitted += md.step().length;
    }
    // 20,000 a second for five seconds.
    expect(emitted / 100_000).toBeGreaterThan(0.98);
    expect(emitted / 100_000).toBeLessThan(1.02);
  });

  it('stands still on a Saturday when sessions are enforced, and trades when they are ignored', () => {
    let now = Date.UTC(2025, 10, 29, 12, 0);
    const enforced = createMarketData({ seed: 5, catalog, tickIntervalMs: 250, sessions: 'enforce', clock: () => now });
    const ignored = createMarketData({ seed: 5, catalog, tickIntervalMs: 250, clock: () => now });
    let still = 0;
    let moving = 0;
    for (let k = 0; k < 20; k++) {
      now += 250;
      still += enforced.step().length;
      moving += ignored.step().length;
    }
    expect(still).toBe(0);
    expect(moving).toBeGreaterThan(1000);
    expect(enforced.latest('AAPL')?.sessionState).toBe('closed');
    expect(enforced.latest('EURUSD')?.sessionState).toBe('closed');
  });

  it('reads the instrument file kept in the repository by default', () => {
    const md = createMarketData({ seed: 1, tickIntervalMs: 250, clock: () => START });
    expect(md.instruments.all().map((i) => i.symbol)).toEqual(catalog.all().map((i) => i.symbol));
    expect(md.latest('ES')?.prevClose).toBe('6702.25');
  });

  it('fails at start when the instrument file is bad', () => {
    expect(() => createMarketData({ seed: 1, tickIntervalMs: 250, instrumentsFile: '/nonexistent/instruments.csv' })).toThrow(InstrumentFileError);
  });
});
