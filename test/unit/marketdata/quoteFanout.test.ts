import { Subject } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { type DepthWire, type QuoteWire, ServerMessage } from '../../../src/core/protocol.ts';
import { CLOSE_SLOW_CONSUMER, type QuoteFanout, type QuoteFanoutOptions, createQuoteFanout } from '../../../server/transport/quoteFanout.ts';
import { type Session, newSession } from '../../../server/transport/session.ts';

/** A socket that records what it is sent; `bufferedAmount` is set by the test to play a slow reader. */
class FakeSocket {
  readyState = 1;
  bufferedAmount = 0;
  readonly sent: ServerMessage[] = [];
  closed: { code: number; reason: string } | undefined;
  terminated = false;
  /** A message sent in fragments (fin: false), joined as the peer would. */
  private partial = '';
  send(data: string | Buffer, options?: { binary?: boolean; fin?: boolean }): void {
    // Every message must be text the terminal's schema accepts.
    expect(options?.binary ?? typeof data !== 'string').toBe(false);
    this.partial += data.toString();
    if (options?.fin === false) return;
    const text = this.partial;
    this.partial = '';
    this.sent.push(ServerMessage.parse(JSON.parse(text)));
  }
  close(code: number, reason: string): void {
    this.closed = { code, reason };
    this.readyState = 2;
  }
  terminate(): void {
    this.terminated = true;
    this.readyState = 3;
  }
  of<T extends ServerMessage['type']>(type: T): Extract<ServerMessage, { type: T }>[] {
    return this.sent.filter((m): m is Extract<ServerMessage, { type: T }> => m.type === type);
  }
}

let nextId = 1;
function client(): { s: Session; ws: FakeSocket } {
  const ws = new FakeSocket();
  return { s: newSession(nextId++, ws as never), ws };
}

function quote(symbol: string, seq: number, last = '100.00'): QuoteWire {
  return {
    symbol,
    bid: '99.99',
    ask: '100.01',
    last,
    bidSize: '100',
    askSize: '200',
    lastSize: '100',
    open: '100.00',
    high: '101.00',
    low: '99.00',
    prevClose: '100.00',
    change: '0.00',
    changePct: '0.00',
    volume: '1000',
    ts: 1_700_000_000_000 + seq,
    seq,
  };
}

const quotes$ = new Subject<QuoteWire>();
let now = 0;
const books = new Map<string, DepthWire>();
let fanout: QuoteFanout;
function start(options: Partial<QuoteFanoutOptions> = {}): QuoteFanout {
  now = 0;
  // A flush interval no test reaches: each test calls flush() itself.
  fanout = createQuoteFanout({ quotes$, depth: (sym) => books.get(sym) }, { flushMs: 1e9, now: () => now, ...options });
  return fanout;
}
afterEach(() => fanout.stop());

describe('conflated fan-out', () => {
  it('sends the newest quote per symbol once per flush, in one frame whose seq follows the snapshot’s', () => {
    const f = start();
    const a = client();
    const snapshotSeq = f.add(a.s, ['AAPL', 'MSFT']);
    expect(snapshotSeq).toBe(0);
    quotes$.next(quote('AAPL', 1));
    quotes$.next(quote('AAPL', 2));
    quotes$.next(quote('MSFT', 1));
    quotes$.next(quote('IBM', 1)); // nobody listens
    quotes$.next(quote('AAPL', 3));
    f.flush();
    expect(a.ws.of('quotes')).toEqual([{ type: 'quotes', seq: 1, quotes: [quote('AAPL', 3), quote('MSFT', 1)] }]);
    f.flush();
    expect(a.ws.sent).toHaveLength(1); // nothing changed, nothing sent
    quotes$.next(quote('MSFT', 2));
    f.flush();
    expect(a.ws.of('quotes').map((m) => [m.seq, m.quotes.map((q) => `${q.symbol}:${q.seq}`)])).toEqual([
      [1, ['AAPL:3', 'MSFT:1']],
      [2, ['MSFT:2']],
    ]);
    // A later subscription is answered with the connection's current frame seq.
    expect(f.add(a.s, ['IBM'])).toBe(2);
    expect(f.stats()).toMatchObject({ delivered: 3, frames: 2 });
  });

  it('gives every connection its own frame seq and only its own symbols', () => {
    const f = start();
    const a = client();
    const b = client();
    f.add(a.s, ['AAPL']);
    f.add(b.s, ['AAPL', 'MSFT']);
    quotes$.next(quote('MSFT', 1));
    f.flush();
    quotes$.next(quote('AAPL', 1));
    f.flush();
    expect(a.ws.of('quotes').map((m) => [m.seq, m.quotes.map((q) => q.symbol)])).toEqual([[1, ['AAPL']]]);
    expect(b.ws.of('quotes').map((m) => [m.seq, m.quotes.map((q) => q.symbol)])).toEqual([
      [1, ['MSFT']],
      [2, ['AAPL']],
    ]);
  });

  it('stops a symbol on remove and everything on drop, and forgets updates waiting for them', () => {
    const f = start();
    const a = client();
    f.add(a.s, ['AAPL', 'MSFT']);
    quotes$.next(quote('AAPL', 1));
    quotes$.next(quote('MSFT', 1));
    f.remove(a.s, ['AAPL']);
    expect([...a.s.symbols]).toEqual(['MSFT']);
    f.flush();
    expect(a.ws.of('quotes')[0]!.quotes.map((q) => q.symbol)).toEqual(['MSFT']);
    f.drop(a.s);
    expect(a.s.symbols.size).toBe(0);
    quotes$.next(quote('MSFT', 2));
    f.flush();
    expect(a.ws.of('quotes')).toHaveLength(1);
  });

  it('sends the full book of a depth subscription when its symbol changed, once per flush', () => {
    const f = start();
    const a = client();
    const book: DepthWire = { symbol: 'ES', seq: 4, ts: 5, bids: [{ price: '6702.00', size: '12' }], asks: [{ price: '6702.25', size: '7' }] };
    books.set('ES', book);
    f.addDepth(a.s, 'ES');
    expect([...a.s.depthSymbols]).toEqual(['ES']);
    quotes$.next(quote('ES', 3));
    quotes$.next(quote('ES', 4));
    f.flush();
    expect(a.ws.sent).toEqual([{ type: 'depth', ...book }]); // no quotes: only depth was asked for
    f.flush();
    expect(a.ws.sent).toHaveLength(1);
    f.removeDepth(a.s, 'ES');
    quotes$.next(quote('ES', 5));
    f.flush();
    expect(a.ws.sent).toHaveLength(1);
  });
});

describe('a connection that does not read', () => {
  const options = { maxBufferedBytes: 1000, slowClientMs: 3000, slowFlushEvery: 4 };

  it('is skipped and warned, conflates in the meantime, and is cut with a reason while the others keep receiving', () => {
    const f = start(options);
    const slow = client();
    const healthy = client();
    f.add(slow.s, ['AAPL', 'MSFT']);
    f.add(healthy.s, ['AAPL', 'MSFT']);
    slow.ws.bufferedAmount = 5000;
    for (let k = 1; k <= 40; k++) {
      now = k * 100;
      quotes$.next(quote('AAPL', k));
      quotes$.next(quote('MSFT', k));
      f.flush();
    }
    expect(healthy.ws.of('quotes')).toHaveLength(40);
    expect(healthy.ws.of('quotes').at(-1)!.seq).toBe(40);
    expect(slow.ws.of('quotes')).toHaveLength(0);
    const notices = slow.ws.of('slowConsumer');
    expect(notices.map((n) => n.action)).toEqual(['conflating', 'disconnecting']);
    expect(notices[0]!.message).toMatch(/not keeping up \(5 KB unsent\); quotes are now merged over/);
    expect(slow.ws.closed).toEqual({ code: CLOSE_SLOW_CONSUMER, reason: 'slow consumer: 5 KB unsent for 3 s' });
    expect(f.stats().slowDisconnects).toBe(1);
    // Cut off: nothing more is queued for it.
    const count = slow.ws.sent.length;
    quotes$.next(quote('AAPL', 99));
    f.flush();
    expect(slow.ws.sent).toHaveLength(count);
  });

  it('gets everything it missed, newest only, in one frame of its own, then the frames it shares with its peers again', () => {
    const f = start(options);
    const a = client();
    const b = client();
    f.add(a.s, ['AAPL', 'MSFT', 'IBM']);
    f.add(b.s, ['IBM', 'MSFT', 'AAPL']); // the same symbols in another order: the same frames
    a.ws.bufferedAmount = 5000;
    quotes$.next(quote('AAPL', 1));
    f.flush();
    quotes$.next(quote('MSFT', 1));
    quotes$.next(quote('AAPL', 2));
    f.flush();
    a.ws.bufferedAmount = 0; // drained: served at once (below a quarter of the bound)
    quotes$.next(quote('IBM', 1));
    f.flush();
    quotes$.next(quote('MSFT', 2));
    f.flush();
    const symbolsSeqs = (ws: FakeSocket) => ws.of('quotes').map((m) => [m.seq, m.quotes.map((q) => `${q.symbol}:${q.seq}`).sort()]);
    expect(symbolsSeqs(b.ws)).toEqual([
      [1, ['AAPL:1']],
      [2, ['AAPL:2', 'MSFT:1']],
      [3, ['IBM:1']],
      [4, ['MSFT:2']],
    ]);
    expect(symbolsSeqs(a.ws)).toEqual([
      [1, ['AAPL:2', 'IBM:1', 'MSFT:1']],
      [2, ['MSFT:2']],
    ]);
  });

  it('is served less often while it catches up, then normally once drained', () => {
    const f = start(options);
    const a = client();
    f.add(a.s, ['AAPL']);
    a.ws.bufferedAmount = 2000; // over the bound: slow
    quotes$.next(quote('AAPL', 1));
    f.flush();
    a.ws.bufferedAmount = 600; // under the bound, not yet drained to a quarter
    const framesAt: number[] = [];
    for (let k = 2; k <= 9; k++) {
      now = k * 10;
      quotes$.next(quote('AAPL', k));
      const before = a.ws.of('quotes').length;
      f.flush();
      if (a.ws.of('quotes').length > before) framesAt.push(k);
    }
    // One frame in four flushes, each carrying the newest quote only.
    expect(framesAt).toHaveLength(2);
    expect(a.ws.of('quotes').map((m) => m.quotes.map((q) => q.seq))).toEqual(framesAt.map((k) => [k]));
    a.ws.bufferedAmount = 100; // drained
    for (let k = 10; k <= 12; k++) {
      quotes$.next(quote('AAPL', k));
      f.flush();
    }
    expect(a.ws.of('quotes').slice(-3).map((m) => m.quotes[0]!.seq)).toEqual([10, 11, 12]);
    expect(a.ws.closed).toBeUndefined();
  });
});

describe('the naive baseline', () => {
  it('sends every update to every listener as its own frame', () => {
    const f = start({ mode: 'naive' });
    const a = client();
    f.add(a.s, ['AAPL']);
    quotes$.next(quote('AAPL', 1));
    quotes$.next(quote('AAPL', 2));
    expect(a.ws.of('quotes').map((m) => [m.seq, m.quotes[0]!.seq])).toEqual([
      [1, 1],
      [2, 2],
    ]);
  });
});
