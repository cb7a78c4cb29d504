import { describe, expect, it } from 'vitest';
import { OrderBook } from '../../../server/venues/matching/orderBook.ts';
import { list, tradesOf } from './collect.ts';

describe('price-time priority', () => {
  it('rests a limit order that does not cross and acknowledges it', () => {
    const book = new OrderBook();
    expect(list(book.limit(1, 10, 'buy', 100, 5))).toEqual([{ kind: 'accepted', orderId: 1 }]);
    expect(book.bestBid()).toBe(100);
    expect(book.bestAsk()).toBeUndefined();
    expect(book.order(1)).toEqual({ state: 'resting', id: 1, owner: 10, side: 'buy', tif: 'gtc', price: 100, lots: 5, filled: 0, leaves: 5 });
  });

  it('fills the better price first, whatever the arrival order', () => {
    const book = new OrderBook();
    book.limit(1, 10, 'sell', 102, 5);
    book.limit(2, 11, 'sell', 101, 5);
    const trades = tradesOf(list(book.limit(3, 12, 'buy', 102, 7)));
    expect(trades).toEqual([
      { kind: 'trade', makerId: 2, takerId: 3, price: 101, lots: 5 },
      { kind: 'trade', makerId: 1, takerId: 3, price: 102, lots: 2 },
    ]);
  });

  it('fills the earlier order first at one price', () => {
    const book = new OrderBook();
    book.limit(1, 10, 'buy', 100, 3);
    book.limit(2, 11, 'buy', 100, 3);
    book.limit(3, 12, 'buy', 100, 3);
    const trades = tradesOf(list(book.limit(4, 13, 'sell', 100, 4)));
    expect(trades.map((t) => [t.makerId, t.lots])).toEqual([
      [1, 3],
      [2, 1],
    ]);
    expect(book.queueAt('buy', 100)).toEqual([2, 3]);
    expect(book.order(2)).toMatchObject({ filled: 1, leaves: 2 });
  });

  it('prints at the resting order’s price, not the aggressor’s limit', () => {
    const book = new OrderBook();
    book.limit(1, 10, 'sell', 100, 1);
    expect(tradesOf(list(book.limit(2, 11, 'buy', 105, 1)))[0]?.price).toBe(100);
    expect(book.lastTradePrice()).toBe(100);
  });

  it('rests the remainder of a partly filled aggressor at its limit', () => {
    const book = new OrderBook();
    book.limit(1, 10, 'sell', 100, 2);
    const events = list(book.limit(2, 11, 'buy', 101, 5));
    expect(events).toEqual([
      { kind: 'accepted', orderId: 2 },
      { kind: 'trade', makerId: 1, takerId: 2, price: 100, lots: 2 },
    ]);
    expect(book.bestBid()).toBe(101);
    expect(book.bestAsk()).toBeUndefined();
    expect(book.order(2)).toMatchObject({ filled: 2, leaves: 3, lots: 5 });
    expect(book.isLive(1)).toBe(false);
  });

  it('walks several levels and stops at the limit', () => {
    const book = new OrderBook();
    book.limit(1, 10, 'sell', 100, 1);
    book.limit(2, 10, 'sell', 101, 1);
    book.limit(3, 10, 'sell', 102, 1);
    book.limit(4, 10, 'sell', 103, 1);
    const trades = tradesOf(list(book.limit(5, 11, 'buy', 102, 10)));
    expect(trades.map((t) => t.price)).toEqual([100, 101, 102]);
    expect(book.bestAsk()).toBe(103);
    expect(book.bestBid()).toBe(102);
    expect(book.depth('buy')).toEqual([{ price: 102, lots: 7, orders: 1 }]);
  });

  it('keeps levels sorted on both sides, best first, with their totals', () => {
    const book = new OrderBook();
    for (const [id, tick] of [
      [1, 98],
      [2, 99],
      [3, 97],
      [4, 99],
    ] as const)
      book.limit(id, id, 'buy', tick, 2);
    for (const [id, tick] of [
      [5, 103],
      [6, 101],
      [7, 102],
    ] as const)
      book.limit(id, id, 'sell', tick, 1);
    expect(book.depth('buy')).toEqual([
      { price: 99, lots: 4, orders: 2 },
      { price: 98, lots: 2, orders: 1 },
      { price: 97, lots: 2, orders: 1 },
    ]);
    expect(book.depth('sell', 2)).toEqual([
      { price: 101, lots: 1, orders: 1 },
      { price: 102, lots: 1, orders: 1 },
    ]);
  });
});
