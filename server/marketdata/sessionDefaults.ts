import type { AssetClass } from '../../src/core/instrument.ts';
import type { SessionWire } from '../../src/core/tradingSession.ts';

/**
 * Trading hours of an instrument whose file row names none (an older file, or
 * blank session cells): the US market of its asset class. Equities and ETFs
 * trade 09:30–16:00 New York with a pre-market from 04:00; FX from Sunday
 * 17:00 to Friday 17:00 New York; futures on CME Globex hours, Sunday to
 * Friday 17:00–16:00 Chicago with a pre-open from 16:45.
 */
export const DEFAULT_SESSIONS: Record<AssetClass, SessionWire> = {
  equity: { open: '09:30', close: '16:00', timeZone: 'America/New_York', days: 'Mon-Fri', preOpen: '04:00' },
  etf: { open: '09:30', close: '16:00', timeZone: 'America/New_York', days: 'Mon-Fri', preOpen: '04:00' },
  fx: { open: '17:00', close: '17:00', timeZone: 'America/New_York', days: 'Sun-Thu' },
  future: { open: '17:00', close: '16:00', timeZone: 'America/Chicago', days: 'Sun-Thu', preOpen: '16:45' },
};

/** Days a session opens on when a row gives its hours but no days. */
export const DEFAULT_SESSION_DAYS = 'Mon-Fri';
