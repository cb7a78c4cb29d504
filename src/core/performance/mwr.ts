/**
 * Money-weighted return of a valuation series: the start value (after its
 * flow) counts as money put in on the first date, every later flow as money
 * in or out on its date, and the last value (before its flow) as what came
 * out. Unlike the time-weighted return it rewards good timing of flows,
 * which is why it answers "how did my money do" rather than "how did the
 * manager do".
 */
import type { DatedFlow } from './irr.ts';
import { irr } from './irr.ts';
import type { ReturnResult } from './returnResult.ts';
import type { ValuationPoint } from './series.ts';
import { checkSeries, valueAfterFlow } from './series.ts';

export function moneyWeightedReturn(points: readonly ValuationPoint[]): ReturnResult {
  const check = checkSeries(points);
  if (!check.ok) return check;
  const first = points[0];
  const last = points[points.length - 1];
  if (first === undefined || last === undefined) return { ok: false, reason: 'empty series' };
  const flows: DatedFlow[] = [{ date: first.date, amount: valueAfterFlow(first) }];
  for (const p of points.slice(1, -1)) if (!p.flow.isZero()) flows.push({ date: p.date, amount: p.flow });
  return irr(flows, { date: last.date, value: last.value });
}
