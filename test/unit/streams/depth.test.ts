import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DepthWire } from '../../../src/core/protocol.ts';
import { Connection } from '../../../src/streams/connection.ts';
import { createDepthSource } from '../../../src/streams/depth.ts';
import { type FakeSocket, fakeSockets, loginOk } from './fakeSocket.ts';

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

function book(seq: number, bid: string, ask: string): DepthWire {
  return { symbol: 'AAPL', seq, ts: 1_700_000_000_000 + seq, bids: [{ price: bid, size: '300' }], asks: [{ price: ask, size: '200' }] };
}

function answer(socket: FakeSocket, b: DepthWire): void {
  socket.receive({ type: 'depth', reqId: socket.lastSent('subscribeDepth')?.reqId, ...b });
}

const bestBids = (books: DepthWire[]) => books.map((b) => b.bids[0]?.price);

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('depth source', () => {
  it('asks for the book only when a listener arrives, then passes the snapshot and later books of that symbol', async () => {
    const { conn, fake } = await loggedIn();
    const depth = createDepthSource(conn);
    const socket = fake.latest();
    const stream = depth('AAPL');
    expect(socket.lastSent('subscribeDepth')).toBeUndefined();
    const seen: DepthWire[] = [];
    stream.subscribe((b) => seen.push(b));
    expect(socket.lastSent('subscribeDepth')).toMatchObject({ type: 'subscribeDepth', symbol: 'AAPL' });
    answer(socket, book(1, '190.00', '190.02'));
    socket.receive({ type: 'depth', ...book(2, '190.01', '190.03') });
    socket.receive({ type: 'depth', ...book(7, '1.00', '1.01'), symbol: 'MSFT' });
    expect(bestBids(seen)).toEqual(['190.00', '190.01']);
    // The wire envelope is gone: a panel gets the book alone.
    expect(seen[0]).toEqual(book(1, '190.00', '190.02'));
  });

  it('drops a book older than one already shown', async () => {
    const { conn, fake } = await loggedIn();
    const seen: DepthWire[] = [];
    createDepthSource(conn)('AAPL').subscribe((b) => seen.push(b));
    const socket = fake.latest();
    socket.receive({ type: 'depth', ...book(5, '190.05', '190.07') });
    answer(socket, book(4, '190.04', '190.06'));
    expect(bestBids(seen)).toEqual(['190.05']);
  });

  it('shares one subscription, replays the latest book to a late listener and unsubscribes after the last leaves', async () => {
    const { conn, fake } = await loggedIn();
    const depth = createDepthSource(conn);
    const socket = fake.latest();
    const a = depth('AAPL').subscribe();
    answer(socket, book(1, '190.00', '190.02'));
    const late: DepthWire[] = [];
    const b = depth('AAPL').subscribe((x) => late.push(x));
    expect(socket.sent.filter((m) => m.type === 'subscribeDepth')).toHaveLength(1);
    expect(bestBids(late)).toEqual(['190.00']);
    a.unsubscribe();
    expect(socket.lastSent('unsubscribeDepth')).toBeUndefined();
    b.unsubscribe();
    expect(socket.lastSent('unsubscribeDepth')).toMatchObject({ symbol: 'AAPL' });
  });

  it('subscribes again after a reconnect and takes the fresh snapshot even when its seq restarted', async () => {
    const { conn, fake } = await loggedIn();
    const seen: DepthWire[] = [];
    createDepthSource(conn)('AAPL').subscribe((b) => seen.push(b));
    answer(fake.latest(), book(40, '190.00', '190.02'));
    fake.latest().drop();
    vi.advanceTimersByTime(100);
    const second = fake.latest();
    second.open();
    second.receive(loginOk(second.lastSent('login')?.reqId));
    expect(second.lastSent('subscribeDepth')).toMatchObject({ symbol: 'AAPL' });
    answer(second, book(1, '191.00', '191.02'));
    expect(bestBids(seen)).toEqual(['190.00', '191.00']);
  });
});
