import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { dec } from '../../src/core/decimal.ts';
import { loginAs, pollFor } from '../support/browser.ts';
import { useBrowserSession } from '../support/e2eSession.ts';

/*
 * The terminal in a real browser against a real gateway: the trader's order
 * path from ticket to blotter, the advisor's book, the desk head's view, and
 * a gateway restart the terminal must ride through. Each step leaves a
 * screenshot in test-results/.
 */


const session = useBrowserSession({ screenshotPrefix: 'e2e' });
const { screenshot } = session;

function cell(scope: Locator, rowId: string, colId: string): Locator {
  return scope.locator(`.ag-row[row-id="${rowId}"] .ag-cell[col-id="${colId}"]`);
}

const eventually = pollFor();

async function texts(locator: Locator): Promise<string[]> {
  return locator.allTextContents();
}

describe('trader1', () => {
  let page: Page;
  let filledOrderId = '';

  it('refuses a wrong password with the gateway’s message', async () => {
    page = await session.openPage();
    await page.getByTestId('login-username').fill('trader1');
    await page.getByTestId('login-password').fill('not-the-password');
    await page.getByTestId('login-password').press('Enter');
    await eventually(() => page.getByTestId('login-error').textContent()).not.toBe('');
    await screenshot(page, 'login-refused');
  });

  it('logs in and sees the watchlist tick', async () => {
    await loginAs(page, 'trader1');
    await eventually(() => page.getByTestId('header-user').textContent()).toContain('trader1');
    const lastCells = page.locator('[data-testid=watchlist] .ag-cell[col-id="last"]');
    await eventually(async () => (await texts(lastCells)).filter((t) => t !== '').length).toBeGreaterThanOrEqual(10);
    const before = await texts(lastCells);
    await eventually(async () => (await texts(lastCells)).some((t, i) => t !== '' && before[i] !== '' && t !== before[i])).toBe(true);
    await eventually(() => page.getByTestId('connection-status').textContent()).toBe('Live');
    await screenshot(page, 'trader-watchlist');
  });

  it('buys AAPL 100 at the ask + 1.00 and sees it Filled in the blotter', async () => {
    await page.locator('[data-testid=watchlist] .ag-row[row-id="AAPL"]').first().click();
    await eventually(() => page.getByTestId('chart-symbol').textContent()).toBe('AAPL');
    await page.getByTestId('ticket-buy').click();
    await page.getByTestId('ticket-limit').click();
    const ask = await page.getByTestId('ticket-ask').getAttribute('data-price');
    expect(ask).toMatch(/^\d+\.\d{2}$/);
    await page.getByTestId('ticket-quantity').fill('100');
    await page.getByTestId('ticket-limit-price').fill(dec(ask ?? '0').plus(1).toFixed(2));
    await eventually(() => page.getByTestId('ticket-notional').textContent()).toMatch(/\d{2},\d{3}\.\d{2} USD/);
    await page.getByTestId('ticket-limit-price').press('Enter');

    const result = page.locator('[data-testid=ticket-result][data-state=accepted]');
    await result.waitFor({ timeout: 20_000 });
    filledOrderId = (await result.getAttribute('data-order-id')) ?? '';
    const blotter = page.getByTestId('order-blotter');
    await eventually(() => cell(blotter, filledOrderId, 'status').textContent()).toBe('Filled');
    expect(await cell(blotter, filledOrderId, 'cumQty').textContent()).toBe('100');
    expect(await cell(blotter, filledOrderId, 'avgPx').textContent()).toMatch(/^\d+\.\d{2,}$/);
    // The position appears, marked to the live price.
    const positions = page.getByTestId('positions');
    await eventually(() => positions.locator('.ag-row').filter({ hasText: 'AAPL' }).count()).toBe(1);
    await eventually(() => positions.locator('.ag-cell[col-id="unrealized"]').first().textContent()).toMatch(/^[+-]?[\d,]+\.\d{2}$/);
    await screenshot(page, 'trader-filled');

    await page.getByTestId('tab-executions').click();
    await eventually(() => page.locator('[data-testid=execution-blotter] .ag-row').count()).toBeGreaterThanOrEqual(1);
    await screenshot(page, 'trader-executions');
    await page.getByTestId('tab-orders').click();
  });

  it('rests a limit order far below the bid and cancels it from the blotter', async () => {
    const bid = await page.getByTestId('ticket-bid').getAttribute('data-price');
    const far = dec(bid ?? '0')
      .times(dec('0.8'))
      .toDecimalPlaces(2)
      .toFixed(2);
    await page.getByTestId('ticket-limit-price').fill(far);
    await page.getByTestId('ticket-send').click();
    const result = page.locator(`[data-testid=ticket-result][data-state=accepted]:not([data-order-id="${filledOrderId}"])`);
    await result.waitFor({ timeout: 20_000 });
    const orderId = (await result.getAttribute('data-order-id')) ?? '';
    const blotter = page.getByTestId('order-blotter');
    await eventually(() => cell(blotter, orderId, 'status').textContent()).toBe('New');
    await screenshot(page, 'trader-resting');

    await page.getByTestId(`cancel-${orderId}`).click();
    await eventually(() => cell(blotter, orderId, 'status').textContent()).toBe('Canceled');
    expect(await cell(blotter, orderId, 'leavesQty').textContent()).toBe('0');
    expect(await page.getByTestId(`cancel-${orderId}`).count()).toBe(0);
    await screenshot(page, 'trader-canceled');
  });

  it('shows the ticket rule inline as the quantity is typed and will not send', async () => {
    await page.getByTestId('ticket-quantity').fill('0');
    await eventually(() => page.getByTestId('error-quantity').textContent()).toBe('quantity must be greater than 0');
    expect(await page.getByTestId('ticket-send').isDisabled()).toBe(true);
    await page.getByTestId('ticket-quantity').fill('150');
    await eventually(() => page.getByTestId('error-quantity').textContent()).toBe('quantity must be a multiple of the lot size 100');
    await screenshot(page, 'trader-inline-error');
    await page.getByTestId('ticket-quantity').fill('100');
    await eventually(() => page.getByTestId('error-quantity').textContent()).toBe('');
    expect(await page.getByTestId('ticket-send').isDisabled()).toBe(false);
  });

  it('switches side with F2 and F1 from the keyboard', async () => {
    await page.getByTestId('ticket-quantity').press('F2');
    await eventually(() => page.getByTestId('ticket-sell').getAttribute('aria-pressed')).toBe('true');
    await eventually(() => page.getByTestId('ticket-send').textContent()).toMatch(/^SELL 100 AAPL/);
    await screenshot(page, 'trader-sell-side');
    await page.keyboard.press('F1');
    await eventually(() => page.getByTestId('ticket-buy').getAttribute('aria-pressed')).toBe('true');
  });

  it('logs out back to the login screen', async () => {
    await page.getByTestId('logout').click();
    await page.getByTestId('login-form').waitFor({ timeout: 20_000 });
    await page.close();
  });
});

describe('advisor1', () => {
  it('sees the client book valued live', async () => {
    const page = await session.openPage();
    await loginAs(page, 'advisor1');
    const clients = page.locator('[data-testid=client-list] .ag-row');
    await eventually(() => clients.count()).toBeGreaterThan(0);
    await eventually(() => page.getByTestId('client-aum').textContent()).toMatch(/^[\d,]+\.\d{2}$/);
    const holdings = page.locator('[data-testid=client-holdings] .ag-row');
    await eventually(() => holdings.count()).toBeGreaterThan(0);
    // Every holding gets a live price and a market value.
    await eventually(async () => (await texts(page.locator('[data-testid=client-holdings] .ag-cell[col-id="marketValue"]'))).every((t) => /^[\d,]+\.\d{2}$/.test(t)))
      .toBe(true);
    await screenshot(page, 'advisor-book');

    // Choosing another client shows theirs.
    if ((await clients.count()) > 1) {
      const name = (await clients.nth(1).locator('.ag-cell[col-id="name"]').textContent()) ?? '';
      await clients.nth(1).click();
      await eventually(() => page.getByTestId('client-name').textContent()).toBe(name);
      await screenshot(page, 'advisor-second-client');
    }
    await page.close();
  });
});

describe('deskhead', () => {
  it('sees every trader’s positions and P&L, including trader1’s AAPL', async () => {
    const page = await session.openPage();
    await loginAs(page, 'deskhead');
    // The desk monitor's roll-up (desk → trader → book → instrument): open trader1 and their book down to AAPL.
    const rollupCell = (id: string, col: string) => page.locator(`[data-testid=desk-rollup] .ag-row[row-id="${id}"] .ag-cell[col-id="${col}"]`);
    await eventually(() => rollupCell('Equities/trader1', 'dailyNet').textContent()).toMatch(/^[+-]?[\d,]+\.\d{2}$/);
    await page.getByTestId('rollup-toggle-Equities/trader1').click();
    await page.getByTestId('rollup-toggle-Equities/trader1/T1-MAIN').click();
    await eventually(() => rollupCell('Equities/trader1/T1-MAIN/AAPL', 'quantity').textContent()).toMatch(/^[\d,]+$/);
    await eventually(() => page.locator('[data-testid=order-blotter] .ag-row').count()).toBeGreaterThanOrEqual(2);
    await screenshot(page, 'deskhead');
    await page.close();
  });
});

describe('a gateway restart', () => {
  it('shows Reconnecting…, then logs in again by itself and restores orders and quotes', async () => {
    const page = await session.openPage();
    await loginAs(page, 'trader1');
    const blotterRows = page.locator('[data-testid=order-blotter] .ag-row');
    await eventually(() => blotterRows.count()).toBe(2);

    await session.stopGateway();
    await page.locator('[data-testid=connection-status][data-status=reconnecting]').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('connection-status').textContent()).toBe('Reconnecting…');
    await screenshot(page, 'reconnecting');

    await session.restartGateway();
    await page.locator('[data-testid=connection-status][data-status=online]').waitFor({ timeout: 30_000 });
    await eventually(() => blotterRows.count()).toBe(2);
    const lastCells = page.locator('[data-testid=watchlist] .ag-cell[col-id="last"]');
    const before = await texts(lastCells);
    await eventually(async () => (await texts(lastCells)).some((t, i) => t !== before[i])).toBe(true);
    await screenshot(page, 'reconnected');
    await page.close();
  });
});
