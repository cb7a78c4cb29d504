import { Decimal, toWire } from '../../src/core/decimal.ts';
import type { Side } from '../../src/core/order.ts';
import { averagePrice, positionQuantity } from '../../src/core/pnl/position.ts';
import type { PositionWire } from '../../src/core/protocol.ts';
import type { BookPosition } from './ledgerBook.ts';

/** One fill as the order path reports it: who, where, what, how much, at what price (fees are the portfolio's to charge). */
export interface Fill {
  readonly trader: string;
  readonly account: string;
  readonly symbol: string;
  readonly side: Side;
  readonly quantity: Decimal;
  readonly price: Decimal;
}

/** A position as the trader's panel and the transport see it. */
export type Position = BookPosition;

/** Average cost and realized P&L travel with this many places; the book keeps them exact. */
export const POSITION_WIRE_PLACES = 8;

/** The trader's view: average-cost figures, plus what the terminal needs to compute today's P&L at any mark. */
export function positionToWire(p: Position): PositionWire {
  const round = (d: Decimal) => toWire(d.toDecimalPlaces(POSITION_WIRE_PLACES, Decimal.ROUND_HALF_EVEN));
  const ledger = p.byMethod.averageCost;
  const avg = averagePrice(ledger);
  return {
    trader: p.trader,
    account: p.account,
    symbol: p.symbol,
    currency: p.currency,
    quantity: toWire(positionQuantity(ledger)),
    avgCost: avg === null ? '0' : round(avg),
    realizedPnl: round(ledger.realized),
    multiplier: toWire(p.multiplier),
    fees: round(ledger.fees),
    sodQuantity: toWire(p.sodQuantity),
    sodMark: p.sodMark === null ? null : toWire(p.sodMark),
    todayQuantity: toWire(p.todayQuantity),
    todayNotional: round(p.todayNotional),
  };
}
