import { Subject, type Subscription } from 'rxjs';
import { Decimal, ZERO } from '../../../src/core/decimal.ts';
import { type Order, type Side, type TimeInForce, bookSide } from '../../../src/core/order.ts';
import type { QuoteWire } from '../../../src/core/protocol.ts';
import type { MarketDataSource } from '../../marketdata/types.ts';
import type { Venue, VenueEvent } from '../types.ts';
import { isMarketable, isStopTriggered, oppositeTouch } from './touch.ts';

interface Resting {
  readonly orderId: string;
  readonly symbol: string;
  readonly side: Side;
  limit: Decimal | null;
  /** Set while a stop waits for its trigger; null once triggered (or for other types). */
  stop: Decimal | null;
  readonly tif: TimeInForce;
  readonly lot: Decimal;
  leaves: Decimal;
}

/** Displayed size already taken from one quote, so two orders cannot both take the same shares. */
interface Taken {
  seq: number;
  buy: Decimal;
  sell: Decimal;
}

export const INTERNAL_VENUE = 'INTERNAL';

/**
 * A stand-in venue that trades against the simulated top of book: a
 * marketable order takes the touch up to the displayed size, the rest rests
 * and is tried again on every quote of its symbol, oldest order first. It is
 * not an order book (orders never meet each other); the matching engine in
 * server/venues/matching replaces it behind the same Venue interface.
 */
export function createInternalVenue(md: Pick<MarketDataSource, 'quotes$' | 'latest' | 'instruments'>): Venue {
  const events = new Subject<VenueEvent>();
  const resting = new Map<string, Resting>();
  const bySymbol = new Map<string, Set<string>>();
  const taken = new Map<string, Taken>();
  let execNo = 0;
  let stopped = false;

  // Asynchronous like a real venue, and in order: microtasks run first in, first out.
  const emit = (e: VenueEvent) => queueMicrotask(() => stopped || events.next(e));

  function rest(r: Resting): void {
    resting.set(r.orderId, r);
    let set = bySymbol.get(r.symbol);
    if (!set) bySymbol.set(r.symbol, (set = new Set()));
    set.add(r.orderId);
  }

  function remove(r: Resting): void {
    resting.delete(r.orderId);
    bySymbol.get(r.symbol)?.delete(r.orderId);
  }

  function takenFrom(q: QuoteWire): Taken {
    let t = taken.get(q.symbol);
    if (!t || t.seq !== q.seq) taken.set(q.symbol, (t = { seq: q.seq, buy: ZERO, sell: ZERO }));
    return t;
  }

  /** Trades what the quote allows; true when the order is done. */
  function tryMatch(r: Resting, q: QuoteWire): boolean {
    if (r.stop !== null) {
      if (!isStopTriggered(r.side, r.stop, q)) return false;
      r.stop = null;
      emit({ kind: 'triggered', orderId: r.orderId });
    }
    const touch = oppositeTouch(q, r.side);
    if (!touch || !isMarketable(r.side, r.limit, touch.price)) return false;
    const t = takenFrom(q);
    const side = bookSide(r.side);
    const available = touch.size.minus(t[side]);
    let qty = Decimal.min(r.leaves, available);
    // Whole lots only: an odd lot left on an order could never trade again.
    if (r.lot.gt(0)) qty = qty.minus(qty.mod(r.lot));
    if (qty.lte(0)) return false;
    // Fill or kill: all of it now, or nothing (the caller then cancels it).
    if (r.tif === 'fok' && qty.lt(r.leaves)) return false;
    t[side] = t[side].plus(qty);
    r.leaves = r.leaves.minus(qty);
    execNo += 1;
    emit({ kind: 'fill', orderId: r.orderId, venueExecId: `${INTERNAL_VENUE}-${execNo}`, quantity: qty, price: touch.price });
    return r.leaves.isZero();
  }

  const quoteSub: Subscription = md.quotes$.subscribe((q) => {
    const ids = bySymbol.get(q.symbol);
    if (!ids || ids.size === 0) return;
    for (const id of [...ids]) {
      const r = resting.get(id);
      if (r && tryMatch(r, q)) remove(r);
    }
  });

  return {
    name: INTERNAL_VENUE,
    events$: events.asObservable(),

    submit(order: Order) {
      const quote = md.latest(order.symbol);
      if (order.type === 'market' && (!quote || !oppositeTouch(quote, order.side))) {
        emit({ kind: 'rejected', orderId: order.orderId, reason: `no quote for ${order.symbol}: a market order cannot be priced` });
        return;
      }
      emit({ kind: 'accepted', orderId: order.orderId });
      const r: Resting = {
        orderId: order.orderId,
        symbol: order.symbol,
        side: order.side,
        limit: order.limitPrice,
        stop: order.type === 'stop' || order.type === 'stopLimit' ? order.stopPrice : null,
        tif: order.tif,
        lot: md.instruments.get(order.symbol)?.lotSize ?? ZERO,
        leaves: order.leavesQty,
      };
      if (quote && tryMatch(r, quote)) return;
      if (r.tif === 'ioc' && r.stop === null) {
        emit({ kind: 'canceled', orderId: r.orderId, reason: 'immediate or cancel: the rest was canceled' });
        return;
      }
      if (r.tif === 'fok' && r.stop === null) {
        emit({ kind: 'canceled', orderId: r.orderId, reason: 'fill or kill: the whole quantity was not available at once' });
        return;
      }
      rest(r);
    },

    replace(current: Order, next: Order) {
      const r = resting.get(current.orderId);
      if (!r) {
        emit({ kind: 'replaceRejected', orderId: current.orderId, reason: `too late: order ${current.orderId} is no longer open at the ${INTERNAL_VENUE} venue` });
        return;
      }
      // The venue's own fills may have run ahead of the OMS: what is filled here is current.quantity − r.leaves.
      const filledHere = current.quantity.minus(r.leaves);
      if (next.quantity.lte(filledHere)) {
        emit({ kind: 'replaceRejected', orderId: current.orderId, reason: `too late: ${filledHere.toFixed()} are already filled` });
        return;
      }
      const samePrice = next.limitPrice === null ? r.limit === null : r.limit !== null && next.limitPrice.eq(r.limit);
      const losesPlace = !samePrice || next.quantity.gt(current.quantity);
      r.leaves = next.quantity.minus(filledHere);
      r.limit = next.limitPrice;
      if (r.stop !== null) r.stop = next.stopPrice;
      emit({ kind: 'replaced', orderId: current.orderId, quantity: next.quantity, limitPrice: next.limitPrice, stopPrice: next.stopPrice });
      // A smaller size keeps its place; a new price or a larger size goes to the back of the queue, and may trade at once.
      if (!losesPlace) return;
      remove(r);
      const quote = md.latest(r.symbol);
      if (!(quote && tryMatch(r, quote))) rest(r);
    },

    cancel(order: Order) {
      const r = resting.get(order.orderId);
      if (!r) {
        emit({ kind: 'cancelRejected', orderId: order.orderId, reason: `order ${order.orderId} is not open at the ${INTERNAL_VENUE} venue` });
        return;
      }
      remove(r);
      emit({ kind: 'canceled', orderId: r.orderId, reason: 'canceled on request' });
    },

    stop() {
      stopped = true;
      quoteSub.unsubscribe();
      events.complete();
    },
  };
}
