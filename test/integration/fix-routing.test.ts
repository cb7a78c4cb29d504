import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dec } from '../../src/core/decimal.ts';
import { type TestGateway, startTestGateway } from '../support/gateway.ts';
import { type Counterparty, startCounterparty } from '../support/quickfix/counterparty.ts';
import { type TestClient, connect } from '../support/wsClient.ts';

/**
 * The whole order path to a FIX counterparty no one here wrote: a trader's
 * order over the WebSocket, through the ticket rules, pre-trade risk and the
 * routing table (VENUES_FILE) to QuickFIX's executor (FIX 4.4, fills every
 * limit order at its price) or ordermatch (FIX 4.2, a book: orders rest and
 * can be canceled), and the execution reports back to the trader's blotter.
 */
let executor: Counterparty;
let ordermatch: Counterparty;
let gw: TestGateway;
let trader: TestClient;
let dir: string;
let n = 0;
const clOrdId = () => `fixr-${++n}`;

beforeAll(async () => {
  [executor, ordermatch] = await Promise.all([
    startCounterparty('executor', { sessions: [{ beginString: 'FIX.4.4', senderCompId: 'EXECUTOR', targetCompId: 'GATEWAY' }] }),
    startCounterparty('ordermatch', { sessions: [{ beginString: 'FIX.4.2', senderCompId: 'ORDERMATCH', targetCompId: 'GATEWAY' }] }),
  ]);
  dir = mkdtempSync(join(tmpdir(), 'fot-fix-routing-'));
  const venuesFile = join(dir, 'venues.json');
  writeFileSync(
    venuesFile,
    JSON.stringify({
      fix: [
        { name: 'QF-EXECUTOR', host: executor.host, port: executor.port, version: 'FIX.4.4', senderCompId: 'GATEWAY', targetCompId: 'EXECUTOR', storeDir: 'fix-executor', reconnectSeconds: 1 },
        { name: 'QF-ORDERMATCH', host: ordermatch.host, port: ordermatch.port, version: 'FIX.4.2', senderCompId: 'GATEWAY', targetCompId: 'ORDERMATCH', storeDir: 'fix-ordermatch', reconnectSeconds: 1 },
      ],
      routing: {
        rules: [
          { venue: 'QF-ORDERMATCH', account: 'T1-HEDGE', symbol: 'MSFT', description: 'MSFT hedges to the ordermatch book' },
          { venue: 'QF-EXECUTOR', account: 'T1-HEDGE' },
        ],
        default: 'INTERNAL',
      },
    }),
  );
  gw = await startTestGateway({ tickIntervalMs: 3_600_000, venuesFile, startOfDayFile: 'none' });
  trader = await connect(gw.wsUrl);
  await trader.login('trader1');
  // The FIX sessions log on in the background; an order sent before that is rejected ("not logged on"), so wait.
  await Promise.all([loggedOn(executor), loggedOn(ordermatch)]);
}, 300_000);

/** Waits until the counterparty's screen log shows our Logon answered (its own 35=A going out). */
async function loggedOn(cp: Counterparty): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if ((cp.log().match(/35=A/g) ?? []).length >= 2) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no FIX logon with ${cp.program} within 60 s:\n${cp.log().slice(-2000)}`);
}

afterAll(async () => {
  await trader?.close();
  await gw?.dispose();
  await Promise.all([executor?.stop(), ordermatch?.stop()]);
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 60_000);

const atTouch = (symbol: string) => dec(gw.marketData.latest(symbol)!.ask).toFixed(2);

describe('orders routed to QuickFIX through the gateway', () => {
  it('routes T1-HEDGE to the executor: New then Filled at the limit, with the venue named on the order', async () => {
    const px = atTouch('AAPL');
    const ack = await trader.request({ type: 'placeOrder', clOrdId: clOrdId(), order: { symbol: 'AAPL', side: 'buy', type: 'limit', quantity: '200', limitPrice: px, account: 'T1-HEDGE' }, confirm: true });
    if (ack.type !== 'execReport') throw new Error(JSON.stringify(ack));
    expect(ack.report.order).toMatchObject({ status: 'pendingNew', venue: 'QF-EXECUTOR' });
    const id = ack.report.order.orderId;
    const filled = await trader.next('execReport', (m) => m.report.order.orderId === id && m.report.order.status === 'filled', 60_000);
    expect(filled.report).toMatchObject({ lastQty: '200', lastPx: px });
    expect(filled.report.order).toMatchObject({ cumQty: '200', leavesQty: '0', avgPx: px });
    expect(executor.log()).toContain(`11=${id}`);
  }, 90_000);

  it('routes a T1-HEDGE MSFT order to ordermatch, where it rests and is canceled over FIX', async () => {
    const far = dec(gw.marketData.latest('MSFT')!.bid).times('0.99').toDecimalPlaces(2).toFixed(2);
    const ack = await trader.request({ type: 'placeOrder', clOrdId: clOrdId(), order: { symbol: 'MSFT', side: 'buy', type: 'limit', quantity: '100', limitPrice: far, account: 'T1-HEDGE' }, confirm: true });
    if (ack.type !== 'execReport') throw new Error(JSON.stringify(ack));
    expect(ack.report.order.venue).toBe('QF-ORDERMATCH');
    const id = ack.report.order.orderId;
    await trader.next('execReport', (m) => m.report.order.orderId === id && m.report.execType === 'new', 60_000);
    const pending = await trader.request({ type: 'cancelOrder', orderId: id });
    expect(pending).toMatchObject({ type: 'execReport', report: { execType: 'pendingCancel' } });
    const canceled = await trader.next('execReport', (m) => m.report.order.orderId === id && m.report.execType === 'canceled', 60_000);
    expect(canceled.report.order).toMatchObject({ status: 'canceled', leavesQty: '0' });
    expect(ordermatch.log()).toContain('35=F');
  }, 90_000);

  it('keeps T1-MAIN on the internal matching engine', async () => {
    const ack = await trader.request({ type: 'placeOrder', clOrdId: clOrdId(), order: { symbol: 'AAPL', side: 'buy', type: 'limit', quantity: '100', limitPrice: atTouch('AAPL'), account: 'T1-MAIN' }, confirm: true });
    expect(ack).toMatchObject({ type: 'execReport', report: { order: { venue: 'INTERNAL' } } });
  });
});
