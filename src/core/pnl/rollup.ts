/**
 * Roll-up of P&L rows along a key path (desk → trader → book → instrument):
 * a tree whose every group carries the sums of its rows. ag-grid Community
 * has no row grouping, so the desk monitor builds the tree here and shows it
 * flattened (rollupFlatten.ts).
 *
 * Sums across currencies are meaningless, so the caller names the one
 * currency of the roll-up and any row in another is refused (convert with
 * toBaseReport first). Groups are ordered by key so the tree does not shuffle
 * when updates arrive in another order; rows keep their input order.
 */
import type { Decimal } from '../decimal.ts';
import { ZERO } from '../decimal.ts';

/** Names of the fields of R whose values are of type V. */
export type FieldsOfType<R, V> = { [P in keyof R]-?: R[P] extends V ? P : never }[keyof R] & string;

export interface RollupSpec<R, K extends FieldsOfType<R, string>, M extends FieldsOfType<R, Decimal>> {
  readonly currency: string;
  /** Outermost first, e.g. ['desk', 'trader', 'book', 'symbol']. */
  readonly keyPath: readonly K[];
  /** The amounts summed at every level, e.g. ['realized', 'unrealized', 'fees', 'net']. */
  readonly measures: readonly M[];
}

export type Totals<M extends string> = Readonly<Record<M, Decimal>>;

export interface RollupGroup<R, M extends string> {
  readonly kind: 'group';
  /** The field this level groups by. */
  readonly field: string;
  readonly value: string;
  /** Key values from the top down to this group, itself included. */
  readonly path: readonly string[];
  readonly totals: Totals<M>;
  readonly rowCount: number;
  readonly children: readonly RollupNode<R, M>[];
}

export interface RollupRow<R> {
  readonly kind: 'row';
  readonly row: R;
}

export type RollupNode<R, M extends string> = RollupGroup<R, M> | RollupRow<R>;

export interface RollupTree<R, M extends string> {
  readonly currency: string;
  readonly totals: Totals<M>;
  readonly rowCount: number;
  readonly children: readonly RollupNode<R, M>[];
}

export type RollupResult<R, M extends string> =
  | { ok: true; tree: RollupTree<R, M> }
  | { ok: false; reason: 'mixedCurrencies'; foreignCurrencies: readonly string[] };

function totalsOf<R, M extends FieldsOfType<R, Decimal>>(rows: readonly R[], measures: readonly M[]): Totals<M> {
  const totals = {} as Record<M, Decimal>;
  for (const m of measures) totals[m] = ZERO;
  for (const row of rows) for (const m of measures) totals[m] = totals[m].plus(row[m] as Decimal);
  return totals;
}

function groupLevel<R, K extends FieldsOfType<R, string>, M extends FieldsOfType<R, Decimal>>(
  rows: readonly R[],
  keys: readonly K[],
  measures: readonly M[],
  parentPath: readonly string[],
): RollupNode<R, M>[] {
  const [field, ...deeper] = keys;
  if (field === undefined) return rows.map((row) => ({ kind: 'row', row }));
  const byValue = new Map<string, R[]>();
  for (const row of rows) {
    const value = row[field] as string;
    const bucket = byValue.get(value);
    if (bucket === undefined) byValue.set(value, [row]);
    else bucket.push(row);
  }
  const values = [...byValue.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return values.map((value) => {
    const members = byValue.get(value) ?? [];
    const path = [...parentPath, value];
    return {
      kind: 'group',
      field,
      value,
      path,
      totals: totalsOf(members, measures),
      rowCount: members.length,
      children: groupLevel(members, deeper, measures, path),
    };
  });
}

export function rollUp<R extends { readonly currency: string }, K extends FieldsOfType<R, string>, M extends FieldsOfType<R, Decimal>>(
  rows: readonly R[],
  spec: RollupSpec<R, K, M>,
): RollupResult<R, M> {
  const foreign = [...new Set(rows.map((r) => r.currency).filter((c) => c !== spec.currency))];
  if (foreign.length > 0) return { ok: false, reason: 'mixedCurrencies', foreignCurrencies: foreign };
  return {
    ok: true,
    tree: {
      currency: spec.currency,
      totals: totalsOf(rows, spec.measures),
      rowCount: rows.length,
      children: groupLevel(rows, spec.keyPath, spec.measures, []),
    },
  };
}
