/**
 * Today's P&L against the start-of-day mark, the figure a desk watches
 * intraday. It does not depend on the cost method: lots and averages decide
 * how P&L is split between realized and unrealized, not how much money the
 * day made. Split the usual way:
 *   position P&L = start quantity × (mark − start-of-day mark) × multiplier
 *   trading P&L  = Σ signed fill quantity × (mark − fill price) × multiplier
 * gross = position + trading, fees apart, net = gross − fees.
 */
import type { Decimal } from '../decimal.ts';
import { ZERO } from '../decimal.ts';
import type { PositionFill } from './fill.ts';
import { assertValidFill, feeOf, signedQuantity } from './fill.ts';
import type { PositionTerms } from './position.ts';

export interface StartOfDay {
  /** Signed quantity held at the start of the day. */
  readonly quantity: Decimal;
  /** The previous close or official settlement price the day is measured from. */
  readonly mark: Decimal;
}

export interface DailyPnl {
  readonly currency: string;
  readonly position: Decimal;
  readonly trading: Decimal;
  readonly gross: Decimal;
  readonly fees: Decimal;
  readonly net: Decimal;
}

export function dailyPnl(terms: PositionTerms, start: StartOfDay, todaysFills: readonly PositionFill[], mark: Decimal): DailyPnl {
  const m = terms.multiplier;
  const position = start.quantity.times(mark.minus(start.mark)).times(m);
  let trading = ZERO;
  let fees = ZERO;
  for (const fill of todaysFills) {
    assertValidFill(fill);
    trading = trading.plus(signedQuantity(fill).times(mark.minus(fill.price)).times(m));
    fees = fees.plus(feeOf(fill));
  }
  const gross = position.plus(trading);
  return { currency: terms.currency, position, trading, gross, fees, net: gross.minus(fees) };
}
