import { describe, expect, it } from 'vitest';
import type { ExecReportWire, OrderWire } from '../../../src/core/protocol.ts';
import { NO_ORDERS, executionsOf, fillsNewestFirst, orderByClOrdId, ordersNewestFirst, reduceOrders } from '../../../src/streams/ordersState.ts';

function order(orderId: string, patch: Partial<OrderWire> = {}): OrderWire {
  return {
    orderId,
    clOrdId: `c-${orderId}`,
    trader: 'trader1',
    account: 'T1-MAIN',
    symbol: 'AAPL',
    side: 'buy',
    type: 'limit',
    tif: 'day',
    quantity: '100',
    limitPrice: '190.00',
    stopPrice: null,
    expireAt: null,
    locate: null,
    origClOrdId: null,
    venue: 'INTERNAL',
    status: 'pendingNew',
    cumQty: '0',
    leavesQty: '100',
    avgPx: '0',
    text: '',
    createdAt: 1_000,
    updatedAt: 1_000,
    ...patch,
  };
}

function report(execId: string, o: OrderWire, patch: Partial<ExecReportWire> = {}): ExecReportWire {
  return { execId, execType: 'new', lastQty: '0', lastPx: '0', ts: o.updatedAt, order: o, ...patch };
}

describe('reduceOrders', () => {
  it('replaces the whole state with a snapshot', () => {
    const before = reduceOrders(NO_ORDERS, { kind: 'execReport', report: report('e0', order('O0')) });
    const after = reduceOrders(before, { kind: 'snapshot', orders: [order('O1'), order('O2')], executions: [] });
    expect([...after.orders.keys()]).toEqual(['O1', 'O2']);
    expect(after.executions.size).toBe(0);
  });

  it('takes the order as an execution report describes it after the event', () => {
    let s = reduceOrders(NO_ORDERS, { kind: 'execReport', report: report('e1', order('O1'), { execType: 'pendingNew' }) });
    s = reduceOrders(s, { kind: 'execReport', report: report('e2', order('O1', { status: 'new' })) });
    const filled = order('O1', { status: 'filled', cumQty: '100', leavesQty: '0', avgPx: '189.99', updatedAt: 1_002 });
    s = reduceOrders(s, { kind: 'execReport', report: report('e3', filled, { execType: 'trade', lastQty: '100', lastPx: '189.99' }) });
    expect(s.orders.get('O1')).toEqual(filled);
    expect(s.executions.size).toBe(3);
  });

  it('ignores a report it has already applied (our reply and its fan-out copy)', () => {
    const s1 = reduceOrders(NO_ORDERS, { kind: 'execReport', report: report('e1', order('O1', { status: 'new' })) });
    const s2 = reduceOrders(s1, { kind: 'execReport', report: report('e1', order('O1', { status: 'new' })) });
    expect(s2).toBe(s1);
  });

  it('does not mutate the previous state', () => {
    const s1 = reduceOrders(NO_ORDERS, { kind: 'execReport', report: report('e1', order('O1')) });
    reduceOrders(s1, { kind: 'execReport', report: report('e2', order('O2')) });
    expect(s1.orders.size).toBe(1);
    expect(NO_ORDERS.orders.size).toBe(0);
  });
});

describe('blotter views', () => {
  it('lists orders newest first and only trades as fills', () => {
    const a = order('O1', { createdAt: 1 });
    const b = order('O2', { createdAt: 2 });
    const s = reduceOrders(NO_ORDERS, {
      kind: 'snapshot',
      orders: [a, b],
      executions: [report('e1', a, { ts: 5 }), report('e2', a, { execType: 'trade', ts: 6 }), report('e3', b, { execType: 'trade', ts: 7 })],
    });
    expect(ordersNewestFirst(s).map((o) => o.orderId)).toEqual(['O2', 'O1']);
    expect(fillsNewestFirst(s).map((e) => e.execId)).toEqual(['e3', 'e2']);
    expect(orderByClOrdId(s, 'c-O2')?.orderId).toBe('O2');
    expect(orderByClOrdId(s, 'missing')).toBeUndefined();
  });

  it("gives one order's history oldest first, across the ClOrdIDs of its replaces", () => {
    const first = order('O1', { status: 'pendingNew' });
    const amended = order('O1', { clOrdId: 'c-2', origClOrdId: 'c-O1', quantity: '200', status: 'new' });
    let s = reduceOrders(NO_ORDERS, { kind: 'execReport', report: report('E00000001', first, { execType: 'pendingNew', ts: 10 }) });
    s = reduceOrders(s, { kind: 'execReport', report: report('E00000003', order('O2'), { ts: 11 }) });
    s = reduceOrders(s, { kind: 'execReport', report: report('E00000004', amended, { execType: 'replaced', ts: 12 }) });
    s = reduceOrders(s, { kind: 'execReport', report: report('E00000002', { ...first, status: 'pendingReplace' }, { execType: 'pendingReplace', ts: 12 }) });
    expect(executionsOf(s, 'O1').map((e) => `${e.execType} ${e.order.clOrdId}`)).toEqual(['pendingNew c-O1', 'pendingReplace c-O1', 'replaced c-2']);
    expect(executionsOf(s, 'O9')).toEqual([]);
  });
});
