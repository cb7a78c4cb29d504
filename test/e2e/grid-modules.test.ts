import type { ConsoleMessage, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loginAs, pollFor } from '../support/browser.ts';
import { useBrowserSession } from '../support/e2eSession.ts';
import { type TestClient, connect } from '../support/wsClient.ts';

/*
 * ag-grid's modules per grid (src/grid/gridSetup.ts). The column auto-size
 * module is registered only on the grids that fit their width (the client
 * book's list, accounts and holdings) and on the grids updated per order
 * event (blotters, positions, the desk monitor), whose rows keep their
 * objects when unchanged (src/blotters/rowMemo.ts): with it, ag-grid-react 36
 * starts a setTimeout for every row whose data changes, so it is paid per
 * changed row, and a trader's double-click on a column's edge fits it.
 *
 * 1. Every screen with grids (trader, advisor's client book and rebalance,
 *    desk head's monitor, clients and research) prints no ag-grid error or
 *    warning: a grid using a feature whose module is missing would.
 * 2. The client book grids still fill their width, also after the window
 *    is resized (onGridSizeChanged → sizeColumnsToFit).
 * 3. An order event updates only its own order's row in the order blotter
 *    (a cancel: that row and no other; a desk head: none of the rows shown
 *    before the flow), a new fill no fill row shown before; the watchlist,
 *    updated per quote, starts no auto-size timer. Row updates and timers
 *    per order event are printed, not asserted on speed.
 * 4. A double-click on a blotter column's resize edge fits the column to its
 *    content (after a drag made it wider).
 *
 * How it counts: an init script wraps window.setTimeout and counts the calls
 * whose callback is ag-grid-react's auto-size tick (its source calls
 * `processResizeOperations`), and every call. Row updates are ag-grid's own
 * `rowNodeDataChanged` events: the served bundle is rewritten (page.route)
 * so the event's dispatch also reports the grid's id and the row's id.
 * Order events are the distinct execution reports the flow's session got.
 */

const session = useBrowserSession();
const eventually = pollFor(30_000);

/** Counters the page keeps; see INIT_SCRIPT. */
interface GridCounters {
  timers: number;
  autoSizeTimers: number;
  /** Row updates per grid, keyed by the data-testid of the panel around the grid (or its grid-id). */
  rowUpdates: Record<string, number>;
  /** The same per grid and row id (getRowId: an order's, a fill's, a position's id). */
  rowUpdatesById: Record<string, Record<string, number>>;
}

// A string, not a function: the page gets exactly this code, whatever the test runner's transform adds.
const INIT_SCRIPT = `(() => {
  const realSetTimeout = window.setTimeout;
  const counts = { timers: 0, autoSizeTimers: 0, rowUpdates: {} };
  window.__gridCounters = counts;
  window.setTimeout = function (callback, ...rest) {
    counts.timers += 1;
    if (typeof callback === 'function' && Function.prototype.toString.call(callback).includes('processResizeOperations')) counts.autoSizeTimers += 1;
    return realSetTimeout.call(window, callback, ...rest);
  };
  // A grid is named by the data-testid of the panel around it, looked up while it is on the page.
  const names = new Map();
  const byRow = {};
  counts.rowUpdatesById = byRow;
  window.__agRowUpdate = (gridId, rowId) => {
    let name = names.get(gridId);
    if (name === undefined) {
      const el = document.querySelector('[grid-id="' + gridId + '"]');
      name = el?.closest('[data-testid]')?.getAttribute('data-testid');
      if (name) names.set(gridId, name);
    }
    const key = name ?? 'grid-' + gridId;
    counts.rowUpdates[key] = (counts.rowUpdates[key] ?? 0) + 1;
    const rows = (byRow[key] ??= {});
    rows[rowId] = (rows[rowId] ?? 0) + 1;
  };
})();`;

/** ag-grid's RowNode dispatch of a data change, as minified in the bundle (any quote style). */
const ROW_NODE_DATA_CHANGED = /\{type:(["'`])rowNodeDataChanged\1,node:this\}/g;

async function openPage(): Promise<{ page: Page; gridMessages: string[] }> {
  const gridMessages: string[] = [];
  let rewritten = 0;
  const page = await session.openPage({
    beforeLoad: async (page) => {
      page.on('console', (msg: ConsoleMessage) => {
        const kind = msg.type();
        if ((kind === 'error' || kind === 'warning') && /ag[ -]?grid/i.test(msg.text())) gridMessages.push(`${kind}: ${msg.text()}`);
      });
      await page.addInitScript(INIT_SCRIPT);
      await page.route('**/assets/*.js', async (route) => {
        const response = await route.fetch();
        const body = (await response.text()).replace(ROW_NODE_DATA_CHANGED, (event) => {
          rewritten += 1;
          return `(globalThis.__agRowUpdate?.(this.beans.context.getId(),this.id),${event})`;
        });
        await route.fulfill({ response, body });
      });
    },
  });
  await page.getByTestId('login-form').waitFor({ timeout: 20_000 });
  // The bundle holds ag-grid's dispatch; if a new ag-grid minifies it differently, this says so.
  expect(rewritten).toBeGreaterThanOrEqual(1);
  return { page, gridMessages };
}

async function readCounters(page: Page): Promise<GridCounters> {
  return page.evaluate(`(() => {
    const c = window.__gridCounters;
    const byId = {};
    for (const [grid, rows] of Object.entries(c.rowUpdatesById)) byId[grid] = { ...rows };
    return { timers: c.timers, autoSizeTimers: c.autoSizeTimers, rowUpdates: { ...c.rowUpdates }, rowUpdatesById: byId };
  })()`);
}

function diff(after: GridCounters, before: GridCounters): GridCounters {
  const rowUpdates: Record<string, number> = {};
  for (const [name, n] of Object.entries(after.rowUpdates)) {
    const d = n - (before.rowUpdates[name] ?? 0);
    if (d > 0) rowUpdates[name] = d;
  }
  const rowUpdatesById: Record<string, Record<string, number>> = {};
  for (const [grid, rows] of Object.entries(after.rowUpdatesById)) {
    for (const [id, n] of Object.entries(rows)) {
      const d = n - (before.rowUpdatesById[grid]?.[id] ?? 0);
      if (d > 0) (rowUpdatesById[grid] ??= {})[id] = d;
    }
  }
  return { timers: after.timers - before.timers, autoSizeTimers: after.autoSizeTimers - before.autoSizeTimers, rowUpdates, rowUpdatesById };
}

/** Order events trader1's sessions were sent since `from` (a report's reply and its fan-out copy counted once). */
function orderEvents(client: TestClient, from: number): number {
  const execIds = new Set<string>();
  for (const m of client.received.slice(from)) if (m.type === 'execReport') execIds.add(m.report.execId);
  return execIds.size;
}

function totalRowUpdates(c: GridCounters): number {
  return Object.values(c.rowUpdates).reduce((a, b) => a + b, 0);
}

function report(label: string, c: GridCounters): void {
  const rows = totalRowUpdates(c);
  const per = (n: number) => (rows === 0 ? 'n/a' : (n / rows).toFixed(2));
  console.log(
    `[grid-modules] ${label}: ${rows} row updates ${JSON.stringify(c.rowUpdates)}; ag-grid auto-size timers ${c.autoSizeTimers} (${per(c.autoSizeTimers)} per row update); all setTimeout calls ${c.timers} (${per(c.timers)} per row update)`,
  );
}

interface FitReport {
  grid: string;
  columns: number;
  columnsWidth: number;
  available: number;
}

/**
 * For each grid under `testId`: the sum of its displayed column widths and
 * the width a fitGridWidth grid sizes them to (the body viewport less a
 * vertical scrollbar it shows).
 */
async function readFit(page: Page, testId: string): Promise<FitReport[]> {
  return page.evaluate(`(() => {
    const scope = document.querySelector('[data-testid="${testId}"]');
    return [...scope.querySelectorAll('.ag-root-wrapper')].map((grid) => {
      const headers = [...grid.querySelectorAll('.ag-header-row-column .ag-header-cell')];
      const columnsWidth = headers.reduce((sum, h) => sum + h.getBoundingClientRect().width, 0);
      const viewport = grid.querySelector('.ag-grid-viewport');
      return { grid: '${testId}', columns: headers.length, columnsWidth, available: viewport.clientWidth };
    });
  })()`);
}

async function expectFillsWidth(page: Page, testId: string): Promise<void> {
  await eventually(async () => {
    const fits = await readFit(page, testId);
    return fits.length > 0 && fits.every((f) => f.columns > 0 && Math.abs(f.columnsWidth - f.available) <= 2);
  }).toBe(true);
  for (const f of await readFit(page, testId)) console.log(`[grid-modules] ${testId}: ${f.columns} columns, ${f.columnsWidth.toFixed(1)} px of ${f.available} px`);
}

let orderNo = 0;

/** Places an order for trader1 from a second session (warnings accepted) and returns its id. */
async function place(client: TestClient, order: Record<string, string>): Promise<string> {
  orderNo += 1;
  const answer = await client.request({
    type: 'placeOrder',
    clOrdId: `GM-${Date.now()}-${orderNo}`,
    order: { symbol: 'AAPL', side: 'buy', quantity: '100', account: 'T1-MAIN', tif: 'day', type: 'limit', ...order } as never,
    confirm: true,
    justification: 'grid modules e2e',
  });
  if (answer.type !== 'execReport') throw new Error(`order not placed: ${JSON.stringify(answer)}`);
  return answer.report.order.orderId;
}

/** Places `n` orders far from the market one by one and cancels each, waiting for the blotter to show it. */
async function restAndCancel(flow: TestClient, blotter: Locator, n: number): Promise<void> {
  const status = (id: string) => blotter.locator(`.ag-row[row-id="${id}"] .ag-cell[col-id="status"]`).textContent();
  for (let i = 0; i < n; i += 1) {
    const id = await place(flow, { limitPrice: '1.00' });
    await eventually(() => status(id)).toBe('New');
    await flow.request({ type: 'cancelOrder', orderId: id });
    await eventually(() => status(id)).toBe('Canceled');
  }
}

/** Each grid's row updates per order event, printed. */
function reportPerEvent(label: string, c: GridCounters, events: number): void {
  const per = Object.entries(c.rowUpdates).map(([grid, n]) => `${grid} ${(n / events).toFixed(2)}`);
  console.log(`[grid-modules] ${label}: ${events} order events; row updates per order event: ${per.join(', ') || 'none'}; ag-grid auto-size timers per order event ${(c.autoSizeTimers / events).toFixed(2)}`);
}

/** The width of a column's header cell, in px. */
function headerWidth(grid: Locator, colId: string): Promise<number> {
  return grid.locator(`.ag-header-cell[col-id="${colId}"]`).evaluate((el) => el.getBoundingClientRect().width);
}

/**
 * Drags a column's resize edge `by` px wider, then double-clicks the edge:
 * with the auto-size module the column fits its content again (narrower
 * than dragged); without it the double-click does nothing.
 */
async function dragThenFit(page: Page, grid: Locator, colId: string, by: number): Promise<{ dragged: number; fitted: number }> {
  const edge = grid.locator(`.ag-header-cell[col-id="${colId}"] .ag-header-cell-resize`);
  const box = await edge.boundingBox();
  if (!box) throw new Error(`no resize edge on column ${colId}`);
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  const start = await headerWidth(grid, colId);
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + by / 2, y, { steps: 4 });
  await page.mouse.move(x + by, y, { steps: 4 });
  await page.mouse.up();
  await eventually(() => headerWidth(grid, colId)).toBeGreaterThan(start + by / 2);
  const dragged = await headerWidth(grid, colId);
  await edge.dblclick();
  await eventually(() => headerWidth(grid, colId)).toBeLessThan(dragged - by / 2);
  return { dragged, fitted: await headerWidth(grid, colId) };
}

describe('the trader’s screen', () => {
  it('an order event updates only its own order’s row; the blotters carry auto-size (double-click fits a column), the watchlist does not; no grid prints an ag-grid error', async () => {
    const { page, gridMessages } = await openPage();
    await loginAs(page, 'trader1');
    const blotter = page.getByTestId('order-blotter');
    const status = (id: string) => blotter.locator(`.ag-row[row-id="${id}"] .ag-cell[col-id="status"]`).textContent();
    await eventually(() => page.locator('[data-testid=watchlist] .ag-row').count()).toBeGreaterThan(0);

    // Quotes only: the watchlist redraws per quote (its cells, not rowNodeDataChanged) and has no auto-size,
    // so a few redraws of its prices start no auto-size timer.
    const quiet = await readCounters(page);
    const prices = async () => (await page.locator('[data-testid=watchlist] .ag-row').allTextContents()).join('|');
    for (let i = 0; i < 5; i += 1) {
      const shown = await prices();
      await eventually(prices).not.toBe(shown);
    }
    const quotesOnly = diff(await readCounters(page), quiet);
    report('trader1, quotes only', quotesOnly);
    expect(quotesOnly.autoSizeTimers).toBe(0);

    const flow = await connect(session.gateway.wsUrl);
    await flow.login('trader1');

    // A few orders to start with, so every later order event lands in a blotter of several rows.
    const resting: string[] = [];
    for (let i = 0; i < 4; i += 1) resting.push(await place(flow, { limitPrice: '1.00' }));
    await eventually(() => blotter.locator('.ag-row .ag-cell[col-id="status"]').filter({ hasText: 'New' }).count()).toBe(4);

    // One order's cancel (its pending cancel and canceled reports) updates that order's row and no other.
    const one = await place(flow, { limitPrice: '1.00' });
    await eventually(() => status(one)).toBe('New');
    const beforeCancel = await readCounters(page);
    const cancelFrom = flow.received.length;
    await flow.request({ type: 'cancelOrder', orderId: one });
    await eventually(() => status(one)).toBe('Canceled');
    const cancelCounters = diff(await readCounters(page), beforeCancel);
    reportPerEvent('trader1, one order canceled', cancelCounters, orderEvents(flow, cancelFrom));
    expect(Object.keys(cancelCounters.rowUpdatesById['order-blotter'] ?? {})).toEqual([one]);

    const start = await readCounters(page);
    const flowFrom = flow.received.length;
    // Order flow: rest and cancel, then two fills (a buy and a sell at market) with the executions showing.
    await restAndCancel(flow, blotter, 6);
    await page.getByTestId('tab-executions').click();
    const fills = page.locator('[data-testid=execution-blotter] .ag-row');
    await page.getByTestId('execution-blotter').waitFor();
    const fillsBefore = await fills.count();
    const beforeFills = await readCounters(page);
    const marketIds: string[] = [];
    for (const side of ['buy', 'sell']) marketIds.push(await place(flow, { side, type: 'market' }));
    await eventually(() => fills.count()).toBeGreaterThanOrEqual(fillsBefore + 2);
    // A fill never changes once booked: new fills add rows, the ones shown keep theirs.
    const fillCounters = diff(await readCounters(page), beforeFills);
    expect(fillCounters.rowUpdates['execution-blotter'] ?? 0).toBe(0);

    await page.getByTestId('tab-orders').click();
    for (const id of marketIds) await eventually(() => status(id)).toBe('Filled');
    for (const id of resting) await flow.request({ type: 'cancelOrder', orderId: id });
    await eventually(() => blotter.locator('.ag-row .ag-cell[col-id="status"]').filter({ hasText: 'New' }).count()).toBe(0);
    const flowCounters = diff(await readCounters(page), start);
    report('trader1 under order flow', flowCounters);
    reportPerEvent('trader1 under order flow', flowCounters, orderEvents(flow, flowFrom));
    await flow.close();
    expect(flowCounters.rowUpdates['order-blotter'] ?? 0).toBeGreaterThan(0);

    // Double-click on a resize edge fits the column to its content, in both blotters.
    await page.getByTestId('tab-executions').click();
    const fitExec = await dragThenFit(page, page.getByTestId('execution-blotter'), 'account', 160);
    console.log(`[grid-modules] execution blotter 'account' column: dragged to ${fitExec.dragged.toFixed(0)} px, double-click fit ${fitExec.fitted.toFixed(0)} px`);
    await page.getByTestId('tab-orders').click();
    // A column at the left: the blotter is narrower than its columns, and the pinned actions cover the right.
    const fitOrders = await dragThenFit(page, blotter, 'symbol', 160);
    console.log(`[grid-modules] order blotter 'symbol' column: dragged to ${fitOrders.dragged.toFixed(0)} px, double-click fit ${fitOrders.fitted.toFixed(0)} px`);
    expect(gridMessages).toEqual([]);
    await page.close();
  });
});

describe('the advisor’s client book', () => {
  it('fits the list, accounts and holdings to their width, keeps the auto-size timers to those grids, and prints no ag-grid error', async () => {
    const { page, gridMessages } = await openPage();
    await loginAs(page, 'advisor1');
    await eventually(() => page.locator('[data-testid=client-list] .ag-row').count()).toBeGreaterThan(5);
    await expectFillsWidth(page, 'client-list');
    await eventually(() => page.locator('[data-testid=client-holdings] .ag-row').count()).toBeGreaterThan(0);
    await expectFillsWidth(page, 'client-accounts');
    await expectFillsWidth(page, 'client-holdings');

    // The opened client view, then a narrower window: the grids size to fit again.
    const clientName = (await page.locator('[data-testid=client-list] .ag-row .ag-cell[col-id="name"]').first().textContent()) ?? '';
    await page.locator('[data-testid=client-list] .ag-row').first().dblclick();
    await page.locator('[data-testid=advisor-workspace][data-opened=true]').waitFor({ timeout: 10_000 });
    await eventually(() => page.getByTestId('client-name').textContent()).toBe(clientName);
    await expectFillsWidth(page, 'client-accounts');
    await expectFillsWidth(page, 'client-holdings');
    // The holdings keep the module: their live prices start its timers (the counter sees them where they exist).
    const before = await readCounters(page);
    await eventually(async () => diff(await readCounters(page), before).autoSizeTimers).toBeGreaterThan(0);
    report('advisor1 client view (holdings keep auto-size)', diff(await readCounters(page), before));
    await page.setViewportSize({ width: 1200, height: 900 });
    await expectFillsWidth(page, 'client-accounts');
    await expectFillsWidth(page, 'client-holdings');

    await page.getByTestId('client-tab-transactions').click();
    await eventually(() => page.locator('[data-testid=client-transactions] .ag-root-wrapper').count()).toBe(1);
    await page.getByTestId('client-tab-overview').click();
    await page.locator('body').press('Escape');
    await page.locator('[data-testid=advisor-workspace][data-opened=false]').waitFor({ timeout: 10_000 });
    // At 1,200 px the list's minimum widths are wider than the panel (it scrolls sideways); back to full width it fits again.
    await page.setViewportSize({ width: 1600, height: 960 });
    await expectFillsWidth(page, 'client-list');

    // The rebalance screen's grids (accounts, blocks, lines).
    await page.locator('[data-testid=client-list] .ag-row').first().click();
    await page.getByTestId('client-rebalance').click();
    await page.locator('[data-testid=advisor-workspace][data-screen=rebalance]').waitFor();
    await eventually(() => page.getByTestId('rebalance-propose').isEnabled()).toBe(true);
    await page.getByTestId('rebalance-propose').click();
    await page.locator('[data-testid=rebalance-proposal-status][data-state=done]').waitFor({ timeout: 30_000 });
    await eventually(() => page.locator('[data-testid=rebalance-blocks] .ag-row').count()).toBeGreaterThan(0);

    expect(gridMessages).toEqual([]);
    await page.close();
  });
});

describe('the desk head', () => {
  it('sees the monitor, the whole client book fitted to its width, and research, with no ag-grid error', async () => {
    const { page, gridMessages } = await openPage();
    await loginAs(page, 'deskhead');
    await page.getByTestId('desk-workspace').waitFor({ state: 'visible', timeout: 20_000 });
    await eventually(() => page.locator('[data-testid=desk-rollup] .ag-row').count()).toBeGreaterThan(0);
    await eventually(() => page.locator('[data-testid=desk-limits] .ag-row').count()).toBeGreaterThan(0);
    await page.getByTestId('rollup-toggle-Equities/trader1').click();
    await eventually(() => page.locator('[data-testid=order-blotter] .ag-row').count()).toBeGreaterThan(0);
    // trader1's order flow, seen by the monitor (roll-up, limits, every trader's orders).
    const flow = await connect(session.gateway.wsUrl);
    await flow.login('trader1');
    const start = await readCounters(page);
    const flowFrom = flow.received.length;
    const rowsBefore = new Set(await page.locator('[data-testid=order-blotter] .ag-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('row-id'))));
    await restAndCancel(flow, page.getByTestId('order-blotter'), 4);
    const flowCounters = diff(await readCounters(page), start);
    report('desk head monitor under trader1’s order flow', flowCounters);
    reportPerEvent('desk head monitor under trader1’s order flow', flowCounters, orderEvents(flow, flowFrom));
    await flow.close();
    // Every trader's orders: only the orders of this flow change; the ones shown before it keep their rows.
    const updated = Object.keys(flowCounters.rowUpdatesById['order-blotter'] ?? {});
    expect(updated.length).toBeGreaterThan(0);
    expect(updated.filter((id) => rowsBefore.has(id))).toEqual([]);
    const fit = await dragThenFit(page, page.getByTestId('order-blotter'), 'trader', 160);
    console.log(`[grid-modules] desk head's order blotter 'trader' column: dragged to ${fit.dragged.toFixed(0)} px, double-click fit ${fit.fitted.toFixed(0)} px`);

    await page.getByTestId('deskhead-tab-clients').click();
    await page.locator('[data-testid=deskhead-workspace][data-view=clients]').waitFor();
    await eventually(() => page.locator('[data-testid=client-list] .ag-header-cell[col-id="advisor"]').count()).toBe(1);
    await expectFillsWidth(page, 'client-list');
    await eventually(() => page.locator('[data-testid=client-holdings] .ag-row').count()).toBeGreaterThan(0);
    await expectFillsWidth(page, 'client-holdings');

    await page.getByTestId('deskhead-tab-research').click();
    await page.locator('[data-testid=deskhead-workspace][data-view=research]').waitFor();
    await page.getByTestId('deskhead-tab-desk').click();
    await eventually(() => page.getByTestId('desk-workspace').isVisible()).toBe(true);

    expect(gridMessages).toEqual([]);
    await page.close();
  });
});
