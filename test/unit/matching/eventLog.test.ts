import { describe, expect, it } from 'vitest';
import { EVENT_KINDS, E_ACCEPTED, E_AMENDED, E_CANCELED, E_REJECTED, E_TRADE, E_TRIGGERED } from '../../../server/venues/matching/events.ts';
import { OrderBook } from '../../../server/venues/matching/orderBook.ts';
import * as reasons from '../../../server/venues/matching/reasons.ts';

describe('event log', () => {
  it('grows past its first capacity when one order sweeps a deep book', () => {
    const book = new OrderBook();
    for (let i = 0; i < 1_000; i++) book.limit(i, 1, 'sell', 100 + (i % 50), 1);
    const log = book.market(5_000, 2, 'buy', 1_000);
    expect(log.length).toBe(1_001);
    expect(log.trades).toBe(1_000);
    expect(log.tradedLots).toBe(1_000);
    expect(log.at(1_000)).toEqual({ kind: 'trade', makerId: 999, takerId: 5_000, price: 149, lots: 1 });
    expect(() => log.at(1_001)).toThrow(RangeError);
  });

  it('starts afresh with each operation', () => {
    const book = new OrderBook();
    book.limit(1, 1, 'sell', 100, 1);
    const log = book.limit(2, 2, 'buy', 100, 1);
    expect([log.length, log.trades]).toEqual([2, 1]);
    book.cancel(7);
    expect([log.length, log.trades, log.tradedLots]).toEqual([1, 0, 0]);
  });

  it('stores kinds and reasons under codes that name them', () => {
    expect([E_ACCEPTED, E_TRADE, E_CANCELED, E_REJECTED, E_TRIGGERED, E_AMENDED].map((c) => EVENT_KINDS[c])).toEqual([...EVENT_KINDS]);
    expect(
      [reasons.C_REQUESTED, reasons.C_IOC_REMAINDER, reasons.C_MARKET_REMAINDER, reasons.C_FOK_UNFILLABLE, reasons.C_SELF_TRADE, reasons.C_DAY_EXPIRED].map(
        (c) => reasons.CANCEL_REASONS[c],
      ),
    ).toEqual([...reasons.CANCEL_REASONS]);
    expect(
      [
        reasons.R_BAD_ID,
        reasons.R_DUPLICATE_ID,
        reasons.R_BAD_OWNER,
        reasons.R_BAD_SIDE,
        reasons.R_BAD_QUANTITY,
        reasons.R_BAD_PRICE,
        reasons.R_BAD_TIF,
        reasons.R_UNKNOWN_ORDER,
        reasons.R_NOT_AMENDABLE,
      ].map((c) => reasons.REJECT_REASONS[c]),
    ).toEqual([...reasons.REJECT_REASONS]);
    expect([reasons.Q_KEPT, reasons.Q_LOST].map((c) => reasons.QUEUE_PRIORITY[c])).toEqual([...reasons.QUEUE_PRIORITY]);
  });
});
