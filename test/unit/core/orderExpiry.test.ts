import { describe, expect, it } from 'vitest';
import { endOfDateIn, nextSessionClose, parseExpireAt, zoneOffsetMinutes } from '../../../src/core/orderExpiry.ts';
import { sessionFromWire } from '../../../src/core/tradingSession.ts';

const nyse = sessionFromWire({ open: '09:30', close: '16:00', timeZone: 'America/New_York', days: 'Mon-Fri' });
const cme = sessionFromWire({ open: '17:00', close: '16:00', timeZone: 'America/Chicago', days: 'Sun-Thu' });
const allDay = sessionFromWire({ open: '00:00', close: '24:00', timeZone: 'UTC', days: 'Mon-Fri' });
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

describe('nextSessionClose', () => {
  it("closes a DAY order placed during the session at that day's close, in winter and in summer time", () => {
    expect(iso(nextSessionClose(nyse, Date.UTC(2026, 10, 23, 15, 0)))).toBe('2026-11-23T21:00:00.000Z'); // EST
    expect(iso(nextSessionClose(nyse, Date.UTC(2026, 6, 15, 15, 0)))).toBe('2026-07-15T20:00:00.000Z'); // EDT
  });

  it('gives an order placed after the close, or at the weekend, the next session’s close', () => {
    expect(iso(nextSessionClose(nyse, Date.UTC(2026, 10, 23, 21, 0)))).toBe('2026-11-24T21:00:00.000Z'); // at the close itself
    expect(iso(nextSessionClose(nyse, Date.UTC(2026, 10, 27, 23, 0)))).toBe('2026-11-30T21:00:00.000Z'); // Friday evening → Monday
    expect(iso(nextSessionClose(nyse, Date.UTC(2026, 10, 28, 12, 0)))).toBe('2026-11-30T21:00:00.000Z'); // Saturday
  });

  it('crosses a daylight-saving change: New York moves its clocks on 8 March 2026', () => {
    expect(iso(nextSessionClose(nyse, Date.UTC(2026, 2, 6, 22, 0)))).toBe('2026-03-09T20:00:00.000Z');
  });

  it('closes an overnight session the day after it opened (CME Sunday 17:00 to Monday 16:00 Chicago)', () => {
    expect(iso(nextSessionClose(cme, Date.UTC(2026, 10, 22, 23, 30)))).toBe('2026-11-23T22:00:00.000Z'); // Sunday evening
    expect(iso(nextSessionClose(cme, Date.UTC(2026, 10, 27, 12, 0)))).toBe('2026-11-27T22:00:00.000Z'); // Friday: Thursday's session
    expect(iso(nextSessionClose(cme, Date.UTC(2026, 10, 27, 23, 0)))).toBe('2026-11-30T22:00:00.000Z'); // after Friday's close: Sunday's session
  });

  it('reads a 24:00 close as midnight at the end of the session day', () => {
    expect(iso(nextSessionClose(allDay, Date.UTC(2026, 10, 23, 10, 0)))).toBe('2026-11-24T00:00:00.000Z');
  });
});

describe('GTD expiry', () => {
  it('knows the zone offset either side of a week boundary', () => {
    expect(zoneOffsetMinutes('America/New_York', Date.UTC(2026, 10, 23, 12))).toBe(-300);
    expect(zoneOffsetMinutes('Asia/Tokyo', Date.UTC(2026, 10, 28, 20))).toBe(540); // Saturday UTC, Sunday in Tokyo
  });

  it('reads a date as the end of that day in the zone, and a date-time with its zone as written', () => {
    expect(iso(endOfDateIn('Asia/Tokyo', 2026, 11, 27))).toBe('2026-11-27T14:59:59.999Z');
    expect(parseExpireAt('2026-11-27', 'America/New_York')).toEqual({ ok: true, expireAt: Date.UTC(2026, 10, 28, 4, 59, 59, 999) });
    expect(parseExpireAt('2026-11-27T21:00:00Z', undefined)).toEqual({ ok: true, expireAt: Date.UTC(2026, 10, 27, 21) });
    expect(parseExpireAt('2026-13-01', undefined)).toMatchObject({ ok: false });
  });
});
