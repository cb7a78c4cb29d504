import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dec } from '../../../src/core/decimal.ts';
import { type Order, type OrderStatus, isTerminal, newOrder } from '../../../src/core/order.ts';
import { createOpenOrders } from '../../../server/oms/openOrders.ts';

const STATUSES: OrderStatus[] = ['pendingNew', 'new', 'partiallyFilled', 'pendingCancel', 'pendingReplace', 'filled', 'canceled', 'rejected', 'expired'];
const TRADERS = ['t1', 't2', 't3'];
const ACCOUNTS = ['A', 'B'];

function orderOf(id: number, trader: string, account: string): Order {
  return newOrder(
    { symbol: 'ACME', side: 'buy', type: 'limit', quantity: dec('1'), limitPrice: dec('1'), account, tif: 'day' },
    { orderId: `O${id}`, clOrdId: `C${id}`, trader },
    id,
  );
}

describe('open orders', () => {
  it('indexes the latest state of every order not yet done, in creation order, whole and by trader and account', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ id: fc.integer({ min: 1, max: 12 }), status: fc.constantFrom(...STATUSES), trader: fc.integer({ min: 0, max: 2 }), account: fc.integer({ min: 0, max: 1 }) }), { maxLength: 80 }),
        (steps) => {
          const open = createOpenOrders();
          // The reference: every order's latest state, in creation order, and whether it ever became terminal.
          const latest = new Map<string, Order>();
          const done = new Set<string>();
          // The OMS's holders: one per order, carrying its latest state.
          const held = new Map<string, { order: Order }>();
          for (const s of steps) {
            const id = `O${s.id}`;
            const first = latest.get(id);
            const base = first ?? orderOf(s.id, TRADERS[s.trader]!, ACCOUNTS[s.account]!);
            // A done order stays done: the OMS never changes it again.
            if (done.has(id)) continue;
            const next: Order = { ...base, status: s.status, updatedAt: base.updatedAt + 1 };
            latest.set(id, next);
            // As the OMS: an order enters when created open, and leaves when an open one becomes done.
            let h = held.get(id);
            if (h === undefined) {
              held.set(id, (h = { order: next }));
              if (!isTerminal(next.status)) open.enter(h);
            } else {
              h.order = next;
              if (isTerminal(next.status)) open.leave(h);
            }
            if (isTerminal(next.status)) done.add(id);
          }
          const live = [...latest.values()].filter((o) => !isTerminal(o.status));
          expect([...open.all()]).toEqual(live);
          expect(open.size).toBe(live.length);
          for (const t of TRADERS) expect([...open.ofTrader(t)]).toEqual(live.filter((o) => o.trader === t));
          for (const a of ACCOUNTS) expect([...open.ofAccount(a)]).toEqual(live.filter((o) => o.account === a));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('sweeps done orders out of its lists and keeps creation order through the sweeps', () => {
    const open = createOpenOrders();
    const held = Array.from({ length: 500 }, (_, i) => ({ order: orderOf(i, TRADERS[i % 3]!, ACCOUNTS[i % 2]!) }));
    for (const h of held) open.enter(h);
    // Every order but each seventh is done, in a scattered order.
    for (let k = 0; k < 500; k++) {
      const i = (k * 37) % 500;
      if (i % 7 === 0) continue;
      const h = held[i]!;
      h.order = { ...h.order, status: 'filled' };
      open.leave(h);
    }
    const live = held.filter((_, i) => i % 7 === 0).map((h) => h.order);
    expect([...open.all()]).toEqual(live);
    expect(open.size).toBe(live.length);
    for (const t of TRADERS) expect([...open.ofTrader(t)]).toEqual(live.filter((o) => o.trader === t));
    for (const a of ACCOUNTS) expect([...open.ofAccount(a)]).toEqual(live.filter((o) => o.account === a));
  });

  it('answers an unknown trader or account with nothing', () => {
    const open = createOpenOrders();
    expect([...open.ofTrader('t9')]).toEqual([]);
    expect([...open.ofAccount('Z')]).toEqual([]);
  });
});
