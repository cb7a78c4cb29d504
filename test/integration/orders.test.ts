import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dec } from '../../src/core/decimal.ts';
import type { ExecReportWire, QuoteWire } from '../../src/core/protocol.ts';
import { type TestGateway, startTestGateway } from '../support/gateway.ts';
import { type TestClient, connect } from '../support/wsClient.ts';

// Quotes stand still (an hour between simulator cycles) so fill prices are known exactly.
let gw: TestGateway;
let trader: TestClient;
let clOrd = 0;
const nextClOrdId = () => `it-${++clOrd}`;

beforeAll(async () => {
  gw = await startTestGateway({ tickIntervalMs: 3_600_000 });
  trader = await connect(gw.wsUrl);
  await trader.login('trader1');
});
afterAll(async () => {
  await trader.close();
  await gw.dispose();
});

function quote(symbol: string): QuoteWire {
  const q = gw.marketData.latest(symbol);
  if (!q) throw new Error(`no quote for ${symbol}`);
  return q;
}

const reportOf = (c: TestClient, orderId: string, execType: ExecReportWire['execType']) =>
  c.next('execReport', (m) => m.report.order.orderId === orderId && m.report.execType === execType).then((m) => m.report);

describe('placing orders', () => {
  it('fills a marketable limit buy at the ask: PendingNew, New, Filled with exact quantities and price', async () => {
    const q = quote('AAPL');
    expect(dec(q.askSize).gte(100)).toBe(true);
    const limit = dec(q.ask).plus(1).toFixed(2);
    const ack = await trader.request({
      type: 'placeOrder',
      clOrdId: nextClOrdId(),
      order: { symbol: 'AAPL', side: 'buy', type: 'limit', quantity: '100', limitPrice: limit, account: 'T1-MAIN', tif: 'day' },
    });
    expect(ack.type).toBe('execReport');
    if (ack.type !== 'execReport') return;
    expect(ack.report.execType).toBe('pendingNew');
    expect(ack.report.order).toMatchObject({ status: 'pendingNew', cumQty: '0', leavesQty: '100', limitPrice: limit, trader: 'trader1' });
    const id = ack.report.order.orderId;

    const accepted = await reportOf(trader, id, 'new');
    expect(accepted.order.status).toBe('new');
    const fill = await reportOf(trader, id, 'trade');
    expect(fill).toMatchObject({ lastQty: '100', lastPx: q.ask });
    expect(fill.order).toMatchObject({ status: 'filled', cumQty: '100', leavesQty: '0', avgPx: q.ask });
    expect(Number(fill.execId.slice(1))).toBeGreaterThan(Number(accepted.execId.slice(1)));
  });

  it('rests a limit far below the bid (New), then cancels it: PendingCancel, Canceled', async () => {
    const far = dec(quote('MSFT').bid).div(2).toDecimalPlaces(2).toFixed(2);
    const ack = await trader.request({
      type: 'placeOrder',
      clOrdId: nextClOrdId(),
      order: { symbol: 'MSFT', side: 'buy', type: 'limit', quantity: '200', limitPrice: far, account: 'T1-HEDGE' },
    });
    if (ack.type !== 'execReport') throw new Error(JSON.stringify(ack));
    const id = ack.report.order.orderId;
    expect((await reportOf(trader, id, 'new')).order).toMatchObject({ status: 'new', leavesQty: '200', tif: 'day' });

    const pending = await trader.request({ type: 'cancelOrder', orderId: id });
    expect(pending).toMatchObject({ type: 'execReport', report: { execType: 'pendingCancel', order: { status: 'pendingCancel' } } });
    const canceled = await reportOf(trader, id, 'canceled');
    expect(canceled.order).toMatchObject({ status: 'canceled', cumQty: '0', leavesQty: '0' });

    const again = await trader.request({ type: 'cancelOrder', orderId: id });
    expect(again).toMatchObject({ type: 'cancelReject', orderId: id, reason: `too late to cancel: order ${id} is already Canceled` });
  });

  it('rejects a quantity off the lot size with the ticket wording', async () => {
    const r = await trader.request({
      type: 'placeOrder',
      clOrdId: nextClOrdId(),
      order: { symbol: 'AAPL', side: 'buy', type: 'limit', quantity: '150', limitPrice: '100.00', account: 'T1-MAIN' },
    });
    expect(r).toMatchObject({
      type: 'execReport',
      report: { execType: 'rejected', order: { status: 'rejected', quantity: '150', leavesQty: '0', text: 'quantity must be a multiple of the lot size 100' } },
    });
  });

  it('rejects every ticket fault at once, an account not yours included', async () => {
    const r = await trader.request({
      type: 'placeOrder',
      clOrdId: nextClOrdId(),
      order: { symbol: 'AAPL', side: 'short', type: 'limit', quantity: '100', limitPrice: '10.001', account: 'T2-MAIN' },
    });
    if (r.type !== 'execReport') throw new Error(JSON.stringify(r));
    expect(r.report.order.text).toBe('side must be buy, sell or sell short; you may not trade for account T2-MAIN; limit price must be a multiple of the tick size 0.01');
  });

  it('rejects an order over the notional limit, naming both numbers', async () => {
    const r = await trader.request({
      type: 'placeOrder',
      clOrdId: nextClOrdId(),
      order: { symbol: 'AAPL', side: 'buy', type: 'limit', quantity: '100000', limitPrice: '100.00', account: 'T1-MAIN' },
    });
    if (r.type !== 'execReport') throw new Error(JSON.stringify(r));
    expect(r.report.execType).toBe('rejected');
    expect(r.report.order.text).toBe('fat finger: order notional 10,000,000 USD exceeds the per-order limit of 5,000,000 USD');
  });

  it('rejects a reused ClOrdID', async () => {
    const clOrdId = nextClOrdId();
    const order = { symbol: 'AAPL', side: 'sell', type: 'limit', quantity: '100', limitPrice: '9999.00', account: 'T1-MAIN' };
    const first = await trader.request({ type: 'placeOrder', clOrdId, order });
    if (first.type !== 'execReport') throw new Error(JSON.stringify(first));
    const second = await trader.request({ type: 'placeOrder', clOrdId, order });
    expect(second).toMatchObject({
      type: 'execReport',
      report: { execType: 'rejected', order: { text: `duplicate ClOrdID ${clOrdId}: already used for order ${first.report.order.orderId}` } },
    });
    await trader.request({ type: 'cancelOrder', orderId: first.report.order.orderId });
  });

  it('fills a market sell at the bid; an IOC limit that cannot trade is canceled', async () => {
    const q = quote('NVDA');
    const mkt = await trader.request({
      type: 'placeOrder',
      clOrdId: nextClOrdId(),
      // Flat in NVDA: selling it is a short sale, which needs a locate.
      order: { symbol: 'NVDA', side: 'sellShort', type: 'market', quantity: '100', account: 'T1-MAIN', locate: 'LOC-NVDA-1' },
    });
    if (mkt.type !== 'execReport') throw new Error(JSON.stringify(mkt));
    const fill = await reportOf(trader, mkt.report.order.orderId, 'trade');
    expect(fill).toMatchObject({ lastQty: '100', lastPx: q.bid, order: { status: 'filled', avgPx: q.bid } });

    const ioc = await trader.request({
      type: 'placeOrder',
      clOrdId: nextClOrdId(),
      // One percent under the bid: inside the price collar, but nothing to trade with.
      order: { symbol: 'NVDA', side: 'buy', type: 'limit', quantity: '100', limitPrice: dec(q.bid).times('0.99').toDecimalPlaces(2).toFixed(2), account: 'T1-MAIN', tif: 'ioc' },
    });
    if (ioc.type !== 'execReport') throw new Error(JSON.stringify(ioc));
    const canceled = await reportOf(trader, ioc.report.order.orderId, 'canceled');
    expect(canceled.order).toMatchObject({ status: 'canceled', cumQty: '0', leavesQty: '0' });
  });

  it('refuses to cancel an unknown order and hides the orders of other traders', async () => {
    expect(await trader.request({ type: 'cancelOrder', orderId: 'O99999999' })).toMatchObject({ type: 'cancelReject', reason: 'unknown order O99999999' });
    const far = dec(quote('AAPL').bid).div(2).toDecimalPlaces(2).toFixed(2);
    const mine = await trader.request({
      type: 'placeOrder',
      clOrdId: nextClOrdId(),
      order: { symbol: 'AAPL', side: 'buy', type: 'limit', quantity: '100', limitPrice: far, account: 'T1-MAIN' },
    });
    if (mine.type !== 'execReport') throw new Error(JSON.stringify(mine));
    const id = mine.report.order.orderId;
    const other = await connect(gw.wsUrl);
    await other.login('trader2');
    expect(await other.request({ type: 'cancelOrder', orderId: id })).toMatchObject({ type: 'cancelReject', reason: `unknown order ${id}` });
    const snap = await other.request({ type: 'subscribeOrders' });
    if (snap.type !== 'ordersSnapshot') throw new Error(JSON.stringify(snap));
    expect(snap.orders.every((o) => o.trader === 'trader2')).toBe(true);
    await other.close();

    // The desk head may cancel anyone's order.
    const head = await connect(gw.wsUrl);
    await head.login('deskhead');
    expect(await head.request({ type: 'cancelOrder', orderId: id })).toMatchObject({ type: 'execReport', report: { execType: 'pendingCancel' } });
    expect((await reportOf(trader, id, 'canceled')).order.status).toBe('canceled');
    await head.close();
  });
});

describe('order and position fan-out', () => {
  it('shows a fill to the trader as a position and to the desk head as an execution and a position', async () => {
    const t = await connect(gw.wsUrl);
    await t.login('trader2');
    const head = await connect(gw.wsUrl);
    await head.login('deskhead');
    const tPos = await t.request({ type: 'subscribePositions' });
    expect(tPos).toMatchObject({ type: 'positionsSnapshot', positions: [] });
    const hOrders = await head.request({ type: 'subscribeOrders' });
    if (hOrders.type !== 'ordersSnapshot') throw new Error(JSON.stringify(hOrders));
    expect(hOrders.orders.some((o) => o.trader === 'trader1')).toBe(true);
    await head.request({ type: 'subscribePositions' });

    const q = quote('JPM');
    const ack = await t.request({
      type: 'placeOrder',
      clOrdId: 'pos-1',
      order: { symbol: 'JPM', side: 'buy', type: 'market', quantity: '100', account: 'T2-MAIN' },
    });
    if (ack.type !== 'execReport') throw new Error(JSON.stringify(ack));
    const expected = { trader: 'trader2', account: 'T2-MAIN', symbol: 'JPM', currency: 'USD', quantity: '100', avgCost: q.ask, realizedPnl: '0', multiplier: '1' };
    expect((await t.next('positionUpdate')).position).toMatchObject(expected);

    const seen = await reportOf(head, ack.report.order.orderId, 'trade');
    expect(seen.order).toMatchObject({ trader: 'trader2', status: 'filled', avgPx: q.ask });
    expect((await head.next('positionUpdate', (m) => m.position.trader === 'trader2')).position).toMatchObject(expected);

    // trader1 (not subscribed to trader2's world) sees nothing of it; its own position snapshot holds only its own.
    const mine = await trader.request({ type: 'subscribePositions' });
    if (mine.type !== 'positionsSnapshot') throw new Error(JSON.stringify(mine));
    expect(mine.positions.map((p) => p.trader)).not.toContain('trader2');
    expect(mine.positions.find((p) => p.symbol === 'AAPL' && p.account === 'T1-MAIN')).toMatchObject({ quantity: '100' });
    await t.close();
    await head.close();
  });

  it('sends the orders snapshot with executions, then live reports, to a subscribed trader', async () => {
    const snap = await trader.request({ type: 'subscribeOrders' });
    if (snap.type !== 'ordersSnapshot') throw new Error(JSON.stringify(snap));
    expect(snap.orders.length).toBeGreaterThan(5);
    expect(snap.orders.every((o) => o.trader === 'trader1')).toBe(true);
    const filled = snap.orders.find((o) => o.status === 'filled' && o.symbol === 'AAPL');
    expect(filled).toBeDefined();
    const execTypes = snap.executions.filter((e) => e.order.orderId === filled!.orderId).map((e) => e.execType);
    expect(execTypes).toEqual(['pendingNew', 'new', 'trade']);
  });
});
