import type { Decimal } from '../core/decimal.ts';
// The ticket's own money format (cents always), as its figures show the notional: the gateway's whole units
// would read "5,000,000 USD is over the limit of 5,000,000 USD" for an order one cent over.
import { formatMoney, formatQty } from '../format/numbers.ts';
import type { TicketWarning } from './ticketWarnings.ts';

/** One account's per-order (fat-finger) limits as the gateway's riskLimits answer gives them. */
export interface OrderLimits {
  account: string;
  maxOrderQty: Decimal;
  /** In the limits' base currency. */
  maxOrderNotional: Decimal;
}

export interface OrderSize {
  account: string;
  /** Undefined while the quantity is not a number yet. */
  quantity: Decimal | undefined;
  /** The order's notional in the base currency; undefined while unknown. */
  baseNotional: Decimal | undefined;
  baseCurrency: string;
}

/**
 * The fat-finger limits the gateway refuses at, as blocking lines while the
 * trader types. Without them the ticket asked "confirm a large order?" for
 * 26 M of AAPL and the gateway then refused it over its 5 M limit: the
 * trader learned the limit only from the reject.
 */
export function orderLimitWarnings(size: OrderSize, limits: readonly OrderLimits[]): TicketWarning[] {
  const mine = limits.find((l) => l.account === size.account);
  if (!mine) return [];
  const out: TicketWarning[] = [];
  if (size.quantity !== undefined && size.quantity.gt(mine.maxOrderQty)) {
    out.push({
      rule: 'maxQuantity',
      message: `fat finger: quantity ${formatQty(size.quantity)} is over the per-order limit of ${formatQty(mine.maxOrderQty)} in ${size.account}, expect a reject`,
      blocking: true,
    });
  }
  if (size.baseNotional !== undefined && size.baseNotional.gt(mine.maxOrderNotional)) {
    out.push({
      rule: 'maxNotional',
      message: `fat finger: notional ${formatMoney(size.baseNotional)} ${size.baseCurrency} is over the per-order limit of ${formatMoney(mine.maxOrderNotional)} ${size.baseCurrency} in ${size.account}, expect a reject`,
      blocking: true,
    });
  }
  return out;
}

/**
 * The fat-finger lines first, then the ticket's other warnings, less the
 * "large order" line when the notional is already over the hard limit (one
 * line about the notional, the one that matters).
 */
export function withOrderLimitWarnings(limitLines: readonly TicketWarning[], others: readonly TicketWarning[]): TicketWarning[] {
  const overNotional = limitLines.some((w) => w.rule === 'maxNotional');
  return [...limitLines, ...others.filter((w) => !(overNotional && w.rule === 'maxNotional' && !w.blocking))];
}
