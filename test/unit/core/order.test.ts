import { describe, expect, it } from 'vitest';
import { dec } from '../../../src/core/decimal.ts';
import {
  ORDER_EVENTS,
  ORDER_STATUSES,
  TRANSITIONS,
  type ApplyResult,
  type Order,
  type OrderEvent,
  type OrderStatus,
  type TransitionTarget,
  applyEvent,
  applyFill,
  applyReplace,
  bookSide,
  isTerminal,
  newOrder,
  sideSign,
  transition,
} from '../../../src/core/order.ts';

/**
 * The expected table, written out by hand: every (state, event) pair is
 * checked against it. 'working' means New, or PartiallyFilled when something
 * is filled.
 */
const EXPECTED: Record<OrderStatus, Partial<Record<OrderEvent, TransitionTarget>>> = {
  pendingNew: {
    accepted: 'new',
    rejected: 'rejected',
    partialFill: 'partiallyFilled',
    fill: 'filled',
    cancelRequested: 'pendingCancel',
    canceled: 'canceled',
    expired: 'expired',
  },
  new: {
    partialFill: 'partiallyFilled',
    fill: 'filled',
    cancelRequested: 'pendingCancel',
    canceled: 'canceled',
    replaceRequested: 'pendingReplace',
    triggered: 'new',
    expired: 'expired',
  },
  partiallyFilled: {
    partialFill: 'partiallyFilled',
    fill: 'filled',
    cancelRequested: 'pendingCancel',
    canceled: 'canceled',
    replaceRequested: 'pendingReplace',
    triggered: 'partiallyFilled',
    expired: 'expired',
  },
  pendingCancel: {
    accepted: 'pendingCancel',
    partialFill: 'pendingCancel',
    fill: 'filled',
    canceled: 'canceled',
    cancelRejected: 'working',
    triggered: 'pendingCancel',
    rejected: 'rejected',
    expired: 'expired',
  },
  pendingReplace: {
    partialFill: 'pendingReplace',
    fill: 'filled',
    replaced: 'working',
    replaceRejected: 'working',
    canceled: 'canceled',
    triggered: 'pendingReplace',
    expired: 'expired',
  },
  filled: {},
  canceled: {},
  replaced: {},
  rejected: {},
  expired: {},
};

const spec = { type: 'limit' as const, symbol: 'AAPL', side: 'buy' as const, quantity: dec(300), limitPrice: dec('10.00'), account: 'A', tif: 'day' as const };
const fresh = () => newOrder(spec, { orderId: 'O1', clOrdId: 'C1', trader: 't' }, 0);
const ok = (r: ApplyResult): Order => {
  if (!r.ok) throw new Error(r.reason);
  return r.order;
};
const accepted = () => ok(applyEvent(fresh(), 'accepted', 1));

describe('order state machine', () => {
  for (const status of ORDER_STATUSES) {
    for (const event of ORDER_EVENTS) {
      const expected = EXPECTED[status][event];
      it(`${status} + ${event} → ${expected ?? 'refused'}`, () => {
        const unfilled = transition(status, event, false);
        const filled = transition(status, event, true);
        if (expected === undefined) {
          expect(unfilled.ok).toBe(false);
          if (!unfilled.ok) expect(unfilled.reason).toMatch(/cannot take/);
        } else if (expected === 'working') {
          expect(unfilled).toEqual({ ok: true, status: 'new' });
          expect(filled).toEqual({ ok: true, status: 'partiallyFilled' });
        } else {
          expect(unfilled).toEqual({ ok: true, status: expected });
          expect(filled).toEqual({ ok: true, status: expected });
        }
      });
    }
  }

  it('has no way out of a terminal state', () => {
    for (const s of ORDER_STATUSES.filter(isTerminal)) expect(Object.keys(TRANSITIONS[s])).toEqual([]);
  });

  it('trades a short sale on the sell side of the book', () => {
    expect([bookSide('buy'), bookSide('sell'), bookSide('sellShort')]).toEqual(['buy', 'sell', 'sell']);
    expect([sideSign('buy'), sideSign('sell'), sideSign('sellShort')]).toEqual([1, -1, -1]);
  });
});

describe('fills and events', () => {
  it('keeps CumQty + LeavesQty = OrderQty and an exact AvgPx', () => {
    let order = accepted();
    const fills: [string, string][] = [['100', '10.00'], ['100', '10.01'], ['100', '10.01']];
    for (const [q, p] of fills) {
      order = ok(applyFill(order, dec(q), dec(p), 2));
      expect(order.cumQty.plus(order.leavesQty).eq(order.quantity)).toBe(true);
    }
    expect(order.status).toBe('filled');
    expect(order.avgPx.toFixed()).toBe('10.00666667');
    expect(order.filledNotional.toFixed()).toBe('3002');
  });

  it('refuses an overfill, a zero fill and a fill on a terminal order', () => {
    const o = fresh();
    expect(applyFill(o, dec(301), dec(10), 1).ok).toBe(false);
    expect(applyFill(o, dec(0), dec(10), 1).ok).toBe(false);
    const done = ok(applyFill(o, dec(300), dec(10), 1));
    expect(applyFill(done, dec(1), dec(10), 1).ok).toBe(false);
  });

  it('applies a fill that races a pending cancel, then the cancel closes the rest', () => {
    const pending = ok(applyEvent(accepted(), 'cancelRequested', 2));
    const filled = ok(applyFill(pending, dec(100), dec('10.00'), 3));
    expect(filled.status).toBe('pendingCancel');
    const canceled = ok(applyEvent(filled, 'canceled', 4));
    expect(canceled.status).toBe('canceled');
    expect(canceled.cumQty.toFixed()).toBe('100');
    expect(canceled.leavesQty.toFixed()).toBe('0');
  });

  it('fills an order completely while its cancel is pending: the late cancel answer is refused', () => {
    const pending = ok(applyEvent(accepted(), 'cancelRequested', 2));
    const filled = ok(applyFill(pending, dec(300), dec('10.00'), 3));
    expect(filled.status).toBe('filled');
    expect(applyEvent(filled, 'canceled', 4).ok).toBe(false);
    expect(applyEvent(filled, 'cancelRejected', 4).ok).toBe(false);
  });

  it('returns a partially filled order to PartiallyFilled when its cancel is rejected', () => {
    const f = ok(applyFill(accepted(), dec(100), dec(10), 2));
    const r = applyEvent(ok(applyEvent(f, 'cancelRequested', 3)), 'cancelRejected', 4, 'too late');
    expect(r.ok && r.order.status).toBe('partiallyFilled');
  });
});

describe('cancel/replace', () => {
  const amend = { clOrdId: 'C2', quantity: dec(500), limitPrice: dec('10.05'), stopPrice: null };

  it('takes the new terms and ClOrdID, keeps OrderID, fills and AvgPx, and chains OrigClOrdID', () => {
    const f = ok(applyFill(accepted(), dec(100), dec('10.00'), 2));
    const pending = ok(applyEvent(f, 'replaceRequested', 3));
    expect(pending.status).toBe('pendingReplace');
    const done = ok(applyReplace(pending, amend, 4));
    expect(done).toMatchObject({ orderId: 'O1', clOrdId: 'C2', origClOrdId: 'C1', status: 'partiallyFilled' });
    expect([done.quantity.toFixed(), done.cumQty.toFixed(), done.leavesQty.toFixed(), done.avgPx.toFixed()]).toEqual(['500', '100', '400', '10']);
    expect(done.limitPrice?.toFixed()).toBe('10.05');
    const again = ok(applyReplace(ok(applyEvent(done, 'replaceRequested', 5)), { ...amend, clOrdId: 'C3', quantity: dec(200) }, 6));
    expect([again.clOrdId, again.origClOrdId, again.leavesQty.toFixed()]).toEqual(['C3', 'C2', '100']);
  });

  it('applies a fill racing a pending replace; LeavesQty follows the new quantity', () => {
    const pending = ok(applyEvent(accepted(), 'replaceRequested', 2));
    const filled = ok(applyFill(pending, dec(200), dec('10.00'), 3));
    expect(filled.status).toBe('pendingReplace');
    const done = ok(applyReplace(filled, { ...amend, quantity: dec(250) }, 4));
    expect([done.status, done.cumQty.toFixed(), done.leavesQty.toFixed()]).toEqual(['partiallyFilled', '200', '50']);
  });

  it('is Filled when fills during the pending replace reach the new quantity', () => {
    const filled = ok(applyFill(ok(applyEvent(accepted(), 'replaceRequested', 2)), dec(200), dec('10.00'), 3));
    const done = ok(applyReplace(filled, { ...amend, quantity: dec(200) }, 4));
    expect([done.status, done.leavesQty.toFixed()]).toEqual(['filled', '0']);
  });

  it('refuses a replace confirmation for an order that filled in full while it was pending (too late)', () => {
    const filled = ok(applyFill(ok(applyEvent(accepted(), 'replaceRequested', 2)), dec(300), dec('10.00'), 3));
    expect(filled.status).toBe('filled');
    expect(applyReplace(filled, amend, 4).ok).toBe(false);
    expect(applyEvent(filled, 'replaceRejected', 4).ok).toBe(false);
  });

  it('restores the order as its fills put it when the replace is rejected', () => {
    const pending = ok(applyEvent(ok(applyFill(accepted(), dec(100), dec(10), 2)), 'replaceRequested', 3));
    const back = ok(applyEvent(pending, 'replaceRejected', 4, 'replace rejected: too late'));
    expect([back.status, back.clOrdId, back.quantity.toFixed(), back.text]).toEqual(['partiallyFilled', 'C1', '300', 'replace rejected: too late']);
  });

  it('refuses a replace before the venue acknowledged the order, and a cancel while a replace is pending', () => {
    expect(applyEvent(fresh(), 'replaceRequested', 1).ok).toBe(false);
    expect(applyEvent(ok(applyEvent(accepted(), 'replaceRequested', 2)), 'cancelRequested', 3).ok).toBe(false);
  });
});
