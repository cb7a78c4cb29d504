import type { Observable } from 'rxjs';
import type { Instrument } from '../../src/core/instrument.ts';
import type { BarWire, DepthWire, Interval, QuoteWire } from '../../src/core/protocol.ts';

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
  /** OHLCV bars, oldest first: of those opening in the range, the newest `limit` (the newest of all being the bar still forming). */
  history(symbol: string, interval: Interval, limit: number, range?: HistoryRange): BarWire[];
  /** The book of a symbol, best level first on each side (up to `levels`, default all the source has). */
  depth(symbol: string, levels?: number): DepthWire | undefined;
  start(): void;
  stop(): void;
}

/** Bar open times in epoch seconds: `from` included, `to` excluded; either may be left open. */
export interface HistoryRange {
  from?: number | undefined;
  to?: number | undefined;
}
