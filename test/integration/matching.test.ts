import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Decimal, dec, toWire } from '../../src/core/decimal.ts';
import type { Instrument } from '../../src/core/instrument.ts';
import type { DepthWire, ExecReportWire } from '../../src/core/protocol.ts';
import { tickSizeAt } from '../../src/core/tickTable.ts';
import { type TestGateway, startTestGateway } from '../support/gateway.ts';
import { type TestClient, connect } from '../support/wsClient.ts';

// The internal venue is the matching engine: traders' orders meet each other
// and the simulated depth (resting in the book as a market maker). Quotes
// stand still (an hour between simulator cycles), so the book a test sees in
// the simulator's depth is the book its orders meet. Each test takes its own
// symbol, so one test's trades never move another's prices.

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

interface Market {
  symbol: string;
  instrument: Instrument;
  depth: DepthWire;
  lot: Decimal;
  /** A price strictly between the bid and the ask, on the grid. */
  inside: string;
}

/** A US share not used by another test, with room inside the spread and levels small enough for the risk limits. */
function market(): Market {
  for (const instrument of gw.marketData.instruments.all()) {
    if (instrument.assetClass !== 'equity' || instrument.currency !== 'USD' || used.has(instrument.symbol)) continue;
    const depth = gw.marketData.depth(instrument.symbol);
    const [b0, a0, a1] = [depth?.bids[0], depth?.asks[0], depth?.asks[1]];
    if (!depth || !b0 || !a0 || !a1) continue;
    const bid = dec(b0.price);
    const ask = dec(a0.price);
    const tick = tickSizeAt(instrument, ask);
    const threeLevels = dec(a0.size).plus(dec(a1.size)).plus(instrument.lotSize).times(dec(a1.price));
    if (ask.minus(bid).lt(tick.times(2)) || threeLevels.gt(1_500_000) || bid.lt(5)) continue;
    used.add(instrument.symbol);
    return { symbol: instrument.symbol, instrument, depth, lot: instrument.lotSize, inside: toWire(ask.minus(tick)) };
  }
  throw new Error('no symbol fits the test');
}

interface Ticket {
  symbol: string;
  side: 'buy' | 'sell' | 'sellShort';
  type: 'market' | 'limit' | 'stop' | 'stopLimit';
  quantity: string;
  limitPrice?: string;
  stopPrice?: string;
  tif?: 'day' | 'gtc' | 'ioc' | 'fok';
}

/** Places an order (warnings accepted) and answers its order id once PendingNew is back. */
async function place(c: TestClient, account: string, t: Ticket): Promise<string> {
  const order = { ...t, account, ...(t.side === 'sellShort' ? { locate: 'LOC-IT-1' } : {}) };
  const ack = await c.request({ type: 'placeOrder', clOrdId: `mt-${++clOrd}`, order, confirm: true });
  if (ack.type !== 'execReport' || ack.report.execType !== 'pendingNew') throw new Error(`order not placed: ${JSON.stringify(ack)}`);
  return ack.report.order.orderId;
}

const reportOf = (c: TestClient, orderId: string, execType: ExecReportWire['execType']) =>
  c.next('execReport', (m) => m.report.order.orderId === orderId && m.report.execType === execType).then((m) => m.report);

async function fills(c: TestClient, orderId: string, count: number): Promise<ExecReportWire[]> {
  const out: ExecReportWire[] = [];
  for (let k = 0; k < count; k++) out.push(await reportOf(c, orderId, 'trade'));
  return out;
}

const px = (s: string) => toWire(dec(s));

describe('the internal venue matches orders', () => {
  it('two traders cross: a resting buy of trader1 and a sell of trader2 both fill at the resting price', async () => {
    const m = market();
    const qty = toWire(m.lot);
    const buy = await place(t1, 'T1-MAIN', { symbol: m.symbol, side: 'buy', type: 'limit', quantity: qty, limitPrice: m.inside, tif: 'day' });
    expect((await reportOf(t1, buy, 'new')).order.status).toBe('new');
    // Through the resting buy: a sell limited at the simulated bid still trades at the buyer's better price.
    const sell = await place(t2, 'T2-MAIN', { symbol: m.symbol, side: 'sellShort', type: 'limit', quantity: qty, limitPrice: m.depth.bids[0]!.price });
    const sold = await reportOf(t2, sell, 'trade');
    const bought = await reportOf(t1, buy, 'trade');
    expect(sold).toMatchObject({ lastQty: qty, lastPx: px(m.inside), order: { status: 'filled', trader: 'trader2' } });
    expect(bought).toMatchObject({ lastQty: qty, lastPx: px(m.inside), order: { status: 'filled', trader: 'trader1', avgPx: px(m.inside) } });
  });

  it('a market order walks several levels with a fill at each price', async () => {
    const m = market();
    const [a0, a1, a2] = m.depth.asks;
    const qty = dec(a0!.size).plus(dec(a1!.size)).plus(m.lot);
    const id = await place(t1, 'T1-MAIN', { symbol: m.symbol, side: 'buy', type: 'market', quantity: toWire(qty) });
    const got = await fills(t1, id, 3);
    expect(got.map((r) => [r.lastQty, r.lastPx])).toEqual([
      [a0!.size, px(a0!.price)],
      [a1!.size, px(a1!.price)],
      [toWire(m.lot), px(a2!.price)],
    ]);
    expect(got.map((r) => r.order.status)).toEqual(['partiallyFilled', 'partiallyFilled', 'filled']);
    const notional = dec(a0!.size).times(dec(a0!.price)).plus(dec(a1!.size).times(dec(a1!.price))).plus(m.lot.times(dec(a2!.price)));
    expect(dec(got[2]!.order.avgPx).eq(notional.div(qty).toDecimalPlaces(8))).toBe(true);
  });

  it('a stop triggers when a trade prints at its stop price, then buys at market', async () => {
    const m = market();
    const [a0, a1] = m.depth.asks;
    const stop = await place(t1, 'T1-MAIN', { symbol: m.symbol, side: 'buy', type: 'stop', quantity: toWire(m.lot), stopPrice: a1!.price, tif: 'day' });
    expect((await reportOf(t1, stop, 'new')).order.status).toBe('new');
    // trader2 takes the first level and one lot of the second: a print at the stop price.
    const sweep = await place(t2, 'T2-MAIN', { symbol: m.symbol, side: 'buy', type: 'market', quantity: toWire(dec(a0!.size).plus(m.lot)) });
    await fills(t2, sweep, 2);
    const triggered = await reportOf(t1, stop, 'triggered');
    expect(triggered.order.status).toBe('new');
    const fill = await reportOf(t1, stop, 'trade');
    expect(dec(fill.lastPx).gte(dec(a1!.price))).toBe(true);
    expect(fill.order.status === 'filled' || fill.order.status === 'partiallyFilled').toBe(true);
  });

  it('an IOC fills what it can and its remainder is canceled with its own report', async () => {
    const m = market();
    const a0 = m.depth.asks[0]!;
    const qty = dec(a0.size).plus(m.lot);
    const id = await place(t1, 'T1-HEDGE', { symbol: m.symbol, side: 'buy', type: 'limit', quantity: toWire(qty), limitPrice: a0.price, tif: 'ioc' });
    expect(await reportOf(t1, id, 'trade')).toMatchObject({ lastQty: a0.size, lastPx: px(a0.price) });
    const canceled = await reportOf(t1, id, 'canceled');
    expect(canceled.order).toMatchObject({ status: 'canceled', cumQty: a0.size, leavesQty: '0' });
    expect(canceled.order.text).toBe(`immediate or cancel: the ${toWire(m.lot)} not filled at once was canceled`);
  });

  it('a FOK the book cannot fill whole is canceled and trades nothing', async () => {
    const m = market();
    const a0 = m.depth.asks[0]!;
    const qty = dec(a0.size).plus(m.lot);
    const id = await place(t1, 'T1-HEDGE', { symbol: m.symbol, side: 'buy', type: 'limit', quantity: toWire(qty), limitPrice: a0.price, tif: 'fok' });
    const canceled = await reportOf(t1, id, 'canceled');
    expect(canceled.order).toMatchObject({ status: 'canceled', cumQty: '0', leavesQty: '0' });
    expect(canceled.order.text).toBe(`fill or kill: the book could not fill all ${toWire(qty)} at once, nothing traded`);
    expect(t1.unconsumed().some((msg) => msg.type === 'execReport' && msg.report.order.orderId === id && msg.report.execType === 'trade')).toBe(false);
  });

  it("prevents a self-trade: the trader's resting order is canceled, the incoming one goes on", async () => {
    const m = market();
    const qty = toWire(m.lot);
    const resting = await place(t2, 'T2-MAIN', { symbol: m.symbol, side: 'sellShort', type: 'limit', quantity: qty, limitPrice: m.inside, tif: 'day' });
    await reportOf(t2, resting, 'new');
    const incoming = await place(t2, 'T2-MAIN', { symbol: m.symbol, side: 'buy', type: 'limit', quantity: qty, limitPrice: m.inside, tif: 'day' });
    const canceled = await reportOf(t2, resting, 'canceled');
    expect(canceled.order).toMatchObject({ status: 'canceled', cumQty: '0' });
    expect(canceled.order.text).toBe(`self-trade prevention: your own incoming order ${incoming} would have traded against this resting order, so it was canceled`);
    expect((await reportOf(t2, incoming, 'new')).order).toMatchObject({ status: 'new', cumQty: '0' });
    await t2.request({ type: 'cancelOrder', orderId: incoming });
    await reportOf(t2, incoming, 'canceled');
  });

  it('an amend that lowers the quantity keeps the queue place over the WebSocket', async () => {
    const m = market();
    const lot = toWire(m.lot);
    const first = await place(t1, 'T1-MAIN', { symbol: m.symbol, side: 'buy', type: 'limit', quantity: toWire(m.lot.times(2)), limitPrice: m.inside, tif: 'day' });
    await reportOf(t1, first, 'new');
    const second = await place(t2, 'T2-MAIN', { symbol: m.symbol, side: 'buy', type: 'limit', quantity: lot, limitPrice: m.inside, tif: 'day' });
    await reportOf(t2, second, 'new');
    await t1.request({ type: 'replaceOrder', orderId: first, clOrdId: `mt-${++clOrd}`, quantity: lot });
    expect((await reportOf(t1, first, 'replaced')).order).toMatchObject({ quantity: lot, leavesQty: lot, limitPrice: px(m.inside) });

    const head = await connect(gw.wsUrl);
    await head.login('deskhead');
    await place(head, 'EQ-DESK', { symbol: m.symbol, side: 'sellShort', type: 'limit', quantity: lot, limitPrice: m.inside });
    expect(await reportOf(t1, first, 'trade')).toMatchObject({ lastQty: lot, lastPx: px(m.inside), order: { status: 'filled' } });
    await t2.request({ type: 'cancelOrder', orderId: second });
    expect((await reportOf(t2, second, 'canceled')).order).toMatchObject({ cumQty: '0' });
    await head.close();
  });

  it('a trade moves the quote traders see: last, size and the ask follow the sweep', async () => {
    const m = market();
    const [a0, a1] = m.depth.asks;
    const watcher = await connect(gw.wsUrl);
    await watcher.login('trader2');
    const snap = await watcher.request({ type: 'subscribe', symbols: [m.symbol] });
    if (snap.type !== 'quoteSnapshot') throw new Error(JSON.stringify(snap));
    const before = snap.quotes[0]!;
    const qty = dec(a0!.size).plus(m.lot);
    const id = await place(t1, 'T1-MAIN', { symbol: m.symbol, side: 'buy', type: 'market', quantity: toWire(qty) });
    await fills(t1, id, 2);
    const moved = await watcher.next('quotes', (msg) => msg.quotes.some((q) => q.symbol === m.symbol && q.seq > before.seq));
    const after = moved.quotes.filter((q) => q.symbol === m.symbol).at(-1)!;
    expect(px(after.last)).toBe(px(a1!.price));
    expect(after.lastSize).toBe(toWire(qty));
    expect(dec(after.ask).gt(dec(before.ask))).toBe(true);
    expect(dec(after.bid).lt(dec(after.ask))).toBe(true);
    await watcher.close();
  });

  it('a resting buy below the market fills at its own price once the simulated market comes down through it', async () => {
    const m = market();
    const b1 = m.depth.bids[1]!.price;
    const id = await place(t1, 'T1-HEDGE', { symbol: m.symbol, side: 'buy', type: 'limit', quantity: toWire(m.lot), limitPrice: b1, tif: 'gtc' });
    await reportOf(t1, id, 'new');
    const filled = reportOf(t1, id, 'trade');
    let done = false;
    void filled.then(() => (done = true));
    // An hour of simulated time per cycle: a few cycles move a share by percents.
    for (let k = 0; k < 400 && !done; k++) {
      gw.marketData.step();
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const fill = await filled;
    expect(fill).toMatchObject({ lastQty: toWire(m.lot), lastPx: px(b1), order: { status: 'filled' } });
  });
});
