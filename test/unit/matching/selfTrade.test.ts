import { describe, expect, it } from 'vitest';
import { OrderBook } from '../../../server/venues/matching/orderBook.ts';
import { list } from './collect.ts';

describe('self-trade prevention (cancel resting)', () => {
  it('cancels the resting order of the same owner and goes on matching behind it', () => {
    const book = new OrderBook();
    book.limit(1, 7, 'sell', 100, 2);
    book.limit(2, 8, 'sell', 100, 2);
    expect(list(book.limit(3, 7, 'buy', 100, 3))).toEqual([
      { kind: 'accepted', orderId: 3 },
      { kind: 'canceled', orderId: 1, lots: 2, reason: 'self-trade' },
      { kind: 'trade', makerId: 2, takerId: 3, price: 100, lots: 2 },
    ]);
    expect(book.isLive(1)).toBe(false);
    expect(book.order(3)).toMatchObject({ leaves: 1, price: 100 });
    expect(book.bestAsk()).toBeUndefined();
  });

  it('leaves own orders alone when the incoming order does not reach them', () => {
    const book = new OrderBook();
    book.limit(1, 8, 'sell', 100, 1);
    book.limit(2, 7, 'sell', 100, 1);
    expect(list(book.limit(3, 7, 'buy', 100, 1)).map((e) => e.kind)).toEqual(['accepted', 'trade']);
    expect(book.isLive(2)).toBe(true);
  });

  it('clears own orders in the way so the incoming order can rest uncrossed', () => {
    const book = new OrderBook();
    book.limit(1, 7, 'sell', 100, 5);
    list(book.limit(2, 7, 'buy', 101, 1));
    expect(book.bestBid()).toBe(101);
    expect(book.bestAsk()).toBeUndefined();
  });

  it('FOK does not count the owner’s own liquidity', () => {
    const book = new OrderBook();
    book.limit(1, 7, 'sell', 100, 5);
    book.limit(2, 8, 'sell', 100, 1);
    expect(list(book.limit(3, 7, 'buy', 100, 2, 'fok'))).toEqual([
      { kind: 'accepted', orderId: 3 },
      { kind: 'canceled', orderId: 3, lots: 2, reason: 'fok-unfillable' },
    ]);
    expect(book.isLive(1)).toBe(true);
  });

  it('applies to a market order too', () => {
    const book = new OrderBook();
    book.limit(1, 7, 'buy', 99, 5);
    expect(list(book.market(2, 7, 'sell', 1))).toEqual([
      { kind: 'accepted', orderId: 2 },
      { kind: 'canceled', orderId: 1, lots: 5, reason: 'self-trade' },
      { kind: 'canceled', orderId: 2, lots: 1, reason: 'market-remainder' },
    ]);
  });
});
