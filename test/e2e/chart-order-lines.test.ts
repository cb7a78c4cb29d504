import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Decimal, dec, toWire } from '../../src/core/decimal.ts';
import { pollFor, SHOTS } from '../support/browser.ts';
import { useBrowserSession } from '../support/e2eSession.ts';

/*
 * Many working orders on a narrow chart (1280×800): orders at one price and
 * side share a line, at most eight lines are drawn (those nearest the last
 * price) and the corner counts the rest; a shared line cannot be dragged and
 * says so. Screenshot: test-results/chart-order-lines.png.
 */

const SYMBOL = 'AAPL';
const eventually = pollFor(30_000);

// trader1 in the browser, and trader1 again over the protocol to place the orders the chart shows.
const session = useBrowserSession({ user: 'trader1', clients: ['trader1'], viewport: { width: 1280, height: 800 }, defaultTimeoutMs: 10_000 });

// Written as the wire writes a price (trailing zeros dropped: "245.3", not "245.30"), which is how the chart's
// lines, their test ids and tooltips name it; a price like 245.30 made the test miss its own line.
const cents = (d: Decimal): string => toWire(d.toDecimalPlaces(2));

/** Places a resting limit order for trader1 over the protocol; the browser session sees it on its order stream. */
async function rest(n: number, side: 'buy' | 'sellShort', price: string): Promise<void> {
  const trader = session.client('trader1');
  // trader1 starts flat, so the sells are short sales, with a locate.
  const locate = side === 'sellShort' ? { locate: 'LOC-E2E' } : {};
  const answer = await trader.request({ type: 'placeOrder', clOrdId: `lines-${n}`, order: { symbol: SYMBOL, side, type: 'limit', quantity: '100', limitPrice: price, account: 'T1-MAIN', ...locate } });
  expect(answer.type === 'execReport' && answer.report.order.status, JSON.stringify(answer)).not.toBe('rejected');
  if (answer.type !== 'execReport') throw new Error(`not placed: ${JSON.stringify(answer)}`);
  const { orderId } = answer.report.order;
  // Working at the venue (it rests: nothing trades through it).
  await trader.next('execReport', (m) => m.report.order.orderId === orderId && m.report.execType === 'new', 20_000);
}

describe('a narrow chart with many working orders', () => {
  let sharedBuy = '';

  it('draws three buys at one price as one line "BUY 3 · 300", at most eight lines, and counts the rest', async () => {
    const { page } = session;
    await page.getByTestId('ticket-symbol').fill(SYMBOL);
    await eventually(() => page.getByTestId('chart-symbol').textContent()).toBe(SYMBOL);
    await eventually(async () => (await page.getByTestId('ticket-bid').getAttribute('data-price')) ?? '').toMatch(/^\d+\.\d{2}$/);
    const bid = dec((await page.getByTestId('ticket-bid').getAttribute('data-price')) ?? '0');
    const ask = dec((await page.getByTestId('ticket-ask').getAttribute('data-price')) ?? '0');

    // Three buys at one price just under the market, two sells at one price just over it,
    // and ten single buys further and further down: twelve lines in all.
    sharedBuy = cents(bid.times('0.995'));
    const sharedSell = cents(ask.times('1.005'));
    let n = 0;
    for (let i = 0; i < 3; i += 1) await rest((n += 1), 'buy', sharedBuy);
    for (let i = 0; i < 2; i += 1) await rest((n += 1), 'sellShort', sharedSell);
    const singles: string[] = [];
    for (let i = 1; i <= 10; i += 1) singles.push(cents(bid.times(dec('0.99').minus(dec('0.004').times(i)))));
    for (const p of singles) await rest((n += 1), 'buy', p);

    const chips = page.locator('[data-testid=chart-order-lines] .order-line-chip');
    await eventually(() => page.getByTestId('chart-order-lines-more').textContent()).toBe('+4 more orders');
    expect(await chips.count()).toBe(8);
    const shared = page.getByTestId(`chart-line-shared-buy-${sharedBuy}`);
    expect(await shared.getAttribute('data-orders')).toBe('3');
    expect(await shared.textContent()).toMatch(/^BUY 3 · 300 /);
    expect(await shared.getAttribute('title')).toContain('cannot be dragged');
    expect(await page.getByTestId(`chart-line-shared-sell-${sharedSell}`).textContent()).toMatch(/^SHORT 2 · 200 /);
    // The four buys furthest from the market are the ones left off.
    for (const p of singles.slice(0, 6)) expect(await page.locator(`[data-testid=chart-order-lines] [data-price="${p}"]`).count()).toBe(1);
    for (const p of singles.slice(6)) expect(await page.locator(`[data-testid=chart-order-lines] [data-price="${p}"]`).count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'chart-order-lines.png') });
  });

  it('does not drag a shared line: no grab cursor over it, its tooltip says why, and a drag opens no amend', async () => {
    const { page } = session;
    const canvas = page.getByTestId('chart-canvas');
    const box = await canvas.boundingBox();
    expect(box).not.toBeNull();
    if (!box) return;
    const x = box.x + box.width * 0.4;
    // The lines are drawn on a canvas: find the shared one by the tooltip the pointer gets over it.
    let sharedY = -1;
    for (let y = box.y + 5; y < box.y + box.height - 30 && sharedY < 0; y += 2) {
      await page.mouse.move(x, y);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null)))));
      const title = (await canvas.getAttribute('title')) ?? '';
      if (title.includes(`at ${sharedBuy}`)) {
        sharedY = y;
        expect(title).toContain('cannot be dragged');
        expect(await canvas.evaluate((el) => (el as HTMLElement).style.cursor)).not.toBe('ns-resize');
      }
    }
    expect(sharedY, 'the shared line is on the chart').toBeGreaterThan(0);
    await page.mouse.down();
    await page.mouse.move(x, sharedY - 30, { steps: 5 });
    await page.mouse.up();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null)))));
    expect(await page.getByTestId('amend-dialog').count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'chart-order-lines-shared-hover.png') });
  });
});
