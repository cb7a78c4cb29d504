import { describe, expect, it } from 'vitest';
import { dec } from '../../../src/core/decimal.ts';
import type { QuoteWire } from '../../../src/core/protocol.ts';
import { Simulator, loadInstruments } from '../../../server/marketdata/index.ts';
import { volumeWeight } from '../../../server/marketdata/sessionClock.ts';

const catalog = loadInstruments();
const MINUTE = 60_000;
const utc = (iso: string) => Date.parse(`${iso}Z`);
const TOKYO = catalog.all().find((i) => i.symbol.endsWith('.T'))!.symbol;

/** Monday 24 November 2025 from 00:00 to 23:59 UTC in one-minute cycles, sessions enforced. */
function monday(symbols: readonly string[], seed = 9) {
  let now = utc('2025-11-24T00:00');
  const sim = new Simulator(
    symbols.map((s) => catalog.get(s)!),
    { seed, tickIntervalMs: MINUTE, sessions: 'enforce', clock: () => now },
  );
  const first = new Map(symbols.map((s) => [s, sim.latest(s)!] as const));
  const log: { at: number; quote: QuoteWire; lots: number }[] = [];
  for (let k = 0; k < 24 * 60 - 1; k++) {
    now += MINUTE;
    for (const { quote, trade } of sim.step()) log.push({ at: now, quote, lots: trade?.lots ?? 0 });
  }
  return { first, log };
}

describe('sessions enforced', () => {
  const { first, log } = monday(['AAPL', 'EURUSD', 'ES', TOKYO]);
  const quotesOf = (symbol: string) => log.filter((e) => e.quote.symbol === symbol);

  it('keeps a US share closed overnight, pre-open from 04:00 New York, open 09:30 to 16:00 (14:30 to 21:00 UTC in November)', () => {
    expect(first.get('AAPL')).toMatchObject({ sessionState: 'closed', last: '268.47', open: '268.47', prevClose: '268.47' });
    const aapl = quotesOf('AAPL');
    const changes = aapl.filter((e, k) => e.quote.sessionState !== (aapl[k - 1]?.quote.sessionState ?? 'closed'));
    expect(changes.map((e) => [new Date(e.at).toISOString().slice(11, 16), e.quote.sessionState])).toEqual([
      ['09:00', 'preOpen'],
      ['14:30', 'open'],
      ['21:00', 'closed'],
    ]);
    // Outside the open, a quote says the phase changed and nothing else moves.
    const outside = aapl.filter((e) => e.quote.sessionState !== 'open');
    expect(outside).toHaveLength(2);
    const prices = (q: QuoteWire) => [q.bid, q.ask, q.last, q.volume, q.high, q.low];
    expect(prices(outside[0]!.quote)).toEqual(prices(first.get('AAPL')!));
    const lastOpen = aapl.filter((e) => e.quote.sessionState === 'open').at(-1)!.quote;
    expect(prices(outside[1]!.quote)).toEqual(prices(lastOpen));
    expect(outside[1]!.quote.seq).toBe(lastOpen.seq + 1);
    const during = aapl.filter((e) => e.at >= utc('2025-11-24T14:30') && e.at < utc('2025-11-24T21:00'));
    expect(during.length).toBeGreaterThan(60);
    expect(during.every((e) => e.quote.sessionState === 'open')).toBe(true);
  });

  it('starts a trading day at the open: the previous close carried, an opening price, volume from zero', () => {
    const open = quotesOf('AAPL').find((e) => e.quote.sessionState === 'open')!.quote;
    expect(open).toMatchObject({ prevClose: '268.47', volume: '0', lastSize: '0' });
    expect(open.open).toBe(open.last);
    expect(open.high).toBe(open.last);
    expect(dec(open.change).equals(dec(open.last).minus('268.47'))).toBe(true);
    const closed = quotesOf('AAPL').at(-1)!.quote;
    expect(closed.sessionState).toBe('closed');
    expect(dec(closed.volume).gt(0)).toBe(true);
  });

  /** Times (UTC, HH:MM) and states at which a symbol's quotes changed phase. */
  const phases = (symbol: string) => {
    let state = first.get(symbol)!.sessionState;
    const out: string[][] = [];
    for (const e of quotesOf(symbol)) {
      if (e.quote.sessionState !== state) out.push([new Date(e.at).toISOString().slice(11, 16), e.quote.sessionState!]);
      state = e.quote.sessionState;
    }
    return out;
  };

  it('keeps FX open all Monday, and Tokyo open until 15:30 JST (06:30 UTC), pre-open again at 08:00 JST', () => {
    expect(first.get('EURUSD')?.sessionState).toBe('open');
    expect(phases('EURUSD')).toEqual([]);
    expect(quotesOf('EURUSD').length).toBeGreaterThan(300);
    expect(first.get(TOKYO)?.sessionState).toBe('open');
    expect(phases(TOKYO)).toEqual([
      ['06:30', 'closed'],
      ['23:00', 'preOpen'],
    ]);
    expect(quotesOf(TOKYO).filter((e) => e.at > utc('2025-11-24T06:30'))).toHaveLength(1);
  });

  it('gives CME futures their daily break, 16:00 to 17:00 Chicago (22:00 to 23:00 UTC), pre-open at 16:45', () => {
    expect(first.get('ES')?.sessionState).toBe('open');
    expect(phases('ES')).toEqual([
      ['22:00', 'closed'],
      ['22:45', 'preOpen'],
      ['23:00', 'open'],
    ]);
  });
});

describe('the intraday volume curve', () => {
  it('has a mean of one over the session, 2.2 at the edges and 0.4 at midday', () => {
    let sum = 0;
    const n = 100_000;
    for (let k = 0; k < n; k++) sum += volumeWeight((k + 0.5) / n);
    expect(sum / n).toBeCloseTo(1, 6);
    expect(volumeWeight(0)).toBeCloseTo(2.2, 12);
    expect(volumeWeight(1)).toBeCloseTo(2.2, 12);
    expect(volumeWeight(0.5)).toBeCloseTo(0.4, 12);
  });

  it('trades more in the first and last half hours than around midday (U-shaped)', () => {
    const us = catalog.all().filter((i) => i.currency === 'USD' && i.assetClass === 'equity').map((i) => i.symbol);
    const { log } = monday(us, 4);
    const lotsBetween = (from: string, to: string) => {
      const [a, b] = [utc(`2025-11-24T${from}`), utc(`2025-11-24T${to}`)];
      return log.filter((e) => e.at > a && e.at <= b).reduce((s, e) => s + e.lots, 0) / ((b - a) / MINUTE);
    };
    const opening = lotsBetween('14:30', '15:00');
    const midday = lotsBetween('17:00', '19:00');
    const closing = lotsBetween('20:30', '21:00');
    expect(opening / midday).toBeGreaterThan(2.5);
    expect(closing / midday).toBeGreaterThan(2.5);
  });
});

describe('sessions ignored (the default)', () => {
  it('trades every symbol on a Saturday night and says open', () => {
    let now = utc('2025-11-29T23:00');
    const sim = new Simulator(catalog.all(), { seed: 1, tickIntervalMs: 250, clock: () => now });
    const moved = new Set<string>();
    for (let k = 0; k < 100; k++) {
      now += 250;
      for (const { quote } of sim.step()) {
        moved.add(quote.symbol);
        expect(quote.sessionState).toBe('open');
      }
    }
    expect(moved.size).toBe(catalog.all().length);
    expect(sim.sessionState('AAPL')).toBe('open');
  });
});
