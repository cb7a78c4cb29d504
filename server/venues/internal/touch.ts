import { type Decimal, dec } from '../../../src/core/decimal.ts';
import type { Side } from '../../../src/core/order.ts';
import type { QuoteWire } from '../../../src/core/protocol.ts';

/** The side of the book an order of this side trades against: a buy lifts the ask, a sell hits the bid. */
export interface TouchSide {
  readonly price: Decimal;
  readonly size: Decimal;
}

export function oppositeTouch(quote: QuoteWire, side: Side): TouchSide | undefined {
  const price = dec(side === 'buy' ? quote.ask : quote.bid);
  const size = dec(side === 'buy' ? quote.askSize : quote.bidSize);
  return price.gt(0) && size.gt(0) ? { price, size } : undefined;
}

/** A limit trades when the touch is at its limit or better; a market order always. */
export function isMarketable(side: Side, limit: Decimal | null, touch: Decimal): boolean {
  if (limit === null) return true;
  return side === 'buy' ? limit.gte(touch) : limit.lte(touch);
}
