import type { Observable } from 'rxjs';
import type { Decimal } from '../../src/core/decimal.ts';
import type { Order } from '../../src/core/order.ts';

/** What a venue tells the OMS about an order it holds. */
export type VenueEvent =
  | { kind: 'accepted'; orderId: string }
  | { kind: 'rejected'; orderId: string; reason: string }
  /** venueExecId is unique per venue: the OMS drops a fill whose id it has seen (a resent report never fills twice). */
  | { kind: 'fill'; orderId: string; venueExecId: string; quantity: Decimal; price: Decimal }
  /** On request, or unsolicited: an IOC/FOK remainder, with its reason. */
  | { kind: 'canceled'; orderId: string; reason: string }
  | { kind: 'cancelRejected'; orderId: string; reason: string }
  | { kind: 'replaced'; orderId: string; quantity: Decimal; limitPrice: Decimal | null; stopPrice: Decimal | null }
  | { kind: 'replaceRejected'; orderId: string; reason: string }
  /** A stop order's trigger traded: it is now working as a market or limit order. */
  | { kind: 'triggered'; orderId: string }
  | { kind: 'expired'; orderId: string; reason: string };

/** What routing reads of an order: enough to route one before it is built. */
export type Routable = Pick<Order, 'symbol' | 'account'>;

/**
 * A place orders go: the internal matching venue, or a FIX counterparty.
 * Commands return at once; outcomes arrive on events$ in the order they happen.
 */
export interface Venue {
  readonly name: string;
  /**
   * The venue lives in the gateway's process and is rebuilt from the order journal when the gateway starts (the
   * internal matching engine). The OMS may then hand it a command before the journal's sync: its answers (New,
   * fills, Canceled) join the same durable batch as the command's own event and go out with it, one sync later
   * instead of two. Nothing of it is seen outside before that sync: reports wait in the commit queue, and the
   * venue's market data waits for it too. A venue of another firm (FIX) hears of an order only once it is durable.
   */
  readonly inProcess?: boolean;
  submit(order: Order): void;
  cancel(order: Order): void;
  /** Amend to the new quantity/prices of `next` (same orderId, new clOrdId); answers replaced or replaceRejected. */
  replace(current: Order, next: Order): void;
  readonly events$: Observable<VenueEvent>;
  stop(): void;
}
