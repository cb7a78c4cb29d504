/**
 * Row identity for the grids fed by order events (blotters, positions, the
 * desk monitor). They give ag-grid immutable data with getRowId: a row whose
 * object is the one it already holds is left alone, any other is a data
 * change (cells refreshed, and with the auto-size module a timer per row).
 * Rebuilding every row on each event made one order event ~5 row updates
 * for a trader and ~15 for a desk head; keeping the object of what did not
 * change makes it the changed rows only.
 */

/**
 * A row built from `key` (an object the stream replaces only when it
 * changes: an order, an execution report, a position) and `inputs` (what
 * else the row reads: the instrument, a mark). The same key with inputs
 * `same` as last time gives back the same row object. Held weakly: an order
 * the stream has replaced takes its row with it.
 */
export function rowMemo<K extends object, I, R>(build: (key: K, inputs: I) => R, same: (a: I, b: I) => boolean = Object.is): (key: K, inputs: I) => R {
  const rows = new WeakMap<K, { inputs: I; row: R }>();
  return (key, inputs) => {
    const held = rows.get(key);
    if (held !== undefined && same(held.inputs, inputs)) return held.row;
    const row = build(key, inputs);
    rows.set(key, { inputs, row });
    return row;
  };
}

/** Same own fields, compared with Object.is: rows of text, numbers and flags. */
export function shallowEqual(a: object, b: object): boolean {
  if (a === b) return true;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const k of keys) {
    if (!Object.hasOwn(b, k) || !Object.is((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}

/**
 * For rows rebuilt from a whole new picture (the desk roll-up and limits
 * come again complete a few times a second): each row equal to the row of
 * the same id last time is that previous object, so only the rows whose
 * figures moved reach the grid as changes. Returns `next` itself when no
 * row could be kept.
 */
export function keepUnchangedRows<R extends object>(
  previous: ReadonlyMap<string, R>,
  next: R[],
  idOf: (row: R) => string,
  equal: (a: R, b: R) => boolean = shallowEqual,
): R[] {
  if (previous.size === 0) return next;
  let out: R[] | null = null;
  for (let i = 0; i < next.length; i += 1) {
    const row = next[i] as R;
    const was = previous.get(idOf(row));
    if (was === undefined || was === row || !equal(was, row)) continue;
    out ??= next.slice();
    out[i] = was;
  }
  return out ?? next;
}

/** The rows by id, for the next keepUnchangedRows. */
export function rowsById<R>(rows: readonly R[], idOf: (row: R) => string): Map<string, R> {
  const byId = new Map<string, R>();
  for (const row of rows) byId.set(idOf(row), row);
  return byId;
}

/** The same row objects in the same order. */
export function sameRows<R>(a: readonly R[], b: readonly R[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}
