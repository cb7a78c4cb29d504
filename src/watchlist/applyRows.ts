import type { GridApi, IRowNode } from 'ag-grid-community';

/**
 * Hands one conflated batch of changed rows to the grid, and returns the row
 * objects the grid now holds for them (keep those: the next list change then
 * hands the grid the very objects it has, and nothing is redrawn).
 *
 * While the rows are in their own order (no sort, no filter), a row whose
 * look as a row is unchanged (`rowChanged` false: the same row classes) takes
 * its new values into the object the grid holds, and the batch's cells are
 * refreshed in one `refreshCells`: each changed cell is redrawn and flashed as
 * on any update. Neither `updateData` nor a transaction is used for them:
 *
 * - `updateData` announces `rowNodeDataChanged` for every row, and
 *   ag-grid-react 36 answers each with its own `setTimeout` (a column
 *   auto-size check, RenderStatusService): 5,000 timer tasks a second at
 *   5,000 updates/s, about 30 ms/s of timer callbacks plus a task each
 *   (test/bench/watchlist.browser.bench.ts, docs/benchmarks.md).
 * - A transaction refreshes the row model, which ag-grid-react 36 answers with
 *   React state setters of unchanged values that React 19 keeps queued on
 *   components that never render again: a leak of about 15 KiB/s at this rate.
 *
 * A row whose row classes change (a quote turning stale) goes through
 * `updateData`, which redraws the row itself. When a sort or filter is on, the
 * model must run, so the batch goes in as one transaction, as does a row the
 * grid does not hold yet.
 */
export function applyRowUpdates<T extends object>(
  api: Pick<GridApi<T>, 'getRowNode' | 'applyTransaction' | 'refreshCells'>,
  rows: readonly T[],
  idOf: (row: T) => string,
  ordered: boolean,
  rowChanged: (held: T, next: T) => boolean,
): T[] {
  if (rows.length === 0) return [];
  if (ordered) {
    api.applyTransaction({ update: [...rows] });
    return [...rows];
  }
  const held: T[] = [];
  const missing: T[] = [];
  const refreshed: IRowNode<T>[] = [];
  for (const row of rows) {
    const node = api.getRowNode(idOf(row));
    const data = node?.data;
    if (!node || !data) {
      missing.push(row);
      held.push(row);
    } else if (rowChanged(data, row)) {
      node.updateData(row);
      held.push(row);
    } else {
      Object.assign(data, row);
      refreshed.push(node);
      held.push(data);
    }
  }
  if (refreshed.length > 0) api.refreshCells({ rowNodes: refreshed });
  if (missing.length > 0) api.applyTransaction({ update: missing });
  return held;
}

/** Whether the grid shows rows in an order of its own (a sort) or a subset (a filter). */
export function isOrdered(api: Pick<GridApi, 'getColumnState' | 'isAnyFilterPresent'>): boolean {
  return api.isAnyFilterPresent() || api.getColumnState().some((c) => c.sort != null);
}
