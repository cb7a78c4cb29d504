import { type Observable, ReplaySubject, filter, map, merge, scan, share } from 'rxjs';
import type { Connection, ResponseOf } from './connection.ts';
import { type CancelAllScopeWire, type ReplaceTerms, cancelAllMsg, replaceOrderMsg } from './orderCommands.ts';
import { NO_ORDERS, type OrdersEvent, type OrdersState, reduceOrders } from './ordersState.ts';
import { skipFailure } from './skipFailure.ts';
import { whenOnline } from './whenOnline.ts';

/** The user's orders and executions, live; a desk head sees the whole desk's. */
export function ordersOf(conn: Connection): Observable<OrdersState> {
  return conn.status$.pipe(
    whenOnline(() =>
      merge(
        conn.messages$.pipe(
          filter((m) => m.type === 'execReport'),
          map((m): OrdersEvent => ({ kind: 'execReport', report: m.report })),
        ),
        conn
          .request<'subscribeOrders'>({ type: 'subscribeOrders' })
          .pipe(
            map((m): OrdersEvent => ({ kind: 'snapshot', orders: m.orders, executions: m.executions })),
            skipFailure('orders'),
          ),
      ),
    ),
    // The state outlives a reconnect: the next snapshot replaces it, and meanwhile the blotter keeps showing it.
    scan(reduceOrders, NO_ORDERS),
    share({ connector: () => new ReplaySubject<OrdersState>(1), resetOnRefCountZero: true }),
  );
}

/**
 * Amends a working order (cancel/replace): answered by the `pendingReplace`
 * execution report, or by a `cancelReject` (responseTo 'replace') saying why.
 * The `replaced` report follows on the orders stream.
 */
export function replaceOrder(conn: Connection, orderId: string, clOrdId: string, terms: ReplaceTerms): Observable<ResponseOf<'replaceOrder'>> {
  return conn.request<'replaceOrder'>(replaceOrderMsg(orderId, clOrdId, terms));
}

/** Cancels every working order of a trader and/or account (your own when neither is named); answers how many cancels went out. */
export function cancelAll(conn: Connection, scope: CancelAllScopeWire = {}): Observable<ResponseOf<'cancelAll'>> {
  return conn.request<'cancelAll'>(cancelAllMsg(scope));
}
