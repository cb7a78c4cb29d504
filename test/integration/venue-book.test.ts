import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Decimal, dec, toWire } from '../../src/core/decimal.ts';
import type { DepthLevelWire, DepthWire, QuoteWire } from '../../src/core/protocol.ts';
import { tickSizeAt } from '../../src/core/tickTable.ts';
import type { SimulatedMarketData } from '../../server/marketdata/marketData.ts';
import { type TestGateway, startTestGateway } from '../support/gateway.ts';
import { type TestClient, connect } from '../support/wsClient.ts';

// The quote and the depth ladder show the internal venue's real book: a
// trader's order resting inside the spread is the bid every other trader
// sees, on their quote and on their ladder, with the simulated market's
// levels below it. Quotes stand still (an hour between simulator cycles), so
// every change seen here is the venue's. Each test takes its own symbol.

let gw: TestGateway;
let t1: TestClient;
let t2: TestClient;
let clOrd = 0;
const used = new Set<string>();

beforeAll(async () => {
  gw = await startTestGateway({ tickIntervalMs: 3_600_000 });
  t1 = await connect(gw.wsUrl);
  await t1.login('trader1');
  t2 = await connect(gw.wsUrl);
  await t2.login('trader2');
});
afterAll(async () => {
  await t1?.close();
  await t2?.close();
  await gw?.dispose();
});

/** The simulator's own book, whatever the venue shows (the simulator is the test gateway's feed). */
const simulated = (symbol: string): DepthWire => (gw.marketData as SimulatedMarketData).simulatedDepth(symbol)!;

interface Market {
  symbol: string;
  lot: Decimal;
  /** One tick above the best bid, still below the ask. */
  better: string;
  depth: DepthWire;
}

/** A US share not used by another test, with room inside the spread and a price the risk limits allow a few lots of. */
function market(): Market {
  for (const instrument of gw.marketData.instruments.all()) {
    if (instrument.assetClass !== 'equity' || instrument.currency !== 'USD' || used.has(instrument.symbol)) continue;
    const depth = gw.marketData.depth(instrument.symbol);
    const [b0, a0] = [depth?.bids[0], depth?.asks[0]];
    if (!depth || !b0 || !a0) continue;
    const bid = dec(b0.price);
    const ask = dec(a0.price);
    const tick = tickSizeAt(instrument, bid);
    if (ask.minus(bid).lt(tick.times(2)) || bid.lt(5) || bid.times(instrument.lotSize).times(5).gt(500_000)) continue;
    used.add(instrument.symbol);
    return { symbol: instrument.symbol, lot: instrument.lotSize, better: toWire(bid.plus(tick)), depth };
  }
  throw new Error('no symbol fits the test');
}

async function placeLimit(c: TestClient, account: string, symbol: string, side: 'buy' | 'sellShort', quantity: Decimal, limitPrice?: string): Promise<string> {
  const order = {
    symbol,
    side,
    type: limitPrice === undefined ? 'market' : 'limit',
    quantity: toWire(quantity),
    ...(limitPrice === undefined ? {} : { limitPrice, tif: 'day' }),
    account,
    ...(side === 'sellShort' ? { locate: 'LOC-VB-1' } : {}),
  };
  const ack = await c.request({ type: 'placeOrder', clOrdId: `vb-${++clOrd}`, order, confirm: true } as Parameters<TestClient['request']>[0]);
  if (ack.type !== 'execReport' || ack.report.execType !== 'pendingNew') throw new Error(`order not placed: ${JSON.stringify(ack)}`);
  return ack.report.order.orderId;
}

const report = (c: TestClient, orderId: string, execType: string) =>
  c.next('execReport', (m) => m.report.order.orderId === orderId && m.report.execType === execType).then((m) => m.report);

const lv = (l: DepthLevelWire) => `${toWire(dec(l.size))} @ ${toWire(dec(l.price))}`;
const touch = (q: QuoteWire) => `${toWire(dec(q.bidSize))} @ ${toWire(dec(q.bid))} / ${toWire(dec(q.askSize))} @ ${toWire(dec(q.ask))}`;

/** A watcher (trader2) on the symbol's quote and ladder: the snapshot of each, then the frames as they come. */
async function watch(c: TestClient, symbol: string): Promise<{ quote: QuoteWire; depth: DepthWire }> {
  const snap = await c.request({ type: 'subscribe', symbols: [symbol] });
  if (snap.type !== 'quoteSnapshot') throw new Error(JSON.stringify(snap));
  const depth = await c.request({ type: 'subscribeDepth', symbol });
  if (depth.type !== 'depth') throw new Error(JSON.stringify(depth));
  return { quote: snap.quotes[0]!, depth };
}

/** The next quote frame of the symbol whose touch reads `want`. */
const quoteShowing = (c: TestClient, symbol: string, want: string) =>
  c.next('quotes', (m) => m.quotes.some((q) => q.symbol === symbol && touch(q) === want)).then((m) => m.quotes.filter((q) => q.symbol === symbol).at(-1)!);

/** The next depth frame of the symbol whose best bid reads `want`. */
const depthShowing = (c: TestClient, symbol: string, want: string) => c.next('depth', (m) => m.symbol === symbol && m.bids[0] !== undefined && lv(m.bids[0]) === want);

const ownTouch = (d: DepthWire) => `${lv(d.bids[0]!)} / ${lv(d.asks[0]!)}`;

describe('the quote and the ladder show the venue’s book', () => {
  it('a buy resting one tick above the best bid is the bid on another trader’s quote and ladder; its cancel gives the simulator’s back', async () => {
    const m = market();
    const seen = await watch(t2, m.symbol);
    expect(touch(seen.quote)).toBe(ownTouch(m.depth));
    expect(seen.depth.bids.map(lv)).toEqual(m.depth.bids.map(lv));

    const qty = m.lot.times(3);
    const id = await placeLimit(t1, 'T1-MAIN', m.symbol, 'buy', qty, m.better);
    await report(t1, id, 'new');
    const mine = `${toWire(qty)} @ ${toWire(dec(m.better))}`;
    const q = await quoteShowing(t2, m.symbol, `${mine} / ${lv(m.depth.asks[0]!)}`);
    expect(q.seq).toBeGreaterThan(seen.quote.seq);
    const ladder = await depthShowing(t2, m.symbol, mine);
    // The trader's level on top, the simulated market's levels below it, the offers untouched.
    expect(ladder.bids.map(lv)).toEqual([mine, ...m.depth.bids.slice(0, 9).map(lv)]);
    expect(ladder.asks.map(lv)).toEqual(m.depth.asks.map(lv));

    await t1.request({ type: 'cancelOrder', orderId: id });
    await report(t1, id, 'canceled');
    const own = simulated(m.symbol);
    expect(ownTouch(own)).toBe(ownTouch(m.depth));
    await quoteShowing(t2, m.symbol, ownTouch(own));
    const back = await depthShowing(t2, m.symbol, lv(own.bids[0]!));
    expect(back.bids.map(lv)).toEqual(own.bids.map(lv));
    expect(back.asks.map(lv)).toEqual(own.asks.map(lv));
    expect(gw.marketData.depth(m.symbol)!.bids).toEqual(own.bids);
    await t2.request({ type: 'unsubscribe', symbols: [m.symbol] });
    await t2.request({ type: 'unsubscribeDepth', symbol: m.symbol });
  });

  it('a partial fill of the resting buy shows what is left of it', async () => {
    const m = market();
    await watch(t2, m.symbol);
    const qty = m.lot.times(5);
    const id = await placeLimit(t1, 'T1-MAIN', m.symbol, 'buy', qty, m.better);
    await report(t1, id, 'new');
    const mine = `${toWire(qty)} @ ${toWire(dec(m.better))}`;
    await depthShowing(t2, m.symbol, mine);

    // trader2 sells two lots at market: they meet trader1's better bid first.
    const sell = await placeLimit(t2, 'T2-MAIN', m.symbol, 'sellShort', m.lot.times(2));
    expect(await report(t2, sell, 'trade')).toMatchObject({ lastQty: toWire(m.lot.times(2)), lastPx: toWire(dec(m.better)) });
    expect(await report(t1, id, 'trade')).toMatchObject({ lastQty: toWire(m.lot.times(2)), order: { leavesQty: toWire(m.lot.times(3)) } });
    // The sell moved the simulated bid up to the venue's, so the simulated market may now rest there too: the level sums both.
    const makerThere = simulated(m.symbol).bids.find((l) => dec(l.price).eq(dec(m.better)));
    const left = m.lot.times(3).plus(makerThere === undefined ? 0 : dec(makerThere.size));
    const shown = `${toWire(left)} @ ${toWire(dec(m.better))}`;
    const ladder = await depthShowing(t2, m.symbol, shown);
    expect(ladder.bids.filter((l) => dec(l.price).eq(dec(m.better))).map(lv)).toEqual([shown]);
    const q = await t2.next('quotes', (f) => f.quotes.some((x) => x.symbol === m.symbol && `${toWire(dec(x.bidSize))} @ ${toWire(dec(x.bid))}` === shown));
    const last = q.quotes.filter((x) => x.symbol === m.symbol).at(-1)!;
    expect(toWire(dec(last.last))).toBe(toWire(dec(m.better)));

    await t1.request({ type: 'cancelOrder', orderId: id });
    await report(t1, id, 'canceled');
    const own = simulated(m.symbol);
    const back = await depthShowing(t2, m.symbol, lv(own.bids[0]!));
    expect(back.bids.map(lv)).toEqual(own.bids.map(lv));
  });
});
