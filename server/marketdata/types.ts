import type { Observable } from 'rxjs';
import type { Instrument } from '../../src/core/instrument.ts';
import type { BarWire, Interval, QuoteWire } from '../../src/core/protocol.ts';

/** Reference data for every instrument the gateway knows. */
export interface InstrumentCatalog {
  get(symbol: string): Instrument | undefined;
  all(): readonly Instrument[];
}

/**
 * A source of quotes: the simulator by default, a replay or a real feed later.
 * Everything downstream (venue, portfolio, transport) sees only this.
 */
export interface MarketDataSource {
  readonly instruments: InstrumentCatalog;
  /** Every quote update as it happens, all symbols. Hot; never completes while running. */
  readonly quotes$: Observable<QuoteWire>;
  /** The latest quote of a symbol (the snapshot a new subscriber gets first). */
  latest(symbol: string): QuoteWire | undefined;
  /** OHLCV bars, oldest first, the newest being the bar still forming. */
  history(symbol: string, interval: Interval, limit: number): BarWire[];
  start(): void;
  stop(): void;
}
