import type { Instrument } from '../../src/core/instrument.ts';
import type { DepthWire, QuoteWire } from '../../src/core/protocol.ts';
import type { SessionState } from '../../src/core/tradingSession.ts';
import { instrumentProfile } from './instrumentProfile.ts';
import { SessionClock, type SessionMode, sessionKey } from './sessionClock.ts';
import { type SimUpdate, SymbolWalk } from './symbolWalk.ts';

/** Without `updatesPerSecond`, each symbol moves in a quarter of the cycles: a watchlist ticks visibly, not all at once. */
export const UPDATE_SHARE = 0.25;

export interface SimulatorOptions {
  seed: number;
  /** Time between cycles; with the update rate it sets how far a price moves per update, so volatility per hour stays the same. */
  tickIntervalMs: number;
  clock: () => number;
  /**
   * Updates per second over all symbols, spread evenly (a symbol may move
   * several times in one cycle). Default: UPDATE_SHARE of the symbols per cycle.
   * Changing the number of symbols then changes each one's rate.
   */
  updatesPerSecond?: number;
  /** Default 'ignore': every symbol trades at any hour. */
  sessions?: SessionMode;
}

/**
 * The quote simulator, driven by step(): one call is one cycle. No timers
 * here, so tests step it directly and a given seed and clock always give the
 * same quotes.
 */
export class Simulator {
  private readonly walks: SymbolWalk[];
  private readonly clockOf: SessionClock[];
  private readonly clocks: SessionClock[];
  private readonly bySymbol: Map<string, SymbolWalk>;
  private readonly clock: () => number;
  /** Mean updates per symbol per cycle. */
  readonly updatesPerCycle: number;

  constructor(instruments: readonly Instrument[], options: SimulatorOptions) {
    if (!(options.tickIntervalMs > 0)) throw new Error(`tickIntervalMs must be positive, got ${options.tickIntervalMs}`);
    if (options.updatesPerSecond !== undefined && !(options.updatesPerSecond > 0 && Number.isFinite(options.updatesPerSecond))) {
      throw new Error(`updatesPerSecond must be a positive number, got ${options.updatesPerSecond}`);
    }
    this.clock = options.clock;
    const count = Math.max(1, instruments.length);
    this.updatesPerCycle = options.updatesPerSecond === undefined ? UPDATE_SHARE : (options.updatesPerSecond * options.tickIntervalMs) / 1000 / count;
    const secondsPerUpdate = options.tickIntervalMs / 1000 / this.updatesPerCycle;
    const mode = options.sessions ?? 'ignore';
    const now = this.clock();

    const shared = new Map<string, SessionClock>();
    this.clockOf = instruments.map((i) => {
      const key = sessionKey(i.session);
      let c = shared.get(key);
      if (c === undefined) {
        c = new SessionClock(i.session, mode);
        c.refresh(now);
        shared.set(key, c);
      }
      return c;
    });
    this.clocks = [...shared.values()];
    this.walks = instruments.map((i, k) => new SymbolWalk(i, instrumentProfile(i, options.seed), options.seed, secondsPerUpdate, now, this.clockOf[k]!.state));
    this.bySymbol = new Map(this.walks.map((w) => [w.symbol, w] as const));
  }

  /** Runs one cycle and returns the updates it made, in catalog order (a symbol's own in the order they happened). */
  /**
   * One cycle for the walks in [from, to) (every walk by default). A live feed
   * steps the cycle in slices spread over the tick interval, so the gateway's
   * event loop never stands still for a whole cycle's quotes at once; each
   * symbol still gets one step a cycle, from its own random stream.
   */
  step(from = 0, to = this.walks.length): SimUpdate[] {
    const ts = this.clock();
    for (const c of this.clocks) c.refresh(ts);
    const updates: SimUpdate[] = [];
    const rate = this.updatesPerCycle;
    for (let k = from; k < to; k++) {
      const walk = this.walks[k]!;
      const session = this.clockOf[k]!;
      if (session.state !== walk.sessionState) updates.push(walk.changeSession(session.state, ts));
      if (session.state !== 'open') continue;
      const n = walk.updatesThisCycle(rate);
      for (let u = 0; u < n; u++) updates.push(walk.advance(ts, session.weight));
    }
    return updates;
  }

  get walkCount(): number {
    return this.walks.length;
  }

  latest(symbol: string): QuoteWire | undefined {
    return this.bySymbol.get(symbol)?.quote;
  }

  /** Ten levels a side (or fewer when asked), best first; undefined for an unknown symbol. */
  depth(symbol: string, levels?: number): DepthWire | undefined {
    return this.bySymbol.get(symbol)?.depth(levels);
  }

  sessionState(symbol: string): SessionState | undefined {
    return this.bySymbol.get(symbol)?.sessionState;
  }

  /** Last trade price of a symbol in units of its finest tick (the close of its live bar). */
  lastTicks(symbol: string): number | undefined {
    return this.bySymbol.get(symbol)?.priceTicks;
  }

  /** The walk of a symbol: its tick ladder and formatter serve bars and history. */
  walk(symbol: string): SymbolWalk | undefined {
    return this.bySymbol.get(symbol);
  }
}
