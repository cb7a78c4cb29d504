import type { Instrument } from '../core/instrument.ts';
import type { OrderSpec } from '../core/order.ts';
import { formatPrice } from '../format/instrumentFormat.ts';
import { formatQty } from '../format/numbers.ts';

const SIDE_WORD: Record<OrderSpec['side'], string> = { buy: 'BUY', sell: 'SELL', sellShort: 'SELL SHORT' };

/** "BUY 100 AAPL @ 268.50 DAY", "SELL SHORT 100 AAPL STOP 250.00 LIMIT 249.50 GTD": how a trader reads an order back. */
export function orderSummary(order: OrderSpec, instrument: Instrument | undefined): string {
  const head = `${SIDE_WORD[order.side]} ${formatQty(order.quantity)} ${order.symbol}`;
  const px = (p: Parameters<typeof formatPrice>[0]) => formatPrice(p, instrument);
  let price: string;
  switch (order.type) {
    case 'market':
      price = 'MKT';
      break;
    case 'limit':
      price = `@ ${px(order.limitPrice)}`;
      break;
    case 'stop':
      price = `STOP ${px(order.stopPrice)}`;
      break;
    case 'stopLimit':
      price = `STOP ${px(order.stopPrice)} LIMIT ${px(order.limitPrice)}`;
      break;
  }
  return `${head} ${price} ${order.tif.toUpperCase()}`;
}
