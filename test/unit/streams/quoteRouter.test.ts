import { describe, expect, it } from 'vitest';
import { Connection } from '../../../src/streams/connection.ts';
import { createQuoteRouter } from '../../../src/streams/quotes.ts';
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
