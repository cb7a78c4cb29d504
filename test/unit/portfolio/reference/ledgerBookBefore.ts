// applyBookedFill of server/portfolio/ledgerBook.ts as it was before its day totals used the lean Decimal ops
// (addDec/subDec): kept to prove the new one books the same digits (ledgerBookLean.property.test.ts).
import type { BookedFill, BookPosition } from '../../../../server/portfolio/ledgerBook.ts';
import { bookSide } from '../../../../src/core/order.ts';
import { bookFill, notional } from '../../../../src/core/pnl/position.ts';

export function applyBookedFillBefore(p: BookPosition, f: BookedFill): BookPosition {
  const side = bookSide(f.side);
  const fill = { side, quantity: f.quantity, price: f.price, fee: f.fee };
  const value = notional(f.quantity, f.price);
  const buy = side === 'buy';
  return {
    trader: p.trader,
    account: p.account,
    symbol: p.symbol,
    currency: p.currency,
    multiplier: p.multiplier,
    byMethod: { averageCost: bookFill(p.byMethod.averageCost, fill), fifo: bookFill(p.byMethod.fifo, fill) },
    sodQuantity: p.sodQuantity,
    sodMark: p.sodMark,
    todayQuantity: buy ? p.todayQuantity.plus(f.quantity) : p.todayQuantity.minus(f.quantity),
    todayNotional: buy ? p.todayNotional.plus(value) : p.todayNotional.minus(value),
    todayFees: f.fee.isZero() ? p.todayFees : p.todayFees.plus(f.fee),
  };
}
