import { afterAll, describe, expect, it } from 'vitest';
import { dec } from '../../src/core/decimal.ts';
import { type TestGateway, freshDataDir, startTestGateway } from '../support/gateway.ts';
import { connect } from '../support/wsClient.ts';

const dataDir = freshDataDir();
const running: TestGateway[] = [];
async function start(): Promise<TestGateway> {
  const gw = await startTestGateway({ dataDir, tickIntervalMs: 3_600_000 });
  running.push(gw);
  return gw;
}
afterAll(async () => {
  for (const gw of running) await gw.dispose();
});

describe('restart on the same data directory', () => {
  it('keeps orders, executions and positions, and the resting order is still working at the venue', async () => {
    const first = await start();
    const c = await connect(first.wsUrl);
    await c.login('trader1');
    await c.request({ type: 'subscribeOrders' });
    const ask = first.marketData.latest('AAPL')!.ask;
    const filled = await c.request({
      type: 'placeOrder',
      clOrdId: 'r-1',
      order: { symbol: 'AAPL', side: 'buy', type: 'limit', quantity: '100', limitPrice: dec(ask).plus(1).toFixed(2), account: 'T1-MAIN' },
    });
    const resting = await c.request({
      type: 'placeOrder',
      clOrdId: 'r-2',
      order: { symbol: 'MSFT', side: 'buy', type: 'limit', quantity: '300', limitPrice: '1.00', account: 'T1-MAIN' },
    });
    if (filled.type !== 'execReport' || resting.type !== 'execReport') throw new Error('placeOrder not acknowledged');
    const filledId = filled.report.order.orderId;
    const restingId = resting.report.order.orderId;
    await c.next('execReport', (m) => m.report.order.orderId === filledId && m.report.order.status === 'filled');
    await c.next('execReport', (m) => m.report.order.orderId === restingId && m.report.order.status === 'new');
    const before = await c.request({ type: 'subscribeOrders' });
    if (before.type !== 'ordersSnapshot') throw new Error(JSON.stringify(before));
    await c.close();
    await first.stop();

    const second = await start();
    const d = await connect(second.wsUrl);
    await d.login('trader1');
    const after = await d.request({ type: 'subscribeOrders' });
    if (after.type !== 'ordersSnapshot') throw new Error(JSON.stringify(after));
    expect(after.orders).toEqual(before.orders);
    expect(after.executions).toEqual(before.executions);
    expect(after.orders.find((o) => o.orderId === restingId)).toMatchObject({ status: 'new', leavesQty: '300' });

    const positions = await d.request({ type: 'subscribePositions' });
    expect(positions).toMatchObject({ type: 'positionsSnapshot', positions: [{ symbol: 'AAPL', account: 'T1-MAIN', quantity: '100', avgCost: ask }] });

    // Cancelled through the venue, so the venue holds it again after the restart.
    await d.request({ type: 'cancelOrder', orderId: restingId });
    const canceled = await d.next('execReport', (m) => m.report.order.orderId === restingId && m.report.execType === 'canceled');
    expect(canceled.report.order.status).toBe('canceled');

    // New ids continue after the old ones, and old ClOrdIDs stay taken.
    const next = await d.request({
      type: 'placeOrder',
      clOrdId: 'r-1',
      order: { symbol: 'MSFT', side: 'buy', type: 'limit', quantity: '100', limitPrice: '1.00', account: 'T1-MAIN' },
    });
    if (next.type !== 'execReport') throw new Error(JSON.stringify(next));
    expect(next.report.order.orderId > restingId).toBe(true);
    expect(next.report.order.text).toBe(`duplicate ClOrdID r-1: already used for order ${filledId}`);
    const allExecIds = [...after.executions.map((e) => e.execId), canceled.report.execId, next.report.execId];
    expect(new Set(allExecIds).size).toBe(allExecIds.length);
    await d.close();
  });
});
