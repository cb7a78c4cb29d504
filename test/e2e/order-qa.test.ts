import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type Decimal, dec } from '../../src/core/decimal.ts';
import { pollFor } from '../support/browser.ts';
import { useBrowserSession } from '../support/e2eSession.ts';

/*
 * Order management as a trader on a 1280×800 laptop uses it, after a QA pass
 * found these broken: the ticket's notional, buying power and send result
 * hidden under the Send button; the blotter's status cut to "Rejec"; the
 * focus lost to the page after an amend or a cancel from the keyboard; a
 * 26 M order confirmed as merely "large" and then refused over the 5 M
 * fat-finger limit; a collar reject naming a price off the tick grid; the
 * ticket still saying "Trading halted" after the desk head cleared the switch.
 * Screenshots: test-results/order-qa-NN-*.png.
 */

const SYMBOL = 'AAPL';
const eventually = pollFor(30_000);

// trader1 in the browser at laptop size; the desk head over the protocol sets and clears the kill switch.
const session = useBrowserSession({
  user: 'trader1',
  clients: ['deskhead'],
  viewport: { width: 1280, height: 800 },
  defaultTimeoutMs: 10_000,
  screenshotPrefix: 'order-qa',
});

const cents = (d: Decimal): string => d.toDecimalPlaces(2).toFixed(2);

async function touch(page: Page): Promise<{ bid: Decimal; ask: Decimal }> {
  await eventually(async () => (await page.getByTestId('ticket-bid').getAttribute('data-price')) ?? '').toMatch(/^\d+\.\d{2}$/);
  const bid = dec((await page.getByTestId('ticket-bid').getAttribute('data-price')) ?? '0');
  const ask = dec((await page.getByTestId('ticket-ask').getAttribute('data-price')) ?? '0');
  return { bid, ask };
}

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Where an element is drawn, by test id. */
async function box(page: Page, testId: string): Promise<Box> {
  const b = await page.getByTestId(testId).boundingBox();
  if (!b) throw new Error(`${testId} is not drawn`);
  return { top: b.y, bottom: b.y + b.height, left: b.x, right: b.x + b.width };
}

/** The part of the ticket's form on screen (it scrolls when the panel is short). */
async function ticketView(page: Page): Promise<Box> {
  const r = await page.locator('[data-testid=ticket] form').evaluate((f) => {
    const rect = f.getBoundingClientRect();
    return { top: rect.top, bottom: rect.top + f.clientHeight, left: rect.left, right: rect.right };
  });
  return r;
}

const activeTestId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName ?? '');

describe('order management on a 1280×800 laptop', () => {
  let orderId = '';

  it('the ticket keeps the estimated notional, the buying power after and the answer to a send in sight, clear of the Send button', async () => {
    const { page } = session;
    await page.getByTestId('ticket-symbol').fill(SYMBOL);
    const { bid } = await touch(page);
    await page.getByTestId('ticket-limit').click();
    await page.getByTestId('ticket-quantity').fill('100');
    // 2% under the bid: it rests.
    await page.getByTestId('ticket-limit-price').fill(cents(bid.times('0.98')));
    await eventually(() => page.getByTestId('ticket-notional').textContent()).toMatch(/[\d,]+\.\d{2} USD/);
    await page.getByTestId('ticket-send').click();
    const result = page.locator('[data-testid=ticket-result][data-state=accepted]');
    await result.waitFor();
    orderId = (await result.getAttribute('data-order-id')) ?? '';
    await eventually(() => result.getAttribute('data-order-status')).toBe('new');
    await session.screenshot(page, 'ticket-in-sight');

    const view = await ticketView(page);
    const send = await box(page, 'ticket-send');
    for (const id of ['ticket-notional', 'ticket-buying-power']) {
      const b = await box(page, id);
      expect(b.top, `${id} below the top of the ticket`).toBeGreaterThanOrEqual(view.top);
      expect(b.bottom, `${id} above the Send button`).toBeLessThanOrEqual(send.top);
    }
    const answer = await box(page, 'ticket-result');
    expect(answer.top, 'the send result below the Send button, not under it').toBeGreaterThanOrEqual(send.bottom);
    expect(answer.bottom, 'the send result inside the ticket').toBeLessThanOrEqual(view.bottom);
    // Nothing drawn over the result: the point in its middle is the result itself.
    const hit = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('[data-testid]')?.getAttribute('data-testid'), {
      x: (answer.left + answer.right) / 2,
      y: answer.top + 3,
    });
    expect(hit).toBe('ticket-result');
  });

  it('the order blotter shows the order’s status in full, left of the row actions', async () => {
    const { page } = session;
    const status = page.locator(`[data-testid=order-blotter] .ag-row[row-id="${orderId}"] .ag-cell[col-id=status]`);
    await eventually(() => status.textContent()).toBe('New');
    const cell = await status.boundingBox();
    const actions = await page.locator(`[data-testid=order-blotter] .ag-row[row-id="${orderId}"] .ag-cell[col-id=actions]`).boundingBox();
    expect(cell && actions).toBeTruthy();
    if (!cell || !actions) return;
    expect(cell.x + cell.width).toBeLessThanOrEqual(actions.x);
    expect(await status.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await session.screenshot(page, 'blotter-status');
  });

  it('amend from the keyboard leaves the focus on the row’s Amend button; a cancel leaves it on the row’s History', async () => {
    const { page } = session;
    await page.getByTestId(`amend-${orderId}`).focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('amend-dialog').waitFor();
    await page.getByTestId('amend-quantity').fill('200');
    await page.keyboard.press('Enter');
    await page.getByTestId('amend-dialog').waitFor({ state: 'detached' });
    const qty = page.locator(`[data-testid=order-blotter] .ag-row[row-id="${orderId}"] .ag-cell[col-id=quantity]`);
    await eventually(() => qty.textContent()).toBe('200');
    await eventually(() => activeTestId(page)).toBe(`amend-${orderId}`);

    await page.getByTestId(`cancel-${orderId}`).focus();
    await page.keyboard.press('Enter');
    const status = page.locator(`[data-testid=order-blotter] .ag-row[row-id="${orderId}"] .ag-cell[col-id=status]`);
    await eventually(() => status.textContent()).toBe('Canceled');
    await eventually(() => activeTestId(page)).toBe(`history-${orderId}`);
  });

  it('an order over the fat-finger limits is flagged as the trader types, and the confirmation repeats why it will be refused', async () => {
    const { page } = session;
    const { ask } = await touch(page);
    await page.getByTestId('ticket-limit-price').fill(cents(ask));
    // The Equities desk's limits: 250,000 a ticket and 5,000,000 USD.
    await page.getByTestId('ticket-quantity').fill('300000');
    const warnings = page.getByTestId('ticket-warnings');
    await eventually(() => warnings.locator('li.bad[data-rule=maxQuantity]').textContent()).toBe(
      'fat finger: quantity 300,000 is over the per-order limit of 250,000 in T1-MAIN, expect a reject',
    );
    await eventually(() => warnings.locator('li.bad[data-rule=maxNotional]').textContent()).toMatch(
      /^fat finger: notional [\d,]+\.\d{2} USD is over the per-order limit of 5,000,000\.00 USD in T1-MAIN, expect a reject$/,
    );
    // One line about the notional: the hard limit's, not also "large order".
    expect(await warnings.locator('li[data-rule=maxNotional]').count()).toBe(1);
    await page.getByTestId('ticket-send').click();
    const confirm = page.getByTestId('ticket-confirm');
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('is over the per-order limit of 250,000 in T1-MAIN, expect a reject');
    expect(await confirm.textContent()).toContain('not enough buying power in T1-MAIN');
    expect(await confirm.locator('h3').textContent()).toBe('The gateway will refuse this order');
    expect(await page.getByTestId('ticket-confirm-confirm').textContent()).toContain('Send anyway');
    await session.screenshot(page, 'fat-finger-confirm');
    await page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'detached' });
  });

  it('a price-collar reject names the last price on the tick grid the collar allows', async () => {
    const { page } = session;
    await page.getByTestId('ticket-quantity').fill('100');
    const { ask } = await touch(page);
    await page.getByTestId('ticket-limit-price').fill(cents(ask.times('1.15')));
    await page.getByTestId('ticket-send').click();
    const rejected = page.locator('[data-testid=ticket-result][data-state=rejected]');
    await rejected.waitFor();
    expect(await rejected.textContent()).toMatch(/price collar: .* allows at most \d+\.\d{2}$/);
  });

  it('a kill switch the desk head sets and clears reaches the ticket though no order changes', async () => {
    const { page } = session;
    const desk = session.client('deskhead');
    const scope = { kind: 'trader', trader: 'trader1' } as const;
    // trader1 has no working order left: setting the switch cancels nothing, so no order event tells the ticket.
    expect(await desk.request({ type: 'setKillSwitch', scope, mode: 'halted', reason: 'QA: halt' })).toMatchObject({ type: 'killSwitchEvent', canceled: 0 });
    await eventually(() => page.getByTestId('ticket-mode').textContent()).toBe('Trading halted');
    expect(await page.getByTestId('ticket-mode-notice').textContent()).toContain('New orders are refused and your working orders were canceled');
    await session.screenshot(page, 'halted');
    expect(await desk.request({ type: 'clearKillSwitch', scope, reason: 'QA: done' })).toMatchObject({ type: 'killSwitchEvent' });
    await eventually(() => page.getByTestId('ticket-mode').count()).toBe(0);
    expect(await page.getByTestId('ticket-mode-notice').count()).toBe(0);
  });
});

describe('cancel from the chart', () => {
  it('a click on a working order’s line opens its dialog, whose Cancel order cancels it and takes the line away', async () => {
    const { page } = session;
    await page.getByTestId('ticket-symbol').fill(SYMBOL);
    const { bid } = await touch(page);
    await page.getByTestId('ticket-limit').click();
    await page.getByTestId('ticket-quantity').fill('100');
    await page.getByTestId('ticket-tif').selectOption('day');
    await page.getByTestId('ticket-limit-price').fill(cents(bid.times('0.97')));
    const before = (await page.locator('[data-testid=ticket-result]').getAttribute('data-order-id')) ?? '';
    await page.getByTestId('ticket-send').click();
    const result = page.locator(`[data-testid=ticket-result][data-state=accepted]:not([data-order-id="${before}"])`);
    await result.waitFor();
    const id = (await result.getAttribute('data-order-id')) ?? '';
    await eventually(() => result.getAttribute('data-order-status')).toBe('new');

    const chip = page.getByTestId(`chart-line-${id}-limit`);
    await chip.click();
    await page.getByTestId('amend-dialog').waitFor();
    await session.screenshot(page, 'chart-cancel-dialog');
    await page.getByTestId('amend-cancel-order').click();
    await page.getByTestId('amend-dialog').waitFor({ state: 'detached' });
    const status = page.locator(`[data-testid=order-blotter] .ag-row[row-id="${id}"] .ag-cell[col-id=status]`);
    await eventually(() => status.textContent()).toBe('Canceled');
    await eventually(() => chip.count()).toBe(0);
  });
});

describe('the desk head’s kill switch from the keyboard', () => {
  it('sets REDUCING on a trader with a reason and Enter, the trader’s ticket says what it means, and Enter clears it', async () => {
    const desk = await session.openPage({ user: 'deskhead' });
    await desk.getByTestId('kill-reduce-trader:trader1').click();
    await desk.getByTestId('kill-switch-reason').waitFor();
    // The reason field has the focus: type and press Enter.
    await desk.keyboard.type('QA: reduce only');
    await desk.keyboard.press('Enter');
    await desk.getByTestId('kill-switch-dialog').waitFor({ state: 'detached' });
    await eventually(() => desk.getByTestId('kill-state-trader:trader1').textContent()).toContain('REDUCING');
    await eventually(() => session.page.getByTestId('ticket-mode-notice').textContent()).toContain('REDUCING only');
    await session.screenshot(session.page, 'reducing-notice');

    await desk.getByTestId('kill-clear-trader:trader1').click();
    await desk.getByTestId('kill-switch-reason').waitFor();
    await desk.keyboard.press('Enter');
    await desk.getByTestId('kill-switch-dialog').waitFor({ state: 'detached' });
    await eventually(() => desk.getByTestId('kill-state-trader:trader1').textContent()).not.toContain('REDUCING');
    await eventually(() => session.page.getByTestId('ticket-mode-notice').count()).toBe(0);
    await desk.close();
  });
});
