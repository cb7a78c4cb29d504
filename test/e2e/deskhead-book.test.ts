import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pollFor } from '../support/browser.ts';
import { useBrowserSession } from '../support/e2eSession.ts';

/*
 * The desk head's client book and research in a real browser against a real
 * gateway (issue 6, "a desk head or admin sees all"): the desk head switches
 * from the desk monitor to Clients, sees the clients of every advisor with
 * an Advisor column and filter, opens one (allocation and performance
 * charts), writes and publishes a research note and sends it to one client
 * of advisor1 and one of advisor2, and sees both recipients listed. Then
 * advisor1, on a second page, finds the note in their client's activity and
 * sees only their own client among its recipients. Screenshots go to
 * test-results/deskhead-book-*.png.
 */

const NOTE_TITLE = 'E2E desk view: duration';

const session = useBrowserSession({ screenshotPrefix: 'deskhead-book' });
const { screenshot } = session;
const openAs = (user: string): Promise<Page> => session.openPage({ user });

const eventually = pollFor(30_000);

function cells(scope: Locator, colId: string): Locator {
  return scope.locator(`.ag-row .ag-cell[col-id="${colId}"]`);
}

describe("the desk head's client book and research", () => {
  let desk: Page;
  // One client of advisor1's and one of advisor2's, chosen from the desk head's list.
  const mine = { id: '', name: '' };
  const other = { id: '', name: '' };

  it('opens on the desk monitor and reaches Clients from the keyboard, where every advisor’s clients are listed', async () => {
    desk = await openAs('deskhead');
    await desk.getByTestId('desk-workspace').waitFor({ state: 'visible', timeout: 20_000 });
    expect(await desk.getByTestId('deskhead-tab-desk').getAttribute('aria-selected')).toBe('true');
    await screenshot(desk, 'monitor');

    await desk.getByTestId('deskhead-tab-desk').focus();
    await desk.keyboard.press('ArrowRight');
    await desk.locator('[data-testid=deskhead-workspace][data-view=clients]').waitFor();
    expect(await desk.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('deskhead-tab-clients');
    // The monitor is kept, hidden, for the way back.
    expect(await desk.getByTestId('desk-workspace').isVisible()).toBe(false);

    const list = desk.getByTestId('client-list');
    await eventually(() => list.locator('h2').textContent()).toMatch(/220 of 220/);
    await eventually(() => list.locator('.ag-header-cell[col-id="advisor"]').count()).toBe(1);
    // Sorted by name, the first screenful already mixes advisors.
    await eventually(async () => new Set(await cells(list, 'advisor').allTextContents()).size).toBeGreaterThan(1);
    const options = await desk.locator('[data-testid=client-advisor-filter] option').allTextContents();
    expect(options[0]).toBe('All advisors (220)');
    expect(options.slice(1).map((o) => o.replace(/ \(\d+\)$/, ''))).toEqual(['advisor1', 'advisor2', 'advisor3', 'advisor4']);
    expect(options.slice(1).reduce((n, o) => n + Number(/\((\d+)\)$/.exec(o)?.[1] ?? 0), 0)).toBe(220);
    await screenshot(desk, 'clients-all');
  });

  it('filters by advisor and opens a client with the allocation and performance charts', async () => {
    const list = desk.getByTestId('client-list');
    for (const [advisor, pick] of [
      ['advisor2', other],
      ['advisor1', mine],
    ] as const) {
      await desk.getByTestId('client-advisor-filter').selectOption(advisor);
      await eventually(async () => {
        const shown = await cells(list, 'advisor').allTextContents();
        return shown.length > 0 && shown.every((a) => a === advisor);
      }).toBe(true);
      const first = list.locator('.ag-row[row-index="0"]');
      pick.id = (await first.getAttribute('row-id')) ?? '';
      pick.name = (await first.locator('.ag-cell[col-id="name"]').textContent()) ?? '';
    }
    expect(mine.id).not.toBe('');
    expect(other.id).not.toBe('');
    await screenshot(desk, 'clients-advisor1');

    await list.locator(`.ag-row[row-id="${mine.id}"] .ag-cell[col-id="name"]`).dblclick();
    await desk.locator('[data-testid=advisor-workspace][data-opened=true]').waitFor({ timeout: 10_000 });
    await eventually(() => desk.getByTestId('client-name').textContent()).toBe(mine.name);
    await eventually(() => desk.getByTestId('client-aum').textContent()).toMatch(/^[\d,]+\.\d{2}$/);
    expect(await desk.getByTestId('client-advisor').textContent()).toBe(' · advisor1');
    for (const dim of ['assetClass', 'sector', 'region', 'currency']) {
      await eventually(() => desk.locator(`[data-testid=allocation-${dim}] svg path, [data-testid=allocation-${dim}] svg rect`).count()).toBeGreaterThan(0);
    }
    // The desk head has no rebalance screen: the client view offers none.
    expect(await desk.getByTestId('client-rebalance').count()).toBe(0);
    await screenshot(desk, 'client-overview');

    await desk.getByTestId('client-tab-performance').click();
    await eventually(() => desk.locator('[data-testid=performance-table] tbody tr').count()).toBeGreaterThanOrEqual(4);
    await eventually(() => desk.locator('[data-testid=growth-chart] canvas').count()).toBeGreaterThan(0);
    await screenshot(desk, 'client-performance');

    // Esc goes back to the list, still filtered to advisor1, the client still chosen.
    await desk.locator('body').press('Escape');
    await desk.locator('[data-testid=advisor-workspace][data-opened=false]').waitFor({ timeout: 10_000 });
    expect(await desk.getByTestId('client-advisor-filter').inputValue()).toBe('advisor1');
    await eventually(() => desk.getByTestId('client-detail').getAttribute('data-client-id')).toBe(mine.id);
  });

  it('publishes a research note and sends it to two clients of two advisors, both listed as recipients', async () => {
    await desk.getByTestId('deskhead-tab-research').click();
    await desk.locator('[data-testid=advisor-workspace][data-screen=research]').waitFor();
    await desk.getByTestId('research-new').click();
    // A note without a title is refused in the form, before the gateway.
    await desk.getByTestId('research-publish').click();
    await eventually(() => desk.getByTestId('research-publish-form').locator('[role=alert]').textContent()).toContain('A note needs a title.');

    await desk.getByTestId('research-title').fill(NOTE_TITLE);
    await desk.getByTestId('research-symbols').fill('tlt, ief');
    await desk.getByTestId('research-summary').fill('Long duration looks fair after the selloff.');
    await desk.getByTestId('research-body').fill('Ten-year yields price three cuts.\nWe add duration in balanced models.');
    await screenshot(desk, 'research-draft');
    await desk.getByTestId('research-publish').click();

    const note = desk.getByTestId('research-note').filter({ hasText: NOTE_TITLE });
    await eventually(() => note.count()).toBe(1);
    await eventually(() => note.getAttribute('class')).toContain('on');
    expect(await desk.locator('.research-note .panel-head').textContent()).toContain('TLT IEF');
    expect(await desk.getByTestId('research-deliveries').textContent()).toContain('Nobody yet.');

    for (const c of [mine, other]) {
      await desk.getByTestId('research-client-search').fill(c.id);
      await desk.locator('.pick-list label').filter({ hasText: c.id }).first().locator('input').check();
    }
    expect(await desk.locator('.research-send .panel-head h2').textContent()).toContain('2 chosen');
    await desk.getByTestId('research-send').click();
    await desk.locator('[data-testid=research-status][data-state=done]').waitFor({ timeout: 20_000 });
    expect(await desk.getByTestId('research-status').textContent()).toBe('Sent to 2 clients');
    const deliveries = desk.getByTestId('research-deliveries');
    await eventually(() => deliveries.locator('li').count()).toBe(2);
    const text = (await deliveries.textContent()) ?? '';
    expect(text).toContain(`${mine.name} (advisor1)`);
    expect(text).toContain(`${other.name} (advisor2)`);
    expect(await note.textContent()).toContain('sent to 2');
    await screenshot(desk, 'research-sent');

    // Back to the monitor, which was kept.
    await desk.getByTestId('deskhead-tab-desk').click();
    await desk.getByTestId('desk-workspace').waitFor({ state: 'visible' });
  });

  it("advisor1 finds the note in their client's activity, and among its recipients only their own client", async () => {
    const advisor = await openAs('advisor1');
    await eventually(() => advisor.locator('[data-testid=client-list] .ag-row').count()).toBeGreaterThan(5);
    // advisor1's list has no Advisor column: the change is the desk head's only.
    expect(await advisor.locator('[data-testid=client-list] .ag-header-cell[col-id="advisor"]').count()).toBe(0);
    expect(await advisor.getByTestId('client-advisor-filter').count()).toBe(0);
    await advisor.getByTestId('client-search').fill(mine.id);
    await advisor.getByTestId('client-search').press('Enter');
    await advisor.locator('[data-testid=advisor-workspace][data-opened=true]').waitFor({ timeout: 10_000 });
    await eventually(() => advisor.getByTestId('client-name').textContent()).toBe(mine.name);
    expect(await advisor.getByTestId('client-advisor').count()).toBe(0);
    await advisor.getByTestId('client-tab-activity').click();
    const item = advisor.locator('[data-testid=activity-item][data-kind=research]').filter({ hasText: NOTE_TITLE });
    await eventually(() => item.count()).toBe(1);
    expect(await item.textContent()).toContain('deskhead');
    await screenshot(advisor, 'advisor-activity');

    await advisor.getByTestId('advisor-research').click();
    const note = advisor.getByTestId('research-note').filter({ hasText: NOTE_TITLE });
    await eventually(() => note.count()).toBe(1);
    await note.click();
    await eventually(() => advisor.getByTestId('research-deliveries').textContent()).toContain(mine.name);
    expect(await advisor.getByTestId('research-deliveries').textContent()).not.toContain(other.name);
    // An advisor reads and sends notes; publishing is the desk's.
    expect(await advisor.getByTestId('research-new').count()).toBe(0);
    await screenshot(advisor, 'advisor-research');
    await advisor.close();
    await desk.close();
  });
});
