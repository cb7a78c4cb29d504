import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dec } from '../../src/core/decimal.ts';
import type { ClientMessage, ExecReportWire } from '../../src/core/protocol.ts';
import { type TestGateway, startTestGateway } from '../support/gateway.ts';
import { type TestClient, connect } from '../support/wsClient.ts';

/**
 * A connection gets the reports of the orders it placed without subscribing
 * to orders (server/transport/session.ts placedOrders). What it keeps for that
 * must be the orders still working, not every order it ever placed: each is
 * let go at its final report, while the reports themselves still arrive.
 */
let gw: TestGateway;
let placer: TestClient;
let other: TestClient;
let clOrd = 0;

beforeAll(async () => {
  // Quotes stand still (an hour between simulator cycles): a far limit rests, a marketable one fills.
  gw = await startTestGateway({ tickIntervalMs: 3_600_000 });
  placer = await connect(gw.wsUrl);
  await placer.login('trader1');
  other = await connect(gw.wsUrl);
  await other.login('trader1');
});
afterAll(async () => {
  await placer.close();
  await other.close();
  await gw.dispose();
});

const reportOf = (c: TestClient, orderId: string, execType: ExecReportWire['execType']) =>
  c.next('execReport', (m) => m.report.order.orderId === orderId && m.report.execType === execType).then((m) => m.report);

function bid(symbol: string): string {
  const q = gw.marketData.latest(symbol);
  if (!q) throw new Error(`no quote for ${symbol}`);
  return q.bid;
}
const farBelow = (symbol: string) => dec(bid(symbol)).div(2).toDecimalPlaces(2).toFixed(2);

type Draft = Extract<ClientMessage, { type: 'placeOrder' }>['order'];

async function place(order: Partial<Draft>): Promise<ExecReportWire> {
  const ack = await placer.request({
    type: 'placeOrder',
    clOrdId: `po-${++clOrd}`,
    order: { symbol: 'MSFT', side: 'buy', type: 'limit', quantity: '100', account: 'T1-MAIN', tif: 'day', ...order },
  });
  if (ack.type !== 'execReport') throw new Error(`no report for the order: ${JSON.stringify(ack)}`);
  return ack.report;
}

describe('orders a connection placed are followed while working and let go when done', () => {
  it('keeps a resting order, through a replace, and lets go of a filled, a canceled IOC and a rejected one', async () => {
    expect(gw.placedOrdersFollowed()).toBe(0);
    const restingPrice = farBelow('MSFT');
    const resting = (await place({ limitPrice: restingPrice })).order.orderId;
    await reportOf(placer, resting, 'new');
    expect(gw.placedOrdersFollowed()).toBe(1);

    const ask = gw.marketData.latest('AAPL')!.ask;
    const filled = (await place({ symbol: 'AAPL', limitPrice: dec(ask).plus(1).toFixed(2) })).order.orderId;
    expect((await reportOf(placer, filled, 'trade')).order.status).toBe('filled');

    const ioc = (await place({ limitPrice: farBelow('MSFT'), tif: 'ioc' })).order.orderId;
    expect((await reportOf(placer, ioc, 'canceled')).order.status).toBe('canceled');

    const rejected = await place({ account: 'NOT-AN-ACCOUNT', limitPrice: farBelow('MSFT') });
    expect(rejected.execType).toBe('rejected');

    // A replace keeps the OrderID and the order working: still followed, and its reports still arrive.
    const amend = await placer.request({ type: 'replaceOrder', orderId: resting, clOrdId: `po-${++clOrd}`, quantity: '200', limitPrice: restingPrice });
    expect(amend).toMatchObject({ type: 'execReport', report: { execType: 'pendingReplace' } });
    expect((await reportOf(placer, resting, 'replaced')).order).toMatchObject({ status: 'new', quantity: '200', limitPrice: restingPrice });
    expect(gw.placedOrdersFollowed()).toBe(1);
  });

  it('lets go of an order another connection cancels, once the placer has had the cancel', async () => {
    const resting = (await place({ limitPrice: farBelow('MSFT'), quantity: '300' })).order.orderId;
    await reportOf(placer, resting, 'new');
    const before = gw.placedOrdersFollowed();
    expect(before).toBeGreaterThanOrEqual(1);
    const pending = await other.request({ type: 'cancelOrder', orderId: resting });
    expect(pending).toMatchObject({ type: 'execReport', report: { execType: 'pendingCancel' } });
    // The placer, not subscribed to orders, still hears of the cancel it did not ask for.
    expect((await reportOf(placer, resting, 'pendingCancel')).order.status).toBe('pendingCancel');
    expect((await reportOf(placer, resting, 'canceled')).order.status).toBe('canceled');
    expect(gw.placedOrdersFollowed()).toBe(before - 1);
  });

  it('lets go of everything once the orders are canceled, and the connection that did not place them never followed them', async () => {
    const done = await placer.request({ type: 'cancelAll' });
    expect(done).toMatchObject({ type: 'cancelAllDone' });
    while (gw.placedOrdersFollowed() > 0) await placer.next('execReport', (m) => m.report.execType === 'canceled');
    expect(gw.placedOrdersFollowed()).toBe(0);
    expect(other.unconsumed().filter((m) => m.type === 'execReport' && m.report.execType !== 'pendingCancel' && m.report.execType !== 'canceled')).toEqual([]);
  });
});
