import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dec } from '../../src/core/decimal.ts';
import type { ServerMessageOf } from '../../src/core/protocol.ts';
import { type TestGateway, startTestGateway } from '../support/gateway.ts';
import { type TestClient, connect } from '../support/wsClient.ts';

/**
 * The desk head's monitor over the real WebSocket (issue 5): a trader's fill
 * moves the roll-up and the limit utilisation; a breach raises the alert and
 * puts the trader into REDUCING, where a risk-increasing order is refused and
 * a reducing one passes; the kill switch cancels working orders and rejects
 * new ones with the reason. Quotes stand still (an hour between simulator
 * cycles) so the figures are known.
 */
let gw: TestGateway;
let dir: string;
let head: TestClient;
let t1: TestClient;
let t2: TestClient;
let n = 0;
const clOrdId = () => `desk-${++n}`;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fot-desk-'));
  const limits = join(dir, 'limits.json');
  // trader2: 100 AAPL (about 26,800 USD) is ~89% of 30,000 (a warning), 200 is a breach.
  writeFileSync(
    limits,
    JSON.stringify({
      warningPercent: '80',
      onBreach: 'reducing',
      traders: { default: { grossExposure: '100000000' }, trader2: { grossExposure: '30000' } },
      desks: { default: { grossExposure: '1000000000' } },
    }),
  );
  gw = await startTestGateway({ tickIntervalMs: 3_600_000, deskLimitsFile: limits, startOfDayFile: 'none' });
  [head, t1, t2] = await Promise.all([connect(gw.wsUrl), connect(gw.wsUrl), connect(gw.wsUrl)]);
  await Promise.all([head.login('deskhead'), t1.login('trader1'), t2.login('trader2')]);
});

afterAll(async () => {
  await Promise.all([head?.close(), t1?.close(), t2?.close()]);
  await gw?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

function marketableBuy(symbol: string) {
  const q = gw.marketData.latest(symbol)!;
  return dec(q.ask).plus(1).toFixed(2);
}

async function buyAndFill(c: TestClient, account: string, symbol: string, quantity: string) {
  const ack = await c.request({ type: 'placeOrder', clOrdId: clOrdId(), order: { symbol, side: 'buy', type: 'limit', quantity, limitPrice: marketableBuy(symbol), account, tif: 'day' }, confirm: true });
  if (ack.type !== 'execReport') throw new Error(JSON.stringify(ack));
  const id = ack.report.order.orderId;
  const filled = await c.next('execReport', (m) => m.report.order.orderId === id && m.report.order.status === 'filled');
  return filled.report;
}

const lineOf = (m: Pick<ServerMessageOf<'deskSnapshot'>, 'lines'>, id: string) => m.lines.find((l) => l.id === id);

describe('desk monitor', () => {
  it('refuses the desk view to an advisor', async () => {
    const adv = await connect(gw.wsUrl);
    await adv.login('advisor1');
    expect(await adv.request({ type: 'subscribeDesk' })).toMatchObject({ type: 'error', code: 'FORBIDDEN' });
    await adv.close();
  });

  it("a trader's fill changes the desk head's roll-up and the trader's limit utilisation", async () => {
    const snap = await head.request({ type: 'subscribeDesk' });
    expect(snap.type).toBe('deskSnapshot');
    if (snap.type !== 'deskSnapshot') return;
    expect(snap.base).toBe('USD');
    expect(lineOf(snap, 'Equities/trader1/T1-MAIN/AAPL')).toBeUndefined();

    const fill = await buyAndFill(t1, 'T1-MAIN', 'AAPL', '100');
    const update = await head.next('deskUpdate', (m) => lineOf(m, 'Equities/trader1/T1-MAIN/AAPL')?.quantity === '100');
    const line = lineOf(update, 'Equities/trader1/T1-MAIN/AAPL')!;
    expect(line).toMatchObject({ level: 'instrument', parentId: 'Equities/trader1/T1-MAIN', priceCurrency: 'USD', averagePrice: fill.lastPx });
    // Exposure is the position's value at its mark; fees are today's commission (100 × 0.005, floor 1 USD).
    expect(dec(line.grossExposure).eq(dec(line.mark!).times(100))).toBe(true);
    expect(line.fees).toBe('1');
    // Each level up carries the sums of the level below.
    expect(lineOf(update, 'Equities/trader1')!.grossExposure).toBe(lineOf(update, 'Equities/trader1/T1-MAIN')!.grossExposure);
    const usage = update.limits.find((u) => u.scope === 'trader' && u.name === 'trader1' && u.metric === 'grossExposure')!;
    expect(usage.value).toBe(line.grossExposure);
    expect(dec(usage.utilisation).eq(dec(line.grossExposure).times(100).div(100_000_000).toDecimalPlaces(2))).toBe(true);
  });

  it('a breach raises the alert and sets REDUCING: a risk-increasing order is refused, a reducing one passes', async () => {
    await buyAndFill(t2, 'T2-MAIN', 'AAPL', '100');
    const warning = await head.next('deskAlert', (m) => m.alert.name === 'trader2' && m.alert.level === 'warning');
    expect(warning.alert.message).toMatch(/^Warning: trader2 gross exposure [\d,.]+ of 30,000 USD \(8\d\.\d\d%\)$/);

    await buyAndFill(t2, 'T2-MAIN', 'AAPL', '100');
    const breach = await head.next('deskAlert', (m) => m.alert.name === 'trader2' && m.alert.level === 'breach');
    expect(breach.alert.action).toMatch(/^trader2 set to REDUCING/);

    const more = await t2.request({ type: 'placeOrder', clOrdId: clOrdId(), order: { symbol: 'AAPL', side: 'buy', type: 'limit', quantity: '100', limitPrice: marketableBuy('AAPL'), account: 'T2-MAIN' }, confirm: true });
    expect(more).toMatchObject({ type: 'execReport', report: { execType: 'rejected' } });
    if (more.type === 'execReport') expect(more.report.order.text).toMatch(/REDUCING/);

    const bid = gw.marketData.latest('AAPL')!.bid;
    const reduce = await t2.request({ type: 'placeOrder', clOrdId: clOrdId(), order: { symbol: 'AAPL', side: 'sell', type: 'limit', quantity: '100', limitPrice: dec(bid).minus(1).toFixed(2), account: 'T2-MAIN' }, confirm: true });
    expect(reduce).toMatchObject({ type: 'execReport', report: { execType: 'pendingNew' } });
  });

  it('the kill switch cancels the trader’s working orders and rejects new ones with the reason', async () => {
    const far = dec(gw.marketData.latest('MSFT')!.bid).times('0.99').toDecimalPlaces(2).toFixed(2);
    const ack = await t1.request({ type: 'placeOrder', clOrdId: clOrdId(), order: { symbol: 'MSFT', side: 'buy', type: 'limit', quantity: '100', limitPrice: far, account: 'T1-MAIN', tif: 'gtc' }, confirm: true });
    if (ack.type !== 'execReport') throw new Error(JSON.stringify(ack));
    const id = ack.report.order.orderId;
    await t1.next('execReport', (m) => m.report.order.orderId === id && m.report.execType === 'new');

    const set = await head.request({ type: 'setKillSwitch', scope: { kind: 'trader', trader: 'trader1' }, mode: 'halted', reason: 'desk review of the MSFT book' });
    expect(set).toMatchObject({ type: 'killSwitchEvent', event: { action: 'set', mode: 'halted', by: 'deskhead' } });
    const canceled = await t1.next('execReport', (m) => m.report.order.orderId === id && m.report.execType === 'canceled');
    expect(canceled.report.order.status).toBe('canceled');

    const refused = await t1.request({ type: 'placeOrder', clOrdId: clOrdId(), order: { symbol: 'MSFT', side: 'buy', type: 'limit', quantity: '100', limitPrice: far, account: 'T1-MAIN' }, confirm: true });
    expect(refused).toMatchObject({ type: 'execReport', report: { execType: 'rejected' } });
    if (refused.type === 'execReport') expect(refused.report.order.text).toMatch(/HALTED.*desk review of the MSFT book/);
  });
});
