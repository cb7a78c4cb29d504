import { Decimal, ZERO, addDec, mulDec, subDec } from '../decimal.ts';
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
  if (bid && ask && isPositive(bid) && isPositive(ask)) return addDec(bid, ask).div(2);
  if (last && isPositive(last)) return last;
  return undefined;
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
