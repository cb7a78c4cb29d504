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
  submit(order: Order): void;
  cancel(order: Order): void;
  /** Amend to the new quantity/prices of `next` (same orderId, new clOrdId); answers replaced or replaceRejected. */
  replace(current: Order, next: Order): void;
  readonly events$: Observable<VenueEvent>;
  stop(): void;
}
