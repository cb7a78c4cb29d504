import WebSocket from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ServerMessageOf } from '../../src/core/protocol.ts';
import { CLOSE_SLOW_CONSUMER } from '../../server/transport/quoteFanout.ts';
import { type TestGateway, startTestGateway } from '../support/gateway.ts';
import { type TestClient, connect } from '../support/wsClient.ts';

/** A tick interval no test waits for: quotes move only when a test calls step(). */
const MANUAL = 3_600_000;

const gateways: TestGateway[] = [];
const clients: TestClient[] = [];
/** One gateway for the tests that step the market by hand; the slow-client test has its own. */
let gw: TestGateway;
beforeAll(async () => {
  gw = await gateway({ tickIntervalMs: MANUAL, heartbeatMs: 100, staleMs: 3000, quoteFlushMs: 20 });
});
afterEach(async () => {
  for (const c of clients.splice(0)) await c.close();
});
afterAll(async () => {
  for (const g of gateways.splice(0)) await g.dispose();
});
async function gateway(overrides: Parameters<typeof startTestGateway>[0]): Promise<TestGateway> {
  const g = await startTestGateway(overrides);
  gateways.push(g);
  return g;
}
async function trader(on: TestGateway = gw): Promise<TestClient> {
  const c = await connect(on.wsUrl);
  clients.push(c);
  await c.login('trader1');
  return c;
}
async function snapshot(c: TestClient, symbols: string[]): Promise<ServerMessageOf<'quoteSnapshot'>> {
  const m = await c.request({ type: 'subscribe', symbols });
  if (m.type !== 'quoteSnapshot') throw new Error(JSON.stringify(m));
  return m;
}
/** Steps the simulator until the client has received `count` more quotes frames; returns them. */
async function framesAfterSteps(c: TestClient, count: number): Promise<ServerMessageOf<'quotes'>[]> {
  const frames: ServerMessageOf<'quotes'>[] = [];
  while (frames.length < count) {
    for (let k = 0; k < 20; k++) gw.marketData.step();
    frames.push(await c.next('quotes'));
  }
  return frames;
}

describe('heartbeats', () => {
  it('tells the heartbeat interval and the stale threshold in hello, then beats while logged in', async () => {
    const c = await connect(gw.wsUrl);
    clients.push(c);
    const hello = await c.next('hello');
    expect(hello).toMatchObject({ heartbeatMs: 100, staleMs: 3000 });
    await c.login('trader1');
    const a = await c.next('heartbeat');
    const b = await c.next('heartbeat');
    expect(b.serverTime).toBeGreaterThan(a.serverTime);
    // A quiet market still beats: no quote moved, yet the link is shown alive.
    expect(c.received.some((m) => m.type === 'quotes')).toBe(false);
  });
});

describe('snapshot, then deltas, across a reconnect', () => {
  it('numbers quote frames one by one after the snapshot’s seq, and after a reconnect starts again from a fresh snapshot', async () => {
    const symbols = ['AAPL', 'MSFT', 'EURUSD', 'ES'];
    const c1 = await trader();
    const snap1 = await snapshot(c1, symbols);
    expect(snap1.seq).toBe(0);
    const frames = await framesAfterSteps(c1, 5);
    // No gap: each frame is the previous one plus one, the first follows the snapshot.
    expect(frames.map((f) => f.seq)).toEqual([1, 2, 3, 4, 5]);
    const lastSeen = new Map<string, number>();
    for (const q of [...snap1.quotes, ...frames.flatMap((f) => f.quotes)]) {
      expect(q.seq).toBeGreaterThan(lastSeen.get(q.symbol) ?? -1);
      lastSeen.set(q.symbol, q.seq);
    }

    // The connection drops; the market moves on while the terminal is away.
    await c1.close();
    for (let k = 0; k < 50; k++) gw.marketData.step();

    const c2 = await trader();
    const snap2 = await snapshot(c2, symbols);
    // A fresh snapshot: the newest quote of every symbol, nothing from before the drop.
    expect(snap2.seq).toBe(0);
    expect(snap2.quotes.map((q) => q.symbol).sort()).toEqual([...symbols].sort());
    for (const q of snap2.quotes) {
      expect(q).toEqual(gw.marketData.latest(q.symbol));
      expect(q.seq).toBeGreaterThan(lastSeen.get(q.symbol)!);
    }
    const after = await framesAfterSteps(c2, 3);
    expect(after.map((f) => f.seq)).toEqual([1, 2, 3]);
  });

  it('answers a second subscription on the same connection with the frame seq reached so far', async () => {
    const c = await trader();
    await snapshot(c, ['AAPL', 'MSFT']);
    const frames = await framesAfterSteps(c, 2);
    const more = await snapshot(c, ['NVDA']);
    expect(more.seq).toBe(frames.at(-1)!.seq);
    const [next] = await framesAfterSteps(c, 1);
    expect(next!.seq).toBe(more.seq! + 1);
  });
});

describe('depth', () => {
  it('sends the book now, pushes it again as it changes, and stops on unsubscribeDepth', async () => {
    const c = await trader();
    const first = await c.request({ type: 'subscribeDepth', symbol: 'ES' });
    if (first.type !== 'depth') throw new Error(JSON.stringify(first));
    expect(first.symbol).toBe('ES');
    expect(first.bids).toHaveLength(10);
    expect(first.asks).toHaveLength(10);
    expect(Number(first.bids[0]!.price)).toBeLessThan(Number(first.asks[0]!.price));

    let pushed: ServerMessageOf<'depth'> | undefined;
    while (pushed === undefined || pushed.seq === first.seq) {
      for (let k = 0; k < 20; k++) gw.marketData.step();
      pushed = await c.next('depth', (m) => m.reqId === undefined);
    }
    expect(pushed.seq).toBeGreaterThan(first.seq);
    expect(pushed).toEqual({ type: 'depth', ...gw.marketData.depth('ES') });
    // Depth alone brings no quotes.
    expect(c.received.some((m) => m.type === 'quotes')).toBe(false);

    const bye = await c.request({ type: 'unsubscribeDepth', symbol: 'ES' });
    expect(bye).toMatchObject({ type: 'depthUnsubscribed', symbol: 'ES' });
    const unknown = await c.request({ type: 'subscribeDepth', symbol: 'NOPE' });
    expect(unknown).toMatchObject({ type: 'error', code: 'UNKNOWN_SYMBOL', message: 'unknown symbol: NOPE' });
  });
});

describe('history over a range', () => {
  it('passes from and to through: bars opening in [from, to), the newest `limit` of them', async () => {
    const c = await trader();
    const all = await c.request({ type: 'history', symbol: 'AAPL', interval: '1m', limit: 100 });
    if (all.type !== 'history') throw new Error(JSON.stringify(all));
    const to = all.bars[60]!.time;
    const from = all.bars[20]!.time;
    const ranged = await c.request({ type: 'history', symbol: 'AAPL', interval: '1m', from, to, limit: 1000 });
    if (ranged.type !== 'history') throw new Error(JSON.stringify(ranged));
    expect(ranged.bars).toEqual(all.bars.slice(20, 60));
    const back = await c.request({ type: 'history', symbol: 'AAPL', interval: '1m', to, limit: 10 });
    if (back.type !== 'history') throw new Error(JSON.stringify(back));
    expect(back.bars).toEqual(all.bars.slice(50, 60));
  });
});

describe('a client that stops reading', () => {
  it('is disconnected with a reason, while a healthy client keeps receiving every frame in order', async () => {
    const busy = await gateway({ tickIntervalMs: 20, updatesPerSecond: 30_000, quoteFlushMs: 20, slowClientBytes: 64 * 1024, slowClientMs: 500 });
    const healthy = await trader(busy);
    await snapshot(healthy, ['AAPL', 'MSFT']);

    // The staller: a raw socket that subscribes to every symbol and then stops reading.
    const symbols = busy.marketData.instruments.all().map((i) => i.symbol);
    const stalled = new WebSocket(busy.wsUrl);
    const seen: string[] = [];
    const closed = new Promise<{ code: number; reason: string }>((resolve) => stalled.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
    stalled.on('message', (data: Buffer) => {
      const m = JSON.parse(data.toString()) as { type: string; action?: string };
      seen.push(m.type === 'slowConsumer' ? `slowConsumer:${m.action}` : m.type);
      if (m.type === 'hello') stalled.send(JSON.stringify({ type: 'login', username: 'trader2', password: 'demo' }));
      if (m.type === 'loginOk') stalled.send(JSON.stringify({ type: 'subscribe', symbols: symbols.slice(0, 1000) }));
      if (m.type === 'quoteSnapshot') stalled.pause();
    });

    // The healthy client goes on receiving, frame after frame, until the gateway has cut the staller.
    let lastSeq = 0;
    while (busy.transportStats().slowDisconnects === 0) {
      const f = await healthy.next('quotes');
      expect(f.seq).toBe(lastSeq + 1);
      lastSeq = f.seq!;
    }
    for (let k = 0; k < 5; k++) {
      const f = await healthy.next('quotes');
      expect(f.seq).toBe(lastSeq + 1);
      lastSeq = f.seq!;
    }
    // Once it reads again it finds the end of its connection: the notice and 4008 if they got through, else a cut socket.
    stalled.resume();
    const end = await closed;
    expect([CLOSE_SLOW_CONSUMER, 1006]).toContain(end.code);
    if (end.code === CLOSE_SLOW_CONSUMER) {
      expect(end.reason).toMatch(/^slow consumer: \d+ KB unsent for \d+ s$/);
      expect(seen).toContain('slowConsumer:disconnecting');
    }
    expect(busy.transportStats().slowDisconnects).toBe(1);
    expect(healthy.isOpen).toBe(true);
  }, 30_000);
});
