import type { Decimal } from './decimal.ts';
import { type TickRule, baseTickOf, tickBands } from './tickTable.ts';

/**
 * A tick rule in integers, for hot paths (simulator, matching): prices are
 * counted in units of the rule's finest tick, and each band holds its start
 * and its tick in those units. Every band starts on the grid of the band below
 * and of its own, so stepping and rounding never leave the grid.
 */
export interface TickLadder {
  /** The price of one unit. */
  readonly unit: Decimal;
  /** Band starts in units, ascending; the first is 0. */
  readonly from: readonly number[];
  /** Band ticks in units. */
  readonly tick: readonly number[];
}

export function tickLadder(rule: TickRule): TickLadder {
  const unit = baseTickOf(rule);
  const bands = tickBands(rule);
  const whole = (d: Decimal, what: string): number => {
    const n = d.div(unit);
    if (!n.isInteger()) throw new Error(`tick ladder: ${what} ${d.toFixed()} is not a whole number of ${unit.toFixed()}`);
    return n.toNumber();
  };
  const from = bands.map((b) => whole(b.from, 'band start'));
  const tick = bands.map((b) => whole(b.tick, 'tick'));
  for (let k = 1; k < from.length; k++) {
    if (from[k]! % tick[k]! !== 0 || from[k]! % tick[k - 1]! !== 0) throw new Error(`tick ladder: band start ${bands[k]!.from.toFixed()} is off the grid`);
  }
  return { unit, from, tick };
}

/** Index of the band holding `units` (0 for anything below the second band). */
export function bandOf(ladder: TickLadder, units: number): number {
  const from = ladder.from;
  let k = from.length - 1;
  while (k > 0 && units < from[k]!) k--;
  return k;
}

export function tickAt(ladder: TickLadder, units: number): number {
  return ladder.tick[bandOf(ladder, units)]!;
}

export function isOnLadder(ladder: TickLadder, units: number): boolean {
  const k = bandOf(ladder, units);
  return (units - ladder.from[k]!) % ladder.tick[k]! === 0;
}

/** The highest grid price at or below `units` (an integer). */
export function floorToGrid(ladder: TickLadder, units: number): number {
  const k = bandOf(ladder, units);
  const start = ladder.from[k]!;
  const tick = ladder.tick[k]!;
  return start + Math.floor((units - start) / tick) * tick;
}

/** The next grid price above the grid price `units`. */
export function stepUp(ladder: TickLadder, units: number): number {
  return units + tickAt(ladder, units);
}

/** The next grid price below the grid price `units`: on a band's start, the band below sets the step. */
export function stepDown(ladder: TickLadder, units: number): number {
  return units - tickAt(ladder, units - 1);
}

export function stepsUp(ladder: TickLadder, units: number, n: number): number {
  let u = units;
  for (let k = 0; k < n; k++) u = stepUp(ladder, u);
  return u;
}

export function stepsDown(ladder: TickLadder, units: number, n: number): number {
  let u = units;
  for (let k = 0; k < n; k++) u = stepDown(ladder, u);
  return u;
}

/**
 * A real-valued price in units to a neighbouring grid price, up with the
 * probability of its distance from the one below (`draw` uniform in [0, 1)).
 * Unbiased, so moves smaller than a tick still add up instead of vanishing.
 */
export function roundToGridRandomly(ladder: TickLadder, units: number, draw: number): number {
  const below = floorToGrid(ladder, Math.floor(units));
  const above = stepUp(ladder, below);
  return draw < (units - below) / (above - below) ? above : below;
}

export function unitsToPrice(ladder: TickLadder, units: number): Decimal {
  return ladder.unit.times(units);
}

/** Whole units of a price; throws when the price is not a whole number of units. */
export function priceToUnits(ladder: TickLadder, price: Decimal): number {
  const n = price.div(ladder.unit);
  if (!n.isInteger()) throw new Error(`price ${price.toFixed()} is not a whole number of ${ladder.unit.toFixed()}`);
  return n.toNumber();
}
