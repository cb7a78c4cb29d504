import { describe, expect, it } from 'vitest';
import type { BarWire } from '../../../src/core/protocol.ts';
import { Connection } from '../../../src/streams/connection.ts';
import { historyBefore, prependBars } from '../../../src/streams/history.ts';
import { fakeSockets, loginOk } from './fakeSocket.ts';

const bar = (time: number, close = '1.00'): BarWire => ({ time, open: close, high: close, low: close, close, volume: '10' });
const times = (bars: BarWire[]) => bars.map((b) => b.time);

describe('prependBars', () => {
  it('puts older bars in front, oldest first, each time once, and keeps the held bar on a tie', () => {
    const held = [bar(300, 'held'), bar(360)];
    const out = prependBars([bar(240), bar(120), bar(300, 'page'), bar(180), bar(240)], held);
    expect(times(out)).toEqual([120, 180, 240, 300, 360]);
    expect(out[3]?.close).toBe('held');
  });

  it('takes a whole page when nothing is held, and nothing when the page holds no older bar', () => {
    expect(times(prependBars([bar(60), bar(120)], []))).toEqual([60, 120]);
    expect(times(prependBars([bar(300), bar(360)], [bar(300)]))).toEqual([300]);
  });
});

describe('historyBefore', () => {
  it('asks for the page before the oldest bar and drops anything at or after it', async () => {
    const fake = fakeSockets();
    const conn = new Connection({ url: 'ws://gw/ws', createSocket: fake.factory, log: () => undefined });
    conn.login('trader1', 'demo').subscribe();
    const socket = fake.latest();
    socket.open();
    socket.receive(loginOk(socket.lastSent('login')?.reqId));
    await Promise.resolve();

    const pages: BarWire[][] = [];
    historyBefore(conn, 'AAPL', '1m', 600, 3).subscribe((p) => pages.push(p));
    const sent = socket.lastSent('history');
    expect(sent).toMatchObject({ symbol: 'AAPL', interval: '1m', to: 600, limit: 3 });
    // A gateway that ignored `to` would send the newest bars again: they must not overlap the chart.
    socket.receive({ type: 'history', reqId: sent?.reqId, symbol: 'AAPL', interval: '1m', bars: [bar(480), bar(540), bar(600), bar(660)] });
    expect(pages.map(times)).toEqual([[480, 540]]);
  });
});
