import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerMessageOf } from '../../src/core/protocol.ts';
import { SAMPLE_REPLAY_FILE } from '../../server/marketdata/index.ts';
import { type TestGateway, startTestGateway } from '../support/gateway.ts';
import { type TestClient, connect } from '../support/wsClient.ts';

/** The sample's rows read with nothing but split(','): what the terminal must be shown. */
const rows = readFileSync(SAMPLE_REPLAY_FILE, 'utf8')
  .split('\n')
  .filter((l) => l !== '' && !l.startsWith('#'))
  .slice(1)
  .map((l) => {
    const [time, symbol, bid, ask, bidSize, askSize] = l.split(',') as [string, string, string, string, string, string];
    return { ts: Date.parse(time), symbol, bid, ask, bidSize, askSize };
  });
const symbols = [...new Set(rows.map((r) => r.symbol))];

let gw: TestGateway;
let c: TestClient;
beforeAll(async () => {
  // So slow that the replay's own timer plays only the first instant; the test steps the rest.
  gw = await startTestGateway({ replayFile: 'sample', replaySpeed: 0.0001 });
  c = await connect(gw.wsUrl);
  await c.login('trader1');
});
afterAll(async () => {
  await c.close();
  await gw.dispose();
});

describe('a gateway started on a replay (REPLAY_FILE)', () => {
  it('serves the recorded quotes through the same protocol: snapshot, then frames whose newest quote per symbol is the file’s row', async () => {
    const snap = await c.request({ type: 'subscribe', symbols });
    if (snap.type !== 'quoteSnapshot') throw new Error(JSON.stringify(snap));
    const first = rows.filter((r) => r.ts === rows[0]!.ts);
    expect(snap.quotes.map(({ symbol, bid, ask, bidSize, askSize, ts }) => ({ ts, symbol, bid, ask, bidSize, askSize }))).toEqual(
      symbols.flatMap((s) => first.filter((r) => r.symbol === s)),
    );

    // Play the next 40 instants; each flush carries the newest row of every symbol that moved.
    let played = first.length;
    for (let k = 0; k < 40; k++) played += gw.marketData.step().length;
    const newest = new Map<string, (typeof rows)[number]>();
    for (const r of rows.slice(0, played)) newest.set(r.symbol, r);
    const seen = new Map<string, ServerMessageOf<'quotes'>['quotes'][number]>();
    while (symbols.some((s) => seen.get(s)?.ts !== newest.get(s)!.ts)) {
      const f = await c.next('quotes');
      for (const q of f.quotes) seen.set(q.symbol, q);
    }
    for (const s of symbols) {
      const r = newest.get(s)!;
      expect(seen.get(s)).toMatchObject({ symbol: s, bid: r.bid, ask: r.ask, bidSize: r.bidSize, askSize: r.askSize, ts: r.ts });
    }
  });

  it('answers depth with the one level a replay has', async () => {
    const d = await c.request({ type: 'subscribeDepth', symbol: symbols[0]! });
    if (d.type !== 'depth') throw new Error(JSON.stringify(d));
    expect(d.bids).toHaveLength(1);
    expect(d.asks).toHaveLength(1);
  });
});
