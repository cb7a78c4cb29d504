import type { Decimal } from '../../src/core/decimal.ts';
import type { BarWire, DepthWire, Interval, QuoteWire } from '../../src/core/protocol.ts';
import { isOnLadder } from '../../src/core/tickLadder.ts';
import { BarAggregator, DEFAULT_BAR_CAPACITY } from './barAggregator.ts';
import { seriesWithHistory } from './barSeries.ts';
import { EventStream } from './eventStream.ts';
import { loadInstruments } from './loadInstruments.ts';
import type { SessionMode } from './sessionClock.ts';
import { Simulator } from './simulator.ts';
import type { SymbolWalk, VenueLevel } from './symbolWalk.ts';
import type { HistoryRange, InstrumentCatalog, MarketDataSource } from './types.ts';

export const DEFAULT_TICK_INTERVAL_MS = 250;
/** Cycles a late timer may run at once to catch up. */
const MAX_CATCH_UP_CYCLES = 8;
/** Slices a live cycle is stepped in, each at least MIN_SLICE_MS apart. */
const CYCLE_SLICES = 10;
const MIN_SLICE_MS = 10;
/** The protocol's largest history request; a larger limit is cut to it. */
export const MAX_HISTORY_BARS = 5000;

export interface MarketDataConfig {
  seed: number;
  /** Instrument CSV; default server/marketdata/instruments.csv. Ignored when `catalog` is given. */
  instrumentsFile?: string;
  /** An already loaded catalog, so the gateway reads the file once and shares it. */
  catalog?: InstrumentCatalog;
  /** Time between simulator cycles (DEFAULT_TICK_INTERVAL_MS in production). */
  tickIntervalMs: number;
  /**
   * Quote updates per second over all symbols (a few to tens of thousands).
   * Default: each symbol moves in a quarter of the cycles, about 600 a second
   * for the shipped file at 250 ms.
   */
  updatesPerSecond?: number;
  /**
   * 'ignore' (default): every symbol trades at any hour, so `npm start` shows
   * a live market on a Sunday night; quotes say sessionState 'open'.
   * 'enforce': a symbol trades only while its session is open; outside it the
   * quote stands still with sessionState 'preOpen' or 'closed'.
   */
  sessions?: SessionMode;
  /** Milliseconds since the epoch; Date.now by default. */
  clock?: () => number;
  /** Live bars kept per symbol and interval. */
  barCapacity?: number;
}

/** A trade of the internal venue's book, told to the market data so the price traders see follows it. */
export interface VenuePrint {
  readonly price: Decimal;
  readonly size: Decimal;
  /** The side of the incoming order that traded. */
  readonly aggressor: 'buy' | 'sell';
  /** The venue's touch after the trade; undefined when that side of its book is empty. */
  readonly bid: Decimal | undefined;
  readonly ask: Decimal | undefined;
}

/** One price level of the internal venue's book: all the orders resting there, sizes summed, in the book's integers. */
export interface VenueBookLevel {
  /** The price in units of `VenueBook.unit`. */
  readonly ticks: number;
  /** The size in lots of `VenueBook.lot`. */
  readonly lots: number;
}

/**
 * The internal venue's book, best level first on each side, as the market
 * data shows it while traders' orders rest in it. Exact integers with their
 * unit and lot (the venue counts in the instrument's finest tick, as the walk
 * does), so showing it on every quote costs no decimal arithmetic per level.
 */
export interface VenueBook {
  /** The price of one tick. */
  readonly unit: Decimal;
  /** The size of one lot. */
  readonly lot: Decimal;
  readonly bids: readonly VenueBookLevel[];
  readonly asks: readonly VenueBookLevel[];
}

/**
 * The simulator's own book of one symbol in integers: units of `unit` (the finest tick) and lots of
 * `lot`. The venue's market maker reads it on every re-quote when its book counts in the same unit
 * and lot, instead of reading back simulatedDepth's strings.
 */
export interface SimulatedBook {
  readonly unit: Decimal;
  readonly lot: Decimal;
  /** simulatedDepth's seq: it moves only when this book does. */
  readonly simulatedSeq: number;
  /** simulatedDepth(levels)'s levels as flat units, lots pairs, best first, written into the arrays. */
  simulatedPairs(levels: number, bids: number[], asks: number[]): void;
}

/** The simulated source, plus step() so tests (and benchmarks) drive it without timers. */
export interface SimulatedMarketData extends MarketDataSource {
  /** Runs one cycle now: moves some symbols, folds their trades into bars, emits their quotes. */
  step(): QuoteWire[];
  /**
   * Prints a venue trade: last, volume, bars and the touch move (see
   * SymbolWalk.applyVenueTrade) and the new quote is emitted at once.
   * Undefined for an unknown symbol or a print off the grid.
   */
  applyVenueTrade(symbol: string, print: VenuePrint): QuoteWire | undefined;
  /**
   * Shows the venue's book as the symbol's depth and its best levels as the
   * quote's bid/ask/sizes, until the next call; undefined gives the simulator's
   * own book back (see SymbolWalk.applyVenueBook). The new quote is emitted at
   * once. Undefined (nothing changes) for an unknown symbol or a level off the
   * grid or in part lots.
   */
  applyVenueBook(symbol: string, book: VenueBook | undefined): QuoteWire | undefined;
  /** The simulator's own depth, whatever the venue shows: what the venue's market maker mirrors. */
  simulatedDepth(symbol: string, levels?: number): DepthWire | undefined;
  /** The simulator's own book in integers (see SimulatedBook); the same object for a symbol all along. */
  simulatedBook(symbol: string): SimulatedBook | undefined;
  /**
   * applyVenueTrade in the integers of the symbol's SimulatedBook (units of its unit, lots of its lot),
   * for a venue whose book counts in them: the same quote, without a Decimal per print.
   */
  applyVenueTradeUnits(symbol: string, priceUnits: number, lots: number, aggressor: 'buy' | 'sell', bidUnits: number | undefined, askUnits: number | undefined): QuoteWire | undefined;
  /**
   * applyVenueBook in the integers of the symbol's SimulatedBook, each side as flat units, lots pairs,
   * best first (copied: the caller may reuse the arrays). Undefined for an unknown symbol or a level
   * off the grid, as applyVenueBook.
   */
  applyVenueBookUnits(symbol: string, bids: readonly number[], asks: readonly number[]): QuoteWire | undefined;
}

export function createMarketData(config: MarketDataConfig): SimulatedMarketData {
  const instruments = config.catalog ?? loadInstruments(config.instrumentsFile);
  const clock = config.clock ?? Date.now;
  const simulator = new Simulator(instruments.all(), {
    seed: config.seed,
    tickIntervalMs: config.tickIntervalMs,
    clock,
    ...(config.updatesPerSecond === undefined ? {} : { updatesPerSecond: config.updatesPerSecond }),
    ...(config.sessions === undefined ? {} : { sessions: config.sessions }),
  });
  const bars = new BarAggregator(config.barCapacity ?? DEFAULT_BAR_CAPACITY);
  const quotes = new EventStream<QuoteWire>();
  let timer: ReturnType<typeof setInterval> | undefined;

  function step(): QuoteWire[] {
    return emit(simulator.step());
  }

  function emit(updates: ReturnType<Simulator['step']>): QuoteWire[] {
    const out: QuoteWire[] = new Array(updates.length);
    for (let k = 0; k < updates.length; k++) {
      const { quote, trade } = updates[k]!;
      if (trade !== undefined) bars.addTrade(trade.symbol, trade.priceTicks, trade.lots, trade.tsMs);
      out[k] = quote;
    }
    // Emit only after every bar is updated, so a listener asking for history sees this cycle's trades.
    for (let k = 0; k < out.length; k++) quotes.next(out[k]!);
    return out;
  }

  function history(symbol: string, interval: Interval, limit: number, range: HistoryRange = {}): BarWire[] {
    const instrument = instruments.get(symbol);
    const walk = simulator.walk(symbol);
    if (instrument === undefined || walk === undefined) return [];
    const wanted = Math.min(Math.max(0, Math.floor(limit)), MAX_HISTORY_BARS);
    return seriesWithHistory({
      instrument,
      ladder: walk.ladder,
      fmt: walk.fmt,
      seed: config.seed,
      interval,
      live: bars.bars(symbol, interval, Number.MAX_SAFE_INTEGER),
      lastUnits: walk.priceTicks,
      nowMs: clock(),
      limit: wanted,
      range,
    });
  }

  function applyVenueTrade(symbol: string, print: VenuePrint): QuoteWire | undefined {
    const walk = simulator.walk(symbol);
    const instrument = instruments.get(symbol);
    if (walk === undefined || instrument === undefined) return undefined;
    const price = unitsOf(print.price, walk.ladder.unit);
    const lots = print.size.div(instrument.lotSize);
    if (price === undefined || !lots.isInteger() || !lots.gt(0)) return undefined;
    return printVenueTrade(walk, price, lots.toNumber(), print.aggressor, unitsOf(print.bid, walk.ladder.unit), unitsOf(print.ask, walk.ladder.unit));
  }

  function applyVenueTradeUnits(symbol: string, priceUnits: number, lots: number, aggressor: 'buy' | 'sell', bidUnits: number | undefined, askUnits: number | undefined): QuoteWire | undefined {
    const walk = simulator.walk(symbol);
    if (walk === undefined || instruments.get(symbol) === undefined) return undefined;
    if (!isPositiveInteger(priceUnits) || !isPositiveInteger(lots)) return undefined;
    return printVenueTrade(walk, priceUnits, lots, aggressor, isPositiveInteger(bidUnits) ? bidUnits : undefined, isPositiveInteger(askUnits) ? askUnits : undefined);
  }

  function printVenueTrade(walk: SymbolWalk, price: number, lots: number, aggressor: 'buy' | 'sell', bid: number | undefined, ask: number | undefined): QuoteWire {
    const { quote, trade } = walk.applyVenueTrade(price, lots, aggressor, bid, ask, clock());
    if (trade !== undefined) bars.addTrade(trade.symbol, trade.priceTicks, trade.lots, trade.tsMs);
    quotes.next(quote);
    return quote;
  }

  function applyVenueBookUnits(symbol: string, bids: readonly number[], asks: readonly number[]): QuoteWire | undefined {
    const walk = simulator.walk(symbol);
    if (walk === undefined || instruments.get(symbol) === undefined) return undefined;
    if (!onWalkGrid(walk, bids) || !onWalkGrid(walk, asks)) return undefined;
    const { quote } = walk.applyVenueBookPairs(bids, asks, clock());
    quotes.next(quote);
    return quote;
  }

  function applyVenueBook(symbol: string, book: VenueBook | undefined): QuoteWire | undefined {
    const walk = simulator.walk(symbol);
    const instrument = instruments.get(symbol);
    if (walk === undefined || instrument === undefined) return undefined;
    let levels: { bids: VenueLevel[]; asks: VenueLevel[] } | undefined;
    if (book !== undefined) {
      // The venue's tick and lot are the walk's in practice: then its integers are the walk's as they are.
      const same = book.unit.eq(walk.ladder.unit) && book.lot.eq(instrument.lotSize);
      const side = (from: readonly VenueBookLevel[]): VenueLevel[] | undefined => {
        const out: VenueLevel[] = [];
        for (const l of from) {
          let units = l.ticks;
          let lots = l.lots;
          if (!same) {
            const u = book.unit.times(l.ticks).div(walk.ladder.unit);
            const n = book.lot.times(l.lots).div(instrument.lotSize);
            if (!u.isInteger() || !n.isInteger()) return undefined;
            units = u.toNumber();
            lots = n.toNumber();
          }
          // On the grid of the tick at that price, like every price the walk makes.
          if (!Number.isSafeInteger(units) || units <= 0 || !Number.isSafeInteger(lots) || lots <= 0 || !isOnLadder(walk.ladder, units)) return undefined;
          out.push({ units, lots });
        }
        return out;
      };
      const bids = side(book.bids);
      const asks = side(book.asks);
      if (bids === undefined || asks === undefined) return undefined;
      levels = { bids, asks };
    }
    const { quote } = walk.applyVenueBook(levels, clock());
    quotes.next(quote);
    return quote;
  }

  return {
    instruments,
    applyVenueTrade,
    applyVenueTradeUnits,
    applyVenueBook,
    applyVenueBookUnits,
    simulatedDepth: (symbol: string, levels?: number): DepthWire | undefined => simulator.walk(symbol)?.simulatedDepth(levels),
    simulatedBook: (symbol: string): SimulatedBook | undefined => simulator.walk(symbol),
    quotes$: quotes.observable,
    latest: (symbol) => simulator.latest(symbol),
    depth: (symbol: string, levels?: number): DepthWire | undefined => simulator.depth(symbol, levels),
    history,
    step,
    start() {
      if (timer !== undefined) return;
      // A cycle is stepped in slices over its interval (a tenth of the walks every 25 ms by default) rather than
      // all at once: a whole cycle's quotes and what they set off (the market maker's requotes, marks, fan-out)
      // held the event loop for ~10 ms every tick, and every order arriving meanwhile waited that long.
      const walks = simulator.walkCount;
      const slices = Math.max(1, Math.min(CYCLE_SLICES, walks, Math.floor(config.tickIntervalMs / MIN_SLICE_MS)));
      const every = config.tickIntervalMs / slices;
      let slice = 0;
      let due = Date.now();
      timer = setInterval(() => {
        // A timer that fires late runs the slices it missed, so the configured rate holds on a busy machine;
        // beyond MAX_CATCH_UP_CYCLES whole cycles the backlog is dropped rather than replayed in a burst.
        const now = Date.now();
        let ran = 0;
        while (due + every <= now && ran < MAX_CATCH_UP_CYCLES * slices) {
          emit(simulator.step(Math.floor((slice * walks) / slices), Math.floor(((slice + 1) * walks) / slices)));
          slice = (slice + 1) % slices;
          due += every;
          ran += 1;
        }
        if (due + every <= now) due = now - ((now - due) % every);
      }, every);
    },
    stop() {
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
    },
  };
}

function isPositiveInteger(n: number | undefined): n is number {
  return n !== undefined && Number.isSafeInteger(n) && n > 0;
}

/** A price in whole units of `unit`, when it is a positive whole number of them. */
function unitsOf(p: Decimal | undefined, unit: Decimal): number | undefined {
  const n = p?.div(unit);
  return n !== undefined && n.isInteger() && n.gt(0) ? n.toNumber() : undefined;
}

/** Flat units, lots pairs that are all safe positive integers, each price on the grid of the tick at that price. */
function onWalkGrid(walk: SymbolWalk, pairs: readonly number[]): boolean {
  if (pairs.length % 2 !== 0) return false;
  for (let i = 0; i < pairs.length; i += 2) {
    const units = pairs[i]!;
    if (!isPositiveInteger(units) || !isPositiveInteger(pairs[i + 1]) || !isOnLadder(walk.ladder, units)) return false;
  }
  return true;
}
