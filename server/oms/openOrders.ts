/**
 * The OMS's index of orders that are not yet done (not terminal), whole and
 * by trader and by account. Orders only ever leave it: once terminal an order
 * stays terminal. The journal keeps every order of the day, so scans that only
 * care about open ones (cancel-all, expiry every second, restart) read this
 * instead of the whole day's orders.
 *
 * Each index keeps insertion order, which is creation order (an order enters
 * when it is created and keeps its place through later states): walking it
 * visits open orders in the same order as walking all orders would.
 *
 * An order's latest state sits in one slot that all three indexes share, so
 * a change of state (every report of a working order) is one map lookup and
 * one write, not a write into each index.
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

interface Slot {
  order: Order;
}

function* ordersOf(slots: Iterable<Slot>): Generator<Order> {
  for (const s of slots) yield s.order;
}

function put(index: Map<string, Set<Slot>>, key: string, slot: Slot): void {
  let set = index.get(key);
  if (!set) index.set(key, (set = new Set()));
  set.add(slot);
}

function drop(index: Map<string, Set<Slot>>, key: string, slot: Slot): void {
  const set = index.get(key);
  if (!set) return;
  set.delete(slot);
  if (set.size === 0) index.delete(key);
}

export function createOpenOrders(): OpenOrders {
  const all = new Map<string, Slot>();
  const byTrader = new Map<string, Set<Slot>>();
  const byAccount = new Map<string, Set<Slot>>();

  return {
    track(order) {
      const slot = all.get(order.orderId);
      if (isTerminal(order.status)) {
        if (!slot) return;
        all.delete(order.orderId);
        // Trader and account never change on a live order: the slot's are the ones it was filed under.
        drop(byTrader, slot.order.trader, slot);
        drop(byAccount, slot.order.account, slot);
        return;
      }
      if (slot) {
        slot.order = order;
        return;
      }
      const fresh: Slot = { order };
      all.set(order.orderId, fresh);
      put(byTrader, order.trader, fresh);
      put(byAccount, order.account, fresh);
    },
    all: () => ordersOf(all.values()),
    ofTrader: (trader) => ordersOf(byTrader.get(trader) ?? []),
    ofAccount: (account) => ordersOf(byAccount.get(account) ?? []),
    get size() {
      return all.size;
    },
  };
}
