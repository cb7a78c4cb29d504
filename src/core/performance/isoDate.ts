/**
 * Calendar dates as 'YYYY-MM-DD' strings, branded so an unchecked string
 * cannot be passed where a date is expected. Performance counts whole days
 * (actual/365), so a date has no time of day and no zone; arithmetic goes
 * through a day number (days since 1970-01-01, UTC, no daylight saving).
 */
export type IsoDate = string & { readonly __isoDate: true };

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Parses a real calendar date, refusing 2024-02-30 and friends. */
export function isoDate(s: string): IsoDate {
  const m = PATTERN.exec(s);
  if (m === null) throw new Error(`'${s}' is not a YYYY-MM-DD date`);
  const date = s as IsoDate;
  const [y, mo, d] = parts(date);
  if (fromDayNumber(dayNumber(date)) !== s || mo < 1 || mo > 12 || d < 1 || y < 1) throw new Error(`'${s}' is not a calendar date`);
  return date;
}

function parts(d: IsoDate): [number, number, number] {
  return [Number(d.slice(0, 4)), Number(d.slice(5, 7)), Number(d.slice(8, 10))];
}

export function dayNumber(d: IsoDate): number {
  const [y, m, day] = parts(d);
  return Date.UTC(y, m - 1, day) / MS_PER_DAY;
}

export function fromDayNumber(n: number): IsoDate {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10) as IsoDate;
}

/** Days from a to b (negative when b is earlier). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return dayNumber(b) - dayNumber(a);
}

export function addDays(d: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(d) + days);
}

/** The last day of the month `monthsBack` months before d's month (1 → end of the previous month). */
function endOfMonthBefore(d: IsoDate, monthsBack: number): IsoDate {
  const [y, m] = parts(d);
  // Day 0 of a (0-based) month is the last day of the one before it.
  return fromDayNumber(Date.UTC(y, m - monthsBack, 0) / MS_PER_DAY);
}

export function endOfPreviousMonth(d: IsoDate): IsoDate {
  return endOfMonthBefore(d, 1);
}

export function endOfPreviousQuarter(d: IsoDate): IsoDate {
  const [, m] = parts(d);
  return endOfMonthBefore(d, ((m - 1) % 3) + 1);
}

export function endOfPreviousYear(d: IsoDate): IsoDate {
  const [y] = parts(d);
  return isoDate(`${String(y - 1).padStart(4, '0')}-12-31`);
}

/** The same calendar date a year earlier; 29 February falls back to the 28th. */
export function oneYearBefore(d: IsoDate): IsoDate {
  const [y, m, day] = parts(d);
  const back = Date.UTC(y - 1, m - 1, day) / MS_PER_DAY;
  const candidate = fromDayNumber(back);
  return Number(candidate.slice(5, 7)) === m ? candidate : fromDayNumber(back - 1);
}
