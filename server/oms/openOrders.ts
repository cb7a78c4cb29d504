/**
 * The OMS's index of orders that are not yet done (not terminal), whole and
 * by trader and by account. Orders only ever leave it: once terminal an order
 * stays terminal. The journal keeps every order of the day, so scans that only
 * care about open ones (cancel-all, expiry every second, restart) read this
 * instead of the whole day's orders.
 *
 * It holds the OMS's own per-order holders, which always carry the order's
 * latest state, so a change of state costs the index nothing: an order enters
 * once when it is created and leaves once when it is done. Each list keeps
 * insertion order, which is creation order: walking it visits open orders in
 * the same order as walking all orders would.
 *
 * Lists, not hash sets: entering is a push, and leaving only counts the order
 * out (a walk skips done orders, by the state its holder carries); a list is
 * compacted when done orders outnumber open ones, so it stays within twice
 * the open orders and each order is moved O(1) times.
 */
import { type Order, isTerminal } from '../../src/core/order.ts';

/** Where the OMS keeps an order's latest state; the index reads `order` when it is walked. */
export interface HeldOrder {
  readonly order: Order;
}

export interface OpenOrders {
  /** A new order that is not done: it enters, once. Its trader and account are those it is filed under for good. */
  enter(held: HeldOrder): void;
  /** An order that was open and is now done (its holder carries the terminal state): it leaves, once. */
  leave(held: HeldOrder): void;
  all(): Iterable<Order>;
  ofTrader(trader: string): Iterable<Order>;
  ofAccount(account: string): Iterable<Order>;
  readonly size: number;
}

/** Open orders in creation order, with the done ones not yet swept out. */
class OpenList {
  items: HeldOrder[] = [];
  /** Holders in `items` whose order is done. */
  done = 0;

  get open(): number {
    return this.items.length - this.done;
  }

  add(held: HeldOrder): void {
    this.items.push(held);
  }

  /** One of the items is done now; sweeps when the done outnumber the open. */
  left(): void {
    this.done += 1;
    if (this.done > 32 && this.done * 2 > this.items.length) {
      this.items = this.items.filter((h) => !isTerminal(h.order.status));
      this.done = 0;
    }
  }

  *orders(): Generator<Order> {
    // A copy of the bound: orders entering during the walk are not visited, as with a snapshot taken before it.
    const items = this.items;
    for (let i = 0, n = items.length; i < n; i++) {
      const order = items[i]!.order;
      if (!isTerminal(order.status)) yield order;
    }
  }
}

const NONE: Iterable<Order> = [];

export function createOpenOrders(): OpenOrders {
  const all = new OpenList();
  const byTrader = new Map<string, OpenList>();
  const byAccount = new Map<string, OpenList>();

  function listOf(index: Map<string, OpenList>, key: string): OpenList {
    let list = index.get(key);
    if (list === undefined) index.set(key, (list = new OpenList()));
    return list;
  }

  function leaveList(index: Map<string, OpenList>, key: string): void {
    const list = index.get(key);
    if (list === undefined) return;
    list.left();
    if (list.open === 0) index.delete(key);
  }

  return {
    enter(held) {
      all.add(held);
      listOf(byTrader, held.order.trader).add(held);
      listOf(byAccount, held.order.account).add(held);
    },
    leave(held) {
      all.left();
      // Trader and account never change on a live order: the latest state's are the ones it was filed under.
      leaveList(byTrader, held.order.trader);
      leaveList(byAccount, held.order.account);
    },
    all: () => all.orders(),
    ofTrader: (trader) => byTrader.get(trader)?.orders() ?? NONE,
    ofAccount: (account) => byAccount.get(account)?.orders() ?? NONE,
    get size() {
      return all.open;
    },
  };
}
