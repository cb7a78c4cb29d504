import { type Decimal, dec } from '../../../src/core/decimal.ts';
import { type Side, bookSide } from '../../../src/core/order.ts';
import type { QuoteWire } from '../../../src/core/protocol.ts';

/** The side of the book an order of this side trades against: a buy lifts the ask, a sell (short or not) hits the bid. */
export interface TouchSide {
  readonly price: Decimal;
  readonly size: Decimal;
}

export function oppositeTouch(quote: QuoteWire, side: Side): TouchSide | undefined {
  const buy = bookSide(side) === 'buy';
  const price = dec(buy ? quote.ask : quote.bid);
  const size = dec(buy ? quote.askSize : quote.bidSize);
  return price.gt(0) && size.gt(0) ? { price, size } : undefined;
}

/** A limit trades when the touch is at its limit or better; a market order always. */
export function isMarketable(side: Side, limit: Decimal | null, touch: Decimal): boolean {
  if (limit === null) return true;
  return bookSide(side) === 'buy' ? limit.gte(touch) : limit.lte(touch);
}

/**
 * Whether a stop is triggered by this quote: a buy stop when the last trade (or
 * the ask, without one) is at or above its stop price, a sell stop at or below.
 */
export function isStopTriggered(side: Side, stop: Decimal, quote: QuoteWire): boolean {
  const buy = bookSide(side) === 'buy';
  const last = dec(quote.last);
  const ref = last.gt(0) ? last : dec(buy ? quote.ask : quote.bid);
  if (ref.lte(0)) return false;
  return buy ? ref.gte(stop) : ref.lte(stop);
}
