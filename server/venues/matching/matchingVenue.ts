import type { Subscription } from 'rxjs';
import { type Decimal, toWire } from '../../../src/core/decimal.ts';
import type { Instrument } from '../../../src/core/instrument.ts';
import { type Order, bookSide } from '../../../src/core/order.ts';
import type { DepthLevelWire, DepthWire, QuoteWire } from '../../../src/core/protocol.ts';
import type { SimulatedBook, VenueBook, VenuePrint } from '../../marketdata/marketData.ts';
import type { MarketDataSource } from '../../marketdata/types.ts';
import type { Venue, VenueEvent } from '../types.ts';
import {
  type BookPlan,
  type BookScale,
  type BookSide,
  type ScaledStep,
  bookScale,
  bookTicksFast,
  bookTif,
  lotsFast,
  lotsToQuantity,
  planOrder,
  scaledStep,
  ticksToPrice,
  toBookTicks,
  toLots,
  wholeSteps,
} from './bookPlan.ts';
import { E_ACCEPTED, E_AMENDED, E_CANCELED, E_REJECTED, E_TRADE, E_TRIGGERED, type EventLog } from './events.ts';
import { EventStream } from '../../marketdata/eventStream.ts';
import { FINISHED_ORDERS_KEPT, type Finish, FinishedOrders } from './finishedOrders.ts';
import { IdTable } from './idTable.ts';
import { MarketMaker } from './marketMaker.ts';
import { OrderBook } from './orderBook.ts';
import { CANCEL_REASONS, REJECT_REASONS } from './reasons.ts';
import { cancelWords, rejectWords } from './venueWords.ts';

/** Two books shown as flat tick, lots pairs are the same. */
function sameLevels(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A shown book as the market data's VenueBook. */
function venueBookOf(sb: { readonly scale: BookScale }, shown: { readonly bids: readonly number[]; readonly asks: readonly number[] }): VenueBook {
  return { unit: sb.scale.unit, lot: sb.scale.lotSize, bids: levelsOf(shown.bids), asks: levelsOf(shown.asks) };
}

/** Flat tick, lots pairs as the market data's levels. */
function levelsOf(pairs: readonly number[]): { ticks: number; lots: number }[] {
  const out: { ticks: number; lots: number }[] = [];
  for (let i = 0; i + 1 < pairs.length; i += 2) out.push({ ticks: pairs[i]!, lots: pairs[i + 1]! });
  return out;
}

/** The routing name of the internal venue: the routing table's default names it. */
export const MATCHING_VENUE = 'INTERNAL';

/**
 * What the venue needs of the market data. The hooks are the simulator's,
 * absent for a replay: `applyVenueTrade` prints a trade, `applyVenueBook`
 * shows the venue's book as the quote's touch and the depth, and
 * `simulatedDepth` is the simulator's own depth (what the maker mirrors, even
 * while `depth` shows the venue's book).
 */
export interface MatchingMarket extends Pick<MarketDataSource, 'instruments' | 'quotes$' | 'latest' | 'depth'> {
  applyVenueTrade?(symbol: string, print: VenuePrint): unknown;
  applyVenueBook?(symbol: string, book: VenueBook | undefined): unknown;
  simulatedDepth?(symbol: string, levels?: number): DepthWire | undefined;
  /**
   * The integer forms of the three above (see SimulatedMarketData): used for a book that counts in the
   * simulated book's unit and lot, so a publish and a re-quote make no Decimal and no string per level.
   */
  simulatedBook?(symbol: string): SimulatedBook | undefined;
  applyVenueTradeUnits?(symbol: string, priceUnits: number, lots: number, aggressor: BookSide, bidUnits: number | undefined, askUnits: number | undefined): unknown;
  applyVenueBookUnits?(symbol: string, bids: readonly number[], asks: readonly number[]): unknown;
}

export interface MatchingVenueOptions {
  name?: string;
  /** Stamps the execution ids of this run, so ids stay unique across restarts. */
  now?: () => number;
  /** Depth levels the market maker mirrors on each side (default 10, all the simulator has). */
  makerLevels?: number;
  /**
   * When the market data may hear of a book's trades and changes: after the order journal holds the events that
   * made them (the gateway passes its commit queue's `afterPending`), so no trade is printed that a crash could
   * take back. Default: a microtask, for a venue without a journal (tests).
   */
  schedulePublish?: (publish: () => void) => void;
  /** How many finished orders are remembered to word a late cancel or replace (default FINISHED_ORDERS_KEPT; tests set fewer). */
  finishedKept?: number;
}

export interface BookLevelView {
  price: Decimal;
  quantity: Decimal;
  orders: number;
}

/** A symbol's book as the venue holds it: for tests and inspection. */
export interface BookView {
  bid: Decimal | undefined;
  ask: Decimal | undefined;
  last: Decimal | undefined;
  bids: BookLevelView[];
  asks: BookLevelView[];
}

export interface MatchingVenue extends Venue {
  /** Undefined until the first order of the symbol opens its book. */
  book(symbol: string, levels?: number): BookView | undefined;
}

/** A trader's order in a book. */
interface Working {
  readonly orderId: string;
  readonly numId: number;
  readonly owner: number;
  readonly side: BookSide;
  readonly sb: SymbolBook;
  /** Lots filled before this book saw the order (a resubmit after a restart): replaces give totals that include them. */
  readonly priorLots: number;
  /** The order's total in this book, filled included, as an amend takes it. */
  lots: number;
  leaves: number;
}

/** Trades of traders' orders in one command, not yet told to the market data. */
interface PendingPrint {
  tick: number;
  lots: number;
  aggressor: BookSide;
}

interface SymbolBook {
  readonly symbol: string;
  readonly instrument: Instrument;
  readonly scale: BookScale;
  /** The tick unit and the lot as integer steps, to read the simulator's strings without a Decimal. */
  readonly priceStep: ScaledStep;
  readonly lotStep: ScaledStep;
  readonly book: OrderBook;
  readonly maker: MarketMaker;
  /** The depth seq the maker last quoted, and the volume of the last simulated print fed to the book. */
  depthSeq: number;
  seenVolume: string | undefined;
  print: PendingPrint | undefined;
  publishQueued: boolean;
  /** Publishes caused by publishes (the maker's re-quote trading again), since the last command or simulator quote: a guard against a feedback loop. */
  chain: number;
  /** The maker has not followed the simulator since the last quote: nothing of a trader rested here to meet it. */
  behind: boolean;
  /**
   * The book last shown to the market data (applyVenueBook), as tick, lots
   * pairs per side; undefined while the market data shows the simulator's own
   * book (no trader's order rests here).
   */
  shown: { bids: number[]; asks: number[] } | undefined;
  /** The other buffer of `shown`: the book is read into it, and the two swap when it differs. */
  spare: { bids: number[]; asks: number[] };
  /** The simulator's own book in integers, when it counts in this book's tick and lot: the maker reads it, and prints and books go to the market data in integers. */
  readonly sim: SimulatedBook | undefined;
  /** The levels the maker is to show, as flat tick, lots pairs: reused by every re-quote. */
  readonly wantBids: number[];
  readonly wantAsks: number[];
  /** The print `print` points to while one is pending: one object per book, reused. */
  readonly printSlot: PendingPrint;
  /** Reads the maker's commands' events (made once per book: a re-quote makes no closure). */
  onMarket: (log: EventLog) => void;
}

/** The context of events not caused by a trader's command (absorb only reads it). */
const MARKET: Context = { kind: 'market' };

/** The simulated book of the market data, when it counts in this scale's tick and lot. */
function simulatedBookFor(md: MatchingMarket, symbol: string, scale: BookScale): SimulatedBook | undefined {
  const sim = md.simulatedBook?.(symbol);
  return sim !== undefined && sim.unit.eq(scale.unit) && sim.lot.eq(scale.lotSize) ? sim : undefined;
}

function ignoreLog(): void {}

type Context =
  | { kind: 'submit'; w: Working }
  | { kind: 'cancel'; w: Working }
  | { kind: 'replace'; w: Working; replaced: VenueEvent | undefined }
  | { kind: 'market' };

const MAX_PUBLISH_CHAIN = 8;

/**
 * The internal venue: one price-time OrderBook per symbol (opened at the
 * symbol's first order), holding the traders' orders and, as a market maker
 * that is not a trader, the simulated market's depth. So a trader's order
 * meets other traders' orders first-come at each price, a market order walks
 * the simulated levels, and a resting limit fills when the simulated market
 * moves through it (the maker's new quote trades against it at the resting
 * price). The simulated tape's prints are fed to the book as prints, so stops
 * trigger on the market's last trade; trades of traders' orders go back into
 * the market data (last, volume, bars and the touch), so they move the price
 * everyone sees.
 *
 * Self-trade prevention is the book's "cancel resting": an incoming order that
 * meets a resting order of the same trader cancels the resting one (reported
 * as canceled with the reason) and goes on matching; the newest instruction
 * wins and the incoming order is never left half done by it.
 *
 * Events are delivered as microtasks, in order, like a remote venue's reports.
 */
export function createMatchingVenue(md: MatchingMarket, opts: MatchingVenueOptions = {}): MatchingVenue {
  const name = opts.name ?? MATCHING_VENUE;
  const levels = opts.makerLevels ?? 10;
  const schedulePublish = opts.schedulePublish;
  const stamp = (opts.now ?? Date.now)().toString(36);
  /** Every execution id of this run starts so: joined once, not per fill. */
  const execPrefix = `${name}-${stamp}-`;
  const events = new EventStream<VenueEvent>();
  const books = new Map<string, SymbolBook>();
  const working = new Map<string, Working>();
  const byNum = new IdTable<Working>();
  /** How each recent order that left a book ended, to answer a late cancel or replace in words (bounded: see FinishedOrders). */
  const finished = new FinishedOrders(opts.finishedKept ?? FINISHED_ORDERS_KEPT);
  const owners = new Map<string, number>();
  /** The contexts of a submit and a cancel, filled in per command (absorb reads them and keeps nothing): no object per order. */
  const submitting: { kind: 'submit'; w: Working } = { kind: 'submit', w: undefined as unknown as Working };
  const canceling: { kind: 'cancel'; w: Working } = { kind: 'cancel', w: undefined as unknown as Working };
  let nextNum = 0;
  let execNo = 0;
  let publishing = false;
  let stopped = false;

  /**
   * Events waiting for their microtask, oldest first: each emit queues one microtask and
   * each microtask delivers the oldest waiting event, so the order and the timing are those
   * of one closure per event, without making the closure.
   */
  // A ring (capacity a power of two, doubled when full): emptying an array (length 0) would drop its store and
  // every burst of events would grow a new one.
  let outbox: (VenueEvent | undefined)[] = new Array(64);
  let outboxHead = 0;
  let outboxCount = 0;
  const delivered = Promise.resolve();
  const deliver = (): void => {
    const e = outbox[outboxHead]!;
    outbox[outboxHead] = undefined;
    outboxHead = (outboxHead + 1) & (outbox.length - 1);
    outboxCount -= 1;
    if (!stopped) events.next(e);
  };
  const emit = (e: VenueEvent): void => {
    if (outboxCount === outbox.length) {
      const grown: (VenueEvent | undefined)[] = new Array(outbox.length * 2);
      for (let i = 0; i < outboxCount; i++) grown[i] = outbox[(outboxHead + i) & (outbox.length - 1)];
      outbox = grown;
      outboxHead = 0;
    }
    outbox[(outboxHead + outboxCount) & (outbox.length - 1)] = e;
    outboxCount += 1;
    // A reaction on a settled promise is a microtask in the same FIFO queue as queueMicrotask's, for about half
    // the bytes (Node's queueMicrotask makes an AsyncResource and a bound function per call).
    void delivered.then(deliver);
  };
  const newId = () => ++nextNum;

  function ownerOf(trader: string): number {
    let n = owners.get(trader);
    if (n === undefined) owners.set(trader, (n = owners.size + 1));
    return n;
  }

  function bookFor(instrument: Instrument): SymbolBook {
    let sb = books.get(instrument.symbol);
    if (sb !== undefined) return sb;
    const scale = bookScale(instrument);
    sb = {
      symbol: instrument.symbol,
      instrument,
      scale,
      priceStep: scaledStep(scale.unit),
      lotStep: scaledStep(scale.lotSize),
      book: new OrderBook(),
      maker: new MarketMaker(),
      depthSeq: Number.NaN,
      seenVolume: undefined,
      print: undefined,
      publishQueued: false,
      chain: 0,
      behind: false,
      shown: undefined,
      spare: { bids: [], asks: [] },
      sim: simulatedBookFor(md, instrument.symbol, scale),
      wantBids: [],
      wantAsks: [],
      printSlot: { tick: 0, lots: 0, aggressor: 'buy' },
      onMarket: ignoreLog,
    };
    sb.onMarket = marketReader(sb);
    books.set(instrument.symbol, sb);
    const q = md.latest(instrument.symbol);
    // The market's last trade is the book's last trade from the start: a stop already reached triggers at once.
    if (q !== undefined) tape(sb, q);
    requote(sb);
    return sb;
  }

  // ------------------------------------------------------------------ book events

  function finish(w: Working, how: Finish): void {
    working.delete(w.orderId);
    byNum.delete(w.numId);
    finished.note(w.orderId, how);
  }

  /** The maker's commands' events of one book, read as the market's. */
  function marketReader(sb: SymbolBook): (log: EventLog) => void {
    return (log) => absorb(sb, log, MARKET);
  }

  /** A trader's order traded `lots` at `tick`: its fill goes out, and it is finished when nothing is left. */
  function fillWorking(sb: SymbolBook, w: Working, lots: number, tick: number): void {
    w.leaves -= lots;
    execNo += 1;
    emit({
      kind: 'fill',
      orderId: w.orderId,
      venueExecId: execPrefix + execNo,
      quantity: lotsToQuantity(lots, sb.scale),
      price: ticksToPrice(tick, sb.scale),
    });
    if (w.leaves <= 0) finish(w, 'filled');
  }

  /** Turns one command's events into venue events and bookkeeping; read before the book's next command. */
  function absorb(sb: SymbolBook, log: EventLog, ctx: Context): void {
    // Read column by column: log.at(i) makes an object per event, and a re-quote's log holds a score of them.
    let taker = Number.NaN;
    for (let i = 0; i < log.length; i++) {
      const id = log.orderId(i);
      switch (log.kindCode(i)) {
        case E_ACCEPTED:
          taker = id;
          if (ctx.kind === 'submit' && id === ctx.w.numId) emit({ kind: 'accepted', orderId: ctx.w.orderId });
          break;
        case E_AMENDED:
          taker = id;
          if (ctx.kind === 'replace' && ctx.replaced !== undefined && id === ctx.w.numId) emit(ctx.replaced);
          break;
        case E_TRIGGERED: {
          taker = id;
          const w = byNum.get(id);
          if (w !== undefined) emit({ kind: 'triggered', orderId: w.orderId });
          break;
        }
        case E_TRADE: {
          const makerId = log.makerId(i);
          const price = log.price(i);
          const lots = log.lots(i);
          const takerW = byNum.get(id);
          const makerW = byNum.get(makerId);
          const aggressor = takerW?.side ?? sb.maker.sideOf(id);
          // The resting order's fill first, then the incoming one's.
          if (makerW !== undefined) fillWorking(sb, makerW, lots, price);
          if (takerW !== undefined) fillWorking(sb, takerW, lots, price);
          if (makerW === undefined) sb.maker.traded(makerId, lots);
          if (takerW === undefined) sb.maker.traded(id, lots);
          if ((makerW !== undefined || takerW !== undefined) && aggressor !== undefined) {
            const slot = sb.printSlot;
            slot.lots = (sb.print === undefined ? 0 : sb.print.lots) + lots;
            slot.tick = price;
            slot.aggressor = aggressor;
            sb.print = slot;
          }
          break;
        }
        case E_CANCELED: {
          const w = byNum.get(id);
          if (w === undefined) {
            sb.maker.gone(id);
            break;
          }
          const reason = CANCEL_REASONS[log.reasonCode(i)] ?? 'requested';
          const by = reason === 'self-trade' ? byNum.get(taker)?.orderId : undefined;
          emit({ kind: 'canceled', orderId: w.orderId, reason: cancelWords(reason, lotsToQuantity(log.lots(i), sb.scale), by) });
          finish(w, 'canceled');
          break;
        }
        case E_REJECTED: {
          if (ctx.kind === 'market' || id !== ctx.w.numId) break;
          const reason = rejectWords(REJECT_REASONS[log.reasonCode(i)] ?? 'unknown-order');
          if (ctx.kind === 'submit') {
            emit({ kind: 'rejected', orderId: ctx.w.orderId, reason });
            finish(ctx.w, 'rejected');
          } else if (ctx.kind === 'cancel') {
            emit({ kind: 'cancelRejected', orderId: ctx.w.orderId, reason });
          } else {
            emit({ kind: 'replaceRejected', orderId: ctx.w.orderId, reason });
          }
          break;
        }
      }
    }
  }


  function run(book: OrderBook, numId: number, owner: number, plan: BookPlan): EventLog {
    switch (plan.kind) {
      case 'limit':
        return book.limit(numId, owner, plan.side, plan.tick, plan.lots, plan.tif);
      case 'market':
        return book.market(numId, owner, plan.side, plan.lots);
      case 'stop':
        return book.stop(numId, owner, plan.side, plan.stopTick, plan.lots);
      case 'stopLimit':
        return book.stopLimit(numId, owner, plan.side, plan.stopTick, plan.tick, plan.lots, plan.tif);
    }
  }

  // ------------------------------------------------------------------ the market

  /** Book ticks and lots of the simulator's levels as flat pairs into `out`; a level that does not convert is left out. */
  function makerPairs(sb: SymbolBook, side: readonly DepthLevelWire[], out: number[]): void {
    let n = 0;
    for (const l of side) {
      const tick = wholeSteps(l.price, sb.priceStep);
      const lots = wholeSteps(l.size, sb.lotStep);
      if (tick > 0 && lots > 0) {
        out[n++] = tick;
        out[n++] = lots;
      }
    }
    out.length = n;
  }

  /** The maker follows the simulator's depth, when it has moved since the maker last quoted. */
  function requote(sb: SymbolBook): void {
    const sim = sb.sim;
    if (sim !== undefined) {
      // The simulator's own book in this book's integers: no string is made and read back per level.
      const seq = sim.simulatedSeq;
      if (seq === sb.depthSeq) return;
      sb.depthSeq = seq;
      sim.simulatedPairs(levels, sb.wantBids, sb.wantAsks);
    } else {
      // The simulator's own depth: md.depth may be this venue's book, which the maker must not chase.
      const depth = md.simulatedDepth !== undefined ? md.simulatedDepth(sb.symbol, levels) : md.depth(sb.symbol, levels);
      if (depth === undefined || depth.seq === sb.depthSeq) return;
      sb.depthSeq = depth.seq;
      makerPairs(sb, depth.bids, sb.wantBids);
      makerPairs(sb, depth.asks, sb.wantAsks);
    }
    sb.maker.requotePairs(sb.book, sb.wantBids, sb.wantAsks, newId, sb.onMarket);
  }

  /** A simulated trade (the quote's volume grew) prints in the book: stops follow the market's last trade. */
  function tape(sb: SymbolBook, q: QuoteWire): void {
    if (q.volume === sb.seenVolume) return;
    sb.seenVolume = q.volume;
    const tick = wholeSteps(q.last, sb.priceStep);
    if (tick > 0) absorb(sb, sb.book.print(tick), MARKET);
  }

  /** Whether the market data must hear of this book: a trader's order rests in it, or it is still shown from when one did. */
  function showsTraders(sb: SymbolBook): boolean {
    return md.applyVenueBook !== undefined && (sb.shown !== undefined || sb.book.restingOrders > sb.maker.size);
  }

  /** After a command or a re-quote: traders traded or rest here, so tell the market data once this turn's reports are out. */
  function settle(sb: SymbolBook): void {
    if (sb.publishQueued || (sb.print === undefined && !showsTraders(sb))) return;
    sb.publishQueued = true;
    // Deferred: a quote emitted from inside another quote's delivery would reach later subscribers before the older one.
    // With a journal, scheduled from a microtask: the events of this command are delivered (and queued to the journal)
    // in the microtasks already queued, so the print waits behind their reports, not only behind what came before.
    if (schedulePublish === undefined) queueMicrotask(() => publish(sb));
    else queueMicrotask(() => schedulePublish(() => publish(sb)));
  }

  /**
   * While a trader's order rests in the book, the market data shows the book
   * itself (maker and traders, per price level, sizes summed) as the depth
   * and its best levels as the quote; when the last one leaves, the
   * simulator's own book comes back (the maker's alone equals it). Only a
   * book that differs from the one last shown is sent. The quote this emits
   * is the venue's own: the venue ignores it (publishing), and it leaves the
   * simulator's depth as it was, so the maker never chases it.
   */
  function showBook(sb: SymbolBook): void {
    if (md.applyVenueBook === undefined || stopped) return;
    const traders = sb.book.restingOrders > sb.maker.size;
    if (!traders && sb.shown === undefined) return;
    let shown: SymbolBook['shown'];
    if (traders) {
      // Runs after every quote of a book with a trader in it: read into the spare buffers, allocate only when it changed.
      shown = sb.spare;
      sb.book.depthPairs('buy', levels, shown.bids);
      sb.book.depthPairs('sell', levels, shown.asks);
      if (sb.shown !== undefined && sameLevels(sb.shown.bids, shown.bids) && sameLevels(sb.shown.asks, shown.asks)) return;
      if (sb.shown !== undefined) sb.spare = sb.shown;
      else sb.spare = { bids: [], asks: [] };
    }
    sb.shown = shown;
    publishing = true;
    try {
      // In the simulated book's integers when it counts in this book's (the market data copies the pairs), else as a VenueBook.
      if (shown !== undefined && sb.sim !== undefined && md.applyVenueBookUnits !== undefined) md.applyVenueBookUnits(sb.symbol, shown.bids, shown.asks);
      else md.applyVenueBook(sb.symbol, shown === undefined ? undefined : venueBookOf(sb, shown));
    } finally {
      publishing = false;
    }
  }

  function publish(sb: SymbolBook): void {
    sb.publishQueued = false;
    const p = sb.print;
    sb.print = undefined;
    if (stopped) return;
    if (p === undefined) return showBook(sb);
    // Read now: the print's object is the book's slot, which the next trade reuses.
    const tick = p.tick;
    const lots = p.lots;
    const aggressor = p.aggressor;
    // The book as the trade left it first, so the trade's quote does not show an order it just filled.
    showBook(sb);
    sb.chain += 1;
    if (md.applyVenueTrade !== undefined && sb.chain <= MAX_PUBLISH_CHAIN) {
      const bid = sb.book.bestBid();
      const ask = sb.book.bestAsk();
      publishing = true;
      try {
        if (sb.sim !== undefined && md.applyVenueTradeUnits !== undefined) md.applyVenueTradeUnits(sb.symbol, tick, lots, aggressor, bid, ask);
        else {
          md.applyVenueTrade(sb.symbol, {
            price: ticksToPrice(tick, sb.scale),
            size: lotsToQuantity(lots, sb.scale),
            aggressor,
            bid: bid === undefined ? undefined : ticksToPrice(bid, sb.scale),
            ask: ask === undefined ? undefined : ticksToPrice(ask, sb.scale),
          });
        }
      } finally {
        publishing = false;
      }
      // The venue's own print is already in the book: do not feed it back as tape.
      sb.seenVolume = md.latest(sb.symbol)?.volume ?? sb.seenVolume;
      requote(sb);
    }
    // The maker re-quoted around the print: a trade of that waits for the next publish (under the chain
    // guard, which drops the print past MAX_PUBLISH_CHAIN), else the book is shown as it now stands.
    if (sb.print !== undefined) settle(sb);
    else showBook(sb);
  }

  const quoteSub: Subscription = md.quotes$.subscribe((q) => {
    if (publishing || stopped) return;
    const sb = books.get(q.symbol);
    if (sb === undefined) return;
    sb.chain = 0;
    // Only the maker's orders rest here (no trader order, no stop): following the market can wait
    // until a trader comes, which keeps an idle book free on every quote.
    if (sb.book.liveOrders === sb.maker.size && sb.shown === undefined) {
      sb.behind = true;
      return;
    }
    sb.behind = false;
    requote(sb);
    tape(sb, q);
    settle(sb);
  });

  /** Brings a book the maker left behind up to the latest quote, before a trader's command meets it. */
  function catchUp(sb: SymbolBook): void {
    if (!sb.behind) return;
    sb.behind = false;
    requote(sb);
    const q = md.latest(sb.symbol);
    if (q !== undefined) tape(sb, q);
  }

  // ------------------------------------------------------------------ commands

  function tooLate(orderId: string, what: 'cancel' | 'replace'): string {
    const how = finished.get(orderId);
    if (how === 'filled') return `too late to ${what}: order is filled`;
    if (how === 'canceled') return `too late to ${what}: order is already canceled`;
    if (how === 'rejected') return `order ${orderId} was rejected, there is nothing to ${what}`;
    return `order ${orderId} is not open at the ${name} venue`;
  }

  /** A submit refused before it reached a book. A function of the venue, not a closure per submit (tsx's __name). */
  function refuseSubmit(orderId: string, reason: string): void {
    finished.note(orderId, 'rejected');
    emit({ kind: 'rejected', orderId, reason });
  }

  /** A submitted order, known to the venue from now on. */
  function enter(order: Order, sb: SymbolBook, priorLots: number, lots: number): Working {
    const w: Working = {
      orderId: order.orderId,
      numId: newId(),
      owner: ownerOf(order.trader),
      side: bookSide(order.side),
      sb,
      priorLots,
      lots,
      leaves: lots,
    };
    working.set(w.orderId, w);
    byNum.set(w.numId, w);
    return w;
  }

  function submit(order: Order): void {
    if (stopped || working.has(order.orderId)) return;
    const instrument = md.instruments.get(order.symbol);
    if (instrument === undefined) return refuseSubmit(order.orderId, `unknown symbol ${order.symbol}`);
    const sb = bookFor(instrument);
    catchUp(sb);
    sb.chain = 0;
    // The common order, a limit whose price and size convert in integers: straight to the book, no plan or result objects.
    if (order.type === 'limit' && order.limitPrice !== null && order.cumQty.isZero()) {
      const lots = lotsFast(order.leavesQty, sb.scale);
      const tick = bookTicksFast(order.limitPrice, sb.scale);
      if (lots > 0 && tick > 0) {
        const w = enter(order, sb, 0, lots);
        submitting.w = w;
        absorb(sb, sb.book.limit(w.numId, w.owner, w.side, tick, lots, bookTif(order.tif)), submitting);
        settle(sb);
        return;
      }
    }
    const lots = toLots(order.leavesQty, sb.scale);
    if (!lots.ok) return refuseSubmit(order.orderId, lots.reason);
    const prior = order.cumQty.isZero() ? 0 : order.cumQty.div(sb.scale.lotSize).floor().toNumber();
    const planned = planOrder(order, lots.value, instrument, sb.scale);
    if (!planned.ok) return refuseSubmit(order.orderId, planned.reason);
    const w = enter(order, sb, prior, lots.value);
    submitting.w = w;
    absorb(sb, run(sb.book, w.numId, w.owner, planned.plan), submitting);
    settle(sb);
  }

  function cancel(order: Order): void {
    if (stopped) return;
    const w = working.get(order.orderId);
    if (w === undefined) return emit({ kind: 'cancelRejected', orderId: order.orderId, reason: tooLate(order.orderId, 'cancel') });
    catchUp(w.sb);
    w.sb.chain = 0;
    canceling.w = w;
    absorb(w.sb, w.sb.book.cancel(w.numId), canceling);
    settle(w.sb);
  }

  function replace(current: Order, next: Order): void {
    if (stopped) return;
    const refuse = (reason: string) => emit({ kind: 'replaceRejected', orderId: current.orderId, reason });
    const w = working.get(current.orderId);
    if (w === undefined) return refuse(tooLate(current.orderId, 'replace'));
    const { sb } = w;
    catchUp(sb);
    sb.chain = 0;
    const total = toLots(next.quantity, sb.scale);
    if (!total.ok) return refuse(total.reason);
    const bookTotal = total.value - w.priorLots;
    const filled = w.lots - w.leaves;
    if (bookTotal <= filled) {
      return refuse(`new quantity ${toWire(next.quantity)} must be above the ${toWire(lotsToQuantity(filled + w.priorLots, sb.scale))} already filled`);
    }
    const replaced: VenueEvent = { kind: 'replaced', orderId: w.orderId, quantity: next.quantity, limitPrice: next.limitPrice, stopPrice: next.stopPrice };
    const view = sb.book.order(w.numId);
    if (view?.state === 'stop') {
      // A pending stop holds no queue place: take it out and put it back with the new terms (it may trigger at once).
      const planned = planOrder(next, bookTotal, sb.instrument, sb.scale);
      if (!planned.ok) return refuse(planned.reason);
      sb.book.cancel(w.numId);
      w.lots = bookTotal;
      w.leaves = bookTotal;
      emit(replaced);
      absorb(sb, run(sb.book, w.numId, w.owner, planned.plan), { kind: 'replace', w, replaced: undefined });
    } else {
      if (next.limitPrice === null) return refuse('a resting order needs a limit price');
      const tick = toBookTicks('limit price', next.limitPrice, sb.instrument, sb.scale);
      if (!tick.ok) return refuse(tick.reason);
      const log = sb.book.amend(w.numId, tick.value, bookTotal);
      if (log.length > 0 && log.at(0).kind === 'rejected') return absorb(sb, log, { kind: 'replace', w, replaced });
      w.lots = bookTotal;
      w.leaves = bookTotal - filled;
      absorb(sb, log, { kind: 'replace', w, replaced });
    }
    settle(sb);
  }

  function view(symbol: string, depthLevels = 10): BookView | undefined {
    const sb = books.get(symbol);
    if (sb === undefined) return undefined;
    catchUp(sb);
    const { book, scale } = sb;
    const price = (t: number | undefined) => (t === undefined ? undefined : ticksToPrice(t, scale));
    const side = (s: BookSide) =>
      book.depth(s, depthLevels).map((l) => ({ price: ticksToPrice(l.price, scale), quantity: lotsToQuantity(l.lots, scale), orders: l.orders }));
    return { bid: price(book.bestBid()), ask: price(book.bestAsk()), last: price(book.lastTradePrice()), bids: side('buy'), asks: side('sell') };
  }

  return {
    name,
    inProcess: true,
    events$: events.observable,
    submit,
    cancel,
    replace,
    book: view,
    stop() {
      if (stopped) return;
      stopped = true;
      // The market data must not keep showing orders of a venue that is gone (stopped: the venue ignores these quotes).
      for (const sb of books.values()) {
        if (sb.shown === undefined || md.applyVenueBook === undefined) continue;
        sb.shown = undefined;
        md.applyVenueBook(sb.symbol, undefined);
      }
      quoteSub.unsubscribe();
      events.complete();
    },
  };
}
