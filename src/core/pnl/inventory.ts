/**
 * What is still open in a position, under one of two cost conventions:
 *
 * - average cost (the default, as most desks and brokers' statements show it):
 *   one quantity and one total cost; a reduction takes out cost in proportion.
 * - FIFO lots (what tax reports often require): a queue of lots; a reduction
 *   consumes the oldest lots first.
 *
 * An open holding is never empty: flat is `null`, so "quantity 0 but some
 * cost left" cannot be written down. Quantities are unsigned and the direction
 * is stated once; `cost` is Σ quantity × price × multiplier of what is open,
 * i.e. money in the instrument's currency.
 */
import type { Decimal } from '../decimal.ts';

export const COST_METHODS = ['averageCost', 'fifo'] as const;
export type CostMethod = (typeof COST_METHODS)[number];

export type Direction = 'long' | 'short';

export interface AverageHolding {
  readonly direction: Direction;
  /** > 0 */
  readonly quantity: Decimal;
  readonly cost: Decimal;
}

export interface Lot {
  /** > 0 */
  readonly quantity: Decimal;
  readonly price: Decimal;
}

export interface LotHolding {
  readonly direction: Direction;
  /** Oldest first; never empty. */
  readonly lots: readonly [Lot, ...Lot[]];
}

export type Inventory =
  | { readonly method: 'averageCost'; readonly open: AverageHolding | null }
  | { readonly method: 'fifo'; readonly open: LotHolding | null };

/** The result of taking quantity out of a holding: the cost that left, and what stays. */
export interface Reduction<H> {
  readonly removedCost: Decimal;
  readonly rest: H | null;
}
