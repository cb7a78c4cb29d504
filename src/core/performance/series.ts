/**
 * A portfolio's history as performance maths reads it: one point per
 * valuation date, holding the value just before that date's external flow
 * and the flow itself (money the owner put in > 0, took out < 0).
 *
 * External means crossing the portfolio's boundary. Income that stays in
 * the portfolio (a dividend credited to its cash) and fees debited from it
 * are not flows: they are part of the return. A dividend paid out to the
 * owner's bank account is a withdrawal, recorded after the value that earned it.
 */
import type { Decimal } from '../decimal.ts';
import type { IsoDate } from './isoDate.ts';
import { dayNumber } from './isoDate.ts';

export interface ValuationPoint {
  readonly date: IsoDate;
  /** Value just before this date's flow. */
  readonly value: Decimal;
  /** External flow at this date: in > 0, out < 0, none 0. */
  readonly flow: Decimal;
}

export type SeriesCheck = { ok: true } | { ok: false; reason: string };

/**
 * A valuation taken at the close with the day's flow already in it (the
 * usual end-of-day record) becomes a point by taking the flow back out:
 * the convention that flows arrive at the end of the day.
 */
export function pointFromEndOfDay(date: IsoDate, endOfDayValue: Decimal, flow: Decimal): ValuationPoint {
  return { date, value: endOfDayValue.minus(flow), flow };
}

/** Value right after the point's flow: where the next sub-period starts. */
export function valueAfterFlow(p: ValuationPoint): Decimal {
  return p.value.plus(p.flow);
}

export function checkSeries(points: readonly ValuationPoint[]): SeriesCheck {
  if (points.length < 2) return { ok: false, reason: 'a return needs at least a start and an end valuation' };
  for (let i = 1; i < points.length; i++) {
    const prev = points[i - 1];
    const cur = points[i];
    if (prev !== undefined && cur !== undefined && dayNumber(cur.date) <= dayNumber(prev.date)) {
      return { ok: false, reason: `valuation dates must strictly increase: ${cur.date} follows ${prev.date}` };
    }
  }
  return { ok: true };
}
