import { describe, expect, it } from 'vitest';
import { OrderBook } from '../../../server/venues/matching/orderBook.ts';
import { list, tradesOf } from './collect.ts';

describe('cancel', () => {
  it('takes a resting order out and reports its open lots', () => {
    const book = new OrderBook();
    book.limit(1, 10, 'buy', 100, 5);
    book.limit(2, 11, 'sell', 100, 2);
    expect(list(book.cancel(1))).toEqual([{ kind: 'canceled', orderId: 1, lots: 3, reason: 'requested' }]);
    expect(book.bestBid()).toBeUndefined();
    expect(book.depth('buy')).toEqual([]);
  });

  it('keeps the rest of the level in order when a middle order leaves', () => {
    const book = new OrderBook();
    for (const id of [1, 2, 3]) book.limit(id, id, 'sell', 100, 1);
    book.cancel(2);
    expect(book.queueAt('sell', 100)).toEqual([1, 3]);
    expect(book.depth('sell')).toEqual([{ price: 100, lots: 2, orders: 2 }]);
  });

  it('is rejected for a filled, an already canceled or an unknown order', () => {
    const book = new OrderBook();
    book.limit(1, 10, 'buy', 100, 1);
    book.limit(2, 11, 'sell', 100, 1);
    book.limit(3, 10, 'buy', 99, 1);
    book.cancel(3);
    for (const id of [1, 3, 42]) expect(list(book.cancel(id))).toEqual([{ kind: 'rejected', orderId: id, reason: 'unknown-order' }]);
  });
});

describe('amend', () => {
  function threeAtOneHundred(): OrderBook {
    const book = new OrderBook();
    for (const id of [1, 2, 3]) book.limit(id, id, 'buy', 100, 5);
    return book;
  }

  it('keeps the queue place when only the quantity goes down', () => {
    const book = threeAtOneHundred();
    expect(list(book.amend(1, 100, 2))).toEqual([{ kind: 'amended', orderId: 1, price: 100, lots: 2, queue: 'kept' }]);
    expect(book.queueAt('buy', 100)).toEqual([1, 2, 3]);
    expect(book.depth('buy')).toEqual([{ price: 100, lots: 12, orders: 3 }]);
    expect(tradesOf(list(book.limit(9, 9, 'sell', 100, 3))).map((t) => [t.makerId, t.lots])).toEqual([
      [1, 2],
      [2, 1],
    ]);
  });

  it('loses the queue place when the quantity goes up', () => {
    const book = threeAtOneHundred();
    expect(list(book.amend(1, 100, 8))).toEqual([{ kind: 'amended', orderId: 1, price: 100, lots: 8, queue: 'lost' }]);
    expect(book.queueAt('buy', 100)).toEqual([2, 3, 1]);
    expect(book.depth('buy')).toEqual([{ price: 100, lots: 18, orders: 3 }]);
  });

  it('loses the queue place on a price change, even back to the old price', () => {
    const book = threeAtOneHundred();
    book.amend(1, 99, 5);
    expect(book.queueAt('buy', 99)).toEqual([1]);
    book.amend(1, 100, 5);
    expect(book.queueAt('buy', 100)).toEqual([2, 3, 1]);
    expect(book.depth('buy')).toEqual([{ price: 100, lots: 15, orders: 3 }]);
  });

  it('trades at once when the new price crosses, and rests the rest', () => {
    const book = new OrderBook();
    book.limit(1, 10, 'buy', 99, 5);
    book.limit(2, 11, 'sell', 101, 2);
    expect(list(book.amend(1, 101, 5))).toEqual([
      { kind: 'amended', orderId: 1, price: 101, lots: 5, queue: 'lost' },
      { kind: 'trade', makerId: 2, takerId: 1, price: 101, lots: 2 },
    ]);
    expect(book.order(1)).toMatchObject({ price: 101, filled: 2, leaves: 3 });
    expect(book.bestAsk()).toBeUndefined();
  });

  it('takes the quantity as the new total, filled lots included', () => {
    const book = new OrderBook();
    book.limit(1, 10, 'buy', 100, 10);
    book.limit(2, 11, 'sell', 100, 4);
    book.amend(1, 100, 6);
    expect(book.order(1)).toMatchObject({ lots: 6, filled: 4, leaves: 2 });
    expect(list(book.amend(1, 100, 4))).toEqual([{ kind: 'rejected', orderId: 1, reason: 'bad-quantity' }]);
    expect(book.order(1)).toMatchObject({ lots: 6, leaves: 2 });
  });

  it('is rejected for an unknown order, a pending stop, or a bad price', () => {
    const book = new OrderBook();
    book.limit(1, 10, 'buy', 100, 1);
    book.stop(2, 10, 'buy', 110, 1);
    expect(list(book.amend(7, 100, 1))).toEqual([{ kind: 'rejected', orderId: 7, reason: 'unknown-order' }]);
    expect(list(book.amend(2, 100, 1))).toEqual([{ kind: 'rejected', orderId: 2, reason: 'not-amendable' }]);
    expect(list(book.amend(1, 0, 1))).toEqual([{ kind: 'rejected', orderId: 1, reason: 'bad-price' }]);
    expect(list(book.amend(1, 100, 1.5))).toEqual([{ kind: 'rejected', orderId: 1, reason: 'bad-quantity' }]);
    expect(book.order(1)).toMatchObject({ price: 100, lots: 1 });
  });
});
