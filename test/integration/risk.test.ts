/**
 * Pre-trade risk over the real WebSocket: for each rule one order that passes
 * and one that is refused with its reason, the warnings a trader confirms,
 * the ticket's limits, and the kill switch (HALTED cancels working orders and
 * refuses new ones, REDUCING lets only reducing orders through).
 *
 * The gateway runs on a limits file written here, tight enough that each rule
 * is reached with the demo users; quotes stand still (an hour between
 * simulator cycles) so every price is known.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RiskLimitsError } from '../../server/risk/index.ts';
import { Decimal, dec } from '../../src/core/decimal.ts';
import type { ClientMessage, ExecReportWire, ServerMessage, ServerMessageOf } from '../../src/core/protocol.ts';
import { type TestGateway, freshDataDir, startTestGateway } from '../support/gateway.ts';
import { type TestClient, connect } from '../support/wsClient.ts';

type PlaceOrder = Extract<ClientMessage, { type: 'placeOrder' }>;
type Draft = PlaceOrder['order'];

/** A session that is closed now and for the next two hours: it opens in two hours, for one minute. */
function closedForTwoHours(): { open: string; close: string; timeZone: string; days: string } {
  const d = new Date();
  const open = (d.getUTCHours() * 60 + d.getUTCMinutes() + 120) % 1440;
  const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return { open: hhmm(open), close: hhmm(open + 1), timeZone: 'UTC', days: 'Sun-Sat' };
}
const ALWAYS_OPEN = { open: '00:00', close: '24:00', timeZone: 'UTC', days: 'Sun-Sat' };

const LIMITS = {
  baseCurrency: 'USD',
  fxRates: { EUR: '1.158' },
  defaults: {
    maxOrderQty: '10000',
    maxOrderNotional: '1000000',
    collar: { percent: '5' },
    maxReferenceAgeMs: 3_600_000,
    warnNotional: '500000',
    warnCollarPercent: '2',
    positionLimit: { default: '100000', symbols: { GOOGL: '300' } },
    throttle: { maxOrders: 1000, perMs: 1000 },
    restricted: { MSFT: 'on the restricted list: the firm advises on a pending transaction' },
  },
  // trader2's connections may send three orders in ten minutes.
  traders: { trader2: { throttle: { maxOrders: 3, perMs: 600_000 } } },
  accounts: {
    'T1-HEDGE': { buyingPower: '200000' },
    // The desk book's reference prices go stale after a millisecond: the collar fails closed.
    'EQ-DESK': { maxReferenceAgeMs: 1 },
  },
  nonTradable: { NVDA: 'trading suspended by the exchange pending news' },
  tradingCalendar: 'calendar',
  sessions: { AAPL: ALWAYS_OPEN, GOOGL: ALWAYS_OPEN, AMZN: ALWAYS_OPEN, JPM: closedForTwoHours() },
};

let gw: TestGateway;
let trader: TestClient;
let clOrd = 0;
const nextClOrdId = () => `risk-${++clOrd}`;

beforeAll(async () => {
  const dataDir = freshDataDir();
  const riskLimitsFile = join(dataDir, 'risk-limits.json');
  writeFileSync(riskLimitsFile, JSON.stringify(LIMITS, null, 2));
  // No start-of-day holdings: every position below is built by the test's own fills.
  gw = await startTestGateway({ dataDir, riskLimitsFile, tickIntervalMs: 3_600_000, startOfDayFile: 'none' });
  trader = await connect(gw.wsUrl);
  await trader.login('trader1');
});
afterAll(async () => {
  await trader.close();
  await gw.dispose();
});

function mid(symbol: string): Decimal {
  const q = gw.marketData.latest(symbol);
  if (!q) throw new Error(`no quote for ${symbol}`);
  return dec(q.bid).plus(dec(q.ask)).div(2);
}
/** A price `percent` away from the mid (negative: below), on the 0.01 grid. */
const away = (symbol: string, percent: number) => mid(symbol).times(100 + percent).div(100).toDecimalPlaces(2, Decimal.ROUND_DOWN).toFixed(2);

const order = (over: Partial<Draft>): Draft => ({ symbol: 'AAPL', side: 'buy', type: 'limit', quantity: '100', account: 'T1-MAIN', tif: 'day', ...over });

async function place(c: TestClient, draft: Draft, extra: Partial<PlaceOrder> = {}): Promise<ServerMessage> {
  return c.request({ type: 'placeOrder', clOrdId: nextClOrdId(), order: draft, ...extra });
}

/** The order was accepted by the OMS (PendingNew): it passed every check. */
async function accepted(c: TestClient, draft: Draft, extra: Partial<PlaceOrder> = {}): Promise<ExecReportWire> {
  const r = await place(c, draft, extra);
  if (r.type !== 'execReport') throw new Error(`expected an execReport, got ${JSON.stringify(r)}`);
  expect(r.report.execType, r.report.order.text).toBe('pendingNew');
  return r.report;
}

/** The order was journaled as Rejected; its text is the reason. */
async function rejectedWith(c: TestClient, draft: Draft, extra: Partial<PlaceOrder> = {}): Promise<string> {
  const r = await place(c, draft, extra);
  if (r.type !== 'execReport') throw new Error(`expected an execReport, got ${JSON.stringify(r)}`);
  expect(r.report.execType).toBe('rejected');
  expect(r.report.order.status).toBe('rejected');
  return r.report.order.text;
}

async function cancel(c: TestClient, orderId: string): Promise<void> {
  await c.request({ type: 'cancelOrder', orderId });
  await c.next('execReport', (m) => m.report.order.orderId === orderId && m.report.execType === 'canceled');
}

// A passive buy (far below the market) and an IOC: it passes every check and leaves nothing working.
const passiveIoc = (over: Partial<Draft> = {}) => order({ limitPrice: away('AAPL', -20), tif: 'ioc', ...over });

describe('pre-trade risk rules, one passing and one refused order each', () => {
  it('maxQuantity (fat finger): 10,000 passes, 10,100 is refused naming both numbers', async () => {
    await accepted(trader, passiveIoc({ quantity: '10000', limitPrice: '1.00' }));
    expect(await rejectedWith(trader, passiveIoc({ quantity: '10100', limitPrice: '1.00' }))).toBe(
      'fat finger: order quantity 10,100 exceeds the per-order limit of 10,000',
    );
  });

  it('maxNotional (fat finger): 1,000 × 100 passes, 10,000 × 150 is refused naming the notional and the limit', async () => {
    await accepted(trader, passiveIoc({ quantity: '1000', limitPrice: '100.00' }));
    expect(await rejectedWith(trader, passiveIoc({ quantity: '10000', limitPrice: '150.00' }))).toBe(
      'fat finger: order notional 1,500,000 USD exceeds the per-order limit of 1,000,000 USD',
    );
  });

  it('priceCollar: a buy 1% over the mid passes, 10% over is refused with the band', async () => {
    await accepted(trader, order({ limitPrice: away('AAPL', 1), tif: 'ioc' }));
    const text = await rejectedWith(trader, order({ limitPrice: away('AAPL', 10) }));
    expect(text).toMatch(/^price collar: \d+\.\d+ is 10(\.\d+)?% above the reference \d+(\.\d+)? of AAPL; the collar \(5%\) allows at most \d+(\.\d+)?$/);
  });

  it('priceCollar fails closed on a stale reference: the desk book allows a reference 1 ms old', async () => {
    const desk = await connect(gw.wsUrl);
    await desk.login('deskhead');
    await new Promise((r) => setTimeout(r, 5));
    expect(await rejectedWith(desk, passiveIoc({ account: 'EQ-DESK' }))).toMatch(
      /^price collar fails closed: the reference price of AAPL is [\d.]+ (ms|s) old, older than the 1 ms allowed$/,
    );
    await desk.close();
    // The same order on a book whose reference may be an hour old passes.
    await accepted(trader, passiveIoc());
  });

  it('tradable: AAPL passes, NVDA (suspended in the limits file) is refused with why', async () => {
    await accepted(trader, passiveIoc());
    expect(await rejectedWith(trader, order({ symbol: 'NVDA', limitPrice: '1.00' }))).toBe('not tradable: NVDA (trading suspended by the exchange pending news)');
  });

  it('sessionOpen: AAPL (open round the clock here) passes, JPM (closed for two hours) is refused', async () => {
    await accepted(trader, passiveIoc());
    expect(await rejectedWith(trader, order({ symbol: 'JPM', limitPrice: '1.00' }))).toMatch(/^session closed: JPM is not trading now \(its session opens \d\d:\d\d UTC\)$/);
  });

  it('restricted list: AAPL passes, MSFT is refused with the reason', async () => {
    await accepted(trader, passiveIoc());
    expect(await rejectedWith(trader, order({ symbol: 'MSFT', limitPrice: '1.00' }))).toBe(
      'restricted list: MSFT may not be traded (on the restricted list: the firm advises on a pending transaction)',
    );
  });

  it('tick and lot conformity: a clean order passes; an odd lot and an off-tick price are refused', async () => {
    await accepted(trader, passiveIoc());
    expect(await rejectedWith(trader, passiveIoc({ quantity: '150' }))).toBe('quantity must be a multiple of the lot size 100');
    expect(await rejectedWith(trader, passiveIoc({ limitPrice: '100.001' }))).toMatch(/limit price must be a multiple of the tick size 0\.01/);
  });

  it('duplicate ClOrdID: the first passes, the same ClOrdID again is refused', async () => {
    const clOrdId = nextClOrdId();
    const first = await trader.request({ type: 'placeOrder', clOrdId, order: passiveIoc() });
    expect(first).toMatchObject({ type: 'execReport', report: { execType: 'pendingNew' } });
    const again = await trader.request({ type: 'placeOrder', clOrdId, order: passiveIoc() });
    expect(again).toMatchObject({ type: 'execReport', report: { execType: 'rejected', order: { text: expect.stringMatching(`^duplicate ClOrdID ${clOrdId}`) } } });
  });

  it('buyingPower: a working buy within it passes; the next one beyond it is refused, counting the working one', async () => {
    const price = dec(away('AAPL', -10));
    const lots = (notional: number) => dec(notional).div(price).div(100).ceil().times(100);
    const firstQty = lots(150_000).minus(100); // just under 150,000
    const secondQty = lots(60_000); // takes the total over 200,000
    const first = await accepted(trader, order({ account: 'T1-HEDGE', quantity: firstQty.toFixed(), limitPrice: price.toFixed(2) }));
    const text = await rejectedWith(trader, order({ account: 'T1-HEDGE', quantity: secondQty.toFixed(), limitPrice: price.toFixed(2) }));
    expect(text).toMatch(/^buying power: T1-HEDGE would commit [\d,.]+ USD \(bought today and working buys [\d,.]+ \+ this order [\d,.]+\), over its buying power of 200,000 USD$/);
    const price2 = price.toFixed(2);
    const limits = await trader.request({ type: 'riskLimits' });
    expect(limits).toMatchObject({
      type: 'riskLimits',
      accounts: [{ account: 'T1-HEDGE', currency: 'USD', buyingPower: '200000', used: dec(price2).times(firstQty).toFixed(2) }],
      // The fat-finger limits of every account, so the ticket warns before the gateway refuses.
      orderLimits: [
        { account: 'T1-HEDGE', maxOrderQty: '10000', maxOrderNotional: '1000000' },
        { account: 'T1-MAIN', maxOrderQty: '10000', maxOrderNotional: '1000000' },
      ],
      warnNotional: '500000',
      warnCollarPercent: '2',
      collarPercent: '5',
      mode: 'active',
    });
    await cancel(trader, first.order.orderId);
  });

  it('positionLimit: 300 GOOGL working passes; 100 more is refused, counting the working order', async () => {
    const price = away('GOOGL', -10);
    const first = await accepted(trader, order({ symbol: 'GOOGL', quantity: '300', limitPrice: price }));
    expect(await rejectedWith(trader, order({ symbol: 'GOOGL', quantity: '100', limitPrice: price }))).toBe(
      'position limit: GOOGL in T1-MAIN could reach 400 (position 0, working buys 300, this order 100), beyond the limit of 300',
    );
    await cancel(trader, first.order.orderId);
  });

  it('shortLocate: sell short needs a locate; a plain sale beyond the position must be a short sale', async () => {
    const above = away('AMZN', 10);
    // The ticket rules already ask for the locate (the risk rule stands behind them, unit-tested).
    expect(await rejectedWith(trader, order({ symbol: 'AMZN', side: 'sellShort', limitPrice: above }))).toMatch(/locate/);
    const short = await accepted(trader, order({ symbol: 'AMZN', side: 'sellShort', limitPrice: above, locate: 'LOC-778' }));
    expect(await rejectedWith(trader, order({ symbol: 'AMZN', side: 'sell', limitPrice: above }))).toBe(
      'sale exceeds position: selling 100 AMZN but T1-MAIN holds 0; sell the rest as sell short with a locate',
    );
    await cancel(trader, short.order.orderId);
  });

  it('throttle: three orders pass on one connection, the fourth is refused; a new connection starts afresh', async () => {
    const t2 = await connect(gw.wsUrl);
    await t2.login('trader2');
    for (let k = 0; k < 3; k++) await accepted(t2, passiveIoc({ account: 'T2-MAIN' }));
    expect(await rejectedWith(t2, passiveIoc({ account: 'T2-MAIN' }))).toBe(
      'throttle: 4 orders within 600000 ms on this connection, over the limit of 3; slow down',
    );
    const fresh = await connect(gw.wsUrl);
    await fresh.login('trader2');
    await accepted(fresh, passiveIoc({ account: 'T2-MAIN' }));
    await t2.close();
    await fresh.close();
  });
});

describe('cancel/replace and cancel-all', () => {
  it('checks a replace too: a new price inside the collar is accepted, one beyond it is refused with the reason', async () => {
    const resting = await accepted(trader, order({ limitPrice: away('AAPL', -10) }));
    await trader.next('execReport', (m) => m.report.order.orderId === resting.order.orderId && m.report.execType === 'new');
    const refused = await trader.request({ type: 'replaceOrder', orderId: resting.order.orderId, clOrdId: nextClOrdId(), limitPrice: away('AAPL', 10) });
    expect(refused).toMatchObject({ type: 'cancelReject', responseTo: 'replace', reason: expect.stringMatching(/^price collar: .* of AAPL; the collar \(5%\) allows at most/) });
    const moved = await trader.request({ type: 'replaceOrder', orderId: resting.order.orderId, clOrdId: nextClOrdId(), limitPrice: away('AAPL', -15) });
    expect(moved).toMatchObject({ type: 'execReport', report: { execType: 'pendingReplace' } });
    await trader.next('execReport', (m) => m.report.order.orderId === resting.order.orderId && m.report.execType === 'replaced');
    await cancel(trader, resting.order.orderId);
  });

  it('cancels every working order of an account, then all of the trader', async () => {
    const price = away('AAPL', -10);
    const main = [await accepted(trader, order({ limitPrice: price })), await accepted(trader, order({ limitPrice: price }))];
    const hedge = await accepted(trader, order({ account: 'T1-HEDGE', limitPrice: price }));
    expect(await trader.request({ type: 'cancelAll', account: 'T1-HEDGE' })).toEqual({ type: 'cancelAllDone', reqId: expect.any(String), canceled: 1 });
    await trader.next('execReport', (m) => m.report.order.orderId === hedge.order.orderId && m.report.execType === 'canceled');
    expect(await trader.request({ type: 'cancelAll' })).toEqual({ type: 'cancelAllDone', reqId: expect.any(String), canceled: 2 });
    for (const o of main) await trader.next('execReport', (m) => m.report.order.orderId === o.order.orderId && m.report.execType === 'canceled');
  });
});

describe('warnings the trader confirms in the ticket', () => {
  it('holds a price far from the market until confirmed, then places it', async () => {
    const draft = order({ limitPrice: away('AAPL', 3), tif: 'ioc' });
    const clOrdId = nextClOrdId();
    const warned = await trader.request({ type: 'placeOrder', clOrdId, order: draft });
    expect(warned).toMatchObject({
      type: 'orderWarning',
      clOrdId,
      warnings: [{ rule: 'priceCollar', message: expect.stringMatching(/^price far from market: .* of AAPL \(warning above 2%\)$/), requiresJustification: false }],
    });
    const placed = await trader.request({ type: 'placeOrder', clOrdId, order: draft, confirm: true });
    expect(placed).toMatchObject({ type: 'execReport', report: { execType: 'pendingNew' } });
  });

  it('holds a large notional until confirmed', async () => {
    const draft = passiveIoc({ quantity: '3000', limitPrice: '200.00' });
    const warned = await place(trader, draft);
    expect(warned).toMatchObject({
      type: 'orderWarning',
      warnings: [{ rule: 'maxNotional', message: 'large order: notional 600,000 USD is above 500,000 USD', requiresJustification: false }],
    });
    await accepted(trader, draft, { confirm: true });
  });
});

describe('kill switch', () => {
  let desk: TestClient;
  let watcher: TestClient;
  beforeAll(async () => {
    desk = await connect(gw.wsUrl);
    await desk.login('deskhead');
    watcher = await connect(gw.wsUrl);
    await watcher.login('deskhead');
  });
  afterAll(async () => {
    await desk.close();
    await watcher.close();
  });

  it('is for desk heads only', async () => {
    const t2 = await connect(gw.wsUrl);
    await t2.login('trader2');
    const reply = await t2.request({ type: 'setKillSwitch', scope: { kind: 'trader', trader: 'trader1' }, mode: 'halted', reason: 'no' });
    expect(reply).toMatchObject({ type: 'error', code: 'FORBIDDEN', message: 'only a desk head may set a kill switch' });
    expect(await t2.request({ type: 'subscribeKillSwitch' })).toMatchObject({ type: 'error', code: 'FORBIDDEN' });
    await t2.close();
  });

  it('HALTED cancels the trader working orders and refuses new ones with the reason and who set it', async () => {
    const state = await watcher.request({ type: 'subscribeKillSwitch' });
    expect(state).toMatchObject({ type: 'killSwitchState', switches: [] });

    const resting = await accepted(trader, order({ limitPrice: away('AAPL', -10) }));
    const set = await desk.request({ type: 'setKillSwitch', scope: { kind: 'trader', trader: 'trader1' }, mode: 'halted', reason: 'runaway algo' });
    expect(set).toMatchObject({
      type: 'killSwitchEvent',
      event: { action: 'set', scope: { kind: 'trader', trader: 'trader1' }, mode: 'halted', reason: 'runaway algo', by: 'deskhead' },
      canceled: 1,
    });
    await trader.next('execReport', (m) => m.report.order.orderId === resting.order.orderId && m.report.execType === 'canceled');
    const pushed = await watcher.next('killSwitchEvent');
    expect(pushed).toMatchObject({ event: { action: 'set', mode: 'halted', by: 'deskhead' } });
    expect(pushed.reqId).toBeUndefined();

    expect(await rejectedWith(trader, passiveIoc())).toMatch(/^kill switch: trading is HALTED \(set for trader1 by deskhead at \d\d:\d\d UTC: runaway algo\)$/);
    expect(await trader.request({ type: 'riskLimits' })).toMatchObject({ type: 'riskLimits', mode: 'halted' });
    // trader2 is not in scope.
    const t2 = await connect(gw.wsUrl);
    await t2.login('trader2');
    await accepted(t2, passiveIoc({ account: 'T2-MAIN' }));
    await t2.close();
  });

  it('REDUCING lets only an order that reduces the position through', async () => {
    // Clear, buy 100 AAPL at the market so trader1 holds a position, then switch the desk to REDUCING.
    await desk.request({ type: 'clearKillSwitch', scope: { kind: 'trader', trader: 'trader1' }, reason: 'algo stopped' });
    const buy = await accepted(trader, order({ type: 'market', limitPrice: undefined, quantity: '100', tif: 'day' }));
    await trader.next('execReport', (m) => m.report.order.orderId === buy.order.orderId && m.report.order.status === 'filled');
    const positions = (await trader.request({ type: 'subscribePositions' })) as ServerMessageOf<'positionsSnapshot'>;
    const held = positions.positions.find((p) => p.account === 'T1-MAIN' && p.symbol === 'AAPL')?.quantity ?? '0';
    expect(dec(held).gte(100)).toBe(true);

    const set = await desk.request({ type: 'setKillSwitch', scope: { kind: 'desk', desk: 'Equities' }, mode: 'reducing', reason: 'desk loss limit hit' });
    expect(set).toMatchObject({ type: 'killSwitchEvent', event: { action: 'set', mode: 'reducing', scope: { kind: 'desk', desk: 'Equities' } } });

    expect(await rejectedWith(trader, passiveIoc())).toBe(
      `kill switch: REDUCING only (set for desk Equities by deskhead at ${new Date((set as ServerMessageOf<'killSwitchEvent'>).event.at).toISOString().slice(11, 16)} UTC: ` +
        `desk loss limit hit); this order would not reduce the position of ${held} AAPL in T1-MAIN`,
    );
    const above = away('AAPL', 10);
    expect(await rejectedWith(trader, order({ side: 'sell', quantity: dec(held).plus(100).toFixed(), limitPrice: above }))).toMatch(/^kill switch: REDUCING only/);
    const reduce = await accepted(trader, order({ side: 'sell', quantity: held, limitPrice: above }));
    await cancel(trader, reduce.order.orderId);
  });

  it('clears, and keeps the whole history with who set and who cleared', async () => {
    const cleared = await desk.request({ type: 'clearKillSwitch', scope: { kind: 'desk', desk: 'Equities' }, reason: 'limits reset' });
    expect(cleared).toMatchObject({ type: 'killSwitchEvent', event: { action: 'clear', mode: 'reducing', by: 'deskhead', reason: 'limits reset' } });
    expect(await desk.request({ type: 'clearKillSwitch', scope: { kind: 'desk', desk: 'Equities' } })).toMatchObject({ type: 'error', code: 'NOT_FOUND' });
    await accepted(trader, passiveIoc());

    const state = (await desk.request({ type: 'subscribeKillSwitch' })) as ServerMessageOf<'killSwitchState'>;
    expect(state.switches).toEqual([]);
    expect(state.history.map((e) => `${e.action} ${e.scope.kind} ${e.mode} ${e.by}: ${e.reason}`)).toEqual([
      'set trader halted deskhead: runaway algo',
      'clear trader halted deskhead: algo stopped',
      'set desk reducing deskhead: desk loss limit hit',
      'clear desk reducing deskhead: limits reset',
    ]);
  });
});

describe('the limits file at start', () => {
  it('refuses to start on a bad file, naming the file and each fault', async () => {
    const dataDir = freshDataDir();
    const riskLimitsFile = join(dataDir, 'bad-limits.json');
    writeFileSync(riskLimitsFile, JSON.stringify({ ...LIMITS, defaults: { ...LIMITS.defaults, maxOrderNotional: 5e6, collar: {} } }));
    const started = startTestGateway({ dataDir, riskLimitsFile });
    await expect(started).rejects.toThrow(RiskLimitsError);
    await expect(started).rejects.toThrow(
      `bad risk limits in ${riskLimitsFile}:\n  defaults.maxOrderNotional: must be a decimal number written as a string, such as "5000000"\n  defaults.collar: needs a percent, ticks or both`,
    );
    rmSync(dataDir, { recursive: true, force: true });
  });
});
