import type { Order } from '../../src/core/order.ts';
import { nextSessionClose } from '../../src/core/orderExpiry.ts';
import type { TradingSession } from '../../src/core/tradingSession.ts';

export interface ExpiryClock {
  /** When the order stops working: a DAY order at its session's close, a GTD order at its expiry; null for never. */
  dueAt(order: Pick<Order, 'orderId' | 'symbol' | 'tif' | 'expireAt' | 'createdAt'>): number | null;
}

/**
 * A DAY order's close is found once (it walks the calendar through Intl) and
 * kept by order id. An instrument without a session has no close, so its DAY
 * orders work until cancelled.
 */
export function createExpiryClock(sessionOf: (symbol: string) => TradingSession | undefined): ExpiryClock {
  const dayCloses = new Map<string, number | null>();
  return {
    dueAt(order) {
      if (order.tif === 'gtd') return order.expireAt;
      if (order.tif !== 'day') return null;
      let close = dayCloses.get(order.orderId);
      if (close === undefined) {
        const session = sessionOf(order.symbol);
        close = session === undefined ? null : nextSessionClose(session, order.createdAt);
        dayCloses.set(order.orderId, close);
      }
      return close;
    },
  };
}
