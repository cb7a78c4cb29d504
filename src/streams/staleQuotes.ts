import { EMPTY, type Observable, type SchedulerLike, asyncScheduler, combineLatest, defer, distinctUntilChanged, ignoreElements, map, merge, startWith, tap, timer } from 'rxjs';
import type { ConnectionStatus } from './connectionStatus.ts';

/**
 * A quote this much older than the clock is not shown as a live price. The
 * simulator moves a symbol about once a second, so ten seconds of silence
 * means the feed (or the symbol's market) has stopped, not a quiet moment.
 */
export const STALE_AFTER_MS = 10_000;
/** How often ages are looked at again: a quote turns stale within this of its threshold. */
export const STALE_CHECK_MS = 1_000;
/**
 * The gateway sends a heartbeat every 5 s whatever else flows: a link silent
 * for three of them is dead even if the socket has not noticed yet.
 */
export const LINK_SILENCE_MS = 15_000;

/** What staleness is judged against: the wall clock and whether the gateway is reachable. */
export interface Freshness {
  readonly now: number;
  readonly online: boolean;
  /** The age at which a quote is stale, as the gateway announced it (`hello.staleMs`); else STALE_AFTER_MS. */
  readonly staleAfterMs?: number | undefined;
}

/** How many heartbeats may be missed before the link counts as dead. */
export const MISSED_HEARTBEATS = 3;

/**
 * A quote is stale while the terminal is not online (nothing it shows can be
 * trusted to be current) or when it was made more than `thresholdMs` ago.
 * `ts` is the gateway's clock; the two clocks are assumed in step (NTP), and a
 * quote from the future counts as fresh.
 */
export function isQuoteStale(quote: { readonly ts: number } | undefined, freshness: Freshness, thresholdMs = freshness.staleAfterMs ?? STALE_AFTER_MS): boolean {
  if (!freshness.online) return true;
  if (quote === undefined) return false;
  return freshness.now - quote.ts > thresholdMs;
}

/**
 * The clock and the connection state, again on every status change and every
 * `everyMs`. With `heard$` (every frame from the gateway), a link that has
 * been silent for `silenceMs` while online counts as not online. Frames only
 * move the "last heard" time; they never cause an emission themselves.
 */
export function freshness$(
  status$: Observable<ConnectionStatus>,
  everyMs = STALE_CHECK_MS,
  scheduler: SchedulerLike = asyncScheduler,
  heard$: Observable<unknown> = EMPTY,
  silenceMs = LINK_SILENCE_MS,
  liveness$: Observable<{ readonly heartbeatMs?: number | undefined; readonly staleMs?: number | undefined }> = EMPTY,
): Observable<Freshness> {
  return defer(() => {
    let lastHeard = scheduler.now();
    // The gateway's hello may name its heartbeat and stale age; until it does (or if it never does), the defaults.
    let silence = silenceMs;
    let staleAfterMs: number | undefined;
    const told = liveness$.pipe(
      tap((l) => {
        silence = l.heartbeatMs !== undefined ? MISSED_HEARTBEATS * l.heartbeatMs : silenceMs;
        staleAfterMs = l.staleMs;
      }),
      ignoreElements(),
    );
    const listen = heard$.pipe(
      tap(() => {
        lastHeard = scheduler.now();
      }),
      ignoreElements(),
    );
    const online$ = status$.pipe(
      map((s) => s === 'online'),
      distinctUntilChanged(),
      // Coming online counts as hearing from the gateway.
      tap((online) => {
        if (online) lastHeard = scheduler.now();
      }),
    );
    const judged = combineLatest([online$, timer(0, everyMs, scheduler)]).pipe(
      map(([online]): Freshness => {
        const now = scheduler.now();
        return { now, online: online && now - lastHeard <= silence, staleAfterMs };
      }),
    );
    return merge(told, listen, judged);
  });
}

export interface MarkedQuote<Q> {
  readonly quote: Q | undefined;
  readonly stale: boolean;
}

/** Pairs the latest quote with whether it is stale, again whenever either changes. */
export function markStale<Q extends { readonly ts: number }>(quote$: Observable<Q>, fresh$: Observable<Freshness>, thresholdMs?: number): Observable<MarkedQuote<Q>> {
  return combineLatest([quote$.pipe(map((q): Q | undefined => q), startWith(undefined)), fresh$]).pipe(
    map(([quote, f]) => ({ quote, stale: isQuoteStale(quote, f, thresholdMs) })),
    distinctUntilChanged((a, b) => a.quote === b.quote && a.stale === b.stale),
  );
}

/**
 * Which rows changed staleness: the symbols whose flag differs from `before`.
 * The watchlist updates only those rows once a second instead of all of them.
 */
export function staleChanges(
  latest: ReadonlyMap<string, { readonly ts: number }>,
  before: ReadonlySet<string>,
  freshness: Freshness,
  thresholdMs = freshness.staleAfterMs ?? STALE_AFTER_MS,
): { stale: Set<string>; changed: string[] } {
  const stale = new Set<string>();
  const changed: string[] = [];
  for (const [symbol, q] of latest) {
    const now = isQuoteStale(q, freshness, thresholdMs);
    if (now) stale.add(symbol);
    if (now !== before.has(symbol)) changed.push(symbol);
  }
  return { stale, changed };
}
