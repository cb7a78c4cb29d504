import { describe, expect, it } from 'vitest';
import { Decimal, dec } from '../../../src/core/decimal.ts';
import { type Instrument, isOnTick, isWholeLots, priceDecimals } from '../../../src/core/instrument.ts';
import { QuoteWire } from '../../../src/core/protocol.ts';
import { Simulator, loadInstruments } from '../../../server/marketdata/index.ts';

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

describe('the simulator is deterministic', () => {
  it('gives the same quotes for the same seed and clock', () => {
    expect(simulate(catalog.all(), 42, 300)).toEqual(simulate(catalog.all(), 42, 300));
  });

  it('gives other quotes for another seed', () => {
    expect(of(simulate(catalog.all(), 42, 100), 'AAPL')).not.toEqual(of(simulate(catalog.all(), 43, 100), 'AAPL'));
  });

  it('keeps a symbol’s quotes when other symbols are added, removed or reordered', () => {
    const all = simulate(catalog.all(), 42, 300);
    const few = simulate([catalog.get('ES')!, catalog.get('AAPL')!], 42, 300);
    for (const symbol of ['AAPL', 'ES']) {
      expect(of(all, symbol).length).toBeGreaterThan(0);
      expect(of(few, symbol)).toEqual(of(all, symbol));
    }
  });

  it('has a snapshot before the first step: seq 0, no volume, prevClose the reference price', () => {
    const sim = new Simulator(catalog.all(), { seed: 1, tickIntervalMs: INTERVAL, clock: () => START });
    const q = sim.latest('MSFT');
    expect(q).toMatchObject({ symbol: 'MSFT', seq: 0, volume: '0', lastSize: '0', prevClose: '507.49', ts: START });
    expect(q?.open).toBe(q?.last);
    expect(sim.latest('NOPE')).toBeUndefined();
  });

  it('refuses a non-positive tick interval', () => {
    expect(() => new Simulator(catalog.all(), { seed: 1, tickIntervalMs: 0, clock: () => START })).toThrow('tickIntervalMs must be positive');
  });
});

describe('a long run (at least 20,000 updates over every symbol)', () => {
  let now = START;
  const sim = new Simulator(catalog.all(), { seed: 20251124, tickIntervalMs: INTERVAL, clock: () => now });
  const previous = new Map(catalog.all().map((i) => [i.symbol, sim.latest(i.symbol)!] as const));
  const failures: string[] = [];
  let updates = 0;
  let cycles = 0;

  function check(q: QuoteWire, i: Instrument, prev: QuoteWire): void {
    const fail = (what: string) => failures.length < 20 && failures.push(`${q.symbol} seq ${q.seq}: ${what} ${JSON.stringify(q)}`);
    if (!QuoteWire.safeParse(q).success) fail('does not match the QuoteWire schema');
    const places = priceDecimals(i);
    const fixed = new RegExp(places === 0 ? '^-?\\d+$' : `^-?\\d+\\.\\d{${places}}$`);
    for (const field of ['bid', 'ask', 'last', 'open', 'high', 'low', 'prevClose', 'change'] as const) {
      if (!fixed.test(q[field])) fail(`${field} is not fixed notation with ${places} places`);
      else if (!isOnTick(dec(q[field]), i)) fail(`${field} is off the tick grid`);
    }
    const [bid, ask, last, high, low, open] = [q.bid, q.ask, q.last, q.high, q.low, q.open].map(dec) as [Decimal, Decimal, Decimal, Decimal, Decimal, Decimal];
    if (!bid.gt(0)) fail('bid is not positive');
    const spreadTicks = ask.minus(bid).div(i.tickSize);
    if (spreadTicks.lt(1) || spreadTicks.gt(3)) fail('spread is not 1 to 3 ticks');
    if (!(last.equals(bid) || last.equals(ask))) fail('last is neither bid nor ask');
    if (low.gt(last) || high.lt(last) || low.gt(open) || high.lt(open)) fail('low ≤ open, last ≤ high broken');
    if (q.prevClose !== i.referencePrice.toFixed(places)) fail('prevClose is not the reference price');
    if (!dec(q.change).equals(last.minus(dec(q.prevClose)))) fail('change is not last − prevClose');
    const pct = last.minus(i.referencePrice).div(i.referencePrice).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN);
    if (!dec(q.changePct).equals(pct) || !/^-?\d+\.\d\d$/.test(q.changePct)) fail(`changePct is not ${pct.toFixed(2)}`);
    for (const field of ['bidSize', 'askSize', 'lastSize'] as const) {
      if (!dec(q[field]).gt(0) || !isWholeLots(dec(q[field]), i)) fail(`${field} is not a positive whole number of lots`);
    }
    if (!dec(q.volume).equals(dec(prev.volume).plus(dec(q.lastSize)))) fail('volume is not the running sum of trade sizes');
    if (q.seq !== prev.seq + 1) fail(`seq does not follow ${prev.seq}`);
    if (q.ts !== now) fail('ts is not the clock');
    if (q.open !== prev.open) fail('open changed during the session');
  }

  while (updates < 20_000) {
    now += INTERVAL;
    cycles += 1;
    for (const { quote, trade } of sim.step()) {
      const instrument = catalog.get(quote.symbol)!;
      check(quote, instrument, previous.get(quote.symbol)!);
      if (trade.priceTicks !== Number(dec(quote.last).div(instrument.tickSize).toFixed(0))) failures.push(`${quote.symbol}: trade price differs from last`);
      if (sim.latest(quote.symbol) !== quote) failures.push(`${quote.symbol}: latest is not the newest quote`);
      previous.set(quote.symbol, quote);
      updates += 1;
    }
  }

  it('keeps every price on the tick grid, positive, in fixed notation, with bid < ask and exact change', () => {
    expect(failures).toEqual([]);
  });

  it('moves about a quarter of the symbols per cycle', () => {
    const share = updates / (cycles * catalog.all().length);
    expect(share).toBeGreaterThan(0.22);
    expect(share).toBeLessThan(0.28);
  });

  it('moves every symbol at some point and keeps prices near their reference', () => {
    for (const i of catalog.all()) {
      const q = previous.get(i.symbol)!;
      expect(q.seq, i.symbol).toBeGreaterThan(0);
      const drift = dec(q.last).div(i.referencePrice).minus(1).abs();
      expect(drift.lt('0.25'), `${i.symbol} drifted ${drift.toFixed(3)}`).toBe(true);
    }
  });
});
