import { of } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { QuoteWire } from '../../../src/core/protocol.ts';
import { Connection } from '../../../src/streams/connection.ts';
import { createQuoteSource, newerOnly } from '../../../src/streams/quotes.ts';
import { type FakeSocket, fakeSockets, loginOk, quote } from './fakeSocket.ts';

async function loggedIn() {
  const fake = fakeSockets();
  const conn = new Connection({ url: 'ws://gw/ws', createSocket: fake.factory, backoff: { initialMs: 100, maxMs: 100 }, log: () => undefined });
  conn.login('trader1', 'demo').subscribe();
  const socket = fake.latest();
  socket.open();
  socket.receive(loginOk(socket.lastSent('login')?.reqId));
  await Promise.resolve();
  return { conn, fake };
}

function answerSubscribe(socket: FakeSocket, q: QuoteWire): void {
  socket.receive({ type: 'quoteSnapshot', reqId: socket.lastSent('subscribe')?.reqId, quotes: [q] });
}

const lastPx = (qs: QuoteWire[]) => qs.map((q) => q.last);

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('quote source', () => {
  it('subscribes nothing until a listener arrives', async () => {
    const { conn, fake } = await loggedIn();
    createQuoteSource(conn)('AAPL');
    expect(fake.latest().lastSent('subscribe')).toBeUndefined();
  });

  it('shares one gateway subscription per symbol and replays the latest quote to a late listener', async () => {
    const { conn, fake } = await loggedIn();
    const quotes = createQuoteSource(conn);
    const socket = fake.latest();
    const first: QuoteWire[] = [];
    quotes('AAPL').subscribe((q) => first.push(q));
    answerSubscribe(socket, quote('AAPL', 1, '190.00'));
    socket.receive({ type: 'quotes', quotes: [quote('MSFT', 9, '400.00'), quote('AAPL', 2, '190.01')] });

    const late: QuoteWire[] = [];
    quotes('AAPL').subscribe((q) => late.push(q));
    expect(socket.sent.filter((m) => m.type === 'subscribe')).toHaveLength(1);
    expect(lastPx(first)).toEqual(['190.00', '190.01']);
    expect(lastPx(late)).toEqual(['190.01']);
  });

  it('unsubscribes at the gateway when the last listener leaves', async () => {
    const { conn, fake } = await loggedIn();
    const quotes = createQuoteSource(conn);
    const a = quotes('AAPL').subscribe();
    const b = quotes('AAPL').subscribe();
    a.unsubscribe();
    expect(fake.latest().lastSent('unsubscribe')).toBeUndefined();
    b.unsubscribe();
    expect(fake.latest().lastSent('unsubscribe')).toMatchObject({ symbols: ['AAPL'] });
  });

  it('subscribes again after a reconnect and keeps delivering to the same listener', async () => {
    const { conn, fake } = await loggedIn();
    const seen: QuoteWire[] = [];
    createQuoteSource(conn)('AAPL').subscribe((q) => seen.push(q));
    answerSubscribe(fake.latest(), quote('AAPL', 5, '190.00'));

    fake.latest().drop();
    vi.advanceTimersByTime(100);
    const second = fake.latest();
    second.open();
    expect(second.lastSent('subscribe')).toBeUndefined();
    second.receive(loginOk(second.lastSent('login')?.reqId));
    expect(second.lastSent('subscribe')).toMatchObject({ symbols: ['AAPL'] });
    // A restarted gateway may count sequence numbers from scratch.
    answerSubscribe(second, quote('AAPL', 1, '191.00'));
    expect(lastPx(seen)).toEqual(['190.00', '191.00']);
  });
});

describe('newerOnly', () => {
  it('drops a quote whose sequence number is not above the last', () => {
    const out: number[] = [];
    of(quote('AAPL', 3, '1'), quote('AAPL', 2, '1'), quote('AAPL', 3, '1'), quote('AAPL', 4, '1'))
      .pipe(newerOnly())
      .subscribe((q) => out.push(q.seq));
    expect(out).toEqual([3, 4]);
  });
});
