import type { GridApi, GridReadyEvent } from 'ag-grid-community';
import { useCallback, useRef } from 'react';

/**
 * A grid's api for a toolbar outside the grid (CSV export): `onGridReady`
 * goes on the grid, `api` on the button. A ref, so a grid's readiness does
 * not re-render its panel.
 */
export function useGridApi<T>(): { api: () => GridApi<T> | null; onGridReady: (e: GridReadyEvent<T>) => void } {
  const ref = useRef<GridApi<T> | null>(null);
  const onGridReady = useCallback((e: GridReadyEvent<T>) => {
    ref.current = e.api;
  }, []);
  const api = useCallback(() => ref.current, []);
  return { api, onGridReady };
}
