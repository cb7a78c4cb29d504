import { Subject } from 'rxjs';
import { INTERVAL_SECONDS, type BarWire, type Interval, type QuoteWire } from '../../src/core/protocol.ts';
import { BarAggregator, DEFAULT_BAR_CAPACITY } from './barAggregator.ts';
import { generateHistory } from './historyGenerator.ts';
import { loadInstruments } from './loadInstruments.ts';
import { Simulator } from './simulator.ts';
import { type TickBar, barTime, toBarWire } from './tickBar.ts';
import { type TickFormatter, tickFormatter } from './tickFormat.ts';
import type { InstrumentCatalog, MarketDataSource } from './types.ts';

export const DEFAULT_TICK_INTERVAL_MS = 250;
/** The protocol's largest history request; a larger limit is cut to it. */
export const MAX_HISTORY_BARS = 5000;

export interface MarketDataConfig {
  seed: number;
  /** Instrument CSV; default server/marketdata/instruments.csv. Ignored when `catalog` is given. */
  instrumentsFile?: string;
  /** An already loaded catalog, so the gateway reads the file once and shares it. */
  catalog?: InstrumentCatalog;
  /** Time between simulator cycles (DEFAULT_TICK_INTERVAL_MS in production); each cycle moves about a quarter of the symbols. */
  tickIntervalMs: number;
  /** Milliseconds since the epoch; Date.now by default. */
  clock?: () => number;
  /** Live bars kept per symbol and interval. */
  barCapacity?: number;
}

/** The simulated source, plus step() so tests (and a replay) drive it without timers. */
export interface SimulatedMarketData extends MarketDataSource {
  /** Runs one cycle now: moves some symbols, folds their trades into bars, emits their quotes. */
  step(): QuoteWire[];
}

export function createMarketData(config: MarketDataConfig): SimulatedMarketData {
  const instruments = config.catalog ?? loadInstruments(config.instrumentsFile);
  const clock = config.clock ?? Date.now;
  const simulator = new Simulator(instruments.all(), { seed: config.seed, tickIntervalMs: config.tickIntervalMs, clock });
  const bars = new BarAggregator(config.barCapacity ?? DEFAULT_BAR_CAPACITY);
  const formatters = new Map<string, TickFormatter>(instruments.all().map((i) => [i.symbol, tickFormatter(i)] as const));
  const quotes = new Subject<QuoteWire>();
  let timer: ReturnType<typeof setInterval> | undefined;

  function step(): QuoteWire[] {
    const updates = simulator.step();
    const out: QuoteWire[] = new Array(updates.length);
    for (let k = 0; k < updates.length; k++) {
      const { quote, trade } = updates[k]!;
      bars.addTrade(trade.symbol, trade.priceTicks, trade.lots, trade.tsMs);
      out[k] = quote;
    }
    // Emit only after every bar is updated, so a listener asking for history sees this cycle's trades.
    for (const quote of out) quotes.next(quote);
    return out;
  }

  function history(symbol: string, interval: Interval, limit: number): BarWire[] {
    const instrument = instruments.get(symbol);
    const fmt = formatters.get(symbol);
    const lastTicks = simulator.lastTicks(symbol);
    if (instrument === undefined || fmt === undefined || lastTicks === undefined) return [];
    const wanted = Math.min(Math.max(0, Math.floor(limit)), MAX_HISTORY_BARS);
    if (wanted === 0) return [];

    const live: TickBar[] = bars.bars(symbol, interval, wanted);
    const nowBar = barTime(clock(), INTERVAL_SECONDS[interval]);
    const newest = live[live.length - 1];
    // No trade yet in the current bucket: show it as a flat bar at the last price, so the newest bar is always "now".
    if (newest === undefined || newest.time < nowBar) {
      live.push({ time: nowBar, open: lastTicks, high: lastTicks, low: lastTicks, close: lastTicks, volumeLots: 0 });
      if (live.length > wanted) live.shift();
    }
    const oldest = live[0]!;
    const older = generateHistory(instrument, config.seed, interval, { time: oldest.time, openTicks: oldest.open }, wanted - live.length);
    return [...older, ...live].map((b) => toBarWire(b, fmt));
  }

  return {
    instruments,
    quotes$: quotes.asObservable(),
    latest: (symbol) => simulator.latest(symbol),
    history,
    step,
    start() {
      if (timer === undefined) timer = setInterval(step, config.tickIntervalMs);
    },
    stop() {
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
    },
  };
}
