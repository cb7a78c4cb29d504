import type { Instrument } from '../core/instrument.ts';
import type { OrderSpec } from '../core/order.ts';
import { formatPrice } from '../format/instrumentFormat.ts';
import { formatQty } from '../format/numbers.ts';

/** "BUY 100 AAPL @ 268.50 DAY": how a trader reads an order back. */
export function orderSummary(order: OrderSpec, instrument: Instrument | undefined): string {
  const head = `${order.side.toUpperCase()} ${formatQty(order.quantity)} ${order.symbol}`;
  const price = order.type === 'limit' ? `@ ${formatPrice(order.limitPrice, instrument)}` : 'MKT';
  return `${head} ${price} ${order.tif.toUpperCase()}`;
}
