import type { Instrument } from '../../src/core/instrument.ts';
import type { QuoteWire } from '../../src/core/protocol.ts';
import { type SimUpdate, SymbolWalk, UPDATE_SHARE } from './symbolWalk.ts';

export interface SimulatorOptions {
  seed: number;
  /** Time between cycles; sets how far a price moves per update so volatility per hour stays the same. */
  tickIntervalMs: number;
  clock: () => number;
}

/**
 * The quote simulator, driven by step(): one call is one cycle, in which each
 * symbol moves with probability UPDATE_SHARE. No timers here, so tests step it
 * directly and a given seed and clock always give the same quotes.
 */
export class Simulator {
  private readonly walks: SymbolWalk[];
  private readonly bySymbol: Map<string, SymbolWalk>;
  private readonly clock: () => number;

  constructor(instruments: readonly Instrument[], options: SimulatorOptions) {
    if (!(options.tickIntervalMs > 0)) throw new Error(`tickIntervalMs must be positive, got ${options.tickIntervalMs}`);
    this.clock = options.clock;
    const secondsPerUpdate = options.tickIntervalMs / 1000 / UPDATE_SHARE;
    const now = this.clock();
    this.walks = instruments.map((i) => new SymbolWalk(i, options.seed, secondsPerUpdate, now));
    this.bySymbol = new Map(this.walks.map((w) => [w.symbol, w] as const));
  }

  /** Runs one cycle and returns the updates it made, in catalog order. */
  step(): SimUpdate[] {
    const ts = this.clock();
    const updates: SimUpdate[] = [];
    for (const walk of this.walks) {
      if (walk.movesThisCycle()) updates.push(walk.advance(ts));
    }
    return updates;
  }

  latest(symbol: string): QuoteWire | undefined {
    return this.bySymbol.get(symbol)?.quote;
  }

  /** Last trade price of a symbol in ticks (the close of its live bar). */
  lastTicks(symbol: string): number | undefined {
    return this.bySymbol.get(symbol)?.priceTicks;
  }
}
