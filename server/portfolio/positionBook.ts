import { Decimal, toWire } from '../../src/core/decimal.ts';
import type { Instrument } from '../../src/core/instrument.ts';
import type { Side } from '../../src/core/order.ts';
import { type AvgCostPosition, FLAT, applyFillAvgCost } from '../../src/core/pnl/averageCost.ts';
import type { PositionWire } from '../../src/core/protocol.ts';

/** One fill as the portfolio needs it: who, where, what, how much, at what price. */
export interface Fill {
  readonly trader: string;
  readonly account: string;
  readonly symbol: string;
  readonly side: Side;
  readonly quantity: Decimal;
  readonly price: Decimal;
}

export interface Position {
  readonly trader: string;
  readonly account: string;
  readonly symbol: string;
  readonly currency: string;
  readonly multiplier: Decimal;
  readonly held: AvgCostPosition;
}

/** Average cost and realized P&L travel with this many places; the book keeps them exact. */
export const POSITION_WIRE_PLACES = 8;

const keyOf = (f: { trader: string; account: string; symbol: string }) => `${f.trader}\u0000${f.account}\u0000${f.symbol}`;

/** Positions per (trader, account, symbol), built by folding fills. */
export class PositionBook {
  private readonly positions = new Map<string, Position>();

  constructor(private readonly instrument: (symbol: string) => Instrument | undefined) {}

  /** Applies a fill and returns the position it changed. */
  apply(fill: Fill): Position {
    const key = keyOf(fill);
    const inst = this.instrument(fill.symbol);
    const before = this.positions.get(key) ?? {
      trader: fill.trader,
      account: fill.account,
      symbol: fill.symbol,
      currency: inst?.currency ?? '',
      multiplier: inst?.multiplier ?? new Decimal(1),
      held: FLAT,
    };
    const after: Position = { ...before, held: applyFillAvgCost(before.held, fill.side, fill.quantity, fill.price, before.multiplier) };
    this.positions.set(key, after);
    return after;
  }

  all(): Position[] {
    return [...this.positions.values()];
  }
}

export function rebuildPositions(fills: Iterable<Fill>, instrument: (symbol: string) => Instrument | undefined): PositionBook {
  const book = new PositionBook(instrument);
  for (const f of fills) book.apply(f);
  return book;
}

export function positionToWire(p: Position): PositionWire {
  const round = (d: Decimal) => toWire(d.toDecimalPlaces(POSITION_WIRE_PLACES, Decimal.ROUND_HALF_EVEN));
  return {
    trader: p.trader,
    account: p.account,
    symbol: p.symbol,
    currency: p.currency,
    quantity: toWire(p.held.quantity),
    avgCost: round(p.held.avgCost),
    realizedPnl: round(p.held.realized),
    multiplier: toWire(p.multiplier),
  };
}
