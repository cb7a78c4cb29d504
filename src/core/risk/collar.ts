import { Decimal, ZERO, addDec, fromUnits, mulDec, subDec, unitsAt } from '../decimal.ts';
import { type TickRule, tickSizeAt } from '../tickTable.ts';
import { gt, gte, isPositive, lt, lte } from './decimalCompare.ts';

/** The parts of a quote a reference price is made from; absent or non-positive sides are ignored. */
export interface ReferenceQuote {
  readonly bid?: Decimal | null | undefined;
  readonly ask?: Decimal | null | undefined;
  readonly last?: Decimal | null | undefined;
}

/**
 * The price an order is compared with: the mid of a two-sided quote (where
 * the market is now), else the last trade. Undefined when there is neither:
 * the collar then fails closed rather than let a price through unchecked.
 */
export function referencePrice(q: ReferenceQuote | undefined): Decimal | undefined {
  if (q === undefined) return undefined;
  const { bid, ask, last } = q;
  if (bid && ask && isPositive(bid) && isPositive(ask)) return midOf(bid, ask);
  if (last && isPositive(last)) return last;
  return undefined;
}

/**
 * (bid + ask) / 2, decimal.js's answer: worked out in units of the finer
 * places when both are short ((b + a) × 5 tenths is exact), so one Decimal is
 * made instead of a sum and a division's working values.
 */
function midOf(bid: Decimal, ask: Decimal): Decimal {
  const places = Math.max(bid.decimalPlaces(), ask.decimalPlaces());
  const b = unitsAt(bid, places);
  const a = unitsAt(ask, places);
  if (b !== undefined && a !== undefined) {
    const halves = (b + a) * 5;
    if (halves <= Number.MAX_SAFE_INTEGER) return fromUnits(halves, places + 1);
  }
  return bid.plus(ask).div(2);
}

/**
 * |price − reference| ≤ percent % of reference (reference > 0), in integers:
 * D × 100 × 10^q ≤ R × P with D, R the distance and the reference in units
 * of their finer places and P the percent in units of its q places; the
 * same question as comparing with reference × percent / 100 (that product
 * and the shift are exact in decimal.js's 40 digits for values this short).
 * Undefined when a value is too long for it.
 */
export function withinPercentOf(price: Decimal, reference: Decimal, percent: Decimal): boolean | undefined {
  const places = Math.max(price.decimalPlaces(), reference.decimalPlaces());
  const p = unitsAt(price, places);
  const r = unitsAt(reference, places);
  const q = percent.decimalPlaces();
  const pct = unitsAt(percent, q);
  if (p === undefined || r === undefined || pct === undefined || q > 13) return undefined;
  const distance = Math.abs(p - r) * 100 * TENS[q]!;
  const allowed = r * pct;
  // Products of safe integers: exact within 2^53, and one past it reads as at least 2^53.
  if (distance > Number.MAX_SAFE_INTEGER || allowed > Number.MAX_SAFE_INTEGER || allowed < -Number.MAX_SAFE_INTEGER) return undefined;
  return distance <= allowed;
}

const TENS = Array.from({ length: 14 }, (_, k) => 10 ** k);

/**
 * Whether an aggressive price (isAggressive) is inside the band bandAround
 * gives, decided in integers without building the band: for such a price
 * that is |price − reference| ≤ the width (the other side of the band is on
 * the far side of the reference; the low end's max with 0 does not matter to
 * a positive price), and ≤ the larger of two widths is ≤ either. True also
 * when no collar is configured (no band: nothing to be outside of).
 * Undefined: not known this way; build the band.
 */
export function aggressiveInsideCollar(price: Decimal, reference: Decimal, collar: CollarSpec, tick: TickRule): boolean | undefined {
  if (collar.percent === undefined && collar.ticks === undefined) return true;
  if (!isPositive(price) || !isPositive(reference)) return undefined;
  let known = true;
  if (collar.ticks !== undefined) {
    if (!Number.isSafeInteger(collar.ticks)) return undefined;
    const size = tickSizeAt(tick, reference);
    const places = Math.max(price.decimalPlaces(), reference.decimalPlaces(), size.decimalPlaces());
    const p = unitsAt(price, places);
    const r = unitsAt(reference, places);
    const t = unitsAt(size, places);
    const width = t === undefined ? undefined : t * collar.ticks;
    if (p === undefined || r === undefined || width === undefined || width > Number.MAX_SAFE_INTEGER || width < -Number.MAX_SAFE_INTEGER) known = false;
    else if (Math.abs(p - r) <= width) return true;
  }
  if (collar.percent !== undefined) {
    const inside = withinPercentOf(price, reference, collar.percent);
    if (inside === undefined) return undefined;
    if (inside) return true;
  }
  return known ? false : undefined;
}

/** How far a price is from the reference, in percent of the reference, never negative. */
export function collarDistancePercent(price: Decimal, reference: Decimal): Decimal {
  if (reference.lte(0)) throw new Error('a collar reference must be positive');
  return price.minus(reference).abs().div(reference).times(100);
}

/** A collar in percent of the reference, in ticks, or both (the wider band then applies). */
export interface CollarSpec {
  readonly percent?: Decimal | undefined;
  readonly ticks?: number | undefined;
}

/**
 * Half-width of the band around the reference. With both a percent and a
 * tick count the wider wins, so a cheap stock whose percent band is under one
 * tick can still trade a few ticks away. Undefined: no collar configured.
 */
export function collarWidth(reference: Decimal, collar: CollarSpec, tick: TickRule): Decimal | undefined {
  const byPercent = collar.percent === undefined ? undefined : mulDec(reference, collar.percent).div(100);
  const byTicks = collar.ticks === undefined ? undefined : tickSizeAt(tick, reference).times(collar.ticks);
  if (byPercent === undefined) return byTicks;
  if (byTicks === undefined) return byPercent;
  return Decimal.max(byPercent, byTicks);
}

export interface CollarBand {
  readonly low: Decimal;
  readonly high: Decimal;
}

export function collarBand(reference: Decimal, width: Decimal): CollarBand {
  return { low: Decimal.max(ZERO, subDec(reference, width)), high: addDec(reference, width) };
}

export function isInsideBand(price: Decimal, band: CollarBand): boolean {
  return gte(price, band.low) && lte(price, band.high);
}

/**
 * Whether a price is on the side of the reference where it can trade through
 * the market: above it for a buy, below it for a sale. Only that side is
 * collared: a buy far below the market (or a sale far above) cannot trade at
 * a bad price, it just waits, so a resting order is never refused for it.
 */
export function isAggressive(side: string, price: Decimal, reference: Decimal): boolean {
  return side === 'buy' ? gt(price, reference) : lt(price, reference);
}
