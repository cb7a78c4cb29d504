import { useMemo, useRef } from 'react';
import { keepUnchangedRows, rowsById, sameRows } from './rowMemo.ts';

/**
 * `rows` with every row equal to the one of the same id in the previous
 * render replaced by that previous object (see keepUnchangedRows): for grids
 * whose rows are rebuilt from a whole new picture each time. When nothing
 * changed at all, the previous array itself (see useSameRows).
 */
export function useStableRows<R extends object>(rows: R[], idOf: (row: R) => string): R[] {
  const previous = useRef<ReadonlyMap<string, R>>(new Map());
  const kept = useMemo(() => {
    const out = keepUnchangedRows(previous.current, rows, idOf);
    previous.current = rowsById(out, idOf);
    return out;
    // idOf reads the row's own id: a module constant at every call site, so only new rows recompute.
  }, [rows]);
  return useSameRows(kept);
}

/**
 * The previous render's array when `rows` holds the same objects in the
 * same order: a new array is a rowData update to ag-grid (a pass over every
 * row, and with the auto-size module a timer) even when no row changed, as
 * when a price moves that no position is in.
 */
export function useSameRows<R>(rows: R[]): R[] {
  const previous = useRef(rows);
  if (!sameRows(previous.current, rows)) previous.current = rows;
  return previous.current;
}
