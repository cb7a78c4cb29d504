// The risk code as it was before the per-order cost cut (issue 4), kept verbatim as the reference the fast paths are compared with (riskFastPath.test.ts, test/bench/oms/riskCheck.bench.ts). Do not optimise.
import { Decimal, ZERO } from '../../../../src/core/decimal.ts';
import { type TickRule, tickSizeAt } from '../../../../src/core/tickTable.ts';

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
  if (bid && ask && bid.gt(0) && ask.gt(0)) return bid.plus(ask).div(2);
  if (last && last.gt(0)) return last;
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
  const byPercent = collar.percent === undefined ? undefined : reference.times(collar.percent).div(100);
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
  return { low: Decimal.max(ZERO, reference.minus(width)), high: reference.plus(width) };
}

export function isInsideBand(price: Decimal, band: CollarBand): boolean {
  return price.gte(band.low) && price.lte(band.high);
}

/**
 * Whether a price is on the side of the reference where it can trade through
 * the market: above it for a buy, below it for a sale. Only that side is
 * collared: a buy far below the market (or a sale far above) cannot trade at
 * a bad price, it just waits, so a resting order is never refused for it.
 */
export function isAggressive(side: string, price: Decimal, reference: Decimal): boolean {
  return side === 'buy' ? price.gt(reference) : price.lt(reference);
}
