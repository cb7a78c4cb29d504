import { describe, expect, it } from 'vitest';
import { OrderBook } from '../../../server/venues/matching/orderBook.ts';
import type { BookTif } from '../../../server/venues/matching/orderNode.ts';
import type { Side } from '../../../src/core/order.ts';
import { list } from './collect.ts';

describe('bad input is rejected and changes nothing', () => {
  const cases: [string, (b: OrderBook) => ReturnType<OrderBook['limit']>, string][] = [
    ['negative id', (b) => b.limit(-1, 1, 'buy', 100, 1), 'bad-id'],
    ['fractional id', (b) => b.limit(1.5, 1, 'buy', 100, 1), 'bad-id'],
    ['NaN owner', (b) => b.limit(1, Number.NaN, 'buy', 100, 1), 'bad-owner'],
    ['unknown side', (b) => b.limit(1, 1, 'hold' as Side, 100, 1), 'bad-side'],
    ['zero lots', (b) => b.limit(1, 1, 'buy', 100, 0), 'bad-quantity'],
    ['fractional lots', (b) => b.limit(1, 1, 'buy', 100, 0.5), 'bad-quantity'],
    ['lots beyond safe integers', (b) => b.limit(1, 1, 'buy', 100, 2 ** 53), 'bad-quantity'],
    ['zero price', (b) => b.limit(1, 1, 'buy', 0, 1), 'bad-price'],
    ['fractional price', (b) => b.limit(1, 1, 'buy', 100.5, 1), 'bad-price'],
    ['infinite price', (b) => b.limit(1, 1, 'buy', Infinity, 1), 'bad-price'],
    ['unknown time in force', (b) => b.limit(1, 1, 'buy', 100, 1, 'gtd' as BookTif), 'bad-tif'],
    ['market with zero lots', (b) => b.market(1, 1, 'sell', 0), 'bad-quantity'],
    ['stop with a bad stop price', (b) => b.stop(1, 1, 'sell', -5, 1), 'bad-price'],
    ['stop-limit with a bad limit', (b) => b.stopLimit(1, 1, 'sell', 95, 0.1, 1), 'bad-price'],
  ];

  for (const [name, send, reason] of cases) {
    it(name, () => {
      const book = new OrderBook();
      book.limit(100, 9, 'sell', 101, 1);
      const events = list(send(book));
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ kind: 'rejected', reason });
      expect(book.liveOrders).toBe(1);
      expect(book.depth('sell')).toEqual([{ price: 101, lots: 1, orders: 1 }]);
    });
  }

  it('a duplicate id of a live order', () => {
    const book = new OrderBook();
    book.limit(1, 1, 'buy', 100, 1);
    expect(list(book.limit(1, 2, 'sell', 105, 1))).toEqual([{ kind: 'rejected', orderId: 1, reason: 'duplicate-id' }]);
    book.stop(2, 1, 'buy', 110, 1);
    expect(list(book.market(2, 1, 'buy', 1))).toEqual([{ kind: 'rejected', orderId: 2, reason: 'duplicate-id' }]);
  });

  it('an id may be used again once its order is done', () => {
    const book = new OrderBook();
    book.limit(1, 1, 'buy', 100, 1);
    book.cancel(1);
    expect(list(book.limit(1, 1, 'buy', 100, 1))).toEqual([{ kind: 'accepted', orderId: 1 }]);
  });
});
