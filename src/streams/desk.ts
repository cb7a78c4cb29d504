import { type Observable, ReplaySubject, filter, finalize, map, merge, scan, share } from 'rxjs';
import type { CostMethod } from '../core/pnl/inventory.ts';
import type { Connection } from './connection.ts';
import { type DeskEvent, type DeskState, reduceDesk } from './deskState.ts';
import { skipFailure } from './skipFailure.ts';
import { whenOnline } from './whenOnline.ts';

/**
 * The desk monitor (issue 5), live: the roll-up, limits, alerts and P&L
 * series for one cost method. Subscribed again after every reconnect; when
 * the last listener leaves, the gateway is told to stop pushing.
 */
export function deskOf(conn: Connection, method: CostMethod): Observable<DeskState | null> {
  return conn.status$.pipe(
    whenOnline(() =>
      merge(
        conn.messages$.pipe(
          map((m): DeskEvent | null => {
            if (m.type === 'deskUpdate') return { kind: 'update', msg: m };
            if (m.type === 'deskAlert') return { kind: 'alert', alert: m.alert };
            if (m.type === 'pnlPoints') return { kind: 'points', points: m.points };
            return null;
          }),
          filter((e): e is DeskEvent => e !== null),
        ),
        conn.request<'subscribeDesk'>({ type: 'subscribeDesk', method }).pipe(
          map((m): DeskEvent => ({ kind: 'snapshot', msg: m })),
          skipFailure('desk'),
        ),
      ),
    ),
    scan(reduceDesk, null),
    finalize(() => {
      if (conn.status === 'online') conn.send({ type: 'unsubscribeDesk' });
    }),
    share({ connector: () => new ReplaySubject<DeskState | null>(1), resetOnRefCountZero: true }),
  );
}

/** One shared stream per cost method: the toggle switches between them. */
export function createDeskSource(conn: Connection): (method: CostMethod) => Observable<DeskState | null> {
  const streams = new Map<CostMethod, Observable<DeskState | null>>();
  return (method) => {
    let s = streams.get(method);
    if (!s) {
      s = deskOf(conn, method);
      streams.set(method, s);
    }
    return s;
  };
}
