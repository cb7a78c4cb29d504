import { type Observable, ReplaySubject, filter, map, merge, scan, share } from 'rxjs';
import type { Connection } from './connection.ts';
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
