/**
 * When a DAY or GTD order stops working. A DAY order expires at the close of
 * the session it was placed in (or, placed while the market is shut, of the
 * next one); a GTD order at its ExpireTime. Pure: the OMS calls these with
 * the clock it is given.
 */
import type { TradingSession } from './tradingSession.ts';
import { wallClockIn } from './zonedTime.ts';

const MINUTE_MS = 60_000;
const DAY_MINUTES = 1440;
const WEEK_MINUTES = 7 * DAY_MINUTES;

/** Minutes the zone's wall clock is ahead of UTC at an instant (negative west of Greenwich). */
export function zoneOffsetMinutes(timeZone: string, tsMs: number): number {
  const wall = wallClockIn(timeZone, tsMs);
  const utc = new Date(tsMs);
  const utcWeekMinute = utc.getUTCDay() * DAY_MINUTES + utc.getUTCHours() * 60 + utc.getUTCMinutes();
  let diff = wall.weekday * DAY_MINUTES + wall.minute - utcWeekMinute;
  // Across a week boundary (Saturday UTC, Sunday local) the difference wraps.
  if (diff > WEEK_MINUTES / 2) diff -= WEEK_MINUTES;
  if (diff < -WEEK_MINUTES / 2) diff += WEEK_MINUTES;
  return diff;
}

/**
 * The first session close strictly after `afterMs`. A close happens at the
 * session's `close` minute, local time, on the day its session opened (or the
 * next day for an overnight session). Walks at most eight days; DST is
 * Intl's business, corrected once after each jump.
 */
export function nextSessionClose(session: TradingSession, afterMs: number): number | null {
  // Start at the next whole minute: a close at exactly afterMs is not "after".
  let t = Math.floor(afterMs / MINUTE_MS) * MINUTE_MS + MINUTE_MS;
  const overnight = session.close <= session.open;
  const closeMinute = session.close % DAY_MINUTES;
  for (let i = 0; i < 9; i += 1) {
    const wall = wallClockIn(session.timeZone, t);
    let ahead = (closeMinute - wall.minute + DAY_MINUTES) % DAY_MINUTES;
    t += ahead * MINUTE_MS;
    const landed = wallClockIn(session.timeZone, t);
    if (landed.minute !== closeMinute) {
      // A DST change between t and the close: move by the hour it made.
      ahead = closeMinute - landed.minute;
      if (ahead > DAY_MINUTES / 2) ahead -= DAY_MINUTES;
      if (ahead < -DAY_MINUTES / 2) ahead += DAY_MINUTES;
      t += ahead * MINUTE_MS;
    }
    const weekday = wallClockIn(session.timeZone, t).weekday;
    // A close at 24:00 is midnight of the next local day; an overnight session closes the day after it opened.
    const opensBack = (session.close === DAY_MINUTES ? 1 : 0) + (overnight ? 1 : 0);
    const openedOn = (weekday - opensBack + 7) % 7;
    if (session.opensOn[openedOn] && t > afterMs) return t;
    t += MINUTE_MS;
  }
  return null;
}

/** How many close windows a memo keeps per session: the current one, and a few older for orders of past days. */
const WINDOWS_PER_SESSION = 4;

interface CloseWindow {
  /** An instant the close was worked out for… */
  readonly from: number;
  /** …and that close: the answer for every instant in [from, close). */
  readonly close: number;
}

export type SessionCloses = (session: TradingSession, afterMs: number) => number | null;

/**
 * nextSessionClose with a memory, for a caller that asks about many instants
 * (the OMS, once per DAY order). The first close after an instant is the same
 * for every instant from that one up to the close itself, so each session
 * keeps the windows it has worked out and answers from them; the walk through
 * Intl runs about once per session per day instead of once per order. Same
 * answers as nextSessionClose (tested against it). Sessions are keyed by
 * object: the instrument catalog holds one per instrument.
 */
export function sessionCloseMemo(): SessionCloses {
  const windows = new WeakMap<TradingSession, CloseWindow[]>();
  return (session, afterMs) => {
    let known = windows.get(session);
    if (known !== undefined) {
      for (let i = 0; i < known.length; i++) {
        const w = known[i]!;
        if (afterMs >= w.from && afterMs < w.close) return w.close;
      }
    } else windows.set(session, (known = []));
    const close = nextSessionClose(session, afterMs);
    if (close === null) return null;
    // Newest first: orders arrive in time order, so the window just made answers the next ones.
    known.unshift({ from: afterMs, close });
    if (known.length > WINDOWS_PER_SESSION) known.pop();
    return close;
  };
}

/** The end of a calendar date (23:59:59.999) in a time zone, as epoch ms. */
export function endOfDateIn(timeZone: string, year: number, month: number, day: number): number {
  const utcEnd = Date.UTC(year, month - 1, day, 23, 59, 59, 999);
  let t = utcEnd - zoneOffsetMinutes(timeZone, utcEnd) * MINUTE_MS;
  // The offset at the answer may differ from the guess by a DST change: settle once.
  t = utcEnd - zoneOffsetMinutes(timeZone, t) * MINUTE_MS;
  return t;
}

export type ExpiryParse = { ok: true; expireAt: number } | { ok: false; message: string };

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Reads a GTD expiry as a trader writes it: a date ("2026-11-27": good through
 * the end of that day where the instrument trades, UTC when it has no
 * session) or a date-time with its zone ("2026-11-27T21:00:00Z").
 */
export function parseExpireAt(text: string, timeZone: string | undefined): ExpiryParse {
  const t = text.trim();
  const date = DATE_ONLY.exec(t);
  if (date) {
    const [y, m, d] = [Number(date[1]), Number(date[2]), Number(date[3])];
    const probe = new Date(Date.UTC(y, m - 1, d));
    if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) {
      return { ok: false, message: `${t} is not a date in the calendar` };
    }
    return { ok: true, expireAt: endOfDateIn(timeZone ?? 'UTC', y, m, d) };
  }
  if (DATE_TIME.test(t)) {
    const ms = Date.parse(t);
    if (Number.isFinite(ms)) return { ok: true, expireAt: ms };
  }
  return { ok: false, message: 'expiry must be a date such as 2026-11-27, or a date and time with its zone such as 2026-11-27T21:00:00Z' };
}
