/**
 * Reporting periods over a valuation series: month, quarter and year to
 * date, one year, since inception. A period runs from the close of the day
 * before it (end of last month for MTD, 31 December for YTD, the same date a
 * year ago for 1Y) to the as-of date, and never starts before the first
 * valuation (inception). Values are carried forward between valuations:
 * a date with no valuation (a weekend, a holiday) is worth what the last
 * valuation after its flow was worth.
 */
import type { Decimal } from '../decimal.ts';
import { ZERO } from '../decimal.ts';
import type { IsoDate } from './isoDate.ts';
import { dayNumber, daysBetween, endOfPreviousMonth, endOfPreviousQuarter, endOfPreviousYear, oneYearBefore } from './isoDate.ts';
import { moneyWeightedReturn } from './mwr.ts';
import type { ReturnResult } from './returnResult.ts';
import type { ValuationPoint } from './series.ts';
import { valueAfterFlow } from './series.ts';
import { annualise, timeWeightedReturn } from './twr.ts';

export const PERIODS = ['MTD', 'QTD', 'YTD', '1Y', 'SI'] as const;
export type Period = (typeof PERIODS)[number];

/** The close the period is measured from, before clamping to inception. */
export function periodStart(period: Period, asOf: IsoDate, inception: IsoDate): IsoDate {
  switch (period) {
    case 'MTD':
      return endOfPreviousMonth(asOf);
    case 'QTD':
      return endOfPreviousQuarter(asOf);
    case 'YTD':
      return endOfPreviousYear(asOf);
    case '1Y':
      return oneYearBefore(asOf);
    case 'SI':
      return inception;
  }
}

export interface PeriodPerformance {
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly days: number;
  /** After the flow of the start date. */
  readonly startValue: Decimal;
  /** Before the flow of the end date. */
  readonly endValue: Decimal;
  /** External flows inside the period. */
  readonly netFlows: Decimal;
  /** Money made: end − start − net flows. */
  readonly gain: Decimal;
  /** Cumulative time-weighted return. */
  readonly twr: Decimal;
  /** Null under a year: a shorter return is not annualised. */
  readonly twrAnnualised: Decimal | null;
  /** Annual money-weighted return (IRR), or why it has none. */
  readonly mwr: ReturnResult;
}

export type PeriodResult = { ok: true; value: PeriodPerformance } | { ok: false; reason: string };

/**
 * The points of [from, to] with both ends re-dated to the period's bounds,
 * valuations carried forward; from is moved up to inception if earlier.
 */
export function slicePeriod(points: readonly ValuationPoint[], from: IsoDate, to: IsoDate): ValuationPoint[] | { reason: string } {
  const first = points[0];
  if (first === undefined) return { reason: 'no valuations' };
  const start = dayNumber(from) < dayNumber(first.date) ? first.date : from;
  if (dayNumber(to) <= dayNumber(start)) return { reason: `the period ${start} … ${to} is empty` };
  const atOrBefore = (d: IsoDate) => points.filter((p) => dayNumber(p.date) <= dayNumber(d));
  const opening = atOrBefore(start).at(-1);
  if (opening === undefined) return { reason: `no valuation on or before ${start}` };
  const head: ValuationPoint = opening.date === start ? opening : { date: start, value: valueAfterFlow(opening), flow: ZERO };
  const inside = points.filter((p) => dayNumber(p.date) > dayNumber(start) && dayNumber(p.date) <= dayNumber(to));
  const closing = inside.at(-1);
  const tail: ValuationPoint[] =
    closing !== undefined && closing.date === to ? [] : [{ date: to, value: valueAfterFlow(closing ?? head), flow: ZERO }];
  return [head, ...inside, ...tail];
}

export function performanceBetween(points: readonly ValuationPoint[], from: IsoDate, to: IsoDate): PeriodResult {
  const slice = slicePeriod(points, from, to);
  if (!Array.isArray(slice)) return { ok: false, reason: slice.reason };
  const head = slice[0];
  const last = slice[slice.length - 1];
  if (head === undefined || last === undefined) return { ok: false, reason: 'empty period' };
  const twr = timeWeightedReturn(slice);
  if (!twr.ok) return twr;
  const startValue = valueAfterFlow(head);
  const netFlows = slice.slice(1, -1).reduce((s, p) => s.plus(p.flow), ZERO);
  const days = daysBetween(head.date, last.date);
  return {
    ok: true,
    value: {
      from: head.date,
      to: last.date,
      days,
      startValue,
      endValue: last.value,
      netFlows,
      gain: last.value.minus(startValue).minus(netFlows),
      twr: twr.value,
      twrAnnualised: annualise(twr.value, days),
      mwr: moneyWeightedReturn(slice),
    },
  };
}

export function periodPerformance(points: readonly ValuationPoint[], period: Period, asOf: IsoDate): PeriodResult {
  const first = points[0];
  if (first === undefined) return { ok: false, reason: 'no valuations' };
  return performanceBetween(points, periodStart(period, asOf, first.date), asOf);
}
