import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextSessionClose, sessionCloseMemo } from '../../../src/core/orderExpiry.ts';
import { type SessionWire, sessionFromWire } from '../../../src/core/tradingSession.ts';

// The memo must answer exactly as the walk through Intl it stands in for, for
// any order of questions: time order (orders arriving), jumps back (a restart
// reading old orders) and across daylight-saving changes.
const WIRES: SessionWire[] = [
  { open: '09:30', close: '16:00', timeZone: 'America/New_York', days: 'Mon-Fri' },
  { open: '17:00', close: '16:00', timeZone: 'America/Chicago', days: 'Sun-Thu' },
  { open: '17:00', close: '17:00', timeZone: 'America/New_York', days: 'Sun-Thu' },
  { open: '00:00', close: '24:00', timeZone: 'UTC', days: 'Mon-Fri' },
  { open: '08:00', close: '16:30', timeZone: 'Europe/London', days: 'Mon-Fri' },
  { open: '10:00', close: '16:00', timeZone: 'Australia/Sydney', days: 'Mon-Fri' },
  { open: '09:00', close: '15:00', timeZone: 'Asia/Tokyo', days: 'Mon-Fri' },
  { open: '22:00', close: '02:30', timeZone: 'Europe/Berlin', days: 'Sun-Thu' },
  { open: '00:00', close: '24:00', timeZone: 'America/Santiago', days: 'Sun-Sat' },
  { open: '12:00', close: '23:30', timeZone: 'Asia/Kolkata', days: 'Mon,Wed,Fri' },
];
const SESSIONS = WIRES.map(sessionFromWire);

// 2026, with each zone's daylight-saving changes in it.
const FROM = Date.UTC(2026, 0, 1);
const TO = Date.UTC(2027, 0, 1);
const DAY = 86_400_000;

describe('sessionCloseMemo', () => {
  it('gives the close nextSessionClose gives, for instants asked in time order with jumps back', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: SESSIONS.length - 1 }),
        fc.integer({ min: FROM, max: TO }),
        fc.array(fc.oneof(fc.integer({ min: 0, max: 90 * 60_000 }), fc.integer({ min: 0, max: 3 * DAY }), fc.integer({ min: -4 * DAY, max: 0 })), { minLength: 1, maxLength: 40 }),
        (k, start, steps) => {
          const memo = sessionCloseMemo();
          const session = SESSIONS[k]!;
          let t = start;
          for (const step of steps) {
            t += step;
            expect(memo(session, t)).toBe(nextSessionClose(session, t));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('answers at the edges of a window: just before the close, at it, and a millisecond after', () => {
    for (const session of SESSIONS) {
      const memo = sessionCloseMemo();
      let t = Date.UTC(2026, 2, 1, 12);
      for (let i = 0; i < 30; i++) {
        const close = memo(session, t)!;
        expect(close).toBe(nextSessionClose(session, t));
        for (const probe of [close - 60_001, close - 1, close, close + 1]) expect(memo(session, probe)).toBe(nextSessionClose(session, probe));
        t = close;
      }
    }
  });

  it('keeps sessions apart', () => {
    const memo = sessionCloseMemo();
    const t = Date.UTC(2026, 10, 23, 15);
    expect(new Date(memo(SESSIONS[0]!, t)!).toISOString()).toBe('2026-11-23T21:00:00.000Z');
    expect(new Date(memo(SESSIONS[6]!, t)!).toISOString()).toBe('2026-11-24T06:00:00.000Z');
    expect(new Date(memo(SESSIONS[0]!, t + 1)!).toISOString()).toBe('2026-11-23T21:00:00.000Z');
  });
});
