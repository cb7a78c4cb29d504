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
  /** The subscription groups holding this symbol. */
  readonly groups: Set<Group>;
  readonly depthClients: Set<Client>;
}

/**
 * Connections subscribed to exactly the same symbols. They need the same
 * quotes in a flush, so the frame body is built once for all of them.
 */
interface Group {
  readonly key: string;
  readonly slots: readonly Slot[];
  readonly members: Set<Client>;
  /** Its symbols that changed in the flush being sent. */
  changed: Slot[];
}

/** The fan-out's view of one connection. */
interface Client {
  readonly session: Session;
  group: Group | undefined;
  /**
   * Changes this connection has not been sent because it was skipped (slow):
   * a set, so a symbol changing in many flushes counts once (conflation). While
   * it holds anything, the connection gets its own frame instead of the group's.
   */
  readonly backlog: Set<Slot>;
  readonly pendingDepth: Set<Slot>;
  /** Per-connection quote-frame sequence. */
  seq: number;
  /** When the unsent bytes first went over the bound, while they stay over it. */
  slowSince: number | undefined;
  /** Slow: frames only every slowFlushEvery flushes until the buffer drains. */
  slow: boolean;
  closing: boolean;
  /** The flush whose write decision `writable` holds. */
  decidedAt: number;
  writable: boolean;
}

/**
 * Quote and depth delivery. Every update lands in its symbol's slot (newest
 * wins). Each flush sends every connection one `quotes` frame of the symbols it
 * follows that changed, newest value only. Connections following the same
 * symbols share one frame body (quote JSON made once per change, the body once
 * per flush); only the few header bytes with the connection's seq are its own.
 * A connection whose socket does not drain is skipped (its changes wait in a
 * set bounded by its symbols), then served less often, then told and
 * disconnected: it never delays the others, and the gateway never holds more
 * than the bound plus one frame for it.
 */
export function createQuoteFanout(feed: FanoutFeed, options: Partial<QuoteFanoutOptions> = {}): QuoteFanout {
  const opt: QuoteFanoutOptions = { ...DEFAULT_QUOTE_FANOUT, ...options };
  const slots = new Map<string, Slot>();
  const groups = new Map<string, Group>();
  const clients = new Map<Session, Client>();
  /** Connections with a backlog or depth waiting: visited each flush even when their group did not change. */
  const waiting = new Set<Client>();
  let dirty: Slot[] = [];
  let flushNo = 1;
  const stats: FanoutStats = { delivered: 0, frames: 0, slowDisconnects: 0 };

  function slotOf(symbol: string): Slot {
    let slot = slots.get(symbol);
    if (slot === undefined) {
      slot = { symbol, quote: undefined, json: undefined, depthJson: undefined, changedAt: 0, groups: new Set(), depthClients: new Set() };
      slots.set(symbol, slot);
    }
    return slot;
  }
  function release(slot: Slot): void {
    if (slot.groups.size === 0 && slot.depthClients.size === 0) slots.delete(slot.symbol);
  }
  function clientOf(session: Session): Client {
    let c = clients.get(session);
    if (c === undefined) {
      c = {
        session,
        group: undefined,
        backlog: new Set(),
        pendingDepth: new Set(),
        seq: 0,
        slowSince: undefined,
        slow: false,
        closing: false,
        decidedAt: 0,
        writable: false,
      };
      clients.set(session, c);
    }
    return c;
  }

  /** Puts a connection in the group of its current symbols (session.symbols), leaving its old one. */
  function regroup(c: Client): void {
    const symbols = [...c.session.symbols].sort();
    const key = symbols.join('\n');
    if (c.group?.key === key) return;
    const old = c.group;
    c.group = undefined;
    // Join the new group before leaving the old, so the symbols they share keep their slots (and this flush's changes).
    if (symbols.length > 0) {
      let g = groups.get(key);
      if (g === undefined) {
        g = { key, slots: symbols.map(slotOf), members: new Set(), changed: [] };
        for (const slot of g.slots) slot.groups.add(g);
        groups.set(key, g);
      }
      g.members.add(c);
      c.group = g;
    }
    if (old !== undefined) leave(old, c);
  }
  function leaveGroup(c: Client): void {
    const g = c.group;
    c.group = undefined;
    if (g !== undefined) leave(g, c);
  }
  function leave(g: Group, c: Client): void {
    g.members.delete(c);
    if (g.members.size > 0) return;
    groups.delete(g.key);
    for (const slot of g.slots) {
      slot.groups.delete(g);
      release(slot);
    }
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
    for (const g of slot.groups) {
      for (const c of g.members) {
        const ws = c.session.ws;
        if (ws.readyState !== OPEN) continue;
        ws.send(JSON.stringify({ type: 'quotes', seq: ++c.seq, quotes: [q] } satisfies ServerMessage));
        stats.delivered += 1;
        stats.frames += 1;
      }
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

  /** Whether a connection gets frames in this flush; decided once per flush. False while it is not draining. */
  function mayWrite(c: Client, now: number): boolean {
    if (c.decidedAt === flushNo) return c.writable;
    c.decidedAt = flushNo;
    c.writable = decide(c, now);
    return c.writable;
  }
  function decide(c: Client, now: number): boolean {
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

  /** Quote fragments joined and closed: `q1,q2,…]}`, the part of a frame after its header. */
  function body(slotsToSend: Iterable<Slot>): { bytes: Buffer; count: number } {
    let n = 0;
    let size = 0;
    for (const slot of slotsToSend) {
      if (slot.quote === undefined) continue;
      const json = (slot.json ??= Buffer.from(JSON.stringify(slot.quote)));
      parts[n++] = json;
      size += json.length;
    }
    const bytes = Buffer.allocUnsafe(size + n + 1);
    let at = 0;
    for (let i = 0; i < n; i++) {
      if (i > 0) bytes[at++] = 0x2c; // ,
      at += parts[i]!.copy(bytes, at);
    }
    bytes[at++] = 0x5d; // ]
    bytes[at++] = 0x7d; // }
    parts.length = 0;
    return { bytes: bytes.subarray(0, at), count: n };
  }

  /**
   * One `quotes` message as two WebSocket fragments: the connection's header,
   * then the body, which is shared and written by the socket without a copy.
   */
  function sendFrame(c: Client, framed: { bytes: Buffer; count: number }): void {
    if (framed.count === 0) return;
    c.seq += 1;
    const ws = c.session.ws;
    ws.send(`{"type":"quotes","seq":${c.seq},"quotes":[`, { binary: false, fin: false });
    ws.send(framed.bytes, { binary: false, fin: true });
    stats.delivered += framed.count;
    stats.frames += 1;
  }

  function writeBacklog(c: Client): void {
    const framed = body(c.backlog);
    c.backlog.clear();
    sendFrame(c, framed);
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
    const touched: Group[] = [];
    for (const slot of changed) {
      for (const g of slot.groups) {
        if (g.changed.length === 0) touched.push(g);
        g.changed.push(slot);
      }
      for (const c of slot.depthClients) {
        c.pendingDepth.add(slot);
        waiting.add(c);
      }
    }
    const now = opt.now();
    for (const g of touched) {
      let shared: { bytes: Buffer; count: number } | undefined;
      for (const c of g.members) {
        if (c.backlog.size === 0 && mayWrite(c, now)) {
          sendFrame(c, (shared ??= body(g.changed)));
          continue;
        }
        // Behind: this flush's changes join its own backlog, sent below when it may write.
        if (c.closing) continue;
        for (const slot of g.changed) c.backlog.add(slot);
        waiting.add(c);
      }
      g.changed = [];
    }
    for (const c of waiting) {
      if (!mayWrite(c, now)) continue;
      if (c.backlog.size > 0) writeBacklog(c);
      if (c.pendingDepth.size > 0) writeDepth(c);
      waiting.delete(c);
    }
  }

  function forget(c: Client): void {
    leaveGroup(c);
    for (const slot of slots.values()) {
      if (slot.depthClients.delete(c)) release(slot);
    }
    c.backlog.clear();
    c.pendingDepth.clear();
    waiting.delete(c);
    clients.delete(c.session);
  }

  const timer = opt.mode === 'naive' ? undefined : setInterval(flush, opt.flushMs);

  return {
    add(session, symbols) {
      const c = clientOf(session);
      for (const sym of symbols) {
        session.symbols.add(sym);
        // The snapshot that follows carries the newest quote; a waiting one would only repeat it.
        const slot = slots.get(sym);
        if (slot !== undefined) c.backlog.delete(slot);
      }
      regroup(c);
      return c.seq;
    },
    remove(session, symbols) {
      for (const sym of [...symbols]) session.symbols.delete(sym);
      const c = clients.get(session);
      if (c === undefined) return;
      for (const slot of c.backlog) if (!session.symbols.has(slot.symbol)) c.backlog.delete(slot);
      regroup(c);
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
