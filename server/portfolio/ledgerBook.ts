import { Decimal, ZERO, subDec } from '../../src/core/decimal.ts';
import { add } from '../../src/core/risk/decimalCompare.ts';
import type { Instrument } from '../../src/core/instrument.ts';
import { type Side, bookSide } from '../../src/core/order.ts';
import { reduceAverage } from '../../src/core/pnl/averageHolding.ts';
import type { CostMethod } from '../../src/core/pnl/inventory.ts';
import { reduceLots } from '../../src/core/pnl/lotHolding.ts';
import { type Position as Ledger, averagePrice, bookFill, isUnit, notional, openPosition, positionQuantity, unrealizedPnl } from '../../src/core/pnl/position.ts';

export { positionQuantity };

/** One fill as the portfolio books it. */
export interface BookedFill {
  readonly trader: string;
  readonly account: string;
  readonly symbol: string;
  readonly side: Side;
  readonly quantity: Decimal;
  readonly price: Decimal;
  /** In the instrument's currency, positive when paid. */
  readonly fee: Decimal;
}

/** What a position held at the start of the day: quantity, its cost, and the mark the day is measured from. */
export interface StartOfDayPosition {
  readonly trader: string;
  readonly account: string;
  readonly symbol: string;
  readonly quantity: Decimal;
  readonly cost: Decimal;
  readonly mark: Decimal;
}

/**
 * One (trader, account, symbol) position kept under both cost methods at once,
 * so the desk can switch method without replaying anything, plus the running
 * sums today's P&L needs: Σ signed quantity and Σ signed quantity × price of
 * today's fills, which make the trading P&L one multiplication at any mark.
 */
export interface BookPosition {
  readonly trader: string;
  readonly account: string;
  readonly symbol: string;
  readonly currency: string;
  readonly multiplier: Decimal;
  readonly byMethod: Readonly<Record<CostMethod, Ledger>>;
  readonly sodQuantity: Decimal;
  readonly sodMark: Decimal | null;
  readonly todayQuantity: Decimal;
  readonly todayNotional: Decimal;
  readonly todayFees: Decimal;
}

export interface PositionFigures {
  readonly quantity: Decimal;
  readonly averagePrice: Decimal | null;
  readonly marketValue: Decimal;
  readonly realized: Decimal;
  readonly unrealized: Decimal;
  /** Today's gross P&L against the start-of-day mark (position P&L + trading P&L). */
  readonly daily: Decimal;
  /** All fees since inception; todayFees for the day's. */
  readonly fees: Decimal;
  readonly todayFees: Decimal;
}

export const positionKey = (p: { trader: string; account: string; symbol: string }) => `${p.trader}\u0000${p.account}\u0000${p.symbol}`;

export function openBookPosition(key: { trader: string; account: string; symbol: string }, instrument: Instrument | undefined): BookPosition {
  const terms = { currency: instrument?.currency ?? 'USD', multiplier: instrument?.multiplier ?? new Decimal(1) };
  return {
    ...key,
    currency: terms.currency,
    multiplier: terms.multiplier,
    byMethod: { averageCost: openPosition(terms, 'averageCost'), fifo: openPosition(terms, 'fifo') },
    sodQuantity: ZERO,
    sodMark: null,
    todayQuantity: ZERO,
    todayNotional: ZERO,
    todayFees: ZERO,
  };
}

/** Loads a start-of-day holding: opened at its cost, measured today from its mark. */
export function withStartOfDay(p: BookPosition, sod: StartOfDayPosition): BookPosition {
  let byMethod = p.byMethod;
  if (!sod.quantity.isZero()) {
    const fill = { side: sod.quantity.gt(0) ? ('buy' as const) : ('sell' as const), quantity: sod.quantity.abs(), price: sod.cost };
    byMethod = { averageCost: bookFill(byMethod.averageCost, fill), fifo: bookFill(byMethod.fifo, fill) };
  }
  return { ...p, byMethod, sodQuantity: positionQuantity(byMethod.averageCost), sodMark: sod.mark };
}

/**
 * Books one of today's fills. The new position is written out field by field
 * (a spread copies by walking the old one), and a sell subtracts rather than
 * adds a negated copy: the same digits, one Decimal fewer each.
 */
export function applyBookedFill(p: BookPosition, f: BookedFill): BookPosition {
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
    // add: a day's first fill is its own total (0 + x is x), no copy made.
    todayQuantity: buy ? add(p.todayQuantity, f.quantity) : subDec(p.todayQuantity, f.quantity),
    todayNotional: buy ? add(p.todayNotional, value) : subDec(p.todayNotional, value),
    todayFees: f.fee.isZero() ? p.todayFees : add(p.todayFees, f.fee),
  };
}

/** One leg of a block allocation: the allocated quantity at the block's average price, with its exact share of the notional. */
export interface TransferLeg {
  readonly side: 'buy' | 'sell';
  readonly quantity: Decimal;
  readonly price: Decimal;
  readonly notional: Decimal;
}

/**
 * Books one leg of an allocation transfer: a fill at the block's average
 * price with no fee (the block's fills paid it). The price may be a repeating
 * decimal cut at 40 digits, so the cash is the leg's notional instead: what
 * the leg closes realizes notional − the cost that leaves (taken by the core's
 * own reduction, so it is the cost the fills put in); what it opens or adds to
 * under average cost costs the notional. FIFO lots hold a price, not a cost, so
 * a FIFO lot the leg opens keeps the cut price (off by less than 1e-30). A leg
 * that turns a position over (not what an allocation does) keeps the cut too.
 */
export function applyTransfer(p: BookPosition, t: TransferLeg): BookPosition {
  const booked = applyBookedFill(p, { trader: p.trader, account: p.account, symbol: p.symbol, side: t.side, quantity: t.quantity, price: t.price, fee: ZERO });
  const cash = t.notional.times(p.multiplier);
  const direction = t.side === 'buy' ? 'long' : 'short';
  const settle = (before: Ledger, after: Ledger): Ledger => {
    const inv = before.inventory;
    const held = inv.open;
    if (held === null || held.direction === direction) {
      const next = after.inventory;
      if (inv.method !== 'averageCost' || next.method !== 'averageCost' || next.open === null) return after;
      const prior = inv.open === null ? ZERO : inv.open.cost;
      return { ...after, inventory: { method: 'averageCost', open: { ...next.open, cost: prior.plus(cash) } } };
    }
    if (t.quantity.gt(positionQuantity(before).abs())) return after;
    const removed = inv.method === 'fifo' ? reduceLots(inv.open!, t.quantity, p.multiplier).removedCost : reduceAverage(inv.open!, t.quantity).removedCost;
    // Selling out of a long receives the notional; buying back a short pays it.
    return { ...after, realized: before.realized.plus(held.direction === 'long' ? cash.minus(removed) : removed.minus(cash)) };
  };
  const notional = t.side === 'buy' ? t.notional : t.notional.neg();
  return {
    ...booked,
    byMethod: { averageCost: settle(p.byMethod.averageCost, booked.byMethod.averageCost), fifo: settle(p.byMethod.fifo, booked.byMethod.fifo) },
    todayNotional: p.todayNotional.plus(notional),
  };
}

/**
 * The position's figures at a mark, in its own currency. Without a start-of-day
 * mark (a position opened today) the day is measured from the fills alone.
 *   daily = sodQty × (mark − sodMark) × m + (todayQty × mark − todayNotional) × m
 */
export function figuresAt(p: BookPosition, method: CostMethod, mark: Decimal): PositionFigures {
  const ledger = p.byMethod[method];
  const quantity = positionQuantity(ledger);
  const m = p.multiplier;
  // × 1 is exact: skipped for cash instruments.
  const unit = isUnit(m);
  const positionPnl = p.sodMark === null ? ZERO : p.sodQuantity.times(mark.minus(p.sodMark));
  const tradingPnl = p.todayQuantity.times(mark).minus(p.todayNotional);
  const value = quantity.times(mark);
  return {
    quantity,
    averagePrice: averagePrice(ledger),
    marketValue: unit ? value : value.times(m),
    realized: ledger.realized,
    unrealized: unrealizedPnl(ledger, mark),
    daily: unit ? positionPnl.plus(tradingPnl) : positionPnl.times(m).plus(tradingPnl.times(m)),
    fees: ledger.fees,
    todayFees: p.todayFees,
  };
}
