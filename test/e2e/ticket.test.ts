import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type Decimal, dec } from '../../src/core/decimal.ts';
import { pollFor } from '../support/browser.ts';
import { useBrowserSession } from '../support/e2eSession.ts';

/*
 * The ticket a trader wants, in a real browser against a real gateway:
 * a resting limit order seen in the blotter and on the chart, amended from the
 * blotter (its history shows the replace) and from the chart, cancelled; an
 * order the gateway holds with a warning and the trader sends anyway; the
 * large-order confirmation and cancel-all; a toast for a fill and for a
 * reject; the hotkeys. Each step leaves a screenshot in test-results/.
 */

const SYMBOL = 'AAPL';

const session = useBrowserSession({ user: 'trader1', screenshotPrefix: 'ticket' });
const screenshot = (name: string): Promise<void> => session.screenshot(session.page, name);

const eventually = pollFor();

function cell(scope: Locator, rowId: string, colId: string): Locator {
  return scope.locator(`.ag-row[row-id="${rowId}"] .ag-cell[col-id="${colId}"]`);
}

const blotter = () => session.page.getByTestId('order-blotter');
const ticket = () => session.page.getByTestId('ticket');

async function touch(): Promise<{ bid: Decimal; ask: Decimal }> {
  const { page } = session;
  const bid = (await page.getByTestId('ticket-bid').getAttribute('data-price')) ?? '';
  const ask = (await page.getByTestId('ticket-ask').getAttribute('data-price')) ?? '';
  expect(bid).toMatch(/^\d+\.\d{2}$/);
  expect(ask).toMatch(/^\d+\.\d{2}$/);
  return { bid: dec(bid), ask: dec(ask) };
}

const cents = (d: Decimal): string => d.toDecimalPlaces(2).toFixed(2);
/** The first "1,234.56"-style amount in a text, exactly. */
function money(text: string): Decimal {
  const m = /-?[\d,]+\.\d{2}/.exec(text);
  expect(m, `an amount in "${text}"`).not.toBeNull();
  return dec((m?.[0] ?? '0').replace(/,/g, ''));
}

/** The order id of the ticket's last accepted send, once it differs from `not`. */
async function acceptedOrderId(not = ''): Promise<string> {
  const { page } = session;
  const result = page.locator(`[data-testid=ticket-result][data-state=accepted]:not([data-order-id="${not}"])`);
  await result.waitFor({ timeout: 20_000 });
  return (await result.getAttribute('data-order-id')) ?? '';
}

async function fillTicket(fields: { quantity: string; limitPrice: string }): Promise<void> {
  const { page } = session;
  await page.getByTestId('ticket-limit').click();
  await page.getByTestId('ticket-quantity').fill(fields.quantity);
  await page.getByTestId('ticket-limit-price').fill(fields.limitPrice);
}

describe('the ticket a trader wants (trader1)', () => {
  let restingId = '';

  it('opens on the main account with buying power from the gateway and the hotkeys shown', async () => {
    const { page } = session;
    await page.getByTestId('ticket-symbol').fill(SYMBOL);
    await eventually(() => page.getByTestId('chart-symbol').textContent()).toBe(SYMBOL);
    expect(await page.getByTestId('ticket-account').inputValue()).toBe('T1-MAIN');
    await eventually(() => page.getByTestId('ticket-buying-power').getAttribute('data-kind')).toBe('known');
    expect(await page.getByTestId('ticket-buying-power').textContent()).toMatch(/[\d,]+\.\d{2} USD/);
    expect(await page.getByTestId('ticket-hotkeys').textContent()).toContain('Enter send');
    await touch();
  });

  it('shows the locate for a short sale, the stop price for a stop and the expiry for GTD', async () => {
    const { page } = session;
    await page.getByTestId('ticket-short').click();
    await page.getByTestId('ticket-locate').waitFor();
    await page.getByTestId('ticket-stop-limit').click();
    expect(await page.getByTestId('ticket-stop-price').isEnabled()).toBe(true);
    await page.getByTestId('ticket-tif').selectOption('gtd');
    await page.getByTestId('ticket-expire-at').waitFor();
    await page.getByTestId('ticket-quantity').fill('100');
    await page.getByTestId('ticket-stop-price').fill('1.00');
    await page.getByTestId('ticket-limit-price').fill('1.00');
    // Every rule the gateway runs shows inline before anything is sent.
    await eventually(() => page.getByTestId('error-locate').textContent()).toBe('a short sale needs a locate from the stock-loan desk');
    await eventually(() => page.getByTestId('error-expireAt').textContent()).toBe('a good till date order needs an expiry date');
    expect(await page.getByTestId('ticket-send').isDisabled()).toBe(true);
    await screenshot('short-stop-limit-gtd');
    // Escape clears the ticket back to a plain limit buy.
    await page.getByTestId('ticket-quantity').press('Escape');
    await eventually(() => page.getByTestId('ticket-buy').getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByTestId('ticket-tif').inputValue()).toBe('day');
    expect(await page.getByTestId('ticket-locate').count()).toBe(0);
  });

  it('rests a limit buy below the market: in the blotter, on the chart, and it uses buying power', async () => {
    const { page } = session;
    const { bid } = await touch();
    const bp = page.locator('[data-testid=ticket-buying-power] strong');
    const before = money((await bp.getAttribute('title')) ?? '');
    // 1% under the bid: it rests, and is near enough to the candles to be drawn among them.
    const price = cents(bid.times('0.99'));
    await fillTicket({ quantity: '100', limitPrice: price });
    await eventually(() => page.getByTestId('ticket-notional').textContent()).toMatch(/[\d,]+\.\d{2} USD/);
    const notional = money((await page.getByTestId('ticket-notional').textContent()) ?? '');
    expect(notional.toFixed()).toBe(dec(price).times(100).toFixed());
    // Buying power after = what is left − this order's notional.
    expect(money((await bp.textContent()) ?? '').toFixed()).toBe(before.minus(notional).toFixed());
    await page.getByTestId('ticket-limit-price').press('Enter');
    restingId = await acceptedOrderId();
    await eventually(() => cell(blotter(), restingId, 'status').textContent()).toBe('New');
    await page.getByTestId(`chart-line-${restingId}-limit`).waitFor({ timeout: 20_000 });
    expect(await page.getByTestId(`chart-line-${restingId}-limit`).getAttribute('data-price')).toBe(price);
    // Once working, the gateway counts it as used: what is left before the next order went down by its notional.
    await eventually(async () => money((await bp.getAttribute('title')) ?? '').toFixed()).toBe(before.minus(notional).toFixed());
    await screenshot('resting-in-blotter-and-chart');
  });

  it('amends the price from the blotter; the history shows the replace', async () => {
    const { page } = session;
    const before = dec((await page.getByTestId(`chart-line-${restingId}-limit`).getAttribute('data-price')) ?? '0');
    const next = cents(before.plus('0.10'));
    await page.getByTestId(`amend-${restingId}`).click();
    const dialog = page.getByTestId('amend-dialog');
    await dialog.waitFor();
    expect(await page.getByTestId('amend-limitPrice').inputValue()).toBe(cents(before));
    await page.getByTestId('amend-limitPrice').fill(next);
    await screenshot('amend-dialog');
    await page.getByTestId('amend-send').click();
    await dialog.waitFor({ state: 'detached', timeout: 20_000 });
    await eventually(() => cell(blotter(), restingId, 'limit').textContent()).toBe(next);
    await eventually(() => cell(blotter(), restingId, 'status').textContent()).toBe('New');
    await page.getByTestId(`chart-line-${restingId}-limit`).waitFor();
    expect(await page.getByTestId(`chart-line-${restingId}-limit`).getAttribute('data-price')).toBe(next);

    await page.getByTestId(`history-${restingId}`).click();
    const history = page.getByTestId('order-history');
    await history.waitFor();
    await eventually(async () => (await history.locator('[data-testid=history-row]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-event'))))).toEqual(
      expect.arrayContaining(['Sent', 'Accepted', 'Amended']),
    );
    expect(await history.textContent()).toContain(`limit ${next}`);
    await screenshot('history-with-replace');
    await page.getByTestId('history-close').click();
  });

  it('drags the order’s line on the chart to propose a new price in the amend', async () => {
    const { page } = session;
    const current = dec((await page.getByTestId(`chart-line-${restingId}-limit`).getAttribute('data-price')) ?? '0');
    const canvas = page.getByTestId('chart-canvas');
    const box = await canvas.boundingBox();
    expect(box).not.toBeNull();
    if (!box) return;
    const x = box.x + box.width * 0.4;
    // The line is drawn on a canvas: find its row by where the pointer turns into the drag cursor.
    let lineY = -1;
    for (let y = box.y + 5; y < box.y + box.height - 30 && lineY < 0; y += 2) {
      await page.mouse.move(x, y);
      // pointermove is dispatched with the next frame: read after it.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null)))));
      if ((await canvas.evaluate((el) => (el as HTMLElement).style.cursor)) === 'ns-resize') lineY = y;
    }
    expect(lineY).toBeGreaterThan(0);
    await page.mouse.down();
    await page.mouse.move(x, lineY - 15, { steps: 5 });
    await page.mouse.move(x, lineY - 30, { steps: 5 });
    await screenshot('dragging-order-line');
    await page.mouse.up();
    await page.getByTestId('amend-dialog').waitFor();
    // Dragged up: a higher price, on the tick, proposed but not sent.
    const proposed = await page.getByTestId('amend-limitPrice').inputValue();
    expect(proposed).toMatch(/^\d+\.\d{2}$/);
    expect(dec(proposed).gt(current)).toBe(true);
    expect(await cell(blotter(), restingId, 'limit').textContent()).toBe(cents(current));
    await page.getByTestId('amend-limitPrice').press('Escape');
    await page.getByTestId('amend-dialog').waitFor({ state: 'detached' });
  });

  it('opens the amend from the chart’s order line, and refuses an amend that changes nothing', async () => {
    const { page } = session;
    await page.getByTestId(`chart-line-${restingId}-limit`).click();
    await page.getByTestId('amend-dialog').waitFor();
    await page.getByTestId('amend-quantity').fill('200');
    await page.getByTestId('amend-quantity').fill('100');
    await eventually(() => page.getByTestId('amend-message').textContent()).toBe('nothing to amend: change the quantity or a price');
    expect(await page.getByTestId('amend-send').isDisabled()).toBe(true);
    await page.getByTestId('amend-quantity').press('Escape');
    await page.getByTestId('amend-dialog').waitFor({ state: 'detached' });
  });

  it('cancels it from the blotter and its line leaves the chart', async () => {
    const { page } = session;
    await page.getByTestId(`cancel-${restingId}`).click();
    await eventually(() => cell(blotter(), restingId, 'status').textContent()).toBe('Canceled');
    await eventually(() => page.getByTestId(`chart-line-${restingId}-limit`).count()).toBe(0);
  });

  it('shows a price-far warning inline; the gateway holds the order; Send anyway places it and a fill toast follows', async () => {
    const { page } = session;
    const { ask } = await touch();
    // 5% through the market: past the 3% warning, inside the 10% collar. It will trade.
    await fillTicket({ quantity: '100', limitPrice: cents(ask.times('1.05')) });
    await eventually(() => page.getByTestId('ticket-warnings').textContent()).toContain('price far from market');
    await page.getByTestId('ticket-send').click();
    const warning = page.getByTestId('order-warning');
    await warning.waitFor({ timeout: 20_000 });
    expect(await warning.textContent()).toContain('price far from market');
    await screenshot('gateway-warning');
    await page.getByTestId('order-warning-send').click();
    const orderId = await acceptedOrderId(restingId);
    await eventually(() => cell(blotter(), orderId, 'status').textContent()).toMatch(/Filled|PartiallyFilled/);
    const toast = page.locator(`[data-testid=toast][data-order-id="${orderId}"]`).first();
    await toast.waitFor({ timeout: 20_000 });
    expect(await toast.getAttribute('data-tone')).toMatch(/fill|partial/);
    expect(await toast.textContent()).toMatch(/Bought 100 @ [\d,]+\.\d{2}/);
    expect(await page.getByTestId('toasts').getAttribute('role')).toBe('status');
    await screenshot('fill-toast');
  });

  it('rejects a price beyond the collar and toasts the reason', async () => {
    const { page } = session;
    const { ask } = await touch();
    await fillTicket({ quantity: '100', limitPrice: cents(ask.times('1.2')) });
    await eventually(() => page.locator('[data-testid=ticket-warnings] li.bad').count()).toBe(1);
    await page.getByTestId('ticket-send').click();
    await page.locator('[data-testid=ticket-result][data-state=rejected]').waitFor({ timeout: 20_000 });
    const toast = page.locator('[data-testid=toast][data-tone=reject]').first();
    await toast.waitFor({ timeout: 20_000 });
    expect(await toast.textContent()).toContain('price collar');
    await screenshot('reject-toast');
  });

  it('asks for a confirmation above the large-order threshold; cancel-all mine cancels what rests', async () => {
    const { page } = session;
    const { bid } = await touch();
    // About 1.2 million: over the 1,000,000 USD warning threshold, far below the market so it rests.
    const price = bid.times('0.95');
    const quantity = dec(1_200_000).div(price).div(100).ceil().times(100);
    await fillTicket({ quantity: quantity.toFixed(0), limitPrice: cents(price) });
    await eventually(() => page.getByTestId('ticket-warnings').textContent()).toContain('large order');
    await page.getByTestId('ticket-send').click();
    const confirm = page.getByTestId('ticket-confirm');
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('large order: notional');
    await screenshot('large-order-confirmation');
    await page.getByTestId('ticket-confirm-confirm').click();
    const bigId = await acceptedOrderId(restingId);
    await eventually(() => cell(blotter(), bigId, 'status').textContent()).toBe('New');

    await page.getByTestId('cancel-all-mine').click();
    await page.getByTestId('cancel-all-confirm').waitFor();
    expect(await page.getByTestId('cancel-all-confirm').textContent()).toContain('1 order is working');
    await page.getByTestId('cancel-all-confirm-confirm').click();
    await eventually(() => page.getByTestId('cancel-all-result').textContent()).toBe('1 cancel sent');
    await eventually(() => cell(blotter(), bigId, 'status').textContent()).toBe('Canceled');
    await screenshot('cancel-all');
  });

  it('B and S pick the side, Enter sends and Escape clears from the keyboard', async () => {
    const { page } = session;
    const { bid } = await touch();
    await fillTicket({ quantity: '200', limitPrice: cents(bid.times('0.9')) });
    // Focus on the ticket itself, off any field: letters are hotkeys there.
    await ticket().locator('.panel-head').click();
    await page.keyboard.press('s');
    await eventually(() => page.getByTestId('ticket-sell').getAttribute('aria-pressed')).toBe('true');
    // The side hotkeys put the cursor in the quantity, ready to type it; from there a letter is text again.
    await eventually(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('ticket-quantity');
    await ticket().locator('.panel-head').click();
    await page.keyboard.press('b');
    await eventually(() => page.getByTestId('ticket-buy').getAttribute('aria-pressed')).toBe('true');
    // A letter typed in a field is text, not a side.
    await page.getByTestId('ticket-symbol').press('End');
    await page.getByTestId('ticket-symbol').press('s');
    expect(await page.getByTestId('ticket-buy').getAttribute('aria-pressed')).toBe('true');
    await page.getByTestId('ticket-symbol').fill(SYMBOL);
    await ticket().locator('.panel-head').click();
    await page.keyboard.press('Enter');
    const id = await acceptedOrderId(restingId);
    await eventually(() => cell(blotter(), id, 'quantity').textContent()).toBe('200');
    await screenshot('sent-with-enter');
    await ticket().locator('.panel-head').click();
    await page.keyboard.press('Escape');
    await eventually(() => page.getByTestId('ticket-quantity').inputValue()).toBe('100');
    expect(await page.getByTestId('ticket-limit-price').inputValue()).toBe('');
    keyboardOrderId = id;
  });
});

let keyboardOrderId = '';

describe('the desk head', () => {
  it('reads a trader’s order history and cancels all of that trader’s working orders', async () => {
    const desk = await session.openPage({ user: 'deskhead' });
    const deskBlotter = desk.getByTestId('order-blotter');
    await eventually(() => cell(deskBlotter, keyboardOrderId, 'status').textContent()).toBe('New');
    // A desk head watches: history, no amend or cancel per order.
    expect(await desk.getByTestId(`amend-${keyboardOrderId}`).count()).toBe(0);
    await desk.getByTestId(`history-${keyboardOrderId}`).click();
    await eventually(() => desk.locator('[data-testid=order-history] [data-testid=history-row]').count()).toBeGreaterThanOrEqual(2);

    await desk.getByTestId('cancel-all-trader-choice').selectOption('trader1');
    await desk.getByTestId('cancel-all-trader').click();
    await desk.getByTestId('cancel-all-confirm').waitFor();
    expect(await desk.getByTestId('cancel-all-confirm').textContent()).toContain('every working order of trader1');
    await desk.getByTestId('cancel-all-confirm-confirm').click();
    await eventually(() => desk.getByTestId('cancel-all-result').textContent()).toBe('1 cancel sent');
    await eventually(() => cell(deskBlotter, keyboardOrderId, 'status').textContent()).toBe('Canceled');
    await session.screenshot(desk, 'deskhead-cancel-all');
    // The trader sees it too.
    await eventually(() => cell(blotter(), keyboardOrderId, 'status').textContent()).toBe('Canceled');
    await desk.close();
  });
});
