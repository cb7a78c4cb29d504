import type { Observable, Subscription } from 'rxjs';
import type { DepthWire, QuoteWire, ServerMessage } from '../../src/core/protocol.ts';
import type { Session } from './session.ts';

export interface QuoteFanoutOptions {
  /** The conflation window: waiting updates go out this often, only the newest per symbol. */
  flushMs: number;
  /** A connection with more than this unsent is slow: it is skipped, and conflated harder while it stays slow. */
  maxBufferedBytes: number;
  /** A connection slow for this long is told why and disconnected (close code 4008). */
  slowClientMs: number;
  /** While slow, a connection gets a frame only every this many flushes (a longer conflation window). */
  slowFlushEvery: number;
  /** 'conflated' (the gateway's) or 'naive': one JSON.stringify and send per update per connection, the benchmark's baseline. */
  mode: 'conflated' | 'naive';
  now: () => number;
}

export const DEFAULT_QUOTE_FANOUT: QuoteFanoutOptions = {
  flushMs: 10,
  maxBufferedBytes: 1 << 20,
  slowClientMs: 5000,
  slowFlushEvery: 10,
  mode: 'conflated',
  now: Date.now,
};

/** WebSocket close code (private range) for a connection that could not keep up. */
export const CLOSE_SLOW_CONSUMER = 4008;
/** A closing slow connection that does not finish the close handshake within this is cut. */
const TERMINATE_AFTER_MS = 1000;
const OPEN = 1;

/** What the fan-out needs of the market data: the update stream and the book for depth frames. */
export interface FanoutFeed {
  readonly quotes$: Observable<QuoteWire>;
  depth(symbol: string): DepthWire | undefined;
}

export interface FanoutStats {
  /** Symbol-updates written into frames since start. */
  delivered: number;
  frames: number;
  slowDisconnects: number;
}

export interface QuoteFanout {
  /** Subscribes a connection to symbols; answers its quote-frame seq now, for the snapshot (the next frame is seq + 1). */
  add(session: Session, symbols: readonly string[]): number;
  remove(session: Session, symbols: Iterable<string>): void;
  addDepth(session: Session, symbol: string): void;
  removeDepth(session: Session, symbol: string): void;
  /** Forgets a connection (closed, logged out). */
  drop(session: Session): void;
  /** Sends what is waiting now (the timer calls it every flushMs; tests may call it directly). */
  flush(): void;
  stats(): FanoutStats;
  stop(): void;
}

/** One symbol anyone listens to: its newest quote, serialized at most once per change. */
interface Slot {
  readonly symbol: string;
  quote: QuoteWire | undefined;
  /** UTF-8 JSON of `quote`, made by the first flush that needs it and shared by every connection. */
  json: Buffer | undefined;
  /** JSON of the `depth` message for the newest quote, likewise. */
  depthJson: string | undefined;
  /** Flush number in which it last changed; it is on the dirty list once per flush. */
  changedAt: number;
  readonly quoteClients: Set<Client>;
  readonly depthClients: Set<Client>;
}

/** The fan-out's view of one connection. */
interface Client {
  readonly session: Session;
  /** Symbols changed since this connection's last frame: a set, so several changes count once (conflation). */
  readonly pending: Set<Slot>;
  readonly pendingDepth: Set<Slot>;
  /** Per-connection quote-frame sequence. */
  seq: number;
  /** When the unsent bytes first went over the bound, while they stay over it. */
  slowSince: number | undefined;
  /** Slow: frames only every slowFlushEvery flushes until the buffer drains. */
  slow: boolean;
  closing: boolean;
}

/**
 * Quote and depth delivery. Every update lands in its symbol's slot (newest
 * wins); each flush moves the changed slots to the connections listening and
 * sends each connection one `quotes` frame joined from JSON fragments made once
 * per change, not once per connection. A connection whose socket does not drain
 * is skipped (its updates keep conflating in a set bounded by its symbols), then
 * served less often, then told and disconnected: it never delays the others, and
 * the gateway never holds more than the bound plus one frame for it.
 */
export function createQuoteFanout(feed: FanoutFeed, options: Partial<QuoteFanoutOptions> = {}): QuoteFanout {
  const opt: QuoteFanoutOptions = { ...DEFAULT_QUOTE_FANOUT, ...options };
  const slots = new Map<string, Slot>();
  const clients = new Map<Session, Client>();
  let dirty: Slot[] = [];
  let flushNo = 1;
  const stats: FanoutStats = { delivered: 0, frames: 0, slowDisconnects: 0 };

  function slotOf(symbol: string): Slot {
    let slot = slots.get(symbol);
    if (slot === undefined) {
      slot = { symbol, quote: undefined, json: undefined, depthJson: undefined, changedAt: 0, quoteClients: new Set(), depthClients: new Set() };
      slots.set(symbol, slot);
    }
    return slot;
  }
  function release(slot: Slot): void {
    if (slot.quoteClients.size === 0 && slot.depthClients.size === 0) slots.delete(slot.symbol);
  }
  function clientOf(session: Session): Client {
    let c = clients.get(session);
    if (c === undefined) {
      c = { session, pending: new Set(), pendingDepth: new Set(), seq: 0, slowSince: undefined, slow: false, closing: false };
      clients.set(session, c);
    }
    return c;
  }

  function onQuote(q: QuoteWire): void {
    const slot = slots.get(q.symbol);
    if (slot === undefined) return;
    slot.quote = q;
    slot.json = undefined;
    slot.depthJson = undefined;
    if (slot.changedAt !== flushNo) {
      slot.changedAt = flushNo;
      dirty.push(slot);
    }
  }

  /** The baseline the benchmark compares against: every update serialized and sent to every listener at once. */
  function onQuoteNaive(q: QuoteWire): void {
    const slot = slots.get(q.symbol);
    if (slot === undefined) return;
    for (const c of slot.quoteClients) {
      const ws = c.session.ws;
      if (ws.readyState !== OPEN) continue;
      ws.send(JSON.stringify({ type: 'quotes', seq: ++c.seq, quotes: [q] } satisfies ServerMessage));
      stats.delivered += 1;
      stats.frames += 1;
    }
  }

  const sub: Subscription = feed.quotes$.subscribe(opt.mode === 'naive' ? onQuoteNaive : onQuote);

  function notify(c: Client, action: 'conflating' | 'disconnecting', message: string): void {
    c.session.ws.send(JSON.stringify({ type: 'slowConsumer', action, message } satisfies ServerMessage));
  }

  function disconnectSlow(c: Client, now: number): void {
    const ws = c.session.ws;
    const reason = `slow consumer: ${Math.round(ws.bufferedAmount / 1024)} KB unsent for ${Math.round((now - (c.slowSince ?? now)) / 1000)} s`;
    c.closing = true;
    stats.slowDisconnects += 1;
    notify(c, 'disconnecting', `${reason}; disconnecting`);
    ws.close(CLOSE_SLOW_CONSUMER, reason);
    // A peer that does not read will not read the close frame either: cut it so its buffer is freed.
    setTimeout(() => ws.terminate(), TERMINATE_AFTER_MS).unref();
    forget(c);
  }

  /** Decides whether a connection gets a frame in this flush; false while it is not draining. */
  function mayWrite(c: Client, now: number): boolean {
    const ws = c.session.ws;
    if (c.closing || ws.readyState !== OPEN) return false;
    const buffered = ws.bufferedAmount;
    if (buffered > opt.maxBufferedBytes) {
      if (c.slowSince === undefined) c.slowSince = now;
      if (!c.slow) {
        c.slow = true;
        notify(c, 'conflating', `your connection is not keeping up (${Math.round(buffered / 1024)} KB unsent); quotes are now merged over ${opt.flushMs * opt.slowFlushEvery} ms`);
      }
      if (now - c.slowSince >= opt.slowClientMs) disconnectSlow(c, now);
      return false;
    }
    c.slowSince = undefined;
    // Hysteresis: back to the normal window only once the buffer has mostly drained.
    if (c.slow && buffered < opt.maxBufferedBytes / 4) c.slow = false;
    return !c.slow || flushNo % opt.slowFlushEvery === 0;
  }

  /** Reused between frames: the fragments of the frame being built. */
  const parts: Buffer[] = [];

  /**
   * One frame, built as bytes: the fragments are copied once into a buffer the
   * socket writes as is, with no joined string to flatten and encode per connection.
   */
  function writeQuotes(c: Client): void {
    let n = 0;
    let bytes = 0;
    for (const slot of c.pending) {
      if (slot.quote === undefined) continue;
      const json = (slot.json ??= Buffer.from(JSON.stringify(slot.quote)));
      parts[n++] = json;
      bytes += json.length;
    }
    c.pending.clear();
    if (n === 0) return;
    c.seq += 1;
    const head = `{"type":"quotes","seq":${c.seq},"quotes":[`;
    const frame = Buffer.allocUnsafe(head.length + bytes + n + 1);
    let at = frame.write(head, 0, 'latin1');
    for (let i = 0; i < n; i++) {
      if (i > 0) frame[at++] = 0x2c; // ,
      at += parts[i]!.copy(frame, at);
    }
    frame[at++] = 0x5d; // ]
    frame[at++] = 0x7d; // }
    parts.length = 0;
    c.session.ws.send(frame, { binary: false });
    stats.delivered += n;
    stats.frames += 1;
  }

  function writeDepth(c: Client): void {
    for (const slot of c.pendingDepth) {
      if (slot.depthJson === undefined) {
        const book = feed.depth(slot.symbol);
        if (book === undefined) continue;
        slot.depthJson = JSON.stringify({ type: 'depth', ...book } satisfies ServerMessage);
      }
      c.session.ws.send(slot.depthJson);
    }
    c.pendingDepth.clear();
  }

  function flush(): void {
    const changed = dirty;
    dirty = [];
    flushNo += 1;
    for (const slot of changed) {
      for (const c of slot.quoteClients) c.pending.add(slot);
      for (const c of slot.depthClients) c.pendingDepth.add(slot);
    }
    const now = opt.now();
    for (const c of clients.values()) {
      if (c.pending.size === 0 && c.pendingDepth.size === 0) continue;
      if (!mayWrite(c, now)) continue;
      if (c.pending.size > 0) writeQuotes(c);
      if (c.pendingDepth.size > 0) writeDepth(c);
    }
  }

  function forget(c: Client): void {
    for (const slot of slots.values()) {
      slot.quoteClients.delete(c);
      slot.depthClients.delete(c);
      release(slot);
    }
    clients.delete(c.session);
  }

  const timer = opt.mode === 'naive' ? undefined : setInterval(flush, opt.flushMs);

  return {
    add(session, symbols) {
      const c = clientOf(session);
      for (const sym of symbols) {
        const slot = slotOf(sym);
        slot.quoteClients.add(c);
        // The snapshot that follows carries the newest quote; a waiting one would only repeat it.
        c.pending.delete(slot);
        session.symbols.add(sym);
      }
      return c.seq;
    },
    remove(session, symbols) {
      const c = clients.get(session);
      for (const sym of [...symbols]) {
        session.symbols.delete(sym);
        const slot = slots.get(sym);
        if (slot === undefined || c === undefined) continue;
        slot.quoteClients.delete(c);
        c.pending.delete(slot);
        release(slot);
      }
    },
    addDepth(session, symbol) {
      const c = clientOf(session);
      slotOf(symbol).depthClients.add(c);
      session.depthSymbols.add(symbol);
    },
    removeDepth(session, symbol) {
      session.depthSymbols.delete(symbol);
      const c = clients.get(session);
      const slot = slots.get(symbol);
      if (c === undefined || slot === undefined) return;
      slot.depthClients.delete(c);
      c.pendingDepth.delete(slot);
      release(slot);
    },
    drop(session) {
      session.symbols.clear();
      session.depthSymbols.clear();
      const c = clients.get(session);
      if (c !== undefined) forget(c);
    },
    flush,
    stats: () => ({ ...stats }),
    stop() {
      if (timer !== undefined) clearInterval(timer);
      sub.unsubscribe();
    },
  };
}
