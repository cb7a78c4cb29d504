import type { Decimal } from '../decimal.ts';
import type { Instrument } from '../instrument.ts';
import { isPositive } from './decimalCompare.ts';

/** The fields of an order (spec, draft or working order) that decide what it is worth. */
export interface PricedOrderLike {
  readonly side: string;
  readonly type: string;
  readonly quantity: Decimal;
  readonly limitPrice?: Decimal | null | undefined;
  readonly stopPrice?: Decimal | null | undefined;
}

export interface Touch {
  readonly bid: Decimal;
  readonly ask: Decimal;
}

/**
 * The price an order is valued at: its limit when it has one (the worst it
 * can trade at), a stop's trigger (it becomes a market order there), and a
 * market order at the touch it would take (the ask for a buy, the bid for a
 * sale). Undefined when a market order has no live two-sided touch.
 */
export function valuationPrice(order: PricedOrderLike, touch: Touch | undefined): Decimal | undefined {
  if (order.limitPrice) return order.limitPrice;
  if (order.stopPrice) return order.stopPrice;
  if (touch === undefined) return undefined;
  const price = order.side === 'buy' ? touch.ask : touch.bid;
  return isPositive(price) ? price : undefined;
}

/** Contract value of the order at a price: quantity × price × multiplier, in the instrument's currency. */
export function orderNotional(order: { readonly quantity: Decimal }, price: Decimal, instrument: Pick<Instrument, 'multiplier'>): Decimal {
  return order.quantity.times(price).times(instrument.multiplier);
}
