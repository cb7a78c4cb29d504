/**
 * The OMS's index of orders that are not yet done (not terminal), whole and
 * by trader and by account. Orders only ever leave it: once terminal an order
 * stays terminal. The journal keeps every order of the day, so scans that only
 * care about open ones (cancel-all, expiry every second, restart) read this
 * instead of the whole day's orders.
 *
 * It holds the OMS's own per-order holders, which always carry the order's
 * latest state, so a change of state costs the index nothing: an order enters
 * once when it is created and leaves once when it is done. Each index keeps
 * insertion order, which is creation order: walking it visits open orders in
 * the same order as walking all orders would.
 */
import type { Order } from '../../src/core/order.ts';

/** Where the OMS keeps an order's latest state; the index reads `order` when it is walked. */
export interface HeldOrder {
  readonly order: Order;
}

export interface OpenOrders {
  /** A new order that is not done: it enters. Its trader and account are those it is filed under for good. */
  enter(held: HeldOrder): void;
  /** An order that is done (or never was open): it leaves, if it was in. */
  leave(held: HeldOrder): void;
  all(): Iterable<Order>;
  ofTrader(trader: string): Iterable<Order>;
  ofAccount(account: string): Iterable<Order>;
  readonly size: number;
}

function* ordersOf(held: Iterable<HeldOrder>): Generator<Order> {
  for (const h of held) yield h.order;
}

function put(index: Map<string, Set<HeldOrder>>, key: string, held: HeldOrder): void {
  let set = index.get(key);
  if (!set) index.set(key, (set = new Set()));
  set.add(held);
}

function drop(index: Map<string, Set<HeldOrder>>, key: string, held: HeldOrder): void {
  const set = index.get(key);
  if (!set) return;
  set.delete(held);
  if (set.size === 0) index.delete(key);
}

export function createOpenOrders(): OpenOrders {
  const all = new Set<HeldOrder>();
  const byTrader = new Map<string, Set<HeldOrder>>();
  const byAccount = new Map<string, Set<HeldOrder>>();

  return {
    enter(held) {
      if (all.has(held)) return;
      all.add(held);
      put(byTrader, held.order.trader, held);
      put(byAccount, held.order.account, held);
    },
    leave(held) {
      if (!all.delete(held)) return;
      // Trader and account never change on a live order: the latest state's are the ones it was filed under.
      drop(byTrader, held.order.trader, held);
      drop(byAccount, held.order.account, held);
    },
    all: () => ordersOf(all),
    ofTrader: (trader) => ordersOf(byTrader.get(trader) ?? []),
    ofAccount: (account) => ordersOf(byAccount.get(account) ?? []),
    get size() {
      return all.size;
    },
  };
}
