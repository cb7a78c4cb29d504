import { type MonoTypeOperatorFunction, Observable, ReplaySubject, defer, filter, merge, mergeMap, share } from 'rxjs';
import type { QuoteWire } from '../core/protocol.ts';
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
  return (symbol) => {
    let stream = streams.get(symbol);
    if (!stream) {
      stream = conn.status$.pipe(
        whenOnline(() => gatewayQuotes(conn, symbol)),
        share({ connector: () => new ReplaySubject<QuoteWire>(1), resetOnRefCountZero: true }),
      );
      streams.set(symbol, stream);
    }
    return stream;
  };
}

/** The gateway's snapshot then its updates for one symbol, for as long as it is subscribed. */
function gatewayQuotes(conn: Connection, symbol: string): Observable<QuoteWire> {
  return new Observable<QuoteWire>((subscriber) => {
    const updates = conn.messages$.pipe(
      mergeMap((m) => (m.type === 'quotes' ? m.quotes : [])),
      filter((q) => q.symbol === symbol),
    );
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

/** Drops a quote whose sequence number is not above the last one seen (a snapshot that lost the race to an update). */
export function newerOnly(): MonoTypeOperatorFunction<QuoteWire> {
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
