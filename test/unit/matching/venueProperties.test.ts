import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Decimal, ZERO, dec } from '../../../src/core/decimal.ts';
import type { Order } from '../../../src/core/order.ts';
import type { VenueEvent } from '../../../server/venues/types.ts';
import { type Levels, amended, harness, settle } from './venueMarket.ts';

// Random flows of traders' orders, cancels and replaces mixed with simulated
// market moves and prints, through the whole venue (maker included). After
// every step the book is never crossed; at the end every order's reports tell
// a consistent story.

const price = (offset: number) => dec(10_000 + offset).div(100); // ticks of 0.01 around 100.00

type Step =
  | { kind: 'submit'; trader: number; side: 'buy' | 'sell' | 'sellShort'; type: 'limit' | 'market' | 'stop' | 'stopLimit'; tif: 'gtc' | 'day' | 'ioc' | 'fok' | 'gtd'; at: number; stopAt: number; qty: number }
  | { kind: 'cancel'; pick: number }
  | { kind: 'replace'; pick: number; qty: number; at: number }
  | { kind: 'move'; mid: number; sizes: number[] }
  | { kind: 'tape'; at: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('submit' as const),
      trader: fc.integer({ min: 1, max: 3 }),
      side: fc.constantFrom('buy' as const, 'sell' as const, 'sellShort' as const),
      type: fc.constantFrom('limit' as const, 'limit' as const, 'market' as const, 'stop' as const, 'stopLimit' as const),
      tif: fc.constantFrom('gtc' as const, 'day' as const, 'ioc' as const, 'fok' as const, 'gtd' as const),
      at: fc.integer({ min: -8, max: 8 }),
      stopAt: fc.integer({ min: -8, max: 8 }),
      qty: fc.integer({ min: 1, max: 80 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('replace' as const), pick: fc.nat(), qty: fc.integer({ min: 1, max: 80 }), at: fc.integer({ min: -8, max: 8 }) }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('move' as const), mid: fc.integer({ min: -6, max: 6 }), sizes: fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 6, maxLength: 6 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('tape' as const), at: fc.integer({ min: -8, max: 8 }) }) },
);

function depthAround(mid: number, sizes: readonly number[]): [Levels, Levels] {
  const bids: Levels = [0, 1, 2].map((k) => [price(mid - 1 - k).toFixed(2), String(sizes[k] ?? 1)] as const);
  const asks: Levels = [0, 1, 2].map((k) => [price(mid + 1 + k).toFixed(2), String(sizes[k + 3] ?? 1)] as const);
  return [bids, asks];
}

/** Replays one order's reports and checks they add up; returns what it found wrong, if anything. */
function storyOf(order: Order, events: readonly VenueEvent[]): string | undefined {
  let quantity = order.quantity;
  let limit = order.limitPrice;
  let filled: Decimal = ZERO;
  let closed = false;
  let first = true;
  for (const e of events) {
    if (first && e.kind !== 'accepted' && e.kind !== 'rejected') return `first report is ${e.kind}`;
    first = false;
    if (closed && e.kind !== 'cancelRejected' && e.kind !== 'replaceRejected') return `${e.kind} after the order closed`;
    switch (e.kind) {
      case 'fill': {
        filled = filled.plus(e.quantity);
        if (filled.gt(quantity)) return `filled ${filled.toFixed()} of ${quantity.toFixed()}`;
        const buy = order.side === 'buy';
        if (limit !== null && (buy ? e.price.gt(limit) : e.price.lt(limit))) return `fill at ${e.price.toFixed()} through the limit ${limit.toFixed()}`;
        if (filled.eq(quantity)) closed = true;
        break;
      }
      case 'replaced':
        quantity = e.quantity;
        limit = e.limitPrice;
        if (filled.gte(quantity)) closed = true;
        break;
      case 'canceled':
      case 'rejected':
        closed = true;
        break;
      default:
        break;
    }
  }
  const immediate = order.type === 'market' || ((order.type === 'limit' || order.type === 'stopLimit') && (order.tif === 'ioc' || order.tif === 'fok'));
  const triggered = order.type === 'limit' || order.type === 'market' || events.some((e) => e.kind === 'triggered');
  if (immediate && triggered && !closed) return 'an immediate order was left open';
  return undefined;
}

describe('matching venue under random flows', () => {
  it('never leaves the book crossed, and every order’s reports add up', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 40 }), async (steps) => {
        const h = harness();
        const [bids, asks] = depthAround(0, [10, 20, 30, 10, 20, 30]);
        h.market.setDepth('ACME', bids, asks);
        const orders: Order[] = [];
        for (const s of steps) {
          switch (s.kind) {
            case 'submit': {
              const hasLimit = s.type === 'limit' || s.type === 'stopLimit';
              const hasStop = s.type === 'stop' || s.type === 'stopLimit';
              const o = h.order({
                trader: `trader${s.trader}`,
                side: s.side,
                type: s.type,
                tif: s.tif,
                qty: String(s.qty),
                ...(hasLimit ? { price: price(s.at).toFixed(2) } : {}),
                ...(hasStop ? { stop: price(s.stopAt).toFixed(2) } : {}),
              });
              orders.push(o);
              h.venue.submit(o);
              break;
            }
            case 'cancel': {
              const o = orders[s.pick % Math.max(1, orders.length)];
              if (o) h.venue.cancel(o);
              break;
            }
            case 'replace': {
              const o = orders[s.pick % Math.max(1, orders.length)];
              if (o) h.venue.replace(o, amended(o, { qty: String(s.qty), ...(o.limitPrice === null ? {} : { price: price(s.at).toFixed(2) }) }));
              break;
            }
            case 'move': {
              const [b, a] = depthAround(s.mid, s.sizes);
              h.market.setDepth('ACME', b, a);
              break;
            }
            case 'tape':
              h.market.tape('ACME', price(s.at).toFixed(2), '1');
              break;
          }
          const book = h.venue.book('ACME');
          if (book?.bid !== undefined && book.ask !== undefined) expect(book.bid.lt(book.ask), `crossed: ${book.bid} / ${book.ask}`).toBe(true);
          await settle();
          const after = h.venue.book('ACME');
          if (after?.bid !== undefined && after.ask !== undefined) expect(after.bid.lt(after.ask), `crossed after the print: ${after.bid} / ${after.ask}`).toBe(true);
        }
        await settle();
        for (const o of orders) {
          const story = storyOf(
            o,
            h.events.filter((e) => e.orderId === o.orderId),
          );
          expect(story, `${o.orderId} ${o.side} ${o.type} ${o.tif}`).toBeUndefined();
        }
        const execIds = h.events.flatMap((e) => (e.kind === 'fill' ? [e.venueExecId] : []));
        expect(new Set(execIds).size).toBe(execIds.length);
        h.venue.stop();
      }),
      { numRuns: 60 },
    );
  });
});
