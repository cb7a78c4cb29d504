import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { dec } from '../../src/core/decimal.ts';
import { pollFor } from '../support/browser.ts';
import { useBrowserSession } from '../support/e2eSession.ts';
import { connect } from '../support/wsClient.ts';

/*
 * The desk head's monitor in a real browser against a real gateway (issue 5):
 * drill down the roll-up from the desk to an instrument, switch the cost
 * method, export the roll-up as CSV, watch an alert arrive when trader2's
 * fill breaches a small limit, halt trader2 with a reason and clear it, all
 * kept in the history; then trader1 flattens a position from the positions
 * panel. Screenshots go to test-results/desk-*.png.
 */


const session = useBrowserSession({
  gateway: (dir) => {
    // trader2 starts flat with a 30,000 USD gross limit: 200 AAPL (about 54,000 USD) breaches it.
    // trader1's 6,000 NVDA (about 1.1 million USD) is above the 1,000,000 USD warning notional, so flattening it asks to confirm.
    const limits = join(dir, 'limits.json');
    writeFileSync(
      limits,
      JSON.stringify({
        warningPercent: '80',
        onBreach: 'reducing',
        traders: { default: { grossExposure: '100000000' }, trader2: { grossExposure: '30000' } },
        desks: { default: { grossExposure: '1000000000' } },
      }),
    );
    const sod = join(dir, 'start-of-day.csv');
    writeFileSync(sod, 'trader,account,symbol,quantity,cost,mark\ntrader1,T1-MAIN,AAPL,1000,255.10,268.47\ntrader1,T1-MAIN,MSFT,-300,515.00,507.49\ntrader1,T1-HEDGE,NVDA,6000,150.00,186.60\n');
    return { deskLimitsFile: limits, startOfDayFile: sod };
  },
  clients: ['trader2'],
  acceptDownloads: true,
  screenshotPrefix: 'desk',
});
const { screenshot } = session;
const openAs = (user: string): Promise<Page> => session.openPage({ user });

const eventually = pollFor();

// A pinned column puts a second element for the same row in the pinned strip: the row meant here is the one holding the quantity.
const row = (page: Page, testId: string, id: string) => page.locator(`[data-testid=${testId}] .ag-row[row-id="${id}"]:has(.ag-cell[col-id="quantity"])`);
const cell = (page: Page, testId: string, id: string, col: string) => page.locator(`[data-testid=${testId}] .ag-row[row-id="${id}"] .ag-cell[col-id="${col}"]`);

describe('the desk head', () => {
  let page: Page;

  it('drills down the roll-up from the desk to an instrument, every money column in USD', async () => {
    page = await openAs('deskhead');
    await eventually(() => cell(page, 'desk-rollup', 'Equities/trader1', 'positions').textContent()).toBe('3');
    expect(await page.locator('[data-testid=desk-rollup] .ag-header-cell[col-id="dailyNet"]').textContent()).toContain('Today net (USD)');
    expect(await row(page, 'desk-rollup', 'Equities/trader1/T1-MAIN').count()).toBe(0);

    await page.getByTestId('rollup-toggle-Equities/trader1').click();
    await eventually(() => row(page, 'desk-rollup', 'Equities/trader1/T1-MAIN').count()).toBe(1);
    await page.getByTestId('rollup-toggle-Equities/trader1/T1-MAIN').click();
    await eventually(() => cell(page, 'desk-rollup', 'Equities/trader1/T1-MAIN/AAPL', 'quantity').textContent()).toBe('1,000');
    expect(await cell(page, 'desk-rollup', 'Equities/trader1/T1-MAIN/MSFT', 'quantity').textContent()).toBe('-300');
    expect(await cell(page, 'desk-rollup', 'Equities/trader1/T1-MAIN/AAPL', 'priceCurrency').textContent()).toBe('USD');
    await eventually(() => cell(page, 'desk-rollup', 'Equities/trader1/T1-MAIN/AAPL', 'dailyNet').textContent()).toMatch(/^[+-]?[\d,]+\.\d{2}$/);
    await screenshot(page, 'rollup-drilled');

    // Closing the trader hides the book and its instruments; opening it again shows them as they were.
    await page.getByTestId('rollup-toggle-Equities/trader1').click();
    await eventually(() => row(page, 'desk-rollup', 'Equities/trader1/T1-MAIN/AAPL').count()).toBe(0);
    await page.getByTestId('rollup-toggle-Equities/trader1').click();
    await eventually(() => row(page, 'desk-rollup', 'Equities/trader1/T1-MAIN/AAPL').count()).toBe(1);
  });

  it('switches the cost method, and exports the roll-up as CSV', async () => {
    await page.getByTestId('cost-method-fifo').click();
    await eventually(() => page.locator('[data-testid=desk-rollup] .panel-head h2').textContent()).toContain('FIFO');
    await eventually(() => cell(page, 'desk-rollup', 'Equities/trader1/T1-MAIN/AAPL', 'quantity').textContent()).toBe('1,000');
    await page.getByTestId('cost-method-averageCost').click();
    await eventually(() => page.locator('[data-testid=desk-rollup] .panel-head h2').textContent()).toContain('Average cost');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv-desk-rollup').click()]);
    expect(download.suggestedFilename()).toMatch(/^desk-rollup-\d{4}-\d{2}-\d{2}-\d{4}\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8');
    const [header, ...lines] = csv.trim().split(/\r?\n/);
    expect(header).toContain('"Mkt value (USD)"');
    expect(header).toContain('"Today net (USD)"');
    expect(lines.find((l) => l.startsWith('"AAPL"'))).toMatch(/^"AAPL","1","1000","USD",/);
  });

  it('sees the alert when trader2’s fill breaches the limit, and the limit in red', async () => {
    expect(await page.getByTestId('desk-alert').count()).toBe(0);
    const ask = dec(session.gateway.marketData.latest('AAPL')!.ask).plus(1).toFixed(2);
    const ack = await session.client('trader2').request({ type: 'placeOrder', clOrdId: 'desk-e2e-1', order: { symbol: 'AAPL', side: 'buy', type: 'limit', quantity: '200', limitPrice: ask, account: 'T2-MAIN', tif: 'day' }, confirm: true });
    expect(ack.type).toBe('execReport');

    const breach = page.locator('[data-testid=desk-alert][data-level=breach][data-name=trader2]');
    await eventually(() => breach.count()).toBe(1);
    expect(await breach.textContent()).toMatch(/trader2 gross exposure .* of 30,000 USD/);
    expect(await breach.textContent()).toMatch(/trader2 set to REDUCING/);
    await eventually(() => page.locator('[data-testid=desk-limits] .ag-row .ag-cell.limit-breach').count()).toBeGreaterThanOrEqual(1);
    await eventually(() => page.getByTestId('kill-state-trader:trader2').textContent()).toContain('REDUCING');
    await eventually(() => row(page, 'desk-rollup', 'Equities/trader2').count()).toBe(1);
    await screenshot(page, 'alert-breach');
  });

  it('halts trader2 with a reason behind a confirmation, sees who set it, then clears it; both are kept', async () => {
    await page.getByTestId('kill-halt-trader:trader2').click();
    const dialog = page.getByTestId('kill-switch-dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Set trader2 to HALTED?');
    // No reason, no switch.
    expect(await page.getByTestId('kill-switch-confirm').isDisabled()).toBe(true);
    await page.getByTestId('kill-switch-reason').fill('over the gross limit, desk review');
    await screenshot(page, 'halt-dialog');
    await page.getByTestId('kill-switch-confirm').click();
    await eventually(() => dialog.count()).toBe(0);

    const state = page.getByTestId('kill-state-trader:trader2');
    await eventually(() => state.textContent()).toMatch(/^HALTED by deskhead at [\d:]+: over the gross limit, desk review$/);
    const history = page.getByTestId('kill-history');
    await eventually(() => history.textContent()).toContain('deskhead set HALTED on trader2: over the gross limit, desk review');
    await screenshot(page, 'halted');

    // The halt is real: trader2's next order is refused with the reason.
    const refused = await session.client('trader2').request({ type: 'placeOrder', clOrdId: 'desk-e2e-2', order: { symbol: 'AAPL', side: 'sell', type: 'market', quantity: '100', account: 'T2-MAIN', tif: 'day' }, confirm: true });
    expect(refused).toMatchObject({ type: 'execReport', report: { execType: 'rejected' } });

    await page.getByTestId('kill-clear-trader:trader2').click();
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Clear HALTED on trader2?');
    await page.getByTestId('kill-switch-reason').fill('reviewed with trader2');
    await page.getByTestId('kill-switch-confirm').click();
    await eventually(() => state.textContent()).toBe('Trading');
    await eventually(() => history.textContent()).toContain('deskhead cleared HALTED on trader2: reviewed with trader2');
    const kept = await page.locator('[data-testid=kill-history] [data-testid=kill-event]').allTextContents();
    expect(kept.filter((t) => t.includes('trader2')).length).toBeGreaterThanOrEqual(2);
    await screenshot(page, 'cleared');
    await page.close();
  });
});

describe('trader1', () => {
  it('flattens AAPL from the positions panel after a confirmation, through the normal order path', async () => {
    const page = await openAs('trader1');
    const key = 'trader1/T1-MAIN/AAPL';
    await eventually(() => cell(page, 'positions', key, 'quantity').textContent()).toBe('1,000');
    await eventually(() => cell(page, 'positions', key, 'today').textContent()).toMatch(/^[+-]?[\d,]+\.\d{2}$/);
    expect(await cell(page, 'positions', key, 'currency').textContent()).toBe('USD');
    expect(await page.locator('[data-testid=positions-figures] [data-currency=USD]').count()).toBe(1);
    await screenshot(page, 'trader-positions');

    await page.locator(`[data-testid="flatten-${key}"]`).click();
    const confirm = page.getByTestId('flatten-confirm');
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('Sell 1,000 AAPL at market in T1-MAIN');
    await screenshot(page, 'flatten-confirm');
    await page.getByTestId('flatten-confirm-confirm').click();

    await eventually(() => page.getByTestId('flatten-status').textContent()).toMatch(/^Flatten sent: Sell 1,000 AAPL/);
    await eventually(() => cell(page, 'positions', key, 'quantity').textContent()).toBe('0');
    expect(await page.locator(`[data-testid="flatten-${key}"]`).count()).toBe(0);
    // The order is an ordinary one: it is in the blotter, filled.
    await eventually(() => page.locator('[data-testid=order-blotter] .ag-row').filter({ hasText: 'AAPL' }).filter({ hasText: 'Filled' }).count()).toBeGreaterThanOrEqual(1);
    await screenshot(page, 'flattened');

    // A flatten above the warning notional is held by the gateway like any order: shown, and sent only when the trader says so.
    const nvda = 'trader1/T1-HEDGE/NVDA';
    await page.locator(`[data-testid="flatten-${nvda}"]`).click();
    await page.getByTestId('flatten-confirm-confirm').click();
    const warning = page.getByTestId('order-warning');
    await warning.waitFor({ timeout: 20_000 });
    expect(await warning.textContent()).toMatch(/Sell 6,000 NVDA at market in T1-HEDGE/);
    expect(await warning.locator('li[data-rule=maxNotional]').count()).toBe(1);
    await screenshot(page, 'flatten-warning');
    await page.getByTestId('order-warning-send').click();
    await eventually(() => page.getByTestId('flatten-status').textContent()).toMatch(/^Flatten sent: Sell 6,000 NVDA/);
    await eventually(() => cell(page, 'positions', nvda, 'quantity').textContent()).toBe('0');
    await page.close();
  });
});

describe('trader2 in REDUCING', () => {
  it('may still flatten: the order brings the position towards flat, so the kill switch lets it through', async () => {
    const head = await connect(session.gateway.wsUrl);
    await head.login('deskhead');
    const set = await head.request({ type: 'setKillSwitch', scope: { kind: 'trader', trader: 'trader2' }, mode: 'reducing', reason: 'wind down AAPL' });
    expect(set).toMatchObject({ type: 'killSwitchEvent', event: { action: 'set', mode: 'reducing' } });
    await head.close();

    const page = await openAs('trader2');
    const key = 'trader2/T2-MAIN/AAPL';
    await eventually(() => cell(page, 'positions', key, 'quantity').textContent()).toBe('200');
    await page.locator(`[data-testid="flatten-${key}"]`).click();
    await page.getByTestId('flatten-confirm-confirm').click();
    await eventually(() => page.getByTestId('flatten-status').textContent()).toMatch(/^Flatten sent: Sell 200 AAPL at market in T2-MAIN/);
    await eventually(() => cell(page, 'positions', key, 'quantity').textContent()).toBe('0');
    await screenshot(page, 'reducing-flattened');
    await page.close();
  });
});
