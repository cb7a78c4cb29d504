import type { Side } from '../../../src/core/order.ts';
import type { EventLog } from './events.ts';
import type { OrderBook } from './orderBook.ts';
import type { BookTif } from './orderNode.ts';

/**
 * A book command as data, for journals, recorded streams and tests. The book's
 * positional methods are the fast path; this is the readable one.
 */
export type BookCommand =
  | { kind: 'limit'; id: number; owner: number; side: Side; price: number; lots: number; tif: BookTif }
  | { kind: 'market'; id: number; owner: number; side: Side; lots: number }
  | { kind: 'stop'; id: number; owner: number; side: Side; stopPrice: number; lots: number }
  | { kind: 'stopLimit'; id: number; owner: number; side: Side; stopPrice: number; price: number; lots: number; tif: BookTif }
  | { kind: 'cancel'; id: number }
  | { kind: 'amend'; id: number; price: number; lots: number };

export function applyCommand(book: OrderBook, c: BookCommand): EventLog {
  switch (c.kind) {
    case 'limit':
      return book.limit(c.id, c.owner, c.side, c.price, c.lots, c.tif);
    case 'market':
      return book.market(c.id, c.owner, c.side, c.lots);
    case 'stop':
      return book.stop(c.id, c.owner, c.side, c.stopPrice, c.lots);
    case 'stopLimit':
      return book.stopLimit(c.id, c.owner, c.side, c.stopPrice, c.price, c.lots, c.tif);
    case 'cancel':
      return book.cancel(c.id);
    case 'amend':
      return book.amend(c.id, c.price, c.lots);
  }
}
