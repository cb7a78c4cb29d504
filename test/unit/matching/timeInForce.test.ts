import { describe, expect, it } from 'vitest';
import { OrderBook } from '../../../server/venues/matching/orderBook.ts';
import { list } from './collect.ts';

function bookWithAsks(): OrderBook {
  const book = new OrderBook();
  book.limit(1, 10, 'sell', 100, 3);
  book.limit(2, 11, 'sell', 101, 3);
  return book;
}

describe('IOC', () => {
  it('fills what it can and cancels the rest', () => {
    const book = bookWithAsks();
    expect(list(book.limit(3, 12, 'buy', 100, 5, 'ioc'))).toEqual([
      { kind: 'accepted', orderId: 3 },
      { kind: 'trade', makerId: 1, takerId: 3, price: 100, lots: 3 },
      { kind: 'canceled', orderId: 3, lots: 2, reason: 'ioc-remainder' },
    ]);
    expect(book.bestBid()).toBeUndefined();
    expect(book.isLive(3)).toBe(false);
  });

  it('is canceled whole when nothing crosses', () => {
    const book = bookWithAsks();
    expect(list(book.limit(3, 12, 'buy', 99, 5, 'ioc'))).toEqual([
      { kind: 'accepted', orderId: 3 },
      { kind: 'canceled', orderId: 3, lots: 5, reason: 'ioc-remainder' },
    ]);
    expect(book.depth('sell')).toHaveLength(2);
  });

  it('sends nothing further once fully filled', () => {
    const book = bookWithAsks();
    expect(list(book.limit(3, 12, 'buy', 101, 6, 'ioc')).map((e) => e.kind)).toEqual(['accepted', 'trade', 'trade']);
  });
});

describe('FOK', () => {
  it('fills whole across levels when the book holds enough within its limit', () => {
    const book = bookWithAsks();
    expect(list(book.limit(3, 12, 'buy', 101, 6, 'fok'))).toEqual([
      { kind: 'accepted', orderId: 3 },
      { kind: 'trade', makerId: 1, takerId: 3, price: 100, lots: 3 },
      { kind: 'trade', makerId: 2, takerId: 3, price: 101, lots: 3 },
    ]);
    expect(book.bestAsk()).toBeUndefined();
  });

  it('is canceled without touching the book when it cannot fill whole', () => {
    const book = bookWithAsks();
    expect(list(book.limit(3, 12, 'buy', 101, 7, 'fok'))).toEqual([
      { kind: 'accepted', orderId: 3 },
      { kind: 'canceled', orderId: 3, lots: 7, reason: 'fok-unfillable' },
    ]);
    expect(book.depth('sell')).toEqual([
      { price: 100, lots: 3, orders: 1 },
      { price: 101, lots: 3, orders: 1 },
    ]);
    expect(book.lastTradePrice()).toBeUndefined();
  });

  it('counts only liquidity inside its limit', () => {
    const book = bookWithAsks();
    expect(list(book.limit(3, 12, 'buy', 100, 4, 'fok')).at(-1)).toEqual({ kind: 'canceled', orderId: 3, lots: 4, reason: 'fok-unfillable' });
  });
});

describe('market orders', () => {
  it('walk the book and never rest', () => {
    const book = bookWithAsks();
    expect(list(book.market(3, 12, 'buy', 4))).toEqual([
      { kind: 'accepted', orderId: 3 },
      { kind: 'trade', makerId: 1, takerId: 3, price: 100, lots: 3 },
      { kind: 'trade', makerId: 2, takerId: 3, price: 101, lots: 1 },
    ]);
    expect(book.bestBid()).toBeUndefined();
    expect(book.order(2)).toMatchObject({ filled: 1, leaves: 2 });
  });

  it('cancel what the book cannot fill', () => {
    const book = bookWithAsks();
    expect(list(book.market(3, 12, 'buy', 10)).at(-1)).toEqual({ kind: 'canceled', orderId: 3, lots: 4, reason: 'market-remainder' });
    expect(book.bestAsk()).toBeUndefined();
    expect(book.bestBid()).toBeUndefined();
  });

  it('on an empty side are canceled whole', () => {
    const book = new OrderBook();
    expect(list(book.market(1, 10, 'sell', 2))).toEqual([
      { kind: 'accepted', orderId: 1 },
      { kind: 'canceled', orderId: 1, lots: 2, reason: 'market-remainder' },
    ]);
  });
});

describe('DAY orders', () => {
  it('rest like GTC until the session ends, then expire while GTC stays', () => {
    const book = new OrderBook();
    book.limit(1, 10, 'buy', 99, 2, 'day');
    book.limit(2, 10, 'buy', 99, 3, 'gtc');
    book.stopLimit(3, 10, 'sell', 90, 89, 1, 'day');
    expect(book.depth('buy')).toEqual([{ price: 99, lots: 5, orders: 2 }]);
    expect(list(book.expireDayOrders())).toEqual([
      { kind: 'canceled', orderId: 1, lots: 2, reason: 'day-expired' },
      { kind: 'canceled', orderId: 3, lots: 1, reason: 'day-expired' },
    ]);
    expect(book.depth('buy')).toEqual([{ price: 99, lots: 3, orders: 1 }]);
    expect(book.liveOrders).toBe(1);
  });
});
