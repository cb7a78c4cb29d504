import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDecimalString } from '../../src/core/decimal.ts';
import { type TestGateway, startTestGateway } from '../support/gateway.ts';
import { type TestClient, connect } from '../support/wsClient.ts';

let gw: TestGateway;
let c: TestClient;
beforeAll(async () => {
  gw = await startTestGateway({ tickIntervalMs: 20 });
  c = await connect(gw.wsUrl);
  await c.login('trader1');
});
afterAll(async () => {
  await c.close();
  await gw.dispose();
});

describe('quotes over the wire', () => {
  it('answers subscribe with a snapshot (reqId echoed), then conflated quotes frames with growing seq', async () => {
    const snap = await c.request({ type: 'subscribe', symbols: ['AAPL', 'MSFT', 'EURUSD'] });
    if (snap.type !== 'quoteSnapshot') throw new Error(JSON.stringify(snap));
    expect(snap.quotes.map((q) => q.symbol).sort()).toEqual(['AAPL', 'EURUSD', 'MSFT']);
    const lastSeq = new Map(snap.quotes.map((q) => [q.symbol, q.seq]));

    let frames = 0;
    while (frames < 6) {
      const f = await c.next('quotes');
      frames += 1;
      const symbols = f.quotes.map((q) => q.symbol);
      // Conflation: at most one quote per symbol per frame, only subscribed symbols.
      expect(new Set(symbols).size).toBe(symbols.length);
      for (const q of f.quotes) {
        expect(['AAPL', 'MSFT', 'EURUSD']).toContain(q.symbol);
        expect(q.seq).toBeGreaterThan(lastSeq.get(q.symbol)!);
        expect(isDecimalString(q.bid) && isDecimalString(q.ask)).toBe(true);
        lastSeq.set(q.symbol, q.seq);
      }
    }
  });

  it('subscribes the known symbols of a request and names the unknown ones', async () => {
    const snap = await c.request({ type: 'subscribe', symbols: ['NVDA', 'NOPE', 'ZZZ'] });
    expect(snap).toMatchObject({ type: 'quoteSnapshot' });
    if (snap.type === 'quoteSnapshot') expect(snap.quotes.map((q) => q.symbol)).toEqual(['NVDA']);
    const err = await c.next('error', (m) => m.code === 'UNKNOWN_SYMBOL');
    expect(err.message).toBe('unknown symbols: NOPE, ZZZ');
    expect(err.reqId).toBe(snap.type === 'quoteSnapshot' ? snap.reqId : undefined);
  });

  it('stops sending a symbol once unsubscribed', async () => {
    const r = await c.request({ type: 'unsubscribe', symbols: ['AAPL', 'NVDA'] });
    expect(r).toMatchObject({ type: 'unsubscribed', symbols: ['AAPL', 'NVDA'] });
    const after = c.received.indexOf(r);
    for (let i = 0; i < 4; i++) {
      const f = await c.next('quotes', (m) => c.received.indexOf(m) > after);
      for (const q of f.quotes) expect(['MSFT', 'EURUSD']).toContain(q.symbol);
    }
  });

  it('serves history bars, oldest first, and refuses an unknown symbol', async () => {
    const h = await c.request({ type: 'history', symbol: 'AAPL', interval: '1m', limit: 50 });
    if (h.type !== 'history') throw new Error(JSON.stringify(h));
    expect(h).toMatchObject({ symbol: 'AAPL', interval: '1m' });
    expect(h.bars).toHaveLength(50);
    for (let i = 1; i < h.bars.length; i++) expect(h.bars[i]!.time - h.bars[i - 1]!.time).toBe(60);
    const bad = await c.request({ type: 'history', symbol: 'NOPE', interval: '1d' });
    expect(bad).toMatchObject({ type: 'error', code: 'UNKNOWN_SYMBOL', message: 'unknown symbol: NOPE' });
  });
});
