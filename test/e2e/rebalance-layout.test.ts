import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pollFor, SHOTS } from '../support/browser.ts';
import { useBrowserSession } from '../support/e2eSession.ts';

/*
 * The rebalance screen on a laptop: every block order of a proposal with more
 * than ten blocks must be read in full. The block grid sizes itself to its rows;
 * it used to lose the lower half of its last row under the grid's own horizontal
 * scroll strip (overlay scrollbars) whenever its columns were wider than the
 * panel. Screenshots: test-results/rebalance-layout-*.png.
 */

const session = useBrowserSession({ defaultTimeoutMs: 10_000 });
const eventually = pollFor(30_000);

interface Box {
  top: number;
  bottom: number;
}

interface BlockLayout {
  /** The part of the grid's body nothing of the grid's own covers: the body viewport less a shown scroll strip laid over it. */
  visible: Box;
  /** The heading of the per-account lines under the blocks. */
  perAccount: Box;
  rows: { index: string; symbol: string; top: number; bottom: number; topSeen: boolean; bottomSeen: boolean }[];
  /** Whether the block columns are wider than the panel (the grid scrolls sideways). */
  scrollsSideways: boolean;
  /** Whether the grid shows its horizontal scroll strip. */
  stripShown: boolean;
}

/** Reads the block grid's geometry in the page: boxes, and what is really painted at each row's top and bottom edge. */
function readBlockLayout(page: Page): Promise<BlockLayout> {
  // A string, not a function: the page gets exactly this code, whatever the test runner's transform adds.
  return page.evaluate(`(() => {
    const grid = document.querySelector('[data-testid=rebalance-blocks]');
    const viewport = grid.querySelector('.ag-grid-viewport');
    const header = grid.querySelector('.ag-header').getBoundingClientRect();
    const vp = viewport.getBoundingClientRect();
    let bottom = vp.bottom;
    const strip = grid.querySelector('.ag-body-horizontal-scroll');
    const stripStyle = strip && getComputedStyle(strip);
    const stripShown = !!stripStyle && stripStyle.display !== 'none' && stripStyle.visibility !== 'hidden';
    if (stripShown) {
      const s = strip.getBoundingClientRect();
      if (s.height > 0 && s.top < bottom && s.bottom > header.bottom) bottom = Math.min(bottom, s.top);
    }
    const h3 = [...document.querySelectorAll('.proposal-body h3')].find((h) => h.textContent.startsWith('Per account')).getBoundingClientRect();
    const seen = (row, x, y) => { const hit = document.elementFromPoint(x, y); return !!hit && row.contains(hit); };
    const rows = [...grid.querySelectorAll('.ag-row')].map((row) => {
      const b = row.getBoundingClientRect();
      const x = b.left + Math.min(b.width, 60) / 2;
      return {
        index: row.getAttribute('row-index'),
        symbol: row.querySelector('[col-id=symbol]').textContent,
        top: b.top,
        bottom: b.bottom,
        topSeen: seen(row, x, b.top + 2),
        bottomSeen: seen(row, x, b.bottom - 2),
      };
    });
    return {
      visible: { top: header.bottom, bottom },
      perAccount: { top: h3.top, bottom: h3.bottom },
      rows,
      scrollsSideways: viewport.scrollWidth > viewport.clientWidth,
      stripShown,
    };
  })()`);
}

/**
 * The layout once the rows rest: the grid slides rows into place after a new
 * proposal or a resize (row animation), so a row is measured only when it sits
 * at its index's place under the header.
 */
async function settledLayout(page: Page): Promise<BlockLayout> {
  let layout = await readBlockLayout(page);
  await eventually(async () => {
    layout = await readBlockLayout(page);
    const height = layout.rows[0] ? layout.rows[0].bottom - layout.rows[0].top : 0;
    return layout.rows.every((r) => Math.abs(r.top - (layout.visible.top + Number(r.index) * height)) < 0.05);
  }).toBe(true);
  return layout;
}

function expectEveryRowInSight(layout: BlockLayout, blocks: number): void {
  expect(layout.rows.length).toBe(blocks);
  for (const row of layout.rows) {
    const where = `block row ${row.index} (${row.symbol}) ${row.top}-${row.bottom} in the grid's visible ${layout.visible.top}-${layout.visible.bottom}`;
    expect(row.top, where).toBeGreaterThanOrEqual(layout.visible.top);
    expect(row.bottom, where).toBeLessThanOrEqual(layout.visible.bottom);
    expect(row.bottom, `${where}, above "Per account" at ${layout.perAccount.top}`).toBeLessThanOrEqual(layout.perAccount.top);
    // The boxes agree with what is painted: the row itself is what the eye meets at its top and bottom edge.
    expect(row.topSeen, `${where}: its top edge is painted`).toBe(true);
    expect(row.bottomSeen, `${where}: its bottom edge is painted`).toBe(true);
  }
}

/** Logs advisor1 in at the given window size and proposes a rebalance of the most drifted accounts that needs more than ten blocks. */
async function proposeMoreThanTenBlocks(width: number): Promise<{ page: Page; blocks: number }> {
  const page = await session.openPage({ viewport: { width, height: 800 }, user: 'advisor1' });
  await page.getByTestId('advisor-rebalance').click();
  await page.locator('[data-testid=advisor-workspace][data-screen=rebalance]').waitFor();

  // Tick the most drifted accounts one by one until their proposal needs more than ten blocks.
  const blockRows = page.locator('[data-testid=rebalance-blocks] .ag-row');
  let blocks = 0;
  for (let i = 0; blocks <= 10; i += 1) {
    expect(i, 'the seeded book has accounts enough for more than ten blocks').toBeLessThan(8);
    await page.locator(`.rebalance-accounts .ag-row[row-index="${i}"] input[type=checkbox]`).check();
    await page.getByTestId('rebalance-propose').click();
    await page.locator('[data-testid=rebalance-proposal-status][data-state=done]').waitFor({ timeout: 30_000 });
    await eventually(async () => (await page.getByTestId('rebalance-proposal-status').textContent()) ?? '').toContain(`${i + 1} accounts`);
    const text = (await page.getByTestId('rebalance-proposal-status').textContent()) ?? '';
    blocks = Number(/(\d+) block orders/.exec(text)?.[1] ?? 0);
    await eventually(() => blockRows.count()).toBe(blocks);
  }
  expect(blocks).toBeGreaterThan(10);
  return { page, blocks };
}

describe('rebalance proposal with more than ten block orders', () => {
  let laptop: { page: Page; blocks: number };

  it('shows every block row in full at 1280×800, the columns fitting the panel', async () => {
    laptop = await proposeMoreThanTenBlocks(1280);
    const layout = await settledLayout(laptop.page);
    expect(layout.scrollsSideways, 'the block columns fit a 1280-wide laptop').toBe(false);
    expectEveryRowInSight(layout, laptop.blocks);
    await laptop.page.screenshot({ path: join(SHOTS, 'rebalance-layout-1280.png') });
  });

  it('still shows every block row in full when the panel is narrower than the block columns', async () => {
    // At 1100 wide the columns no longer fit: the grid scrolls sideways and shows its scroll strip, which is what used to hide the last row.
    const { page, blocks } = await proposeMoreThanTenBlocks(1100);
    const layout = await settledLayout(page);
    expect(layout.scrollsSideways).toBe(true);
    expect(layout.stripShown, 'the horizontal scroll strip is shown').toBe(true);
    expectEveryRowInSight(layout, blocks);
    await page.screenshot({ path: join(SHOTS, 'rebalance-layout-1100.png') });
    await page.close();
  });

  it('keeps every row in full once the blocks are sent and their status and text fill in', async () => {
    const { page, blocks } = laptop;
    await page.getByTestId('rebalance-send').click();
    await page.locator('[data-testid=rebalance-send-status]:is([data-state=done], [data-state=error])').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('rebalance-send-status').textContent()).toContain(`${blocks} block orders sent`);
    const orderIds = page.locator('[data-testid=rebalance-blocks] .ag-cell[col-id="orderId"]');
    await eventually(async () => (await orderIds.allTextContents()).filter((t) => t !== '').length).toBe(blocks);
    expectEveryRowInSight(await settledLayout(page), blocks);
    await page.screenshot({ path: join(SHOTS, 'rebalance-layout-sent.png') });
    await page.close();
  });
});
