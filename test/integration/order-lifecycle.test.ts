import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dec } from '../../src/core/decimal.ts';
import type { ClientMessage, ExecReportWire } from '../../src/core/protocol.ts';
import { type TestGateway, freshDataDir, startTestGateway } from '../support/gateway.ts';
import { type TestClient, connect } from '../support/wsClient.ts';

/**
 * The order lifecycle over the real WebSocket: replace round trips, refusals
 * that come too late, cancel-all, and DAY/GTC orders across a session close and
 * a restart. The gateway's clock is the test's (Monday 23 November 2026, 10:00
 * in New York), so the session close of AAPL (16:00 New York) is known.
 */
const MON_10AM = Date.UTC(2026, 10, 23, 15, 0);
const MON_CLOSE = Date.UTC(2026, 10, 23, 21, 0);

let clOrd = 0;
const nextClOrdId = () => `lc-${++clOrd}`;
type PlaceOrder = Extract<ClientMessage, { type: 'placeOrder' }>['order'];

const reportOf = (c: TestClient, orderId: string, execType: ExecReportWire['execType']) =>
  c.next('execReport', (m) => m.report.order.orderId === orderId && m.report.execType === execType).then((m) => m.report);

/** Places an order; `confirm` accepts the gateway's warnings (a large order asks first). */
async function place(c: TestClient, order: Partial<PlaceOrder>, clOrdId = nextClOrdId(), confirm = false): Promise<ExecReportWire> {
  const ack = await c.request({
    type: 'placeOrder',
    clOrdId,
    ...(confirm ? { confirm } : {}),
    order: { symbol: 'AAPL', side: 'buy', type: 'limit', quantity: '100', account: 'T1-MAIN', tif: 'day', ...order },
  });
  if (ack.type !== 'execReport' || ack.report.execType !== 'pendingNew') throw new Error(`not placed: ${JSON.stringify(ack)}`);
  return ack.report;
}

describe('order lifecycle over the WebSocket', () => {
  let gw: TestGateway;
  let trader: TestClient;
  const clock = { now: MON_10AM };
  const farBid = () => dec(gw.marketData.latest('AAPL')!.bid).div(2).toDecimalPlaces(2).toFixed(2);

  beforeAll(async () => {
    // Quotes stand still, so a far limit rests and a marketable one fills at a known price.
    gw = await startTestGateway({ tickIntervalMs: 3_600_000 }, () => clock.now);
    trader = await connect(gw.wsUrl);
    await trader.login('trader1');
  });
  afterAll(async () => {
    await trader.close();
    await gw.dispose();
  });

  it('replace round trip: PendingReplace answers the request, then Replaced with the new terms and the ClOrdID chain', async () => {
    const placed = await place(trader, { limitPrice: farBid(), quantity: '200' }, 'lc-rt-1');
    const id = placed.order.orderId;
    await reportOf(trader, id, 'new');
    const newPrice = dec(placed.order.limitPrice!).plus('0.05').toFixed(2);
    const ack = await trader.request({ type: 'replaceOrder', orderId: id, clOrdId: 'lc-rt-2', quantity: '300', limitPrice: newPrice });
    expect(ack).toMatchObject({ type: 'execReport', report: { execType: 'pendingReplace', order: { orderId: id, status: 'pendingReplace', clOrdId: 'lc-rt-1' } } });
    const replaced = await reportOf(trader, id, 'replaced');
    expect(replaced.order).toMatchObject({
      orderId: id,
      clOrdId: 'lc-rt-2',
      origClOrdId: 'lc-rt-1',
      status: 'new',
      quantity: '300',
      leavesQty: '300',
      cumQty: '0',
      limitPrice: newPrice,
    });
    // A second amend chains on: OrigClOrdID is the previous ClOrdID.
    await trader.request({ type: 'replaceOrder', orderId: id, clOrdId: 'lc-rt-3', quantity: '100' });
    expect((await reportOf(trader, id, 'replaced')).order).toMatchObject({ clOrdId: 'lc-rt-3', origClOrdId: 'lc-rt-2', quantity: '100', leavesQty: '100' });
    // The whole story is the order's history, one list under one OrderID.
    const snap = await trader.request({ type: 'subscribeOrders' });
    if (snap.type !== 'ordersSnapshot') throw new Error(JSON.stringify(snap));
    expect(snap.executions.filter((e) => e.order.orderId === id).map((e) => e.execType)).toEqual(['pendingNew', 'new', 'pendingReplace', 'replaced', 'pendingReplace', 'replaced']);
    await trader.request({ type: 'cancelOrder', orderId: id });
    await reportOf(trader, id, 'canceled');
  });

  it('refuses a cancel and a replace that come too late, with a reason, and an amend below CumQty', async () => {
    const q = gw.marketData.latest('AAPL')!;
    const filled = await place(trader, { limitPrice: dec(q.ask).plus(1).toFixed(2) });
    const id = filled.order.orderId;
    await trader.next('execReport', (m) => m.report.order.orderId === id && m.report.order.status === 'filled');
    expect(await trader.request({ type: 'cancelOrder', orderId: id })).toMatchObject({
      type: 'cancelReject',
      orderId: id,
      responseTo: 'cancel',
      reason: `too late to cancel: order ${id} is already Filled`,
    });
    expect(await trader.request({ type: 'replaceOrder', orderId: id, clOrdId: nextClOrdId(), quantity: '200' })).toMatchObject({
      type: 'cancelReject',
      orderId: id,
      responseTo: 'replace',
      reason: `too late to amend: order ${id} is already Filled`,
    });

    // A buy at the ask for more than the ask shows: part fills, the rest rests.
    const q2 = gw.marketData.latest('MSFT')!;
    const partial = await place(trader, { symbol: 'MSFT', limitPrice: q2.ask, quantity: dec(q2.askSize).plus(100).toFixed() }, nextClOrdId(), true);
    const pid = partial.order.orderId;
    const part = await trader.next('execReport', (m) => m.report.order.orderId === pid && m.report.order.status === 'partiallyFilled');
    const cum = part.report.order.cumQty;
    const below = await trader.request({ type: 'replaceOrder', orderId: pid, clOrdId: nextClOrdId(), quantity: cum });
    expect(below).toMatchObject({
      type: 'cancelReject',
      responseTo: 'replace',
      reason: `the new quantity ${cum} is not above the ${cum} already filled; cancel the order to stop the rest`,
    });
    await trader.request({ type: 'cancelOrder', orderId: pid });
    expect((await reportOf(trader, pid, 'canceled')).order).toMatchObject({ status: 'canceled', cumQty: cum, leavesQty: '0' });
  });

  it('cancel-all: a trader clears their own working orders, a desk head another trader’s; a trader may not name someone else', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const r = await place(trader, { limitPrice: farBid(), tif: 'gtc' });
      ids.push(r.order.orderId);
      await reportOf(trader, r.order.orderId, 'new');
    }
    const done = await trader.request({ type: 'cancelAll' });
    expect(done).toMatchObject({ type: 'cancelAllDone', canceled: 3 });
    for (const id of ids) expect((await reportOf(trader, id, 'canceled')).order.status).toBe('canceled');

    expect(await trader.request({ type: 'cancelAll', trader: 'trader2' })).toMatchObject({ type: 'error', code: 'FORBIDDEN' });

    const t2 = await connect(gw.wsUrl);
    await t2.login('trader2');
    const theirs = await place(t2, { limitPrice: farBid(), account: 'T2-MAIN' });
    await reportOf(t2, theirs.order.orderId, 'new');
    const head = await connect(gw.wsUrl);
    await head.login('deskhead');
    expect(await head.request({ type: 'cancelAll', trader: 'trader2' })).toMatchObject({ type: 'cancelAllDone', canceled: 1 });
    expect((await reportOf(t2, theirs.order.orderId, 'canceled')).order.status).toBe('canceled');
    await t2.close();
    await head.close();
  });

  it('expires a DAY order at its session close and leaves a GTC order working', async () => {
    const day = await place(trader, { limitPrice: farBid() });
    const gtc = await place(trader, { limitPrice: farBid(), tif: 'gtc' });
    await reportOf(trader, day.order.orderId, 'new');
    await reportOf(trader, gtc.order.orderId, 'new');
    clock.now = MON_CLOSE + 1;
    const expired = await reportOf(trader, day.order.orderId, 'expired');
    expect(expired.order).toMatchObject({ status: 'expired', leavesQty: '0', text: 'day order expired at the session close' });
    const snap = await trader.request({ type: 'subscribeOrders' });
    if (snap.type !== 'ordersSnapshot') throw new Error(JSON.stringify(snap));
    expect(snap.orders.find((o) => o.orderId === gtc.order.orderId)).toMatchObject({ status: 'new', tif: 'gtc' });
    await trader.request({ type: 'cancelOrder', orderId: gtc.order.orderId });
    await reportOf(trader, gtc.order.orderId, 'canceled');
    clock.now = MON_10AM;
  });
});

describe('restart with working orders', () => {
  const dataDir = freshDataDir();
  const clock = { now: MON_10AM };
  const running: TestGateway[] = [];
  afterAll(async () => {
    for (const gw of running) await gw.dispose();
  });

  it('keeps GTC orders working at the venue and expires DAY orders whose session closed while it was down', async () => {
    const first = await startTestGateway({ dataDir, tickIntervalMs: 3_600_000 }, () => clock.now);
    running.push(first);
    const c = await connect(first.wsUrl);
    await c.login('trader1');
    const far = dec(first.marketData.latest('AAPL')!.bid).div(2).toDecimalPlaces(2).toFixed(2);
    const day = await place(c, { limitPrice: far });
    const gtc = await place(c, { limitPrice: far, tif: 'gtc', quantity: '200' });
    await reportOf(c, day.order.orderId, 'new');
    await reportOf(c, gtc.order.orderId, 'new');
    await c.request({ type: 'replaceOrder', orderId: gtc.order.orderId, clOrdId: 'gtc-amended', quantity: '400' });
    await reportOf(c, gtc.order.orderId, 'replaced');
    await c.close();
    await first.stop();

    clock.now = MON_CLOSE + 3_600_000;
    const second = await startTestGateway({ dataDir, tickIntervalMs: 3_600_000 }, () => clock.now);
    running.push(second);
    const d = await connect(second.wsUrl);
    await d.login('trader1');
    const snap = await d.request({ type: 'subscribeOrders' });
    if (snap.type !== 'ordersSnapshot') throw new Error(JSON.stringify(snap));
    expect(snap.orders.find((o) => o.orderId === day.order.orderId)).toMatchObject({ status: 'expired', text: 'day order expired at the session close' });
    expect(snap.orders.find((o) => o.orderId === gtc.order.orderId)).toMatchObject({
      status: 'new',
      clOrdId: 'gtc-amended',
      origClOrdId: gtc.order.clOrdId,
      quantity: '400',
      leavesQty: '400',
    });
    // The venue holds the GTC order again: an amend and a cancel go through it.
    await d.request({ type: 'replaceOrder', orderId: gtc.order.orderId, clOrdId: 'gtc-amended-2', quantity: '300' });
    expect((await reportOf(d, gtc.order.orderId, 'replaced')).order).toMatchObject({ quantity: '300', origClOrdId: 'gtc-amended' });
    await d.request({ type: 'cancelOrder', orderId: gtc.order.orderId });
    expect((await reportOf(d, gtc.order.orderId, 'canceled')).order.status).toBe('canceled');
    await d.close();
  });
});
