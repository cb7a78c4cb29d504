/**
 * The OMS's index of orders that are not yet done (not terminal), whole and
 * by trader and by account. Orders only ever leave it: once terminal an order
 * stays terminal. The journal keeps every order of the day, so scans that only
 * care about open ones (cancel-all, expiry every second, restart) read this
 * instead of the whole day's orders.
 *
 * Each map keeps insertion order, which is creation order (an order enters
 * when it is created and keeps its place through later states): walking it
 * visits open orders in the same order as walking all orders would.
 */
import { type Order, isTerminal } from '../../src/core/order.ts';

export interface OpenOrders {
  /** Record the latest state of an order (terminal takes it out). */
  track(order: Order): void;
  all(): Iterable<Order>;
  ofTrader(trader: string): Iterable<Order>;
  ofAccount(account: string): Iterable<Order>;
  readonly size: number;
}

export function createOpenOrders(): OpenOrders {
  const all = new Map<string, Order>();
  const byTrader = new Map<string, Map<string, Order>>();
  const byAccount = new Map<string, Map<string, Order>>();

  function put(index: Map<string, Map<string, Order>>, key: string, order: Order): void {
    let m = index.get(key);
    if (!m) index.set(key, (m = new Map()));
    m.set(order.orderId, order);
  }

  function drop(index: Map<string, Map<string, Order>>, key: string, orderId: string): void {
    const m = index.get(key);
    if (!m) return;
    m.delete(orderId);
    if (m.size === 0) index.delete(key);
  }

  return {
    track(order) {
      const before = all.get(order.orderId);
      if (isTerminal(order.status)) {
        if (!before) return;
        all.delete(order.orderId);
        drop(byTrader, before.trader, order.orderId);
        drop(byAccount, before.account, order.orderId);
        return;
      }
      all.set(order.orderId, order);
      // Trader and account never change on a live order; set them again so both indexes hold the latest state.
      put(byTrader, order.trader, order);
      put(byAccount, order.account, order);
    },
    all: () => all.values(),
    ofTrader: (trader) => byTrader.get(trader)?.values() ?? [],
    ofAccount: (account) => byAccount.get(account)?.values() ?? [],
    get size() {
      return all.size;
    },
  };
}
