import { describe, expect, it } from 'vitest';
import { dec } from '../../../src/core/decimal.ts';
import {
  ORDER_STATUSES,
  TRANSITIONS,
  applyEvent,
  applyFill,
  isTerminal,
  newOrder,
  transition,
  type OrderEvent,
  type OrderStatus,
} from '../../../src/core/order.ts';

const EVENTS: OrderEvent[] = ['accepted', 'partialFill', 'fill', 'cancelRequested', 'canceled', 'cancelRejected', 'rejected', 'expired'];

/** The expected table, written out by hand: every (state, event) pair is checked against it. */
const EXPECTED: Record<OrderStatus, Partial<Record<OrderEvent, OrderStatus>>> = {
  pendingNew: { accepted: 'new', rejected: 'rejected', partialFill: 'partiallyFilled', fill: 'filled', cancelRequested: 'pendingCancel' },
  new: { partialFill: 'partiallyFilled', fill: 'filled', cancelRequested: 'pendingCancel', canceled: 'canceled', expired: 'expired' },
  partiallyFilled: { partialFill: 'partiallyFilled', fill: 'filled', cancelRequested: 'pendingCancel', canceled: 'canceled', expired: 'expired' },
  pendingCancel: { partialFill: 'pendingCancel', fill: 'filled', canceled: 'canceled', cancelRejected: 'new', expired: 'expired' },
  pendingReplace: {},
  filled: {},
  canceled: {},
  replaced: {},
  rejected: {},
  expired: {},
};

const spec = { type: 'limit' as const, symbol: 'AAPL', side: 'buy' as const, quantity: dec(300), limitPrice: dec('10.00'), account: 'A', tif: 'day' as const };
const fresh = () => newOrder(spec, { orderId: 'O1', clOrdId: 'C1', trader: 't' }, 0);

describe('order state machine', () => {
  for (const status of ORDER_STATUSES) {
    for (const event of EVENTS) {
      const expected = EXPECTED[status][event];
      it(`${status} + ${event} → ${expected ?? 'refused'}`, () => {
        const r = transition(status, event);
        if (expected === undefined) {
          expect(r.ok).toBe(false);
          if (!r.ok) expect(r.reason).toMatch(/cannot take/);
        } else {
          expect(r).toEqual({ ok: true, status: expected });
        }
      });
    }
  }

  it('has no way out of a terminal state', () => {
    for (const s of ORDER_STATUSES.filter(isTerminal)) expect(Object.keys(TRANSITIONS[s])).toEqual([]);
  });
});

describe('fills and events', () => {
  it('keeps CumQty + LeavesQty = OrderQty and an exact AvgPx', () => {
    let o = applyEvent(fresh(), 'accepted', 1);
    if (!o.ok) throw new Error(o.reason);
    const fills: [string, string][] = [['100', '10.00'], ['100', '10.01'], ['100', '10.01']];
    let order = o.order;
    for (const [q, p] of fills) {
      const r = applyFill(order, dec(q), dec(p), 2);
      if (!r.ok) throw new Error(r.reason);
      order = r.order;
      expect(order.cumQty.plus(order.leavesQty).eq(order.quantity)).toBe(true);
    }
    expect(order.status).toBe('filled');
    expect(order.avgPx.toFixed()).toBe('10.00666667');
    expect(order.filledNotional.toFixed()).toBe('3002');
  });

  it('refuses an overfill and a fill on a terminal order', () => {
    const o = fresh();
    const over = applyFill(o, dec(301), dec(10), 1);
    expect(over.ok).toBe(false);
    const done = applyFill(o, dec(300), dec(10), 1);
    if (!done.ok) throw new Error(done.reason);
    expect(applyFill(done.order, dec(1), dec(10), 1).ok).toBe(false);
  });

  it('applies a fill that races a pending cancel, then the cancel closes the rest', () => {
    let r = applyEvent(fresh(), 'accepted', 1);
    if (!r.ok) throw new Error();
    r = applyEvent(r.order, 'cancelRequested', 2);
    if (!r.ok) throw new Error();
    const filled = applyFill(r.order, dec(100), dec('10.00'), 3);
    if (!filled.ok) throw new Error(filled.reason);
    expect(filled.order.status).toBe('pendingCancel');
    const canceled = applyEvent(filled.order, 'canceled', 4);
    if (!canceled.ok) throw new Error();
    expect(canceled.order.status).toBe('canceled');
    expect(canceled.order.cumQty.toFixed()).toBe('100');
    expect(canceled.order.leavesQty.toFixed()).toBe('0');
  });

  it('returns a partially filled order to PartiallyFilled when its cancel is rejected', () => {
    let r = applyEvent(fresh(), 'accepted', 1);
    if (!r.ok) throw new Error();
    const f = applyFill(r.order, dec(100), dec(10), 2);
    if (!f.ok) throw new Error();
    r = applyEvent(f.order, 'cancelRequested', 3);
    if (!r.ok) throw new Error();
    r = applyEvent(r.order, 'cancelRejected', 4, 'too late');
    expect(r.ok && r.order.status).toBe('partiallyFilled');
  });
});
