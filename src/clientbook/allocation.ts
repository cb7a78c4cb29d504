import { type Decimal, ZERO, sum } from '../core/decimal.ts';
import { ASSET_CLASS_LABEL } from './bookFormat.ts';
import type { LivePortfolio } from './liveHoldings.ts';

/** The four ways an advisor looks at where a client's money is. */
export const ALLOCATION_DIMENSIONS = ['assetClass', 'sector', 'region', 'currency'] as const;
export type AllocationDimension = (typeof ALLOCATION_DIMENSIONS)[number];

export const DIMENSION_LABEL: Record<AllocationDimension, string> = {
  assetClass: 'Asset class',
  sector: 'Sector',
  region: 'Region',
  currency: 'Currency',
};

export interface AllocationSlice {
  readonly label: string;
  readonly value: Decimal;
  /** Share of the whole, 0..1, exact. */
  readonly weight: Decimal;
}

/**
 * A client's assets split along one dimension at live prices, largest first.
 * Cash is a slice of its own by asset class and sector, and belongs to its
 * account's currency (and that currency's region is unknown here, so it is
 * "Cash" there too). The slices always add up to the AUM.
 */
export function allocationOf(p: LivePortfolio, dimension: AllocationDimension): AllocationSlice[] {
  const buckets = new Map<string, Decimal>();
  const add = (label: string, value: Decimal) => buckets.set(label, (buckets.get(label) ?? ZERO).plus(value));
  for (const a of p.accounts) if (!a.cash.isZero()) add(dimension === 'currency' ? a.account.currency : 'Cash', a.cash);
  for (const h of p.holdings) {
    const raw = h[dimension];
    const label = dimension === 'assetClass' ? (ASSET_CLASS_LABEL[raw] ?? raw) : raw.trim() === '' ? 'Unclassified' : raw;
    add(label, h.marketValue);
  }
  return slicesOf(buckets);
}

/** Buckets to slices with exact weights, largest first, ties by name so the order is stable. */
export function slicesOf(buckets: ReadonlyMap<string, Decimal>): AllocationSlice[] {
  const total = sum(buckets.values());
  return [...buckets.entries()]
    .filter(([, v]) => !v.isZero())
    .map(([label, value]) => ({ label, value, weight: total.isZero() ? ZERO : value.div(total) }))
    .sort((a, b) => b.value.comparedTo(a.value) || a.label.localeCompare(b.label));
}

/** Keeps the `max - 1` largest slices and folds the rest into "Other", so a chart stays readable. */
export function foldSmallSlices(slices: readonly AllocationSlice[], max: number): AllocationSlice[] {
  if (slices.length <= max) return [...slices];
  const kept = slices.slice(0, max - 1);
  const rest = slices.slice(max - 1);
  return [...kept, { label: 'Other', value: sum(rest.map((s) => s.value)), weight: sum(rest.map((s) => s.weight)) }];
}
