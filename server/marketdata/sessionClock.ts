import { type SessionState, type TradingSession, sessionLengthMinutes, sessionPhaseAt } from '../../src/core/tradingSession.ts';

/**
 * Whether sessions stop the market. 'enforce': quotes move only while a
 * symbol's session is open. 'ignore': every symbol is open at any hour, so a
 * demo or a test shows a live market on a Sunday night (the default).
 */
export type SessionMode = 'enforce' | 'ignore';

/** Sessions this long or longer (FX, Globex) trade round the clock: no intraday shape. */
const ROUND_THE_CLOCK_MINUTES = 20 * 60;

/**
 * Trading volume over a session, as a multiple of its average: U-shaped, 2.2×
 * at the open and the close, 0.4× at midday; its mean over the session is 1.
 */
export function volumeWeight(progress: number): number {
  const x = 2 * progress - 1;
  return 0.4 + 1.8 * x * x;
}

/**
 * The phase of one session as the simulator's clock moves, shared by every
 * symbol trading on it. Session edges fall on whole minutes in every time
 * zone, so the phase is looked up (through Intl) once per clock minute.
 */
export class SessionClock {
  state: SessionState = 'open';
  /** Volume multiple of the current moment (1 when the session has no intraday shape or is closed). */
  weight = 1;
  private minute = Number.NaN;
  private readonly shaped: boolean;

  constructor(
    private readonly session: TradingSession | undefined,
    private readonly mode: SessionMode,
  ) {
    this.shaped = session !== undefined && sessionLengthMinutes(session) < ROUND_THE_CLOCK_MINUTES;
  }

  refresh(tsMs: number): void {
    const minute = Math.floor(tsMs / 60_000);
    if (minute === this.minute) return;
    this.minute = minute;
    if (this.session === undefined) return;
    const phase = sessionPhaseAt(this.session, tsMs);
    this.state = this.mode === 'ignore' ? 'open' : phase.state;
    this.weight = this.shaped && phase.state === 'open' ? volumeWeight(phase.progress) : 1;
  }
}

/** One clock per distinct session, so 600 symbols on five exchanges cost five lookups a minute. */
export function sessionKey(session: TradingSession | undefined): string {
  if (session === undefined) return 'always';
  return `${session.timeZone} ${session.open} ${session.close} ${session.preOpen ?? '-'} ${session.opensOn.map((d) => (d ? 1 : 0)).join('')}`;
}
