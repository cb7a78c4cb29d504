import { describe, expect, it } from 'vitest';
import { formatDays, parseDays, parseSession, sessionFromWire, sessionPhaseAt, sessionStateAt, sessionToWire } from '../../../src/core/tradingSession.ts';
import { canonicalTimeZone, wallClockIn } from '../../../src/core/zonedTime.ts';

const usEquity = sessionFromWire({ open: '09:30', close: '16:00', timeZone: 'America/New_York', days: 'Mon-Fri', preOpen: '04:00' });
const euronext = sessionFromWire({ open: '09:00', close: '17:30', timeZone: 'Europe/Paris', days: 'Mon-Fri', preOpen: '07:15' });
const tokyo = sessionFromWire({ open: '09:00', close: '15:30', timeZone: 'Asia/Tokyo', days: 'Mon-Fri' });
const fx = sessionFromWire({ open: '17:00', close: '17:00', timeZone: 'America/New_York', days: 'Sun-Thu' });
const cme = sessionFromWire({ open: '17:00', close: '16:00', timeZone: 'America/Chicago', days: 'Sun-Thu', preOpen: '16:45' });

const utc = (iso: string) => Date.parse(`${iso}Z`);

describe('session state at hand-picked instants', () => {
  it.each([
    // US equities: 09:30 New York is 14:30 UTC in winter (EST) and 13:30 UTC in summer (EDT).
    ['US winter, 14:29 UTC (09:29 EST)', usEquity, '2025-01-15T14:29', 'preOpen'],
    ['US winter, 14:30 UTC (09:30 EST)', usEquity, '2025-01-15T14:30', 'open'],
    ['US summer, 13:30 UTC (09:30 EDT)', usEquity, '2025-07-15T13:30', 'open'],
    ['US summer, 20:00 UTC (16:00 EDT)', usEquity, '2025-07-15T20:00', 'closed'],
    ['US winter, 20:59 UTC (15:59 EST)', usEquity, '2025-01-15T20:59', 'open'],
    ['US Saturday noon', usEquity, '2025-07-19T16:00', 'closed'],
    ['US 03:59 New York, before the pre-open', usEquity, '2025-07-15T07:59', 'closed'],
    // 10 March 2025: New York is on EDT, Paris still on CET (until 30 March).
    ['US the Monday after the spring change, 13:30 UTC', usEquity, '2025-03-10T13:30', 'open'],
    ['US the Friday before the spring change, 13:30 UTC', usEquity, '2025-03-07T13:30', 'preOpen'],
    ['Paris that Monday, 08:00 UTC (09:00 CET)', euronext, '2025-03-10T08:00', 'open'],
    ['Paris after its own change, 07:00 UTC (09:00 CEST)', euronext, '2025-03-31T07:00', 'open'],
    ['Paris before its own change, 07:00 UTC (08:00 CET)', euronext, '2025-03-28T07:00', 'preOpen'],
    ['Paris, 16:30 UTC in winter (17:30 CET)', euronext, '2025-01-15T16:30', 'closed'],
    ['Tokyo 00:00 UTC (09:00 JST, no DST)', tokyo, '2025-07-15T00:00', 'open'],
    ['Tokyo 06:30 UTC (15:30 JST)', tokyo, '2025-07-15T06:30', 'closed'],
    ['Tokyo Monday morning is Sunday evening in UTC', tokyo, '2025-07-13T23:59', 'closed'],
    ['Tokyo Monday 09:00 JST', tokyo, '2025-07-14T00:00', 'open'],
    // FX: Sunday 17:00 to Friday 17:00 New York.
    ['FX Sunday 16:59 New York (EDT)', fx, '2025-07-13T20:59', 'closed'],
    ['FX Sunday 17:00 New York (EDT)', fx, '2025-07-13T21:00', 'open'],
    ['FX Wednesday 03:00 New York', fx, '2025-07-16T07:00', 'open'],
    ['FX Friday 16:59 New York', fx, '2025-07-18T20:59', 'open'],
    ['FX Friday 17:00 New York', fx, '2025-07-18T21:00', 'closed'],
    ['FX Friday 17:00 New York in winter (22:00 UTC)', fx, '2025-01-17T22:00', 'closed'],
    ['FX Friday 16:59 New York in winter', fx, '2025-01-17T21:59', 'open'],
    ['FX Saturday', fx, '2025-07-19T12:00', 'closed'],
    // CME Globex: Sunday 17:00 to Friday 16:00 Chicago, a break 16:00–17:00 each day.
    ['CME Monday 15:59 Chicago (CDT)', cme, '2025-07-14T20:59', 'open'],
    ['CME Monday 16:00 Chicago: the daily break', cme, '2025-07-14T21:00', 'closed'],
    ['CME Monday 16:45 Chicago: pre-open', cme, '2025-07-14T21:45', 'preOpen'],
    ['CME Monday 17:00 Chicago', cme, '2025-07-14T22:00', 'open'],
    ['CME Friday 16:00 Chicago', cme, '2025-07-18T21:00', 'closed'],
    ['CME Friday 16:45 Chicago: no pre-open, nothing opens on Friday', cme, '2025-07-18T21:45', 'closed'],
    ['CME Sunday 16:45 Chicago in winter (22:45 UTC)', cme, '2025-01-12T22:45', 'preOpen'],
  ] as const)('%s is %s', (_what, session, iso, state) => {
    expect(sessionStateAt(session, utc(iso))).toBe(state);
  });

  it('tells how much of an open session has gone', () => {
    expect(sessionPhaseAt(usEquity, utc('2025-07-15T13:30')).progress).toBe(0);
    expect(sessionPhaseAt(usEquity, utc('2025-07-15T16:45')).progress).toBe(0.5);
    // CME: Monday 05:00 Chicago is 12 hours into the session that opened Sunday 17:00, of 23.
    expect(sessionPhaseAt(cme, utc('2025-07-14T10:00')).progress).toBeCloseTo(12 / 23, 12);
  });
});

describe('reading sessions', () => {
  it('reads and writes days, ranges wrapping over the week', () => {
    expect(parseDays('Mon-Fri')).toEqual([false, true, true, true, true, true, false]);
    expect(parseDays('Fri-Mon')).toEqual([true, true, false, false, false, true, true]);
    expect(parseDays('Mon,Wed,Fri')).toEqual([false, true, false, true, false, true, false]);
    expect(parseDays('Monday')).toBeUndefined();
    expect(formatDays(parseDays('Sun-Thu')!)).toBe('Sun-Thu');
    expect(formatDays(parseDays('Mon,Wed-Thu')!)).toBe('Mon,Wed-Thu');
  });

  it('round-trips through the wire form', () => {
    expect(sessionToWire(cme)).toEqual({ open: '17:00', close: '16:00', timeZone: 'America/Chicago', days: 'Sun-Thu', preOpen: '16:45' });
    expect(sessionToWire(sessionFromWire(sessionToWire(usEquity)))).toEqual(sessionToWire(usEquity));
  });

  it('names each bad field', () => {
    const r = parseSession({ open: '9:30', close: '00:00', timeZone: 'America/New_Yrok', days: 'Mon-Fry', preOpen: '25:00' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.faults.map((f) => f.field)).toEqual(['open', 'close', 'preOpen', 'timeZone', 'days']);
    const late = parseSession({ open: '09:30', close: '16:00', timeZone: 'UTC', days: 'Mon-Fri', preOpen: '10:00' });
    expect(late).toMatchObject({ ok: false, faults: [{ field: 'preOpen', message: 'must fall after the close and before the open 09:30' }] });
  });

  it('knows time zones by their IANA names, in any case', () => {
    expect(canonicalTimeZone('Europe/London')).toBe('Europe/London');
    expect(canonicalTimeZone('europe/london')).toBe('Europe/London');
    expect(canonicalTimeZone('Mars/Olympus')).toBeUndefined();
    expect(wallClockIn('Asia/Kolkata', utc('2025-07-15T00:00'))).toEqual({ weekday: 2, minute: 5 * 60 + 30 });
  });
});
