import { describe, expect, it } from 'vitest';
import { Decimal, dec } from '../../../src/core/decimal.ts';
import { type Instrument, instrumentFromWire, isWholeLots } from '../../../src/core/instrument.ts';
import { type DepthWire, QuoteWire } from '../../../src/core/protocol.ts';
import { tickSizeAt } from '../../../src/core/tickTable.ts';
import { DEPTH_LEVELS, Simulator, loadInstruments } from '../../../server/marketdata/index.ts';
import { instrumentProfile } from '../../../server/marketdata/instrumentProfile.ts';
import { comparePrices, gridChecker } from './gridCheck.ts';

const catalog = loadInstruments();
const START = Date.UTC(2025, 10, 24, 14, 30);
const INTERVAL = 250;

function simulate(instruments: readonly Instrument[], seed: number, steps: number): QuoteWire[][] {
  let now = START;
  const sim = new Simulator(instruments, { seed, tickIntervalMs: INTERVAL, clock: () => now });
  const cycles: QuoteWire[][] = [];
  for (let k = 0; k < steps; k++) {
    now += INTERVAL;
    cycles.push(sim.step().map((u) => u.quote));
  }
  return cycles;
}

const of = (cycles: QuoteWire[][], symbol: string) => cycles.flat().filter((q) => q.symbol === symbol);

function instrument(symbol: string, tickTable: 'US_EQUITY' | 'EU_MIFID_BAND', tickSize: string, referencePrice: string): Instrument {
  return instrumentFromWire({ symbol, name: symbol, assetClass: 'equity', sector: 'Test', currency: 'USD', tickSize, lotSize: '100', multiplier: '1', referencePrice, tickTable });
}

const lotChecks = new Map<string, boolean>();
/** Sizes repeat as much as prices do: each (size, lot) is checked once, exactly. */
function wholeLots(size: string, i: Instrument): boolean {
  const key = `${size}/${i.lotSize.toFixed()}`;
  let ok = lotChecks.get(key);
  if (ok === undefined) {
    ok = /^\d+(\.\d+)?$/.test(size) && dec(size).gt(0) && isWholeLots(dec(size), i);
    lotChecks.set(key, ok);
  }
  return ok;
}

/** Every fault of a book: grid, order, crossing, sizes, agreement with its quote. */
function depthFaults(d: DepthWire, q: QuoteWire, i: Instrument, onGrid: (p: string) => string | undefined): string[] {
  const faults: string[] = [];
  if (d.bids.length !== DEPTH_LEVELS || d.asks.length !== DEPTH_LEVELS) faults.push(`${d.bids.length}/${d.asks.length} levels`);
  if (d.seq !== q.seq || d.ts !== q.ts) faults.push('seq or ts differ from the quote');
  if (d.bids[0]?.price !== q.bid || d.asks[0]?.price !== q.ask) faults.push('top level is not the quote');
  if (d.bids[0]?.size !== q.bidSize || d.asks[0]?.size !== q.askSize) faults.push('top sizes are not the quote sizes');
  if (comparePrices(q.bid, q.ask) >= 0) faults.push(`crossed or locked ${q.bid}/${q.ask}`);
  for (const [side, levels, order] of [['bid', d.bids, 1], ['ask', d.asks, -1]] as const) {
    levels.forEach((l, k) => {
      const bad = onGrid(l.price);
      if (bad !== undefined) faults.push(`${side} ${k}: ${bad}`);
      const prev = levels[k - 1];
      if (prev !== undefined && comparePrices(prev.price, l.price) !== order) faults.push(`${side} ${k}: ${l.price} out of order after ${prev.price}`);
      if (!wholeLots(l.size, i)) faults.push(`${side} ${k}: size ${l.size} not positive whole lots`);
    });
  }
  return faults;
}

describe('the simulator is deterministic', () => {
  it('gives the same quotes for the same seed and clock', () => {
    expect(simulate(catalog.all(), 42, 200)).toEqual(simulate(catalog.all(), 42, 200));
  });

  it('gives other quotes for another seed', () => {
    expect(of(simulate(catalog.all(), 42, 100), 'AAPL')).not.toEqual(of(simulate(catalog.all(), 43, 100), 'AAPL'));
  });

  it('keeps a symbol’s quotes and book when other symbols are added, removed or reordered', () => {
    const all = simulate(catalog.all(), 42, 300);
    const few = simulate([catalog.get('ES')!, catalog.get('AAPL')!], 42, 300);
    for (const symbol of ['AAPL', 'ES']) {
      expect(of(all, symbol).length).toBeGreaterThan(0);
      expect(of(few, symbol)).toEqual(of(all, symbol));
    }
  });

  it('gives the same book whether or not anyone looked at it before', () => {
    let now = START;
    const watched = new Simulator(catalog.all(), { seed: 3, tickIntervalMs: INTERVAL, clock: () => now });
    const unwatched = new Simulator(catalog.all(), { seed: 3, tickIntervalMs: INTERVAL, clock: () => now });
    for (let k = 0; k < 50; k++) {
      now += INTERVAL;
      watched.step();
      watched.depth('MSFT');
      unwatched.step();
    }
    expect(unwatched.depth('MSFT')).toEqual(watched.depth('MSFT'));
    expect(unwatched.latest('NVDA')).toEqual(watched.latest('NVDA'));
  });

  it('has a snapshot before the first step: seq 0, no volume, prevClose the reference price, open', () => {
    const sim = new Simulator(catalog.all(), { seed: 1, tickIntervalMs: INTERVAL, clock: () => START });
    const q = sim.latest('MSFT');
    expect(q).toMatchObject({ symbol: 'MSFT', seq: 0, volume: '0', lastSize: '0', prevClose: '507.49', ts: START, sessionState: 'open' });
    expect(q?.open).toBe(q?.last);
    expect(sim.latest('NOPE')).toBeUndefined();
    expect(sim.depth('NOPE')).toBeUndefined();
  });

  it('refuses a non-positive tick interval or update rate', () => {
    expect(() => new Simulator(catalog.all(), { seed: 1, tickIntervalMs: 0, clock: () => START })).toThrow('tickIntervalMs must be positive');
    expect(() => new Simulator(catalog.all(), { seed: 1, tickIntervalMs: 250, updatesPerSecond: 0, clock: () => START })).toThrow('updatesPerSecond must be a positive number');
  });
});

describe(`a long run over all ${catalog.all().length} instruments, depth checked at every update`, () => {
  // Five-second cycles so prices travel, and about one update per symbol per cycle.
  const cycleMs = 5_000;
  let now = START;
  const sim = new Simulator(catalog.all(), { seed: 20251124, tickIntervalMs: cycleMs, updatesPerSecond: catalog.all().length / 5, clock: () => now });
  const checkers = new Map(catalog.all().map((i) => [i.symbol, gridChecker(i)] as const));
  const previous = new Map(catalog.all().map((i) => [i.symbol, sim.latest(i.symbol)!] as const));
  const failures: string[] = [];
  const fail = (what: string) => failures.length < 20 && failures.push(what);
  let updates = 0;
  let trades = 0;
  let depthLevels = 0;
  let cycles = 0;

  function check(q: QuoteWire, i: Instrument, prev: QuoteWire, traded: boolean): void {
    const where = `${q.symbol} seq ${q.seq}`;
    if (!QuoteWire.safeParse(q).success) fail(`${where}: not a QuoteWire`);
    const onGrid = checkers.get(q.symbol)!;
    for (const field of ['bid', 'ask', 'last', 'open', 'high', 'low', 'prevClose'] as const) {
      const bad = onGrid(q[field]);
      if (bad !== undefined) fail(`${where}: ${field} ${bad}`);
    }
    if (comparePrices(q.bid, q.ask) >= 0) fail(`${where}: bid ${q.bid} not below ask ${q.ask}`);
    const [low, high] = [q.low, q.high];
    if (comparePrices(low, q.last) > 0 || comparePrices(high, q.last) < 0 || comparePrices(low, q.open) > 0 || comparePrices(high, q.open) < 0) {
      fail(`${where}: low ≤ open, last ≤ high broken`);
    }
    // change and changePct change only with a trade: checked exactly then.
    if (traded) {
      const [last, prevClose] = [dec(q.last), dec(q.prevClose)];
      if (!dec(q.change).equals(last.minus(prevClose))) fail(`${where}: change is not last − prevClose`);
      const pct = last.minus(prevClose).div(prevClose).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN);
      if (!dec(q.changePct).equals(pct) || !/^-?\d+\.\d\d$/.test(q.changePct) || q.changePct === '-0.00') fail(`${where}: changePct ${q.changePct} is not ${pct.toFixed(2)}`);
    } else if (q.change !== prev.change || q.changePct !== prev.changePct) fail(`${where}: change moved without a trade`);
    if (traded) {
      if (q.last !== q.bid && q.last !== q.ask) fail(`${where}: a trade neither at the bid nor at the ask`);
      if (!dec(q.volume).equals(dec(prev.volume).plus(dec(q.lastSize)))) fail(`${where}: volume is not the running sum of trade sizes`);
    } else if (q.volume !== prev.volume || q.last !== prev.last) fail(`${where}: last or volume moved without a trade`);
    if (q.seq !== prev.seq + 1) fail(`${where}: seq does not follow ${prev.seq}`);
    if (q.ts !== now) fail(`${where}: ts is not the clock`);
    if (q.open !== prev.open || q.prevClose !== prev.prevClose) fail(`${where}: open or prevClose changed during the session`);
    for (const f of depthFaults(sim.depth(q.symbol)!, q, i, onGrid)) fail(`${where} depth: ${f}`);
    depthLevels += 2 * DEPTH_LEVELS;
  }

  while (updates < 120_000) {
    now += cycleMs;
    cycles += 1;
    for (const { quote, trade } of sim.step()) {
      const i = catalog.get(quote.symbol)!;
      check(quote, i, previous.get(quote.symbol)!, trade !== undefined);
      if (trade !== undefined) {
        trades += 1;
        if (trade.priceTicks !== sim.lastTicks(quote.symbol)) fail(`${quote.symbol}: trade price is not the last price`);
      }
      if (sim.latest(quote.symbol) !== quote) fail(`${quote.symbol}: latest is not the newest quote`);
      previous.set(quote.symbol, quote);
      updates += 1;
    }
  }

  it('keeps every price of every quote and every depth level on its tick grid, with its tick’s places; books sorted, uncrossed, in lots', () => {
    expect(failures).toEqual([]);
    expect(depthLevels).toBeGreaterThanOrEqual(2_400_000);
  });

  it('prints trades on part of the updates only', () => {
    expect(trades / updates).toBeGreaterThan(0.55);
    expect(trades / updates).toBeLessThan(0.65);
  });

  it('moves every symbol and keeps prices within sight of their reference', () => {
    for (const i of catalog.all()) {
      const q = previous.get(i.symbol)!;
      expect(q.seq, i.symbol).toBeGreaterThan(0);
      const drift = dec(q.last).div(i.referencePrice).minus(1).abs();
      expect(drift.lt('0.25'), `${i.symbol} drifted ${drift.toFixed(3)}`).toBe(true);
    }
  });

  it('moves about one update per symbol per cycle at the configured rate', () => {
    expect(sim.updatesPerCycle).toBeCloseTo(1, 12);
    const share = updates / (cycles * catalog.all().length);
    expect(share).toBeGreaterThan(0.97);
    expect(share).toBeLessThan(1.03);
  });
});

describe('price-dependent ticks', () => {
  const boundary = [
    instrument('PENNY', 'US_EQUITY', '0.01', '1.00'),
    instrument('TENEUR', 'EU_MIFID_BAND', '0.01', '10.00'),
    instrument('TWOEUR', 'EU_MIFID_BAND', '0.002', '2.000'),
  ];
  // Minute cycles: each update spans four minutes of trading, so prices cross their band edge again and again.
  let now = START;
  const sim = new Simulator(boundary, { seed: 11, tickIntervalMs: 60_000, clock: () => now });
  const seen = new Map(boundary.map((i) => [i.symbol, new Set<string>()] as const));
  const faults: string[] = [];
  for (let k = 0; k < 4_000; k++) {
    now += 60_000;
    for (const { quote } of sim.step()) {
      const i = boundary.find((b) => b.symbol === quote.symbol)!;
      const onGrid = gridChecker(i);
      for (const p of [quote.bid, quote.ask, quote.last]) seen.get(i.symbol)!.add(tickSizeAt(i, dec(p)).toFixed());
      faults.push(...depthFaults(sim.depth(quote.symbol)!, quote, i, onGrid).map((f) => `${quote.symbol} ${quote.seq}: ${f}`));
    }
  }

  it('quotes on both sides of a band edge, each price with the tick of its own band', () => {
    expect(faults.slice(0, 10)).toEqual([]);
    expect([...seen.get('PENNY')!].sort()).toEqual(['0.0001', '0.01']);
    expect([...seen.get('TENEUR')!].sort()).toEqual(['0.005', '0.01']);
    expect([...seen.get('TWOEUR')!].sort()).toEqual(['0.001', '0.002']);
  });

  it('steps a book down across the edge with the finer tick', () => {
    // Find a moment the PENNY bid sits within three cents above 1.00 and read its book.
    let found: DepthWire | undefined;
    for (let k = 0; k < 4_000 && found === undefined; k++) {
      now += 60_000;
      sim.step();
      const d = sim.depth('PENNY')!;
      const bid = dec(d.bids[0]!.price);
      if (bid.gte('1.00') && bid.lte('1.02')) found = d;
    }
    expect(found).toBeDefined();
    const prices = found!.bids.map((l) => l.price);
    const edge = prices.indexOf('1.00');
    expect(edge).toBeGreaterThanOrEqual(0);
    expect(prices.slice(edge, edge + 3)).toEqual(['1.00', '0.9999', '0.9998']);
  });
});

describe('jumps and spreads', () => {
  it('jumps now and then: a few moves far beyond the bounded per-update noise', () => {
    let now = START;
    const equities = catalog.all().filter((i) => i.assetClass === 'equity').slice(0, 200);
    const sim = new Simulator(equities, { seed: 5, tickIntervalMs: 1_000, clock: () => now });
    const secondsPerUpdate = 1 / 0.25;
    const last = new Map(equities.map((i) => [i.symbol, dec(sim.latest(i.symbol)!.bid)] as const));
    let moves = 0;
    let jumps = 0;
    for (let k = 0; k < 2_000; k++) {
      now += 1_000;
      for (const { quote } of sim.step()) {
        const i = catalog.get(quote.symbol)!;
        const bid = dec(quote.bid);
        const before = last.get(quote.symbol)!;
        // The walk's own noise is bounded at 3.47 sigma; add the reversion and two ticks of rounding.
        const sigma = instrumentProfile(i, 5).dailyVol * Math.sqrt(2.2) * Math.sqrt(secondsPerUpdate / 23_400);
        const bound = before.times(Math.round(sigma * 4 * 1e9)).div(1e9).plus(tickSizeAt(i, before).times(2));
        if (bid.minus(before).abs().gt(bound)) jumps += 1;
        moves += 1;
        last.set(quote.symbol, bid);
      }
    }
    expect(jumps).toBeGreaterThan(0);
    expect(jumps / moves).toBeLessThan(0.002);
    // 100,000 exact-decimal checks: room for a busy machine (a limit, not a speed claim).
  }, 30_000);

  it('quotes wider spreads, in ticks, for higher-priced shares of the same tick', () => {
    const sim = new Simulator(catalog.all(), { seed: 2, tickIntervalMs: INTERVAL, clock: () => START });
    const ticksOf = (symbol: string) => {
      const q = sim.latest(symbol)!;
      return dec(q.ask).minus(dec(q.bid)).div('0.01').toNumber();
    };
    expect(ticksOf('PFE')).toBeLessThanOrEqual(2);
    expect(ticksOf('GS')).toBeGreaterThan(ticksOf('PFE'));
  });
});
