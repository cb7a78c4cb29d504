import { describe, expect, it, vi } from 'vitest';
import { Connection } from '../../../src/streams/connection.ts';
import { createQuoteRouter, isFrameGap } from '../../../src/streams/quotes.ts';
import { fakeSockets, loginOk, quote } from './fakeSocket.ts';

describe('quote router', () => {
  it('hands each quote of a frame to the listeners of its symbol only, and stops listening when none is left', async () => {
    const fake = fakeSockets();
    const conn = new Connection({ url: 'ws://gw/ws', createSocket: fake.factory, log: () => undefined });
    conn.login('trader1', 'demo').subscribe();
    const socket = fake.latest();
    socket.open();
    socket.receive(loginOk(socket.lastSent('login')?.reqId));
    await Promise.resolve();

    const route = createQuoteRouter(conn);
    const symbols = Array.from({ length: 500 }, (_, i) => `S${i}`);
    const seen = new Map<string, string[]>();
    const subs = symbols.map((s) => route(s).subscribe((q) => seen.set(s, [...(seen.get(s) ?? []), `${q.symbol}@${q.seq}`])));
    const twice: string[] = [];
    const extra = route('S7').subscribe((q) => twice.push(q.last));

    socket.receive({ type: 'quotes', quotes: symbols.map((s, i) => quote(s, i, '1.00')) });
    socket.receive({ type: 'quotes', quotes: [quote('S7', 1000, '2.00'), quote('OTHER', 1, '3.00')] });
    expect(seen.size).toBe(500);
    expect(seen.get('S3')).toEqual(['S3@3']);
    expect(seen.get('S7')).toEqual(['S7@7', 'S7@1000']);
    expect(twice).toEqual(['1.00', '2.00']);

    for (const s of subs) s.unsubscribe();
    extra.unsubscribe();
    socket.receive({ type: 'quotes', quotes: [quote('S7', 1001, '4.00')] });
    expect(twice).toEqual(['1.00', '2.00']);
  });
});

describe('quote frame numbers', () => {
  it('calls only a jump a gap, and never a frame without a number', () => {
    expect(isFrameGap(undefined, 5)).toBe(false);
    expect(isFrameGap(4, 5)).toBe(false);
    expect(isFrameGap(4, 7)).toBe(true);
    expect(isFrameGap(4, 4)).toBe(true);
    expect(isFrameGap(4, undefined)).toBe(false);
  });

  it('asks again for snapshots of every routed symbol after a gap, and routes them', async () => {
    const fake = fakeSockets();
    const conn = new Connection({ url: 'ws://gw/ws', createSocket: fake.factory, log: () => undefined });
    conn.login('trader1', 'demo').subscribe();
    const socket = fake.latest();
    socket.open();
    socket.receive(loginOk(socket.lastSent('login')?.reqId));
    await Promise.resolve();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);

    const route = createQuoteRouter(conn);
    const seen: string[] = [];
    route('AAPL').subscribe((q) => seen.push(q.last));
    route('MSFT').subscribe((q) => seen.push(q.last));
    socket.receive({ type: 'quotes', seq: 1, quotes: [quote('AAPL', 1, '1.00')] });
    socket.receive({ type: 'quotes', seq: 2, quotes: [quote('MSFT', 1, '2.00')] });
    expect(socket.lastSent('subscribe')).toBeUndefined();
    socket.receive({ type: 'quotes', seq: 5, quotes: [quote('AAPL', 9, '3.00')] });
    const ask = socket.lastSent('subscribe');
    expect(ask).toMatchObject({ symbols: ['AAPL', 'MSFT'] });
    socket.receive({ type: 'quoteSnapshot', reqId: ask?.reqId, seq: 5, quotes: [quote('AAPL', 9, '3.00'), quote('MSFT', 4, '4.00')] });
    expect(seen).toEqual(['1.00', '2.00', '3.00', '3.00', '4.00']);
    // Numbering goes on from the snapshot: the next frame is no gap.
    socket.receive({ type: 'quotes', seq: 6, quotes: [quote('MSFT', 5, '5.00')] });
    expect(socket.sent.filter((m) => m.type === 'subscribe')).toHaveLength(1);
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });
});
