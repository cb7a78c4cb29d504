import { type Observable, ReplaySubject, filter, map, merge, scan, share } from 'rxjs';
import type { Connection } from './connection.ts';
import { NO_POSITIONS, type PositionsEvent, type PositionsState, reducePositions } from './positionsState.ts';
import { skipFailure } from './skipFailure.ts';
import { whenOnline } from './whenOnline.ts';

/** The user's positions (a desk head: every trader's), live from the gateway's portfolio. */
export function positionsOf(conn: Connection): Observable<PositionsState> {
  return conn.status$.pipe(
    whenOnline(() =>
      merge(
        conn.messages$.pipe(
          filter((m) => m.type === 'positionUpdate'),
          map((m): PositionsEvent => ({ kind: 'update', position: m.position })),
        ),
        conn
          .request<'subscribePositions'>({ type: 'subscribePositions' })
          .pipe(
            map((m): PositionsEvent => ({ kind: 'snapshot', positions: m.positions })),
            skipFailure('positions'),
          ),
      ),
    ),
    scan(reducePositions, NO_POSITIONS),
    share({ connector: () => new ReplaySubject<PositionsState>(1), resetOnRefCountZero: true }),
  );
}
