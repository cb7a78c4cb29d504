import type { Order } from '../../src/core/order.ts';
import { sessionCloseMemo } from '../../src/core/orderExpiry.ts';
import type { TradingSession } from '../../src/core/tradingSession.ts';

export interface ExpiryClock {
  /** When the order stops working: a DAY order at its session's close, a GTD order at its expiry; null for never. */
  dueAt(order: Pick<Order, 'orderId' | 'symbol' | 'tif' | 'expireAt' | 'createdAt'>): number | null;
}

/**
 * A DAY order closes at the first close of its instrument's session after it
 * was placed. The close is worked out (a walk of the calendar through Intl)
 * about once per session and day, not per order: the memo answers every order
 * placed before the close it already knows. An instrument without a session
 * has no close, so its DAY orders work until cancelled.
 */
export function createExpiryClock(sessionOf: (symbol: string) => TradingSession | undefined): ExpiryClock {
  const closeAfter = sessionCloseMemo();
  return {
    dueAt(order) {
      if (order.tif === 'gtd') return order.expireAt;
      if (order.tif !== 'day') return null;
      const session = sessionOf(order.symbol);
      return session === undefined ? null : closeAfter(session, order.createdAt);
    },
  };
}
