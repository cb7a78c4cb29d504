import { Subject, type Subscription } from 'rxjs';
import { Decimal, ZERO } from '../../../src/core/decimal.ts';
import type { Order, Side, TimeInForce } from '../../../src/core/order.ts';
import type { QuoteWire } from '../../../src/core/protocol.ts';
import type { MarketDataSource } from '../../marketdata/types.ts';
import type { Venue, VenueEvent } from '../types.ts';
import { isMarketable, oppositeTouch } from './touch.ts';

interface Resting {
  readonly orderId: string;
  readonly symbol: string;
  readonly side: Side;
  readonly limit: Decimal | null;
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
    const touch = oppositeTouch(q, r.side);
    if (!touch || !isMarketable(r.side, r.limit, touch.price)) return false;
    const t = takenFrom(q);
    const available = touch.size.minus(t[r.side]);
    let qty = Decimal.min(r.leaves, available);
    // Whole lots only: an odd lot left on an order could never trade again.
    if (r.lot.gt(0)) qty = qty.minus(qty.mod(r.lot));
    if (qty.lte(0)) return false;
    t[r.side] = t[r.side].plus(qty);
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
        tif: order.tif,
        lot: md.instruments.get(order.symbol)?.lotSize ?? ZERO,
        leaves: order.leavesQty,
      };
      if (quote && tryMatch(r, quote)) return;
      if (r.tif === 'ioc') {
        emit({ kind: 'canceled', orderId: r.orderId, reason: 'immediate or cancel: the rest was canceled' });
        return;
      }
      rest(r);
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
