import { type Observable, map } from 'rxjs';
import type { BarWire, Interval } from '../core/protocol.ts';
import type { Connection } from './connection.ts';
import { skipFailure } from './skipFailure.ts';
import { whenOnline } from './whenOnline.ts';

export const DEFAULT_BAR_LIMIT = 500;

/** Bars of a symbol, oldest first; fetched again after a reconnect so the chart has no gap. */
export function historyOf(conn: Connection, symbol: string, interval: Interval, limit = DEFAULT_BAR_LIMIT): Observable<BarWire[]> {
  return conn.status$.pipe(whenOnline(() => conn.request<'history'>({ type: 'history', symbol, interval, limit }).pipe(
        map((m) => m.bars),
        skipFailure(`history ${symbol} ${interval}`),
      )));
}
