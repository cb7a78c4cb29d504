import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OrderWire } from '../../../src/core/protocol.ts';
import { Connection } from '../../../src/streams/connection.ts';
import { ordersOf } from '../../../src/streams/orders.ts';
import type { OrdersState } from '../../../src/streams/ordersState.ts';
import { fakeSockets, loginOk } from './fakeSocket.ts';

const order = (orderId: string, status: OrderWire['status']): OrderWire => ({
  orderId,
  clOrdId: `c-${orderId}`,
  trader: 'trader1',
  account: 'T1-MAIN',
  symbol: 'AAPL',
  side: 'buy',
  type: 'market',
  tif: 'day',
  quantity: '100',
  limitPrice: null,
  stopPrice: null,
  expireAt: null,
  locate: null,
  origClOrdId: null,
  venue: 'INTERNAL',
  status,
  cumQty: '0',
  leavesQty: '100',
  avgPx: '0',
  text: '',
  createdAt: 1,
  updatedAt: 1,
});

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('orders stream', () => {
  it('starts from the snapshot, applies pushed reports, and takes a fresh snapshot after a reconnect', async () => {
    const fake = fakeSockets();
    const conn = new Connection({ url: 'ws://gw/ws', createSocket: fake.factory, backoff: { initialMs: 50, maxMs: 50 }, log: () => undefined });
    conn.login('trader1', 'demo').subscribe();
    fake.latest().open();
    fake.latest().receive(loginOk(fake.latest().lastSent('login')?.reqId));
    await Promise.resolve();

    let state: OrdersState | undefined;
    ordersOf(conn).subscribe((s) => (state = s));
    const s1 = fake.latest();
    s1.receive({ type: 'ordersSnapshot', reqId: s1.lastSent('subscribeOrders')?.reqId, orders: [order('O1', 'new')], executions: [] });
    s1.receive({ type: 'execReport', report: { execId: 'e9', execType: 'new', lastQty: '0', lastPx: '0', ts: 2, order: order('O2', 'new') } });
    expect([...(state?.orders.keys() ?? [])]).toEqual(['O1', 'O2']);

    s1.drop();
    vi.advanceTimersByTime(50);
    const s2 = fake.latest();
    s2.open();
    s2.receive(loginOk(s2.lastSent('login')?.reqId));
    // Until the new snapshot arrives, the blotter keeps what it had.
    expect(state?.orders.size).toBe(2);
    s2.receive({ type: 'ordersSnapshot', reqId: s2.lastSent('subscribeOrders')?.reqId, orders: [order('O2', 'canceled')], executions: [] });
    expect(state?.orders.get('O2')?.status).toBe('canceled');
    expect(state?.orders.has('O1')).toBe(false);
  });
});
