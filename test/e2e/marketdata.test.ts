import { describe, expect, it } from 'vitest';
import { pollFor } from '../support/browser.ts';
import { useBrowserSession } from '../support/e2eSession.ts';

/*
 * Market data in a real browser against a real gateway: symbol search over the
 * instrument master, the depth ladder filling the ticket, the chart's interval
 * switch and scroll-back, and stale marking when the gateway stops (cleared by
 * fresh snapshots when it is back). Each step leaves a screenshot in
 * test-results/ (md-*.png).
 */


const session = useBrowserSession({ user: 'trader1', screenshotPrefix: 'md' });
const screenshot = (name: string): Promise<void> => session.screenshot(session.page, name);

const eventually = pollFor();

describe('market data in the terminal', () => {
  it('finds an instrument by words of its name, adds it to the watchlist and selects it everywhere', async () => {
    const { page } = session;
    const search = page.getByTestId('symbol-search-input');
    await search.click();
    await search.fill('foxhill micro');
    const hit = page.getByTestId('search-hit-FOMI.DE');
    await hit.waitFor();
    await screenshot('search-typeahead');
    await search.press('ArrowDown');
    await eventually(() => hit.getAttribute('aria-selected')).toBe('true');
    await search.press('Enter');

    await eventually(() => page.getByTestId('chart-symbol').textContent()).toBe('FOMI.DE');
    const row = page.locator('[data-testid=watchlist] .ag-row[row-id="FOMI.DE"]');
    await eventually(() => row.count()).toBeGreaterThan(0);
    await eventually(() => row.first().locator('.ag-cell[col-id="last"]').textContent()).toMatch(/^\d[\d,]*\.\d{3}$/);
    await eventually(() => page.getByTestId('ticket-symbol').inputValue()).toBe('FOMI.DE');
    expect(await search.inputValue()).toBe('');
    await screenshot('search-picked');
  });

  it('shows the depth ladder, and a click on a level sets the ticket’s side and limit price', async () => {
    const { page } = session;
    // Back to a symbol with a lot size of 100 and cent ticks.
    const search = page.getByTestId('symbol-search-input');
    await search.fill('AAPL');
    await search.press('Enter');
    await eventually(() => page.getByTestId('chart-symbol').textContent()).toBe('AAPL');
    const depth = page.getByTestId('depth');
    await eventually(() => depth.locator('.ladder-row.ask').count()).toBeGreaterThanOrEqual(5);
    await eventually(() => depth.locator('.ladder-row.bid').count()).toBeGreaterThanOrEqual(5);
    // Asks above bids, each side ordered away from the spread.
    const prices = (await depth.locator('.ladder-row').evaluateAll((rows) => rows.map((r) => Number((r as HTMLElement).dataset.price)))).filter((p) => !Number.isNaN(p));
    expect(prices).toEqual([...prices].sort((a, b) => b - a));
    await screenshot('depth-ladder');

    // The book moves several times a second and a level's row is replaced when its price leaves the book: find
    // the row, read its price and click it in one synchronous step in the page (n < 0 counts from the end).
    const clickLevel = (side: 'bid' | 'ask', n: number): Promise<string> =>
      depth.evaluate(
        (root, [s, i]) => {
          const rows = [...root.querySelectorAll<HTMLElement>(`.ladder-row.${s}`)];
          const el = i < 0 ? rows[rows.length + i] : rows[i];
          if (!el) return '';
          el.click();
          return el.dataset.price ?? '';
        },
        [side, n] as const,
      );
    const bidPrice = await clickLevel('bid', 2);
    expect(bidPrice).toMatch(/^\d+\.\d+$/);
    await eventually(() => page.getByTestId('ticket-sell').getAttribute('aria-pressed')).toBe('true');
    await eventually(() => page.getByTestId('ticket-limit').getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByTestId('ticket-limit-price').inputValue()).toBe(bidPrice);
    await screenshot('ladder-bid-to-ticket');

    const askPrice = await clickLevel('ask', -1);
    expect(askPrice).toMatch(/^\d+\.\d+$/);
    await eventually(() => page.getByTestId('ticket-buy').getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByTestId('ticket-limit-price').inputValue()).toBe(askPrice);
    expect(await page.getByTestId('ticket-symbol').inputValue()).toBe('AAPL');
    await screenshot('ladder-ask-to-ticket');
  });

  it('switches the chart interval and loads that interval’s bars, and scrolls back for older ones', async () => {
    const { page } = session;
    const chart = page.getByTestId('chart');
    for (const interval of ['1m', '1s', '1h'] as const) {
      await page.getByTestId(`interval-${interval}`).click();
      await eventually(() => chart.getAttribute('data-interval')).toBe(interval);
      await eventually(async () => Number(await chart.getAttribute('data-bars'))).toBeGreaterThan(0);
      expect(await page.getByTestId(`interval-${interval}`).getAttribute('aria-pressed')).toBe('true');
    }
    await page.getByTestId('interval-1m').click();
    await eventually(() => chart.getAttribute('data-interval')).toBe('1m');
    await eventually(async () => Number(await chart.getAttribute('data-bars'))).toBeGreaterThan(0);
    // Bars one minute apart, so the 1m history really is what is drawn.
    const oldest = Number(await chart.getAttribute('data-oldest'));
    expect(oldest % 60).toBe(0);
    await screenshot('chart-1m');

    // Drag the chart to the right, into the past, until it has fetched the page before its oldest bar.
    const before = Number(await chart.getAttribute('data-bars'));
    const canvas = page.getByTestId('chart-canvas');
    const box = await canvas.boundingBox();
    if (!box) throw new Error('the chart has no box');
    await eventually(async () => {
      await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.5);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width * 0.9, box.y + box.height * 0.5, { steps: 8 });
      await page.mouse.up();
      return Number(await chart.getAttribute('data-oldest'));
    }).toBeLessThan(oldest);
    expect(Number(await chart.getAttribute('data-bars'))).toBeGreaterThan(before);
    await screenshot('chart-scrolled-back');
  });

  it('marks every quote stale when the gateway stops, and shows fresh ones again after the reconnect', async () => {
    const { page } = session;
    const watchlist = page.getByTestId('watchlist');
    await eventually(() => watchlist.locator('.ag-row.row-stale').count()).toBe(0);
    expect(await page.getByTestId('depth').getAttribute('data-stale')).toBe('false');

    await session.stopGateway();
    await page.locator('[data-testid=connection-status][data-status=reconnecting]').waitFor({ timeout: 20_000 });
    await eventually(() => page.getByTestId('watchlist-stale').textContent()).toMatch(/^\d+ stale$/);
    const rows = await watchlist.locator('.ag-row').count();
    await eventually(() => watchlist.locator('.ag-row.row-stale').count()).toBe(rows);
    await eventually(() => page.getByTestId('depth').getAttribute('data-stale')).toBe('true');
    await page.getByTestId('depth-stale').waitFor();
    await page.getByTestId('chart-stale').waitFor();
    await screenshot('stale-gateway-stopped');

    await session.restartGateway();
    await page.locator('[data-testid=connection-status][data-status=online]').waitFor({ timeout: 30_000 });
    await eventually(() => watchlist.locator('.ag-row.row-stale').count()).toBe(0);
    expect(await page.getByTestId('watchlist-stale').count()).toBe(0);
    await eventually(() => page.getByTestId('depth').getAttribute('data-stale')).toBe('false');
    await eventually(() => page.getByTestId('depth').locator('.ladder-row.bid').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('chart-stale').count()).toBe(0);
    await screenshot('fresh-after-reconnect');
  });
});
