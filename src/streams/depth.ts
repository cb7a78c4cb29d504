import { Observable, ReplaySubject, filter, map, share } from 'rxjs';
import type { DepthWire, ServerMessage } from '../core/protocol.ts';
import type { Connection } from './connection.ts';
import { newerOnly } from './quotes.ts';
import { skipFailure } from './skipFailure.ts';
import { whenOnline } from './whenOnline.ts';

export type DepthSource = (symbol: string) => Observable<DepthWire>;

type DepthMessage = ServerMessage & { type: 'depth' };

/**
 * One shared book stream per symbol, like quotes: `subscribeDepth` when the
 * first listener arrives, again after every reconnect (the gateway answers with
 * a fresh snapshot), `unsubscribeDepth` when the last one leaves; a late
 * listener gets the latest book at once.
 */
export function createDepthSource(conn: Connection): DepthSource {
  const streams = new Map<string, Observable<DepthWire>>();
  return (symbol) => {
    let stream = streams.get(symbol);
    if (!stream) {
      stream = conn.status$.pipe(
        whenOnline(() => gatewayDepth(conn, symbol)),
        share({ connector: () => new ReplaySubject<DepthWire>(1), resetOnRefCountZero: true }),
      );
      streams.set(symbol, stream);
    }
    return stream;
  };
}

/** The snapshot and every later book of one symbol while subscribed. */
function gatewayDepth(conn: Connection, symbol: string): Observable<DepthWire> {
  return new Observable<DepthWire>((subscriber) => {
    // The snapshot answering the request is also a `depth` frame: listening to
    // all of them (before asking) gets it and the updates in order.
    const books = conn.messages$
      .pipe(
        filter((m): m is DepthMessage => m.type === 'depth' && m.symbol === symbol),
        map(({ type: _type, reqId: _reqId, ...book }): DepthWire => book),
        newerOnly(),
      )
      .subscribe(subscriber);
    // Asked through request() so a refusal (unknown symbol) is logged.
    const ask = conn.request<'subscribeDepth'>({ type: 'subscribeDepth', symbol }).pipe(skipFailure(`depth ${symbol}`)).subscribe();
    return () => {
      books.unsubscribe();
      ask.unsubscribe();
      conn.send({ type: 'unsubscribeDepth', symbol });
    };
  });
}
