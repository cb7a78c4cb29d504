/**
 * One position's P&L at a mark, as a desk reads it: gross (realized +
 * unrealized, price moves only), fees apart, net = gross − fees. Every amount
 * is in `currency`, which travels with the report; toBaseReport converts all
 * amounts at once so a report can never hold two currencies.
 */
import type { Decimal } from '../decimal.ts';
import type { FxRates, FxResult } from './fx.ts';
import { rateToBase } from './fx.ts';
import type { CostMethod } from './inventory.ts';
import type { Position } from './position.ts';
import { averagePrice, marketValue, openCost, positionQuantity, unrealizedPnl } from './position.ts';

export interface PnlReport {
  /** Currency of every money amount below. */
  readonly currency: string;
  /** Currency of mark and averagePrice: the instrument's, kept through conversion. */
  readonly priceCurrency: string;
  readonly method: CostMethod;
  /** Signed: short < 0. */
  readonly quantity: Decimal;
  /** Per unit, before the multiplier; null when flat. */
  readonly averagePrice: Decimal | null;
  readonly mark: Decimal;
  readonly marketValue: Decimal;
  readonly costBasis: Decimal;
  readonly realized: Decimal;
  readonly unrealized: Decimal;
  readonly gross: Decimal;
  readonly fees: Decimal;
  readonly net: Decimal;
}

export function pnlReport(pos: Position, mark: Decimal): PnlReport {
  const realized = pos.realized;
  const unrealized = unrealizedPnl(pos, mark);
  const gross = realized.plus(unrealized);
  return {
    currency: pos.terms.currency,
    priceCurrency: pos.terms.currency,
    method: pos.inventory.method,
    quantity: positionQuantity(pos),
    averagePrice: averagePrice(pos),
    mark,
    marketValue: marketValue(pos, mark),
    costBasis: openCost(pos),
    realized,
    unrealized,
    gross,
    fees: pos.fees,
    net: gross.minus(pos.fees),
  };
}

/** Converts every money amount to the base currency; prices stay in priceCurrency. */
export function toBaseReport(report: PnlReport, rates: FxRates): FxResult<PnlReport> {
  const rate = rateToBase(report.currency, rates);
  if (rate === undefined) return { ok: false, missingCurrency: report.currency };
  const x = (d: Decimal): Decimal => d.times(rate);
  return {
    ok: true,
    value: {
      ...report,
      currency: rates.base,
      marketValue: x(report.marketValue),
      costBasis: x(report.costBasis),
      realized: x(report.realized),
      unrealized: x(report.unrealized),
      gross: x(report.gross),
      fees: x(report.fees),
      net: x(report.net),
    },
  };
}
