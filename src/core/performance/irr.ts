/**
 * Money-weighted return: the internal rate of return, the one annual rate at
 * which every flow into the portfolio, compounded to the end date, adds up
 * to the end value:
 *   Σ amount × (1 + r)^(days before end / 365) = end value.
 * Actual/365 as Portfolio Performance and XIRR do, so the rate is annual
 * whatever the length of the period. Solved on exact decimals by a
 * bracketed Newton with bisection fallback (rootFinder.ts). With flows both
 * in and out there can be more than one rate; the one found lies in the
 * first bracket that shows a sign change.
 */
import { Decimal } from '../decimal.ts';
import type { IsoDate } from './isoDate.ts';
import { daysBetween } from './isoDate.ts';
import type { ReturnResult } from './returnResult.ts';
import { findRoot } from './rootFinder.ts';
import type { ValueAndSlope } from './rootFinder.ts';

export interface TimedFlow {
  /** Whole days from the flow to the end date; 0 for a flow on the end date. */
  readonly daysBeforeEnd: number;
  /** Into the portfolio > 0, out < 0. */
  readonly amount: Decimal;
}

export interface DatedFlow {
  readonly date: IsoDate;
  readonly amount: Decimal;
}

const DAYS_PER_YEAR = new Decimal(365);
// Just above −100 %: (1 + r) must stay positive for fractional powers.
const LOWEST_RATE = new Decimal('-0.999999999');
const HIGHEST_RATES = ['1', '10', '1000', '1000000'].map((s) => new Decimal(s));

function excessOverEnd(flows: readonly TimedFlow[], endValue: Decimal): (r: Decimal) => ValueAndSlope {
  const terms = flows.map((f) => ({ amount: f.amount, years: new Decimal(f.daysBeforeEnd).div(DAYS_PER_YEAR) }));
  return (r) => {
    const base = r.plus(1);
    let value = endValue.neg();
    let slope = new Decimal(0);
    for (const { amount, years } of terms) {
      const grown = amount.times(base.pow(years));
      value = value.plus(grown);
      slope = slope.plus(grown.times(years).div(base));
    }
    return { value, slope };
  };
}

/** Annual IRR of flows given by their distance in days from the end. */
export function irrFromOffsets(flows: readonly TimedFlow[], endValue: Decimal): ReturnResult {
  if (flows.some((f) => !Number.isSafeInteger(f.daysBeforeEnd) || f.daysBeforeEnd < 0)) {
    return { ok: false, reason: 'every flow must be a whole number of days before the end' };
  }
  if (flows.every((f) => f.amount.isZero())) return { ok: false, reason: 'no money went in, so there is no rate' };
  const f = excessOverEnd(flows, endValue);
  for (const hi of HIGHEST_RATES) {
    const root = findRoot(f, LOWEST_RATE, hi);
    if (root.ok) return { ok: true, value: root.root };
  }
  return { ok: false, reason: 'no rate between −100 % and +100,000,000 % makes the flows worth the end value' };
}

/** Annual IRR of dated flows against a dated end value. */
export function irr(flows: readonly DatedFlow[], end: { readonly date: IsoDate; readonly value: Decimal }): ReturnResult {
  return irrFromOffsets(
    flows.map((f) => ({ daysBeforeEnd: daysBetween(f.date, end.date), amount: f.amount })),
    end.value,
  );
}
