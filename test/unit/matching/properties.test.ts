import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../../server/venues/matching/commands.ts';
import type { MatchEvent } from '../../../server/venues/matching/events.ts';
import { OrderBook } from '../../../server/venues/matching/orderBook.ts';
import type { Side } from '../../../src/core/order.ts';
import { orderFlow, type FlowStep } from './orderFlow.arbitrary.ts';

/** What the events have told us about one order (per life of an id: ids may be reused once done). */
interface Seen {
  side: Side;
  owner: number;
  lots: number;
  filled: number;
  done: boolean;
}

function run(book: OrderBook, s: FlowStep): MatchEvent[] {
  return (s.kind === 'endOfDay' ? book.expireDayOrders() : applyCommand(book, s)).toArray();
}

/**
 * Replays a flow and checks, after every operation, the invariants a venue
 * must never break, using only the book's events and public queries.
 */
function checkFlow(flow: FlowStep[]): void {
  const book = new OrderBook();
  const seen = new Map<number, Seen>();
  let boughtLots = 0;
  let soldLots = 0;

  flow.forEach((s, step) => {
    const where = `step ${step}: ${JSON.stringify(s)}`;
    const wasLive = s.kind === 'cancel' && seen.get(s.id)?.done === false;
    const filledBefore = new Map([...seen.values()].map((o) => [o, o.filled]));
    const events = run(book, s);

    for (const e of events) {
      if (e.kind === 'accepted') {
        expect(seen.get(e.orderId)?.done ?? true, `${where}: accepted over a live id`).toBe(true);
        if (s.kind === 'cancel' || s.kind === 'amend' || s.kind === 'endOfDay') throw new Error(`${where}: accepted without a new order`);
        seen.set(e.orderId, { side: s.side, owner: s.owner, lots: s.lots, filled: 0, done: false });
      } else if (e.kind === 'trade') {
        const maker = seen.get(e.makerId);
        const taker = seen.get(e.takerId);
        expect(maker && !maker.done, `${where}: trade against an order not live`).toBe(true);
        expect(taker && !taker.done, `${where}: trade by an order not live`).toBe(true);
        expect(maker!.side, `${where}: maker and taker on one side`).not.toBe(taker!.side);
        expect(maker!.owner, `${where}: an owner traded with itself`).not.toBe(taker!.owner);
        expect(e.lots).toBeGreaterThan(0);
        maker!.filled += e.lots;
        taker!.filled += e.lots;
        for (const o of [maker!, taker!]) {
          expect(o.filled, `${where}: an order filled beyond its quantity`).toBeLessThanOrEqual(o.lots);
          if (o.filled === o.lots) o.done = true;
          if (o.side === 'buy') boughtLots += e.lots;
          else soldLots += e.lots;
        }
      } else if (e.kind === 'canceled') {
        const o = seen.get(e.orderId);
        expect(o && !o.done, `${where}: canceled an order not live`).toBe(true);
        expect(e.lots).toBe(o!.lots - o!.filled);
        o!.done = true;
      } else if (e.kind === 'amended') {
        const o = seen.get(e.orderId)!;
        expect(e.lots).toBeGreaterThan(o.filled);
        o.lots = e.lots;
      }
    }

    // Traded quantity is conserved: every lot bought was sold by someone.
    expect(boughtLots, `${where}: bought and sold lots differ`).toBe(soldLots);

    // Never crossed after an operation.
    const bid = book.bestBid();
    const ask = book.bestAsk();
    if (bid !== undefined && ask !== undefined) expect(bid, `${where}: crossed book`).toBeLessThan(ask);

    // Cumulative filled never goes down, and the book agrees with the events.
    for (const [id, o] of seen) {
      expect(o.filled, `${where}: filled of ${id} went down`).toBeGreaterThanOrEqual(filledBefore.get(o) ?? 0);
      const view = book.order(id);
      if (o.done) expect(view, `${where}: ${id} is done but still live`).toBeUndefined();
      else if (view?.state === 'resting') expect(view).toMatchObject({ filled: o.filled, lots: o.lots, leaves: o.lots - o.filled });
      else expect(view?.state, `${where}: ${id} is live but the book lost it`).toBe('stop');
    }

    // The ladder's totals are the sum of its resting orders.
    for (const side of ['buy', 'sell'] as const) {
      const depth = book.depth(side, Infinity);
      const resting = [...seen].filter(([id, o]) => !o.done && o.side === side && book.order(id)?.state === 'resting');
      expect(depth.reduce((n, l) => n + l.lots, 0)).toBe(resting.reduce((n, [, o]) => n + o.lots - o.filled, 0));
      expect(depth.reduce((n, l) => n + l.orders, 0)).toBe(resting.length);
      depth.forEach((l, i) => {
        expect(l.lots).toBeGreaterThan(0);
        const next = depth[i + 1];
        if (next) expect(side === 'buy' ? l.price > next.price : l.price < next.price).toBe(true);
      });
    }

    // A cancel of an order that is filled, canceled or unknown is rejected.
    if (s.kind === 'cancel' && !wasLive) {
      expect(events, where).toEqual([{ kind: 'rejected', orderId: s.id, reason: 'unknown-order' }]);
    }
  });
}

describe('invariants over random order flows', () => {
  it('hold after every operation', () => {
    fc.assert(fc.property(orderFlow, checkFlow), { numRuns: 300 });
  });

  it('hold on a flow that fills orders and then cancels them', () => {
    checkFlow([
      { kind: 'limit', id: 1, owner: 1, side: 'sell', price: 100, lots: 2, tif: 'gtc' },
      { kind: 'limit', id: 2, owner: 2, side: 'buy', price: 100, lots: 2, tif: 'gtc' },
      { kind: 'cancel', id: 1 },
      { kind: 'cancel', id: 2 },
      { kind: 'cancel', id: 3 },
    ]);
  });
});
