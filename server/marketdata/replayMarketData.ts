import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Subject } from 'rxjs';
import type { BarWire, DepthWire, Interval, QuoteWire } from '../../src/core/protocol.ts';
import { priceToUnits, tickLadder } from '../../src/core/tickLadder.ts';
import { BarAggregator, DEFAULT_BAR_CAPACITY } from './barAggregator.ts';
import { loadInstruments } from './loadInstruments.ts';
import { MAX_HISTORY_BARS } from './marketData.ts';
import { type ReplayEvent, ReplayFileError, parseReplayFile } from './replayFile.ts';
import { toBarWire } from './tickBar.ts';
import { type TickFormatter, tickFormatter } from './tickFormat.ts';
import type { HistoryRange, InstrumentCatalog, MarketDataSource } from './types.ts';

/** The sample shipped with the repository: three minutes of five symbols from the US open. */
export const SAMPLE_REPLAY_FILE = fileURLToPath(new URL('./samples/sample-replay.csv', import.meta.url));

export interface ReplayConfig {
  /** The replay CSV (see replayFile.ts); default the shipped sample. */
  file?: string;
  /** Instrument CSV; default server/marketdata/instruments.csv. Ignored when `catalog` is given. */
  instrumentsFile?: string;
  catalog?: InstrumentCatalog;
  /** Recorded seconds per wall-clock second: 1 as recorded, 60 a minute a second. Default 1. */
  speed?: number;
  barCapacity?: number;
}

/** A replayed feed, plus step() so tests drive it without timers. */
export interface ReplayMarketData extends MarketDataSource {
  /** Emits every row of the next recorded instant (all rows sharing its time) now, whatever the speed. */
  step(): QuoteWire[];
  /** True once every row has been emitted. */
  readonly done: boolean;
  /** Rows in the file. */
  readonly length: number;
}

/** What a symbol's quote holds between rows, in integers. */
interface SymbolState {
  readonly fmt: TickFormatter;
  readonly prevCloseUnits: number;
  readonly prevCloseText: string;
  seq: number;
  openUnits: number | undefined;
  highUnits: number;
  lowUnits: number;
  lastUnits: number;
  lastLots: number;
  volumeLots: number;
  current: QuoteWire | undefined;
  book: ReplayEvent | undefined;
}

/**
 * Replays a recorded file through the MarketDataSource interface, so the
 * venue, the transport and the terminal cannot tell it from the simulator.
 * Quotes carry the recorded times. The previous close of each symbol is its
 * reference price in the instrument file (set it to the recorded day's
 * previous close); open, high, low, last and volume follow the file's trades.
 * The file only has the top of the book, so depth has one level a side.
 */
export function createReplayMarketData(config: ReplayConfig = {}): ReplayMarketData {
  const instruments = config.catalog ?? loadInstruments(config.instrumentsFile);
  const file = config.file ?? SAMPLE_REPLAY_FILE;
  const speed = config.speed ?? 1;
  if (!(speed > 0 && Number.isFinite(speed))) throw new Error(`replay speed must be a positive number, got ${speed}`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ReplayFileError(file, [`cannot be read: ${err instanceof Error ? err.message : String(err)}`]);
  }
  const events = parseReplayFile(text, file, instruments);
  const bars = new BarAggregator(config.barCapacity ?? DEFAULT_BAR_CAPACITY);
  const quotes = new Subject<QuoteWire>();
  const states = new Map<string, SymbolState>();
  let next = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function stateOf(symbol: string): SymbolState {
    let s = states.get(symbol);
    if (s === undefined) {
      const instrument = instruments.get(symbol)!;
      const ladder = tickLadder(instrument);
      const fmt = tickFormatter(instrument, ladder);
      const prev = priceToUnits(ladder, instrument.referencePrice);
      s = { fmt, prevCloseUnits: prev, prevCloseText: fmt.price(prev), seq: 0, openUnits: undefined, highUnits: prev, lowUnits: prev, lastUnits: prev, lastLots: 0, volumeLots: 0, current: undefined, book: undefined };
      states.set(symbol, s);
    }
    return s;
  }

  function apply(e: ReplayEvent): QuoteWire {
    const s = stateOf(e.symbol);
    const { fmt } = s;
    if (e.trade !== undefined) {
      const p = e.trade.priceUnits;
      if (s.openUnits === undefined) {
        s.openUnits = p;
        s.highUnits = p;
        s.lowUnits = p;
      }
      if (p > s.highUnits) s.highUnits = p;
      if (p < s.lowUnits) s.lowUnits = p;
      s.lastUnits = p;
      s.lastLots = e.trade.lots;
      s.volumeLots += e.trade.lots;
      bars.addTrade(e.symbol, p, e.trade.lots, e.tsMs);
    }
    s.seq += 1;
    s.book = e;
    s.current = {
      symbol: e.symbol,
      bid: fmt.price(e.bidUnits),
      ask: fmt.price(e.askUnits),
      last: fmt.price(s.lastUnits),
      bidSize: fmt.size(e.bidLots),
      askSize: fmt.size(e.askLots),
      lastSize: fmt.size(s.lastLots),
      open: fmt.price(s.openUnits ?? s.prevCloseUnits),
      high: fmt.price(s.highUnits),
      low: fmt.price(s.lowUnits),
      prevClose: s.prevCloseText,
      change: fmt.change(s.lastUnits, s.prevCloseUnits),
      changePct: fmt.changePct(s.lastUnits, s.prevCloseUnits),
      volume: fmt.size(s.volumeLots),
      ts: e.tsMs,
      seq: s.seq,
    };
    return s.current;
  }

  function step(): QuoteWire[] {
    const first = events[next];
    if (first === undefined) return [];
    const out: QuoteWire[] = [];
    while (next < events.length && events[next]!.tsMs === first.tsMs) out.push(apply(events[next++]!));
    // Bars first, then listeners: one asking for history sees this instant's trades.
    for (const q of out) quotes.next(q);
    return out;
  }

  /** Plays from the next row: row times are kept apart by their recorded gap divided by the speed. */
  function play(): void {
    const head = events[next];
    if (head === undefined) return;
    const wallStart = Date.now();
    const fileStart = head.tsMs;
    const tick = () => {
      const elapsed = (Date.now() - wallStart) * speed;
      while (next < events.length && events[next]!.tsMs - fileStart <= elapsed) step();
      const upcoming = events[next];
      timer = upcoming === undefined ? undefined : setTimeout(tick, Math.max(0, (upcoming.tsMs - fileStart) / speed - (Date.now() - wallStart)));
    };
    tick();
  }

  function history(symbol: string, interval: Interval, limit: number, range: HistoryRange = {}): BarWire[] {
    const s = states.get(symbol);
    if (s === undefined || instruments.get(symbol) === undefined) return [];
    const from = range.from ?? Number.NEGATIVE_INFINITY;
    const to = range.to ?? Number.POSITIVE_INFINITY;
    const wanted = Math.min(Math.max(0, Math.floor(limit)), MAX_HISTORY_BARS);
    if (wanted === 0 || from >= to) return [];
    return bars
      .bars(symbol, interval, Number.MAX_SAFE_INTEGER)
      .filter((b) => b.time >= from && b.time < to)
      .slice(-wanted)
      .map((b) => toBarWire(b, s.fmt));
  }

  function depth(symbol: string, levels = 1): DepthWire | undefined {
    const s = states.get(symbol);
    const book = s?.book;
    if (s === undefined || book === undefined) return undefined;
    const one = levels >= 1;
    return {
      symbol,
      seq: s.seq,
      ts: book.tsMs,
      bids: one ? [{ price: s.fmt.price(book.bidUnits), size: s.fmt.size(book.bidLots) }] : [],
      asks: one ? [{ price: s.fmt.price(book.askUnits), size: s.fmt.size(book.askLots) }] : [],
    };
  }

  return {
    instruments,
    quotes$: quotes.asObservable(),
    latest: (symbol) => states.get(symbol)?.current,
    history,
    depth,
    step,
    get done() {
      return next >= events.length;
    },
    length: events.length,
    start() {
      if (timer === undefined) play();
    },
    stop() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
  };
}
