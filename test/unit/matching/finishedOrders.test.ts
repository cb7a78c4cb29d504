import { describe, expect, it } from 'vitest';
import { dec } from '../../../src/core/decimal.ts';
import { type Order, type OrderSpec, newOrder } from '../../../src/core/order.ts';
import { FINISHED_ORDERS_KEPT, FinishedOrders } from '../../../server/venues/matching/finishedOrders.ts';
import { createMatchingVenue } from '../../../server/venues/matching/matchingVenue.ts';
import type { VenueEvent } from '../../../server/venues/types.ts';
import { FakeMarket, settle } from './venueMarket.ts';

describe('the venue remembers only its most recent finished orders', () => {
  it('stays at FINISHED_ORDERS_KEPT after more orders than that finish, forgetting the oldest first', () => {
    const finished = new FinishedOrders();
    const extra = 2_500;
    for (let i = 0; i < FINISHED_ORDERS_KEPT + extra; i++) finished.note(`O${i}`, i % 2 === 0 ? 'filled' : 'canceled');
    expect(finished.size).toBe(FINISHED_ORDERS_KEPT);
    expect(finished.get('O0')).toBeUndefined();
    expect(finished.get(`O${extra - 1}`)).toBeUndefined();
    expect(finished.get(`O${extra}`)).toBe('filled');
    expect(finished.get(`O${FINISHED_ORDERS_KEPT + extra - 1}`)).toBe('canceled');
  });

  it('keeps an order noted twice in the place it first took, so it never costs another order its slot', () => {
    const finished = new FinishedOrders(3);
    finished.note('A', 'rejected');
    finished.note('B', 'filled');
    finished.note('A', 'canceled');
    finished.note('C', 'filled');
    expect([finished.size, finished.get('A'), finished.get('B'), finished.get('C')]).toEqual([3, 'canceled', 'filled', 'filled']);
    finished.note('D', 'filled');
    // A was first noted before B and C: it is the one forgotten.
    expect([finished.size, finished.get('A'), finished.get('B'), finished.get('D')]).toEqual([3, undefined, 'filled', 'filled']);
  });

  it('refuses a capacity that is not a positive whole number', () => {
    expect(() => new FinishedOrders(0)).toThrow(/positive integer/);
    expect(() => new FinishedOrders(1.5)).toThrow(/positive integer/);
  });
});

describe('a late cancel at a venue that remembers few finished orders', () => {
  let orderNo = 0;
  function marketBuy(): Order {
    orderNo += 1;
    const spec = { symbol: 'ACME', side: 'buy', account: 'ACC', tif: 'day', type: 'market', quantity: dec('1') } as OrderSpec;
    return newOrder(spec, { orderId: `F${orderNo}`, clOrdId: `C${orderNo}`, trader: 'trader1' }, 0);
  }

  it('is told "order is filled" for a recent order and the generic words for one older than the venue keeps', async () => {
    const market = new FakeMarket();
    market.setDepth('ACME', [['99.99', '1000']], [['100.01', '1000']]);
    const kept = 4;
    const venue = createMatchingVenue(market, { now: () => 0, finishedKept: kept });
    const events: VenueEvent[] = [];
    venue.events$.subscribe((e) => events.push(e));
    const orders = Array.from({ length: kept + 3 }, marketBuy);
    for (const o of orders) venue.submit(o);
    await settle();
    expect(events.filter((e) => e.kind === 'fill')).toHaveLength(orders.length);
    const oldest = orders[0]!;
    const newest = orders.at(-1)!;
    const oldestKept = orders[orders.length - kept]!;
    for (const o of [oldest, oldestKept, newest]) venue.cancel(o);
    await settle();
    const answers = events.filter((e) => e.kind === 'cancelRejected').map((e) => [e.orderId, e.kind === 'cancelRejected' ? e.reason : '']);
    expect(answers).toEqual([
      [oldest.orderId, `order ${oldest.orderId} is not open at the INTERNAL venue`],
      [oldestKept.orderId, 'too late to cancel: order is filled'],
      [newest.orderId, 'too late to cancel: order is filled'],
    ]);
    venue.stop();
  });
});
