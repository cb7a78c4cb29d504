/**
 * Time-weighted return, the measure of the manager's decisions independent
 * of when the owner adds or takes money: the portfolio is valued just before
 * each external flow, each sub-period's growth factor is
 *   value at the end / (value at the start + flow at the start),
 * and the factors are chained (daily linked when valued daily). This is
 * Portfolio Performance's "True Time-Weighted Rate of Return" and the GIPS
 * method with valuation at every flow. Exact decimals, no rounding until shown.
 */
import { Decimal } from '../decimal.ts';
import type { ReturnResult } from './returnResult.ts';
import type { ValuationPoint } from './series.ts';
import { checkSeries, valueAfterFlow } from './series.ts';

/** Cumulative TWR over the whole series, as a fraction. */
export function timeWeightedReturn(points: readonly ValuationPoint[]): ReturnResult {
  const check = checkSeries(points);
  if (!check.ok) return check;
  let growth = new Decimal(1);
  for (let i = 1; i < points.length; i++) {
    const prev = points[i - 1];
    const cur = points[i];
    if (prev === undefined || cur === undefined) continue;
    const start = valueAfterFlow(prev);
    if (start.isZero()) {
      // An empty portfolio that stays empty neither gains nor loses.
      if (cur.value.isZero()) continue;
      return { ok: false, reason: `value appeared on ${cur.date} in an empty portfolio: record it as a flow` };
    }
    if (start.lt(0)) return { ok: false, reason: `negative value after the flow of ${prev.date}` };
    growth = growth.times(cur.value.div(start));
  }
  return { ok: true, value: growth.minus(1) };
}

/**
 * Annual rate with the same compound growth over `days` (365-day year).
 * GIPS forbids annualising less than a year, so a shorter span gives null.
 */
export function annualise(cumulative: Decimal, days: number): Decimal | null {
  if (days < 365) return null;
  const factor = cumulative.plus(1);
  if (factor.lte(0)) return new Decimal(-1);
  return factor.pow(new Decimal(365).div(days)).minus(1);
}
