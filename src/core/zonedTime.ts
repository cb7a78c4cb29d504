/**
 * The wall clock of an IANA time zone at an instant, through Intl (standard
 * ECMAScript, so the terminal can use it too). Daylight saving is Intl's
 * business: a session written as 09:30 America/New_York opens at 13:30 UTC in
 * summer and 14:30 UTC in winter without anyone keeping a table.
 */
export interface WallClock {
  /** 0 = Sunday … 6 = Saturday. */
  readonly weekday: number;
  /** Minutes after local midnight, 0 … 1439. */
  readonly minute: number;
}

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };
const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', weekday: 'short', hour: '2-digit', minute: '2-digit' });
    formats.set(timeZone, f);
  }
  return f;
}

/** Names already resolved: building a DateTimeFormat costs ~100 µs, and the instrument file names the same few zones hundreds of times. */
const canonical = new Map<string, string | undefined>();

/** The name Intl resolves a time zone to ('america/new_york' → 'America/New_York'), or undefined when it does not know it. */
export function canonicalTimeZone(name: string): string | undefined {
  if (canonical.has(name)) return canonical.get(name);
  let resolved: string | undefined;
  try {
    resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    resolved = undefined;
  }
  // Bounded by the distinct names a process reads (files and config, not orders).
  if (canonical.size < 1000) canonical.set(name, resolved);
  return resolved;
}

export function wallClockIn(timeZone: string, tsMs: number): WallClock {
  let weekday = 0;
  let hour = 0;
  let minute = 0;
  for (const part of formatFor(timeZone).formatToParts(tsMs)) {
    if (part.type === 'weekday') weekday = WEEKDAYS[part.value] ?? 0;
    else if (part.type === 'hour') hour = Number(part.value);
    else if (part.type === 'minute') minute = Number(part.value);
  }
  return { weekday, minute: hour * 60 + minute };
}
