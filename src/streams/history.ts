import { type Observable, map } from 'rxjs';
import type { BarWire, Interval } from '../core/protocol.ts';
import type { Connection } from './connection.ts';
import { skipFailure } from './skipFailure.ts';
import { whenOnline } from './whenOnline.ts';

export const DEFAULT_BAR_LIMIT = 500;
/** Bars fetched per scroll-back step: a few screens' worth. */
export const SCROLL_BACK_BARS = 300;

/** Bars of a symbol, oldest first; fetched again after a reconnect so the chart has no gap. */
export function historyOf(conn: Connection, symbol: string, interval: Interval, limit = DEFAULT_BAR_LIMIT): Observable<BarWire[]> {
  return conn.status$.pipe(
    whenOnline(() =>
      conn.request<'history'>({ type: 'history', symbol, interval, limit }).pipe(
        map((m) => m.bars),
        skipFailure(`history ${symbol} ${interval}`),
      ),
    ),
  );
}

/**
 * The `limit` bars opening before `to` (epoch seconds), oldest first: one page
 * of scroll-back. Bars at or after `to` are dropped even if a gateway sends
 * them, so a page never overlaps what the chart has. Emits once; fails as the
 * request does (the chart simply stops scrolling back).
 */
export function historyBefore(conn: Connection, symbol: string, interval: Interval, to: number, limit = SCROLL_BACK_BARS): Observable<BarWire[]> {
  return conn.request<'history'>({ type: 'history', symbol, interval, to, limit }).pipe(map((m) => m.bars.filter((b) => b.time < to)));
}

/**
 * Joins an older page in front of the bars held: oldest first, each time once
 * (the held bar wins a tie: it may have been updated live since).
 */
export function prependBars(older: readonly BarWire[], held: readonly BarWire[]): BarWire[] {
  const first = held[0]?.time ?? Number.POSITIVE_INFINITY;
  const before = older.filter((b) => b.time < first).sort((a, b) => a.time - b.time);
  const out: BarWire[] = [];
  for (const b of before) if (out.at(-1)?.time !== b.time) out.push(b);
  return [...out, ...held];
}
