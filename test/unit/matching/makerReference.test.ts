import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EventLog } from '../../../server/venues/matching/events.ts';
import { MarketMaker } from '../../../server/venues/matching/marketMaker.ts';
import { OrderBook } from '../../../server/venues/matching/orderBook.ts';
import { ReferenceMarketMaker } from './referenceMaker.ts';

// The market maker keeps its orders and the levels it is asked for in flat arrays (no Map, no
// iterator, nothing allocated per re-quote): it must give the book exactly the commands the
// Map-based maker gave, in the same order, whatever the levels and the traders do in between.

type Level = { tick: number; lots: number };
type Step =
  | { kind: 'requote'; bids: Level[]; asks: Level[] }
  | { kind: 'trader'; side: 'buy' | 'sell'; tick: number; lots: number }
  | { kind: 'cancel'; nth: number };

// Bids and asks over overlapping ranges, sizes from 0 (left out) and repeated ticks: crossing levels meet traders and the maker's own orders.
const level = fc.record({ tick: fc.integer({ min: 95, max: 106 }), lots: fc.integer({ min: 0, max: 6 }) });
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('requote' as const), bids: fc.array(level, { maxLength: 6 }), asks: fc.array(level, { maxLength: 6 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('trader' as const), side: fc.constantFrom('buy' as const, 'sell' as const), tick: fc.integer({ min: 94, max: 107 }), lots: fc.integer({ min: 1, max: 8 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancel' as const), nth: fc.nat(20) }) },
);

interface AnyMaker {
  traded(id: number, lots: number): void;
  gone(id: number): void;
  readonly size: number;
  requote(book: OrderBook, bids: readonly Level[], asks: readonly Level[], nextId: () => number, absorb: (log: EventLog) => void): void;
}

/** Runs the steps against one maker; returns every book event as text, the maker's size after each step and the final depth. */
function run(maker: AnyMaker, steps: readonly Step[]): { log: string[]; sizes: number[]; depth: unknown } {
  const book = new OrderBook();
  const log: string[] = [];
  const sizes: number[] = [];
  const traders: number[] = [];
  let id = 0;
  const absorb = (events: EventLog) => {
    for (const e of events.toArray()) {
      log.push(JSON.stringify(e));
      if (e.kind === 'trade') {
        maker.traded(e.makerId, e.lots);
        maker.traded(e.takerId, e.lots);
      }
      if (e.kind === 'canceled') maker.gone(e.orderId);
    }
  };
  for (const s of steps) {
    if (s.kind === 'requote') maker.requote(book, s.bids, s.asks, () => ++id, absorb);
    else if (s.kind === 'trader') {
      const tid = ++id;
      traders.push(tid);
      absorb(book.limit(tid, 1, s.side, s.tick, s.lots, 'gtc'));
    } else if (traders.length > 0) absorb(book.cancel(traders[s.nth % traders.length]!));
    sizes.push(maker.size);
  }
  return { log, sizes, depth: [book.depth('buy', 50), book.depth('sell', 50)] };
}

describe('market maker on flat arrays', () => {
  it('gives the book the same commands as the Map-based reference, step by step', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        expect(run(new MarketMaker(), steps)).toEqual(run(new ReferenceMarketMaker(), steps));
      }),
      { numRuns: 400 },
    );
  });

  it('requotePairs reads flat tick, lots pairs as requote reads levels', () => {
    const viaLevels = new MarketMaker();
    const viaPairs = new MarketMaker();
    const a = new OrderBook();
    const b = new OrderBook();
    let ia = 0;
    let ib = 0;
    const logA: string[] = [];
    const logB: string[] = [];
    viaLevels.requote(a, [{ tick: 99, lots: 5 }, { tick: 98, lots: 0 }, { tick: 99, lots: 7 }, { tick: 97, lots: 2 }], [{ tick: 101, lots: 3 }], () => ++ia, (l) => logA.push(...l.toArray().map((e) => JSON.stringify(e))));
    viaPairs.requotePairs(b, [99, 5, 98, 0, 99, 7, 97, 2], [101, 3], () => ++ib, (l) => logB.push(...l.toArray().map((e) => JSON.stringify(e))));
    expect(logB).toEqual(logA);
    // The repeated 99 and the empty 98 are left out.
    expect(b.depth('buy', 5)).toEqual([
      { price: 99, lots: 5, orders: 1 },
      { price: 97, lots: 2, orders: 1 },
    ]);
  });
});
