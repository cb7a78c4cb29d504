/**
 * Trading hours. A session opens at `open` local time on each of its opening
 * days and closes at `close` the same day, or the next day when close is not
 * after open (CME futures 17:00–16:00, FX 17:00–17:00 Sunday to Thursday opens,
 * so New York 17:00 Sunday to 17:00 Friday). `preOpen`, when set, starts a
 * pre-open phase on an opening day that lasts until the open.
 * Holidays and lunch breaks are not modelled.
 */
import { canonicalTimeZone, wallClockIn } from './zonedTime.ts';

export const SESSION_STATES = ['preOpen', 'open', 'closed'] as const;
export type SessionState = (typeof SESSION_STATES)[number];

const MINUTES_PER_DAY = 1440;
const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

export interface TradingSession {
  /** Minutes after local midnight. */
  readonly open: number;
  /** Minutes after local midnight, 1 … 1440; not after `open` means the next day. */
  readonly close: number;
  readonly preOpen?: number | undefined;
  /** IANA name, e.g. America/New_York. */
  readonly timeZone: string;
  /** Indexed by weekday (0 = Sunday): whether a session opens that day. */
  readonly opensOn: readonly boolean[];
}

/** The file and wire form: times as HH:MM, days as "Mon-Fri" or "Sun,Tue". */
export interface SessionWire {
  open: string;
  close: string;
  timeZone: string;
  days: string;
  preOpen?: string;
}

export type SessionField = keyof SessionWire;
export type SessionParse = { ok: true; session: TradingSession } | { ok: false; faults: { field: SessionField; message: string }[] };

function parseClock(text: string, allowMidnightEnd: boolean): number | undefined {
  const m = /^(\d\d):(\d\d)$/.exec(text);
  if (m === null) return undefined;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  if (Number(m[2]) > 59) return undefined;
  if (minutes < MINUTES_PER_DAY || (allowMidnightEnd && minutes === MINUTES_PER_DAY)) return minutes;
  return undefined;
}

function formatClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

function dayIndex(name: string): number {
  return (DAY_NAMES as readonly string[]).indexOf(name);
}

/** "Mon-Fri", "Sun-Thu", "Fri-Mon" (wrapping), "Mon,Wed,Fri" → a flag per weekday, or undefined when unreadable. */
export function parseDays(text: string): boolean[] | undefined {
  const days: boolean[] = new Array<boolean>(7).fill(false);
  for (const item of text.split(',')) {
    const ends = item.trim().split('-');
    const first = dayIndex(ends[0] ?? '');
    const last = dayIndex(ends[ends.length - 1] ?? '');
    if (ends.length > 2 || first < 0 || last < 0) return undefined;
    for (let d = first; ; d = (d + 1) % 7) {
      days[d] = true;
      if (d === last) break;
    }
  }
  return days;
}

export function formatDays(opensOn: readonly boolean[]): string {
  const runs: string[] = [];
  for (let d = 0; d < 7; d++) {
    if (!opensOn[d] || (d > 0 && opensOn[d - 1])) continue;
    let end = d;
    while (end + 1 < 7 && opensOn[end + 1]) end++;
    runs.push(end === d ? DAY_NAMES[d]! : `${DAY_NAMES[d]}-${DAY_NAMES[end]}`);
  }
  return runs.join(',');
}

/** Checks every field and names each fault, so a file can report them all. */
export function parseSession(w: SessionWire): SessionParse {
  const faults: { field: SessionField; message: string }[] = [];
  const open = parseClock(w.open, false);
  const close = parseClock(w.close, true);
  const preOpen = w.preOpen === undefined ? undefined : parseClock(w.preOpen, false);
  const timeZone = canonicalTimeZone(w.timeZone);
  const opensOn = parseDays(w.days);
  if (open === undefined) faults.push({ field: 'open', message: 'must be a time HH:MM from 00:00 to 23:59' });
  if (close === undefined) faults.push({ field: 'close', message: 'must be a time HH:MM from 00:01 to 24:00' });
  if (close === 0) faults.push({ field: 'close', message: 'write midnight as 24:00' });
  if (w.preOpen !== undefined && preOpen === undefined) faults.push({ field: 'preOpen', message: 'must be a time HH:MM from 00:00 to 23:59' });
  if (timeZone === undefined) faults.push({ field: 'timeZone', message: 'must be an IANA time zone such as America/New_York' });
  if (opensOn === undefined || !opensOn.includes(true)) faults.push({ field: 'days', message: 'must name weekdays such as Mon-Fri or Sun,Tue (Sun Mon Tue Wed Thu Fri Sat)' });
  if (open !== undefined && close !== undefined && preOpen !== undefined) {
    const overnight = close <= open;
    if (preOpen >= open || (overnight && preOpen < close)) {
      faults.push({ field: 'preOpen', message: `must fall after the close and before the open ${formatClock(open)}` });
    }
  }
  if (faults.length > 0 || open === undefined || close === undefined || timeZone === undefined || opensOn === undefined) return { ok: false, faults };
  return { ok: true, session: { open, close, preOpen, timeZone, opensOn } };
}

export function sessionFromWire(w: SessionWire): TradingSession {
  const parsed = parseSession(w);
  if (!parsed.ok) throw new Error(`bad session: ${parsed.faults.map((f) => `${f.field} ${f.message}`).join('; ')}`);
  return parsed.session;
}

export function sessionToWire(s: TradingSession): SessionWire {
  const w: SessionWire = { open: formatClock(s.open), close: formatClock(s.close), timeZone: s.timeZone, days: formatDays(s.opensOn) };
  if (s.preOpen !== undefined) w.preOpen = formatClock(s.preOpen);
  return w;
}

export function sessionLengthMinutes(s: TradingSession): number {
  return s.close > s.open ? s.close - s.open : s.close + MINUTES_PER_DAY - s.open;
}

/** The state of a session at an instant, and while open the share of it already gone (0 at the open, near 1 at the close). */
export interface SessionPhase {
  readonly state: SessionState;
  readonly progress: number;
}

export function sessionPhaseAt(s: TradingSession, tsMs: number): SessionPhase {
  const { weekday, minute } = wallClockIn(s.timeZone, tsMs);
  const length = sessionLengthMinutes(s);
  const overnight = s.close <= s.open;
  if (s.opensOn[weekday] && minute >= s.open && (overnight || minute < s.close)) {
    return { state: 'open', progress: (minute - s.open) / length };
  }
  if (overnight && s.opensOn[(weekday + 6) % 7] && minute < s.close) {
    return { state: 'open', progress: (minute + MINUTES_PER_DAY - s.open) / length };
  }
  if (s.preOpen !== undefined && s.opensOn[weekday] && minute >= s.preOpen && minute < s.open) return { state: 'preOpen', progress: 0 };
  return { state: 'closed', progress: 0 };
}

export function sessionStateAt(s: TradingSession, tsMs: number): SessionState {
  return sessionPhaseAt(s, tsMs).state;
}
