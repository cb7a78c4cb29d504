import type { Observable } from 'rxjs';
import type { Decimal } from '../../src/core/decimal.ts';
import type { Order } from '../../src/core/order.ts';

/** What a venue tells the OMS about an order it holds. */
export type VenueEvent =
  | { kind: 'accepted'; orderId: string }
  | { kind: 'rejected'; orderId: string; reason: string }
  | { kind: 'fill'; orderId: string; venueExecId: string; quantity: Decimal; price: Decimal }
  | { kind: 'canceled'; orderId: string; reason: string }
  | { kind: 'cancelRejected'; orderId: string; reason: string };

/**
 * A place orders go: the internal matching venue, or a FIX counterparty.
 * Commands return at once; outcomes arrive on events$ in the order they happen.
 */
export interface Venue {
  readonly name: string;
  submit(order: Order): void;
  cancel(order: Order): void;
  readonly events$: Observable<VenueEvent>;
  stop(): void;
}
