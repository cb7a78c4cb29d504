import { describe, expect, it } from 'vitest';
import { OrderBook } from '../../../server/venues/matching/orderBook.ts';
import { list, tradesOf } from './collect.ts';

/** Asks at 100..104, one lot each from owner 1; bids at 95..99 from owner 2. */
function ladderBook(): OrderBook {
  const book = new OrderBook();
  for (let i = 0; i < 5; i++) {
    book.limit(100 + i, 1, 'sell', 100 + i, 1);
    book.limit(99 - i, 2, 'buy', 99 - i, 1);
  }
  return book;
}

describe('stop orders', () => {
  it('wait, without touching the book, until a trade reaches the stop price', () => {
    const book = ladderBook();
    expect(list(book.stop(1, 3, 'buy', 101, 2))).toEqual([{ kind: 'accepted', orderId: 1 }]);
    expect(book.order(1)).toEqual({ state: 'stop', id: 1, owner: 3, side: 'buy', tif: 'gtc', stopKind: 'stop-market', stopPrice: 101, price: null, lots: 2 });
    // A trade at 100 does not reach a buy stop at 101.
    expect(list(book.market(2, 4, 'buy', 1)).map((e) => e.kind)).toEqual(['accepted', 'trade']);
    expect(book.order(1)?.state).toBe('stop');
    expect(book.bestAsk()).toBe(101);
  });

  it('trigger on a print made outside the book, which moves the last trade price and trades nothing', () => {
    const book = ladderBook();
    book.stop(1, 3, 'sell', 97, 1);
    expect(list(book.print(98))).toEqual([]);
    expect(book.lastTradePrice()).toBe(98);
    expect(list(book.print(97))).toEqual([
      { kind: 'triggered', orderId: 1 },
      { kind: 'trade', makerId: 99, takerId: 1, price: 99, lots: 1 },
    ]);
    expect(list(book.print(0))).toEqual([]);
    expect(book.lastTradePrice()).toBe(99);
  });

  it('a buy stop-market becomes a market order when a trade prints at or above it', () => {
    const book = ladderBook();
    book.stop(1, 3, 'buy', 101, 2);
    expect(list(book.limit(2, 4, 'buy', 101, 2))).toEqual([
      { kind: 'accepted', orderId: 2 },
      { kind: 'trade', makerId: 100, takerId: 2, price: 100, lots: 1 },
      { kind: 'trade', makerId: 101, takerId: 2, price: 101, lots: 1 },
      { kind: 'triggered', orderId: 1 },
      { kind: 'trade', makerId: 102, takerId: 1, price: 102, lots: 1 },
      { kind: 'trade', makerId: 103, takerId: 1, price: 103, lots: 1 },
    ]);
    expect(book.isLive(1)).toBe(false);
  });

  it('a sell stop-limit becomes a limit order that rests what it cannot fill', () => {
    const book = ladderBook();
    book.stopLimit(1, 3, 'sell', 98, 97, 5);
    const events = list(book.market(2, 4, 'sell', 2));
    expect(events.slice(3)).toEqual([
      { kind: 'triggered', orderId: 1 },
      { kind: 'trade', makerId: 97, takerId: 1, price: 97, lots: 1 },
    ]);
    expect(book.order(1)).toMatchObject({ state: 'resting', price: 97, filled: 1, leaves: 4 });
    expect(book.bestAsk()).toBe(97);
  });

  it('trigger in stop-price order, ties first-come, and cascade', () => {
    const book = ladderBook();
    book.stop(1, 3, 'buy', 102, 1);
    book.stop(2, 3, 'buy', 101, 1);
    book.stop(3, 5, 'buy', 101, 1);
    // Buying 100 and 101 triggers 2 then 3 (both at 101); their prints at 102 and 103 trigger 1.
    const triggered = list(book.limit(4, 4, 'buy', 101, 2)).filter((e) => e.kind === 'triggered');
    expect(triggered.map((e) => e.orderId)).toEqual([2, 3, 1]);
    expect(book.bestAsk()).toBeUndefined();
  });

  it('trigger at once when the last trade already reaches the stop price', () => {
    const book = ladderBook();
    book.market(1, 4, 'sell', 1); // prints 99
    expect(list(book.stop(2, 3, 'sell', 100, 1))).toEqual([
      { kind: 'accepted', orderId: 2 },
      { kind: 'triggered', orderId: 2 },
      { kind: 'trade', makerId: 98, takerId: 2, price: 98, lots: 1 },
    ]);
  });

  it('stay pending with no trade yet, and can be canceled', () => {
    const book = new OrderBook();
    book.stop(1, 3, 'sell', 100, 1);
    expect(book.order(1)?.state).toBe('stop');
    expect(list(book.cancel(1))).toEqual([{ kind: 'canceled', orderId: 1, lots: 1, reason: 'requested' }]);
    expect(list(book.cancel(1))).toEqual([{ kind: 'rejected', orderId: 1, reason: 'unknown-order' }]);
  });

  it('are triggered by any print of the taker, not only its last one', () => {
    // A sell stop at 99 and a buy taker that prints 98 then 101: the 98 print reaches the stop.
    const book = new OrderBook();
    book.limit(10, 1, 'buy', 100, 1);
    book.market(11, 2, 'sell', 1); // last trade 100
    book.stop(1, 3, 'sell', 99, 1);
    book.limit(12, 1, 'sell', 98, 1);
    book.limit(13, 1, 'sell', 101, 1);
    book.limit(14, 5, 'buy', 90, 1);
    const events = list(book.limit(15, 4, 'buy', 101, 2));
    expect(events.filter((e) => e.kind === 'triggered')).toEqual([{ kind: 'triggered', orderId: 1 }]);
    expect(tradesOf(events).at(-1)).toEqual({ kind: 'trade', makerId: 14, takerId: 1, price: 90, lots: 1 });
  });
});
