import { type Observable, ReplaySubject, map, share } from 'rxjs';
import type { ClientWire } from '../core/protocol.ts';
import type { Connection } from './connection.ts';
import { skipFailure } from './skipFailure.ts';
import { whenOnline } from './whenOnline.ts';

/** The advisor's clients with their accounts and holdings; fetched again after a reconnect. */
export function clientBookOf(conn: Connection): Observable<ClientWire[]> {
  return conn.status$.pipe(
    whenOnline(() => conn.request<'clientBook'>({ type: 'clientBook' }).pipe(
        map((m) => m.clients),
        skipFailure('clientBook'),
      )),
    share({ connector: () => new ReplaySubject<ClientWire[]>(1), resetOnRefCountZero: true }),
  );
}
