import { type MonoTypeOperatorFunction, Observable, ReplaySubject, type Subscriber, type Subscription, defer, filter, merge, mergeMap, share } from 'rxjs';
import { MAX_SYMBOLS_PER_REQUEST, type QuoteWire } from '../core/protocol.ts';
import type { Connection } from './connection.ts';
import { skipFailure } from './skipFailure.ts';
import { whenOnline } from './whenOnline.ts';

export type QuoteSource = (symbol: string) => Observable<QuoteWire>;

/**
 * One shared stream per symbol: the gateway subscription is made when the
 * first listener arrives, remade after every reconnect, and dropped when the
 * last listener leaves; a late listener gets the latest quote at once.
 */
export function createQuoteSource(conn: Connection): QuoteSource {
  const streams = new Map<string, Observable<QuoteWire>>();
  const router = createQuoteRouter(conn);
  return (symbol) => {
    let stream = streams.get(symbol);
    if (!stream) {
      stream = conn.status$.pipe(
        whenOnline(() => gatewayQuotes(conn, router, symbol)),
        share({ connector: () => new ReplaySubject<QuoteWire>(1), resetOnRefCountZero: true }),
      );
      streams.set(symbol, stream);
    }
    return stream;
  };
}

/** The updates of one symbol out of the gateway's `quotes` frames. */
export type QuoteRouter = (symbol: string) => Observable<QuoteWire>;

/**
 * Whether a `quotes` frame follows the one before it. The gateway numbers its
 * quote frames per connection (a snapshot carries the number of the last frame
 * sent); a jump means frames were lost and what is shown may be wrong.
 * Frames without a number (an older gateway) are never called a gap.
 */
export function isFrameGap(lastSeq: number | undefined, seq: number | undefined): boolean {
  return lastSeq !== undefined && seq !== undefined && seq !== lastSeq + 1;
}

/**
 * Hands each quote of a `quotes` frame to the listeners of its symbol with one
 * map look-up. A watchlist of 500 symbols would otherwise run 500 filters over
 * every frame (125,000 comparisons for a frame of 250 quotes).
 * It listens to the connection only while some symbol has a listener. On a gap
 * in the frame numbers it asks again for snapshots of every routed symbol.
 */
export function createQuoteRouter(conn: Connection): QuoteRouter {
  const listeners = new Map<string, Set<Subscriber<QuoteWire>>>();
  let count = 0;
  let upstream: Subscription | undefined;
  let lastSeq: number | undefined;
  const route = (quotes: readonly QuoteWire[]): void => {
    for (const q of quotes) {
      const set = listeners.get(q.symbol);
      if (set) for (const l of set) l.next(q);
    }
  };
  const resnapshot = (): void => {
    const symbols = [...listeners.keys()];
    console.warn(`[quotes] quote frames were lost; asking again for ${symbols.length} snapshot${symbols.length === 1 ? '' : 's'}`);
    for (let i = 0; i < symbols.length; i += MAX_SYMBOLS_PER_REQUEST) {
      conn
        .request<'subscribe'>({ type: 'subscribe', symbols: symbols.slice(i, i + MAX_SYMBOLS_PER_REQUEST) })
        .pipe(skipFailure('quotes after a gap'))
        .subscribe((m) => route(m.quotes));
    }
  };
  const listen = (): Subscription => {
    const sub = conn.messages$.subscribe((m) => {
      if (m.type === 'quotes') {
        const gap = isFrameGap(lastSeq, m.seq);
        lastSeq = m.seq;
        route(m.quotes);
        if (gap) resnapshot();
      } else if (m.type === 'quoteSnapshot' && m.seq !== undefined) {
        lastSeq = m.seq;
      }
    });
    // A new connection numbers its frames from the start.
    sub.add(
      conn.status$.subscribe((status) => {
        if (status !== 'online') lastSeq = undefined;
      }),
    );
    return sub;
  };
  return (symbol) =>
    new Observable<QuoteWire>((subscriber) => {
      let set = listeners.get(symbol);
      if (!set) listeners.set(symbol, (set = new Set()));
      set.add(subscriber);
      count += 1;
      upstream ??= listen();
      return () => {
        const mine = listeners.get(symbol);
        mine?.delete(subscriber);
        if (mine?.size === 0) listeners.delete(symbol);
        count -= 1;
        if (count === 0) {
          upstream?.unsubscribe();
          upstream = undefined;
          lastSeq = undefined;
        }
      };
    });
}

/** The gateway's snapshot then its updates for one symbol, for as long as it is subscribed. */
function gatewayQuotes(conn: Connection, router: QuoteRouter, symbol: string): Observable<QuoteWire> {
  return new Observable<QuoteWire>((subscriber) => {
    const updates = router(symbol);
    const snapshot = conn.request<'subscribe'>({ type: 'subscribe', symbols: [symbol] }).pipe(
      mergeMap((m) => m.quotes),
      filter((q) => q.symbol === symbol),
      skipFailure(`quotes ${symbol}`),
    );
    // Updates are listened to before the request goes out so nothing between snapshot and first batch is lost.
    const inner = merge(updates, snapshot).pipe(newerOnly()).subscribe(subscriber);
    return () => {
      inner.unsubscribe();
      conn.send({ type: 'unsubscribe', symbols: [symbol] });
    };
  });
}

/** Drops a value whose sequence number is not above the last one seen (a snapshot that lost the race to an update). */
export function newerOnly<T extends { seq: number }>(): MonoTypeOperatorFunction<T> {
  return (source) =>
    defer(() => {
      let lastSeq = Number.NEGATIVE_INFINITY;
      return source.pipe(
        filter((q) => {
          if (q.seq <= lastSeq) return false;
          lastSeq = q.seq;
          return true;
        }),
      );
    });
}
