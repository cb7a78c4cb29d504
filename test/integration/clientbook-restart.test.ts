import { afterAll, describe, expect, it } from 'vitest';
import { dec } from '../../src/core/decimal.ts';
import type { ServerMessage, ServerMessageOf } from '../../src/core/protocol.ts';
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

function as<T extends ServerMessage['type']>(m: ServerMessage, type: T): ServerMessageOf<T> {
  if (m.type !== type) throw new Error(`expected ${type}, got ${JSON.stringify(m).slice(0, 300)}`);
  return m as ServerMessageOf<T>;
}

describe('client book across a restart', () => {
  it('keeps the book as it was (no second seed), the client record, and the holdings a direct fill changed', async () => {
    const first = await start();
    const c = await connect(first.wsUrl);
    await c.login('advisor1');
    const before = as(await c.request({ type: 'clientList' }), 'clientList').clients;
    const client = before.find((x) => x.riskTolerance >= 3)!;
    const account = client.accountIds[0]!;
    const logged = as(await c.request({ type: 'logInteraction', clientId: client.clientId, kind: 'meeting', subject: 'Before the restart', body: '' }), 'interactionLogged');
    // A direct, marketable buy of a broad fund in the client's account: booked into its holdings.
    const spy = first.marketData.latest('SPY')!;
    const placed = as(
      await c.request({
        type: 'placeOrder',
        clOrdId: 'cbr-1',
        order: { symbol: 'SPY', side: 'buy', type: 'limit', quantity: '1', limitPrice: dec(spy.ask).plus(5).toFixed(2), account },
        confirm: true,
      }),
      'execReport',
    );
    await c.next('execReport', (m) => m.report.order.orderId === placed.report.order.orderId && m.report.order.status === 'filled');
    const detailBefore = as(await c.request({ type: 'clientDetail', clientId: client.clientId }), 'clientDetail').detail;
    const held = detailBefore.accounts.find((a) => a.accountId === account)!.holdings.find((h) => h.symbol === 'SPY');
    expect(detailBefore.transactions[0]).toMatchObject({ kind: 'buy', symbol: 'SPY', quantity: '1', accountId: account });
    await c.close();
    await first.dispose({ keepData: true });

    const second = await start();
    const d = await connect(second.wsUrl);
    await d.login('advisor1');
    const after = as(await d.request({ type: 'clientList' }), 'clientList').clients;
    expect(after.map((x) => x.clientId)).toEqual(before.map((x) => x.clientId));
    const detail = as(await d.request({ type: 'clientDetail', clientId: client.clientId }), 'clientDetail').detail;
    expect(detail.interactions.map((i) => i.interactionId)).toContain(logged.interaction.interactionId);
    expect(detail.accounts.find((a) => a.accountId === account)!.holdings.find((h) => h.symbol === 'SPY')).toEqual(
      expect.objectContaining({ quantity: held!.quantity, avgCost: held!.avgCost }),
    );
    await d.close();
  }, 60_000);
});
