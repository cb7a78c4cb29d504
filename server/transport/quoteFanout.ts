import type { Observable, Subscription } from 'rxjs';
import type { QuoteWire, ServerMessage } from '../../src/core/protocol.ts';
import type { Session } from './session.ts';

export interface QuoteFanoutOptions {
  /** How often waiting quotes go out; between flushes only the newest quote per symbol is kept. */
  flushMs: number;
  /** A connection with more than this still unsent is skipped for a flush (its quotes keep conflating). */
  maxBufferedBytes: number;
}

export const DEFAULT_QUOTE_FANOUT: QuoteFanoutOptions = { flushMs: 50, maxBufferedBytes: 1 << 20 };

export interface QuoteFanout {
  add(session: Session, symbols: readonly string[]): void;
  remove(session: Session, symbols: Iterable<string>): void;
  stop(): void;
}

/**
 * Quote delivery: every quote lands in the waiting map of each connection
 * subscribed to its symbol, and a timer sends each map as one `quotes` frame.
 * Memory per connection is bounded by its number of symbols, whatever its speed.
 */
export function createQuoteFanout(
  quotes$: Observable<QuoteWire>,
  send: (s: Session, msg: ServerMessage) => void,
  options: QuoteFanoutOptions = DEFAULT_QUOTE_FANOUT,
): QuoteFanout {
  const bySymbol = new Map<string, Set<Session>>();
  const active = new Set<Session>();

  const sub: Subscription = quotes$.subscribe((q) => {
    const sessions = bySymbol.get(q.symbol);
    if (!sessions) return;
    for (const s of sessions) s.pendingQuotes.set(q.symbol, q);
  });

  const timer = setInterval(() => {
    for (const s of active) {
      if (s.pendingQuotes.size === 0) continue;
      if (s.ws.bufferedAmount > options.maxBufferedBytes) continue;
      const quotes = [...s.pendingQuotes.values()];
      s.pendingQuotes.clear();
      send(s, { type: 'quotes', quotes });
    }
  }, options.flushMs);

  return {
    add(session, symbols) {
      for (const sym of symbols) {
        let set = bySymbol.get(sym);
        if (!set) bySymbol.set(sym, (set = new Set()));
        set.add(session);
        session.symbols.add(sym);
      }
      if (session.symbols.size > 0) active.add(session);
    },
    remove(session, symbols) {
      for (const sym of [...symbols]) {
        const set = bySymbol.get(sym);
        set?.delete(session);
        if (set?.size === 0) bySymbol.delete(sym);
        session.symbols.delete(sym);
        session.pendingQuotes.delete(sym);
      }
      if (session.symbols.size === 0) active.delete(session);
    },
    stop() {
      clearInterval(timer);
      sub.unsubscribe();
    },
  };
}
