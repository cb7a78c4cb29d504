import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loginAs, pollFor } from '../support/browser.ts';
import { useBrowserSession } from '../support/e2eSession.ts';
import { connect } from '../support/wsClient.ts';

/*
 * The advisor's day in a real browser against a real gateway (issue 6): find
 * a client from the keyboard, read the allocation and performance charts,
 * log a call, schedule a review, rebalance the client's accounts to their
 * model, and see the block order in the desk head's blotter. Each step
 * leaves a screenshot in test-results/ (advisor-*.png).
 */

const session = useBrowserSession({ screenshotPrefix: 'advisor' });
const { screenshot } = session;

function cell(scope: Locator, rowId: string, colId: string): Locator {
  return scope.locator(`.ag-row[row-id="${rowId}"] .ag-cell[col-id="${colId}"]`);
}

const eventually = pollFor(30_000);

describe('advisor1 works the book', () => {
  let page: Page;
  let clientId = '';
  let clientName = '';
  let blockOrderId = '';
  let blockSymbol = '';

  it('sees the client list with returns, drift and attention flags, and filters to drifting clients', async () => {
    page = await session.openPage();
    await loginAs(page, 'advisor1');
    const rows = page.locator('[data-testid=client-list] .ag-row');
    await eventually(() => rows.count()).toBeGreaterThan(5);
    // Every visible AUM is money and every YTD return a percentage or n/a.
    await eventually(async () => (await page.locator('[data-testid=client-list] .ag-cell[col-id="aum"]').allTextContents()).every((t) => /^[\d,]+\.\d{2}$/.test(t))).toBe(true);
    expect((await page.locator('[data-testid=client-list] .ag-cell[col-id="ytd"]').allTextContents()).every((t) => /^([+-]?[\d,]+\.\d{2}%|–)$/.test(t))).toBe(true);
    await screenshot(page, 'list');

    await page.getByTestId('attention-driftOverThreshold').click();
    await eventually(async () => (await page.locator('[data-testid=client-list] .ag-cell[col-id="flagText"]').allTextContents()).every((t) => t.includes('Drift'))).toBe(true);
    expect(await rows.count()).toBeGreaterThan(0);
    clientId = (await rows.first().getAttribute('row-id')) ?? '';
    clientName = (await rows.first().locator('.ag-cell[col-id="name"]').textContent()) ?? '';
    expect(clientId).not.toBe('');
    await screenshot(page, 'list-drifting');
  });

  it('finds the client with / and the type-ahead, and opens it with Enter', async () => {
    await page.getByTestId('attention-driftOverThreshold').click(); // filter off again
    await page.locator('body').press('/');
    await eventually(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('client-search');
    await page.keyboard.type(clientName.split(' ').slice(-1)[0] ?? clientName);
    const rows = page.locator('[data-testid=client-list] .ag-row');
    await eventually(() => rows.filter({ hasText: clientName }).count()).toBe(1);
    await screenshot(page, 'search');
    // Down into the grid, onto our client, then Enter.
    await page.keyboard.press('ArrowDown');
    const names = await rows.locator('.ag-cell[col-id="name"]').allTextContents();
    for (let i = 0; i < names.indexOf(clientName); i += 1) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid=advisor-workspace][data-opened=true]').waitFor({ timeout: 10_000 });
    await eventually(() => page.getByTestId('client-name').textContent()).toBe(clientName);
  });

  it('shows the client valued live with allocation charts by asset class, sector, region and currency', async () => {
    await eventually(() => page.getByTestId('client-aum').textContent()).toMatch(/^[\d,]+\.\d{2}$/);
    for (const dim of ['assetClass', 'sector', 'region', 'currency']) {
      await eventually(() => page.locator(`[data-testid=allocation-${dim}] svg path, [data-testid=allocation-${dim}] svg rect`).count()).toBeGreaterThan(0);
    }
    const holdings = page.locator('[data-testid=client-holdings] .ag-row');
    await eventually(() => holdings.count()).toBeGreaterThan(0);
    await eventually(async () => (await page.locator('[data-testid=client-holdings] .ag-cell[col-id="marketValue"]').allTextContents()).every((t) => /^[\d,]+\.\d{2}$/.test(t))).toBe(true);
    expect(await page.getByTestId('client-household').textContent()).not.toBe('');
    await screenshot(page, 'client-overview');
  });

  it('shows TWR and IRR per period against the benchmark, and the growth chart', async () => {
    await page.getByTestId('client-tab-performance').click();
    const periods = page.locator('[data-testid=performance-table] tbody tr');
    await eventually(() => periods.count()).toBeGreaterThanOrEqual(4);
    expect((await page.locator('[data-testid=perf-twr]').allTextContents()).some((t) => /^[+-]?[\d,]+\.\d{2}%$/.test(t))).toBe(true);
    await eventually(() => page.locator('[data-testid=growth-chart] canvas').count()).toBeGreaterThan(0);
    await screenshot(page, 'client-performance');
  });

  it('logs a call and schedules an appointment, both kept in the client record', async () => {
    await page.getByTestId('client-tab-activity').click();
    await page.getByTestId('log-kind-call').click();
    await page.getByTestId('log-subject').fill('E2E quarterly check-in');
    await page.getByTestId('log-body').fill('Happy with returns; asked about the rebalance.');
    await page.getByTestId('log-submit').click();
    await page.locator('[data-testid=log-status][data-state=done]').waitFor({ timeout: 20_000 });
    await eventually(() => page.locator('[data-testid=activity-item][data-kind=call]').filter({ hasText: 'E2E quarterly check-in' }).count()).toBe(1);

    await page.getByTestId('crm-appointment').click();
    await page.getByTestId('appt-title').fill('E2E annual review');
    await page.getByTestId('appt-time').fill('14:30');
    await page.getByTestId('appt-submit').click();
    await page.locator('[data-testid=appt-status][data-state=done]').waitFor({ timeout: 20_000 });
    await eventually(() => page.locator('[data-testid=activity-item][data-kind=appointment]').filter({ hasText: 'E2E annual review' }).count()).toBe(1);
    await screenshot(page, 'client-activity');

    // Esc goes back to the list, where the contact shows as today's.
    await page.locator('body').press('Escape');
    await page.locator('[data-testid=advisor-workspace][data-opened=false]').waitFor({ timeout: 10_000 });
    await eventually(() => cell(page.getByTestId('client-list'), clientId, 'lastContact').textContent()).toBe('today');
    await eventually(() => cell(page.getByTestId('client-list'), clientId, 'nextAppointment').textContent()).toMatch(/14:30$/);
    await screenshot(page, 'list-after-crm');
  });

  it('finds the appointment in the agenda of its day', async () => {
    await page.getByTestId('advisor-agenda').click();
    const tomorrow = new Date(Date.now() + 86_400_000);
    const day = `${tomorrow.getFullYear()}-${String(tomorrow.getMonth() + 1).padStart(2, '0')}-${String(tomorrow.getDate()).padStart(2, '0')}`;
    await page.getByTestId('agenda-date').fill(day);
    await eventually(() => page.getByTestId('agenda-appointments').textContent()).toContain('E2E annual review');
    expect(await page.getByTestId('agenda-appointments').textContent()).toContain(clientName);
    await screenshot(page, 'agenda');
  });

  it('sends a research note the desk published to a chosen client, and the note says who received it', async () => {
    // The desk head publishes over the protocol (the desk's screen for it is not the advisor's).
    const desk = await connect(session.gateway.wsUrl);
    await desk.login('deskhead');
    const published = await desk.request({ type: 'publishResearch', title: 'E2E rates outlook', summary: 'Cuts are priced in', body: 'Duration looks fair.', symbols: ['SPY'] });
    expect(published.type).toBe('researchPublished');
    await desk.close();

    await page.getByTestId('advisor-research').click();
    const note = page.getByTestId('research-note').filter({ hasText: 'E2E rates outlook' });
    await eventually(() => note.count()).toBe(1);
    await note.click();
    await page.getByTestId('research-client-search').fill(clientName);
    await page.locator('.pick-list label').filter({ hasText: clientName }).first().locator('input').check();
    await page.getByTestId('research-send').click();
    await page.locator('[data-testid=research-status][data-state=done]').waitFor({ timeout: 20_000 });
    await eventually(() => page.getByTestId('research-deliveries').textContent()).toContain(clientName);
    await screenshot(page, 'research-sent');
    await page.getByTestId('advisor-clients').click();
  });

  it('rebalances the client’s accounts and sends one block order per instrument', async () => {
    await eventually(() => page.getByTestId('client-name').textContent()).toBe(clientName);
    await page.getByTestId('client-rebalance').click();
    await page.locator('[data-testid=advisor-workspace][data-screen=rebalance]').waitFor();
    await eventually(() => page.getByTestId('rebalance-propose').isEnabled()).toBe(true);
    await page.getByTestId('rebalance-propose').click();
    await page.locator('[data-testid=rebalance-proposal-status][data-state=done]').waitFor({ timeout: 30_000 });
    const blocks = page.locator('[data-testid=rebalance-blocks] .ag-row');
    await eventually(() => blocks.count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=rebalance-lines] .ag-row').count()).toBeGreaterThan(0);
    await screenshot(page, 'rebalance-proposal');

    await page.getByTestId('rebalance-send').click();
    await page.locator('[data-testid=rebalance-send-status][data-state=done]').waitFor({ timeout: 30_000 });
    await eventually(async () => (await blocks.first().locator('.ag-cell[col-id="orderId"]').textContent()) ?? '').not.toBe('');
    blockOrderId = (await blocks.first().locator('.ag-cell[col-id="orderId"]').textContent()) ?? '';
    blockSymbol = (await blocks.first().locator('.ag-cell[col-id="symbol"]').textContent()) ?? '';
    await eventually(() => blocks.first().locator('.ag-cell[col-id="status"]').textContent()).toMatch(/^(New|Partial|Filled|Pending)$/);
    await screenshot(page, 'rebalance-sent');
    await page.getByTestId('logout').click();
    await page.getByTestId('login-form').waitFor({ timeout: 20_000 });
    await page.close();
  });

  it('the desk head sees the block order in the blotter', async () => {
    const desk = await session.openPage();
    await loginAs(desk, 'deskhead');
    const blotter = desk.getByTestId('order-blotter');
    await eventually(() => blotter.locator(`.ag-row[row-id="${blockOrderId}"]`).count()).toBeGreaterThan(0);
    // The block is an ordinary order of the advisor's, on the block account.
    expect(await cell(blotter, blockOrderId, 'symbol').first().textContent()).toBe(blockSymbol);
    expect(await cell(blotter, blockOrderId, 'trader').first().textContent()).toBe('advisor1');
    await screenshot(desk, 'deskhead-blotter');
    await desk.close();
  });
});
