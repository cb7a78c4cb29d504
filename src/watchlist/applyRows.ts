import type { GridApi } from 'ag-grid-community';

/**
 * Hands one conflated batch of changed rows to the grid.
 *
 * While the rows are in their own order (no sort, no filter), each row node
 * takes its new data with `updateData`: exactly what `applyTransaction` does
 * for an update, cells refreshed and flashed, minus the row-model refresh that
 * follows it, which has nothing to reorder then. That refresh is not free here:
 * ag-grid-react 36 answers it by calling React state setters with unchanged
 * values on the row containers and grid body, and React 19 keeps every such
 * bailed-out update queued on components that never render again — at 5,000
 * updates/s a leak of about 15 KiB/s even with the rows rebuilt every 30 s
 * (measured with test/bench/watchlist.browser.bench.ts --leak-check).
 *
 * When a sort or filter is on, the model must run, so the batch goes in as one
 * transaction. A row the grid does not hold yet also goes that way.
 */
export function applyRowUpdates<T>(api: Pick<GridApi<T>, 'getRowNode' | 'applyTransaction'>, rows: readonly T[], idOf: (row: T) => string, ordered: boolean): void {
  if (rows.length === 0) return;
  if (ordered) {
    api.applyTransaction({ update: [...rows] });
    return;
  }
  const missing: T[] = [];
  for (const row of rows) {
    const node = api.getRowNode(idOf(row));
    if (node) node.updateData(row);
    else missing.push(row);
  }
  if (missing.length > 0) api.applyTransaction({ update: missing });
}

/** Whether the grid shows rows in an order of its own (a sort) or a subset (a filter). */
export function isOrdered(api: Pick<GridApi, 'getColumnState' | 'isAnyFilterPresent'>): boolean {
  return api.isAnyFilterPresent() || api.getColumnState().some((c) => c.sort != null);
}
