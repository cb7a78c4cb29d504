// The risk code as it was before the per-order cost cut (issue 4), kept verbatim as the reference the fast paths are compared with (riskFastPath.test.ts, test/bench/oms/riskCheck.bench.ts). Do not optimise.
import { type Decimal, toWire } from '../../../../src/core/decimal.ts';
import { collarDistancePercent, isAggressive } from './collarBefore.ts';
import { formatMoney, formatPercent } from '../../../../src/core/risk/format.ts';
import type { RiskWarning } from '../../../../src/core/risk/ruleIds.ts';

export interface WarningInput {
  readonly symbol: string;
  /**
   * 'buy' warns above the reference, any sale below it: only the side that can
   * trade through the market (as the gateway checks). Absent: either side warns.
   */
  readonly side?: string | undefined;
  /** The currency of `notional` and `warnNotional` (the risk limits' base currency). */
  readonly currency: string;
  /** The order's own price (limit or stop); undefined for a market order, which trades at the market. */
  readonly price: Decimal | undefined;
  readonly reference: Decimal | undefined;
  readonly notional: Decimal | undefined;
  readonly warnCollarPercent: Decimal;
  readonly warnNotional: Decimal;
}

/**
 * The warnings that hold an order until the trader confirms it. One function
 * for the ticket (inline, as the trader types) and the gateway (orderWarning),
 * so both say the same thing for the same numbers.
 */
export function orderWarnings(w: WarningInput): RiskWarning[] {
  const out: RiskWarning[] = [];
  if (w.price !== undefined && w.reference !== undefined && w.reference.gt(0) && (w.side === undefined || isAggressive(w.side, w.price, w.reference))) {
    const distance = collarDistancePercent(w.price, w.reference);
    if (distance.gt(w.warnCollarPercent)) {
      out.push({
        rule: 'priceCollar',
        message:
          `price far from market: ${toWire(w.price)} is ${formatPercent(distance)}% from the reference ` +
          `${toWire(w.reference)} of ${w.symbol} (warning above ${formatPercent(w.warnCollarPercent)}%)`,
        requiresJustification: false,
      });
    }
  }
  if (w.notional !== undefined && w.notional.gt(w.warnNotional)) {
    out.push({
      rule: 'maxNotional',
      message: `large order: notional ${formatMoney(w.notional)} ${w.currency} is above ${formatMoney(w.warnNotional)} ${w.currency}`,
      requiresJustification: false,
    });
  }
  return out;
}
