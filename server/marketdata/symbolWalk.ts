import type { Decimal } from '../../src/core/decimal.ts';
import type { Instrument } from '../../src/core/instrument.ts';
import type { DepthLevelWire, DepthWire, QuoteWire } from '../../src/core/protocol.ts';
import { type TickLadder, priceToUnits, roundToGridRandomly, stepDown, stepUp, stepsDown, stepsUp, tickAt, tickLadder } from '../../src/core/tickLadder.ts';
import type { SessionState } from '../../src/core/tradingSession.ts';
import { LIVE_REVERSION_PER_DAY, SECONDS_PER_TRADING_DAY, reversionOver, volOver } from './assetProfiles.ts';
import { type BookSizer, DEPTH_LEVELS, bookSizer } from './bookSizes.ts';
import type { InstrumentProfile } from './instrumentProfile.ts';
import { type Rng, gaussian, streamFor, streamSeed, uniformInt } from './prng.ts';
import { type TickFormatter, tickFormatter } from './tickFormat.ts';

/** One simulated trade, in integers, as the bar aggregator takes it; prices in units of the finest tick. */
export interface Trade {
  readonly symbol: string;
  readonly priceTicks: number;
  readonly lots: number;
  readonly tsMs: number;
}

/** A quote update, with the trade it printed if any (quotes also move without a trade). */
export interface SimUpdate {
  readonly quote: QuoteWire;
  readonly trade?: Trade | undefined;
}

/** A level of the venue's book in the walk's integers: price in units of the finest tick, size in lots. */
export interface VenueLevel {
  readonly units: number;
  readonly lots: number;
}


/** Price and size strings a walk keeps before its memo starts again: a day's prices of one symbol fit well within. */
const TEXT_MEMO_LIMIT = 4096;

/** Share of updates that print a trade. */
const TRADE_SHARE = 0.6;
/** Share of updates quoting one tick wider than the symbol's usual spread. */
const WIDE_SHARE = 0.25;
const MAX_SPREAD_TICKS = 25;
/** After a jump the book stays this many ticks wider for this many updates. */
const JUMP_WIDENING_TICKS = 2;
const JUMP_WIDENING_UPDATES = 5;
/** The opening gap from the previous close is drawn with about half a day's volatility. */
const OPENING_GAP_SECONDS = 6_000;

/**
 * The market of one symbol, all in integer units of its finest tick and in
 * lots, drawing only from its own stream. Every price is moved along the
 * symbol's tick ladder, so it sits on the grid of the tick that applies at
 * that price. Strings are made once per update, when the quote leaves.
 */
export class SymbolWalk {
  readonly symbol: string;
  readonly ladder: TickLadder;
  readonly fmt: TickFormatter;
  /** The instrument's lot: sizes are counted in it. */
  readonly lot: Decimal;
  private readonly rng: Rng;
  private readonly profile: InstrumentProfile;
  private readonly sizer: BookSizer;
  private readonly refUnits: number;
  private readonly minBidUnits: number;
  private readonly moveVol: number;
  private readonly reversion: number;
  private readonly jumpChance: number;

  private bidUnits: number;
  private askUnits = 0;
  private lastUnits: number;
  private openUnits: number;
  private prevCloseUnits: number;
  private highUnits: number;
  private lowUnits: number;
  private volumeLots = 0;
  private lastLots = 0;
  private widenedFor = 0;
  private seq = 0;
  /** The seq of the simulator's own last move: its book sizes are drawn for it, so a venue-book quote (seq only) leaves them as they were. */
  private bookSeq = 0;
  /**
   * The internal venue's book while traders' orders rest in it (applyVenueBook), as flat units, lots
   * pairs best first; it is the quote's touch and the depth. The walk's own arrays, overwritten by the
   * next book: the venue shows one per order, so nothing is allocated for it.
   */
  private venueShown = false;
  private readonly venueBids: number[] = [];
  private readonly venueAsks: number[] = [];
  private venueDepthCache: DepthWire | undefined;
  /** Price and size strings by units and lots: the same levels and touch are formatted again on every quote. */
  private readonly priceTexts = new Map<number, string>();
  private readonly sizeTexts = new Map<number, string>();
  /** change and changePct texts by last price: they depend only on it while the previous close stands (cleared with it). */
  private readonly changeTexts = new Map<number, string>();
  private readonly changePctTexts = new Map<number, string>();
  private venueDepthLevels = 0;
  private ts: number;
  private session: SessionState;
  private current: QuoteWire;
  private depthCache: DepthWire | undefined;

  // Strings that change only with a trade or a new session, kept between updates.
  private openText = '';
  private prevCloseText = '';
  private lastText = '';
  private lastSizeText = '';
  private highText = '';
  private lowText = '';
  private volumeText = '';
  private changeText = '';
  private changePctText = '';

  constructor(instrument: Instrument, profile: InstrumentProfile, seed: number, secondsPerUpdate: number, tsMs: number, session: SessionState) {
    this.symbol = instrument.symbol;
    this.ladder = tickLadder(instrument);
    this.fmt = tickFormatter(instrument, this.ladder);
    this.lot = instrument.lotSize;
    this.rng = streamFor(seed, `live:${instrument.symbol}`);
    this.profile = profile;
    this.sizer = bookSizer(streamSeed(seed, `book:${instrument.symbol}`), profile.bookLots);
    this.refUnits = priceToUnits(this.ladder, instrument.referencePrice);
    // Ten bid levels must stay above zero.
    this.minBidUnits = stepsUp(this.ladder, 0, DEPTH_LEVELS);
    this.moveVol = volOver(profile, secondsPerUpdate);
    this.reversion = reversionOver(LIVE_REVERSION_PER_DAY, secondsPerUpdate);
    this.jumpChance = (profile.jumpsPerDay * secondsPerUpdate) / SECONDS_PER_TRADING_DAY;
    this.ts = tsMs;
    this.session = session;

    // Open now: the session is under way, so start from an opening gap; otherwise wait at the previous close.
    this.bidUnits = session === 'open' ? this.gapFrom(this.refUnits) : Math.max(this.minBidUnits, this.refUnits);
    this.lastUnits = this.bidUnits;
    this.openUnits = this.bidUnits;
    this.prevCloseUnits = this.refUnits;
    this.highUnits = this.bidUnits;
    this.lowUnits = this.bidUnits;
    this.quoteSpread(0);
    this.refreshDayTexts();
    this.current = this.toWire();
  }

  get quote(): QuoteWire {
    return this.current;
  }

  /** Last trade price in units of the finest tick (the close of the live bar). */
  get priceTicks(): number {
    return this.lastUnits;
  }

  get sessionState(): SessionState {
    return this.session;
  }

  /** Updates this cycle for a mean of `rate` per cycle: its whole part always, its fraction by chance. */
  updatesThisCycle(rate: number): number {
    const whole = Math.floor(rate);
    return whole + (this.rng() < rate - whole ? 1 : 0);
  }

  /** The session changed phase: one quote says so; a new open starts a new trading day. */
  changeSession(state: SessionState, tsMs: number): SimUpdate {
    const opening = state === 'open' && this.session !== 'open';
    this.session = state;
    if (opening) {
      this.prevCloseUnits = this.lastUnits;
      this.bidUnits = this.gapFrom(this.lastUnits);
      this.lastUnits = this.bidUnits;
      this.openUnits = this.bidUnits;
      this.highUnits = this.bidUnits;
      this.lowUnits = this.bidUnits;
      this.volumeLots = 0;
      this.lastLots = 0;
      this.quoteSpread(0);
      this.refreshDayTexts();
    }
    this.seq += 1;
    this.bookSeq = this.seq;
    this.ts = tsMs;
    this.current = this.toWire();
    return { quote: this.current };
  }

  /** One update while open; `weight` scales volatility and trade size over the session (the volume curve). */
  advance(tsMs: number, weight: number): SimUpdate {
    const rng = this.rng;
    const bid = this.bidUnits;
    let target = bid + gaussian(rng) * bid * this.moveVol * Math.sqrt(weight) + (this.refUnits - bid) * this.reversion;
    if (rng() < this.jumpChance) {
      const sign = rng() < 0.5 ? -1 : 1;
      target += sign * bid * this.profile.jumpSize * (0.5 + rng());
      this.widenedFor = JUMP_WIDENING_UPDATES;
    }
    this.bidUnits = Math.max(this.minBidUnits, roundToGridRandomly(this.ladder, Math.max(target, this.minBidUnits), rng()));
    this.quoteSpread(rng() < WIDE_SHARE ? 1 : 0);

    let trade: Trade | undefined;
    if (rng() < TRADE_SHARE) {
      const buyerInitiated = rng() < 0.5;
      const [minLots, maxLots] = this.profile.tradeLots;
      const lots = Math.max(1, Math.round(uniformInt(rng, minLots, maxLots) * weight));
      this.lastUnits = buyerInitiated ? this.askUnits : this.bidUnits;
      this.lastLots = lots;
      this.volumeLots += lots;
      this.lastText = this.priceText(this.lastUnits);
      this.lastSizeText = this.sizeText(lots);
      this.volumeText = this.fmt.size(this.volumeLots);
      this.changeText = this.changeTextAt(this.lastUnits);
      this.changePctText = this.changePctTextAt(this.lastUnits);
      if (this.lastUnits > this.highUnits) {
        this.highUnits = this.lastUnits;
        this.highText = this.lastText;
      }
      if (this.lastUnits < this.lowUnits) {
        this.lowUnits = this.lastUnits;
        this.lowText = this.lastText;
      }
      trade = { symbol: this.symbol, priceTicks: this.lastUnits, lots, tsMs };
    }
    this.seq += 1;
    this.bookSeq = this.seq;
    this.ts = tsMs;
    this.current = this.toWire();
    return { quote: this.current, trade };
  }

  /**
   * A trade of the venue's own book (server/venues/matching) prints here, so
   * the price traders see follows what they traded. Last, size, volume and
   * high/low move; the touch re-centres on the side the aggressor took: a buy
   * leaves the ask at the venue's next ask (one tick above the print when the
   * venue has none) and the bid at the usual spread below it (or the venue's
   * bid when higher); a sell mirrors that. The walk goes on from there.
   */
  applyVenueTrade(priceUnits: number, lots: number, aggressor: 'buy' | 'sell', venueBid: number | undefined, venueAsk: number | undefined, tsMs: number): SimUpdate {
    const ladder = this.ladder;
    if (aggressor === 'buy') {
      const ask = Math.max(venueAsk ?? stepUp(ladder, priceUnits), stepUp(ladder, this.minBidUnits));
      const bid = Math.max(this.minBidUnits, stepsDown(ladder, ask, this.usualSpreadTicks(ask)), venueBid ?? 0);
      this.bidUnits = bid < ask ? bid : stepDown(ladder, ask);
      this.askUnits = ask;
    } else {
      const bid = Math.max(this.minBidUnits, venueBid ?? stepDown(ladder, priceUnits));
      const ask = Math.min(stepsUp(ladder, bid, this.usualSpreadTicks(bid)), venueAsk ?? Infinity);
      this.bidUnits = bid;
      this.askUnits = ask > bid ? ask : stepUp(ladder, bid);
    }
    this.lastUnits = priceUnits;
    this.lastLots = lots;
    this.volumeLots += lots;
    this.lastText = this.priceText(priceUnits);
    this.lastSizeText = this.sizeText(lots);
    this.volumeText = this.fmt.size(this.volumeLots);
    this.changeText = this.changeTextAt(priceUnits);
    this.changePctText = this.changePctTextAt(priceUnits);
    if (priceUnits > this.highUnits) {
      this.highUnits = priceUnits;
      this.highText = this.lastText;
    }
    if (priceUnits < this.lowUnits) {
      this.lowUnits = priceUnits;
      this.lowText = this.lastText;
    }
    this.seq += 1;
    this.bookSeq = this.seq;
    this.ts = tsMs;
    this.current = this.toWire();
    return { quote: this.current, trade: { symbol: this.symbol, priceTicks: priceUnits, lots, tsMs } };
  }

  /**
   * The venue's book (server/venues/matching), best level first, while
   * traders' orders rest in it: the quote's bid/ask and sizes become its best
   * levels and depth() returns it, so a trader's order inside the spread is
   * what everyone sees. The walk itself goes on from its own touch, and every
   * quote it makes keeps showing this book until the venue sends the next one
   * or clears it (undefined, once no trader's order rests). Emits a quote: the
   * seq moves, the simulator's own book sizes (drawn per simulator move) do not.
   */
  applyVenueBook(book: { bids: readonly VenueLevel[]; asks: readonly VenueLevel[] } | undefined, tsMs: number): SimUpdate {
    if (book === undefined) return this.applyVenueBookPairs(undefined, undefined, tsMs);
    return this.applyVenueBookPairs(pairsOf(book.bids), pairsOf(book.asks), tsMs);
  }

  /**
   * applyVenueBook with the book as flat units, lots pairs per side (best first), copied here: the
   * caller may reuse its arrays. Undefined sides give the simulator's own book back.
   */
  applyVenueBookPairs(bids: readonly number[] | undefined, asks: readonly number[] | undefined, tsMs: number): SimUpdate {
    // Only the touch is formatted now; the levels' strings wait for a depth request.
    this.venueShown = bids !== undefined && asks !== undefined;
    copyInto(this.venueBids, this.venueShown ? bids! : EMPTY);
    copyInto(this.venueAsks, this.venueShown ? asks! : EMPTY);
    this.venueDepthCache = undefined;
    this.seq += 1;
    this.ts = tsMs;
    this.current = this.toWire();
    return { quote: this.current };
  }

  /** Whether the quote and depth show the venue's book (applyVenueBook) rather than the simulator's own. */
  get showsVenueBook(): boolean {
    return this.venueShown;
  }

  /** The price of one unit of the walk's prices (the finest tick). */
  get unit(): Decimal {
    return this.ladder.unit;
  }

  /** The seq of the simulator's own book (simulatedDepth's seq): it moves only when that book does. */
  get simulatedSeq(): number {
    return this.bookSeq;
  }

  /**
   * simulatedDepth's levels as flat units, lots pairs, best first, written into `bids` and `asks`:
   * what the venue's market maker mirrors, without a string made and read back per level.
   */
  simulatedPairs(levels: number, bids: number[], asks: number[]): void {
    const n = Math.max(0, Math.min(DEPTH_LEVELS, Math.floor(levels)));
    let b = this.bidUnits;
    let a = this.askUnits;
    for (let k = 0; k < n; k++) {
      bids[2 * k] = b;
      bids[2 * k + 1] = this.sizer.lots(0, b, k, this.bookSeq);
      asks[2 * k] = a;
      asks[2 * k + 1] = this.sizer.lots(1, a, k, this.bookSeq);
      b = stepDown(this.ladder, b);
      a = stepUp(this.ladder, a);
    }
    bids.length = 2 * n;
    asks.length = 2 * n;
  }

  /** The book, best level first on each side: the venue's while it is shown, else the simulator's own. */
  depth(levels: number = DEPTH_LEVELS): DepthWire {
    const n = Math.max(0, Math.min(DEPTH_LEVELS, Math.floor(levels)));
    if (!this.venueShown) return this.ownDepth(n, this.seq);
    const cached = this.venueDepthCache;
    if (cached !== undefined && cached.seq === this.seq && this.venueDepthLevels === n) return cached;
    this.venueDepthLevels = n;
    this.venueDepthCache = { symbol: this.symbol, seq: this.seq, bids: this.venueWire(this.venueBids, n), asks: this.venueWire(this.venueAsks, n), ts: this.ts };
    return this.venueDepthCache;
  }

  /**
   * The simulator's own book, whatever the venue shows: what the venue's
   * market maker mirrors. Its seq is the simulator's last move, so a quote
   * made by the venue's book does not look like a new market to the maker.
   */
  simulatedDepth(levels: number = DEPTH_LEVELS): DepthWire {
    return this.ownDepth(Math.max(0, Math.min(DEPTH_LEVELS, Math.floor(levels))), this.bookSeq);
  }

  /** Up to `n` levels of a side of the venue's book as the wire shows them. */
  private venueWire(pairs: readonly number[], n: number): DepthLevelWire[] {
    const count = Math.min(n, pairs.length >> 1);
    const out: DepthLevelWire[] = new Array(count);
    for (let k = 0; k < count; k++) out[k] = { price: this.priceText(pairs[2 * k]!), size: this.sizeText(pairs[2 * k + 1]!) };
    return out;
  }

  /** fmt.price, remembered: a price level's text does not change, and the touch and the levels come back to the same prices. */
  private priceText(units: number): string {
    let t = this.priceTexts.get(units);
    if (t === undefined) {
      t = this.fmt.price(units);
      if (this.priceTexts.size >= TEXT_MEMO_LIMIT) this.priceTexts.clear();
      this.priceTexts.set(units, t);
    }
    return t;
  }

  /** fmt.size, remembered (a level's size is one of a few dozen values). */
  private sizeText(lots: number): string {
    let t = this.sizeTexts.get(lots);
    if (t === undefined) {
      t = this.fmt.size(lots);
      if (this.sizeTexts.size >= TEXT_MEMO_LIMIT) this.sizeTexts.clear();
      this.sizeTexts.set(lots, t);
    }
    return t;
  }

  /** fmt.change from the previous close, remembered per last price. */
  private changeTextAt(lastUnits: number): string {
    let t = this.changeTexts.get(lastUnits);
    if (t === undefined) {
      t = this.fmt.change(lastUnits, this.prevCloseUnits);
      if (this.changeTexts.size >= TEXT_MEMO_LIMIT) this.changeTexts.clear();
      this.changeTexts.set(lastUnits, t);
    }
    return t;
  }

  /** fmt.changePct from the previous close, remembered per last price. */
  private changePctTextAt(lastUnits: number): string {
    let t = this.changePctTexts.get(lastUnits);
    if (t === undefined) {
      t = this.fmt.changePct(lastUnits, this.prevCloseUnits);
      if (this.changePctTexts.size >= TEXT_MEMO_LIMIT) this.changePctTexts.clear();
      this.changePctTexts.set(lastUnits, t);
    }
    return t;
  }

  /** The usual spread in whole ticks at this price (at least one). */
  private usualSpreadTicks(units: number): number {
    return Math.max(1, Math.round((units * this.profile.spreadBps) / 10_000 / tickAt(this.ladder, units)));
  }

  /** The simulator's levels, built on demand and kept until the next update. */
  private ownDepth(n: number, seq: number): DepthWire {
    const cached = this.depthCache;
    if (cached !== undefined && cached.seq === seq && cached.bids.length === n) return cached;
    const bids: DepthLevelWire[] = new Array(n);
    const asks: DepthLevelWire[] = new Array(n);
    let b = this.bidUnits;
    let a = this.askUnits;
    for (let k = 0; k < n; k++) {
      bids[k] = { price: this.priceText(b), size: this.sizeText(this.sizer.lots(0, b, k, this.bookSeq)) };
      asks[k] = { price: this.priceText(a), size: this.sizeText(this.sizer.lots(1, a, k, this.bookSeq)) };
      b = stepDown(this.ladder, b);
      a = stepUp(this.ladder, a);
    }
    this.depthCache = { symbol: this.symbol, seq, bids, asks, ts: this.ts };
    return this.depthCache;
  }

  /** A price drawn around `fromUnits` with about half a day's volatility, on the grid. */
  private gapFrom(fromUnits: number): number {
    const target = fromUnits + gaussian(this.rng) * fromUnits * volOver(this.profile, OPENING_GAP_SECONDS);
    return Math.max(this.minBidUnits, roundToGridRandomly(this.ladder, Math.max(target, this.minBidUnits), this.rng()));
  }

  /** Sets the ask from the bid: the usual spread in basis points as ticks at this price, plus `extra`. */
  private quoteSpread(extra: number): void {
    const tick = tickAt(this.ladder, this.bidUnits);
    const usual = Math.round((this.bidUnits * this.profile.spreadBps) / 10_000 / tick);
    const widened = this.widenedFor > 0 ? JUMP_WIDENING_TICKS : 0;
    if (this.widenedFor > 0) this.widenedFor -= 1;
    const ticks = Math.min(MAX_SPREAD_TICKS, Math.max(1, usual) + extra + widened);
    this.askUnits = stepsUp(this.ladder, this.bidUnits, ticks);
  }

  private refreshDayTexts(): void {
    const fmt = this.fmt;
    // A new previous close: every remembered change is from the old one.
    this.changeTexts.clear();
    this.changePctTexts.clear();
    this.openText = fmt.price(this.openUnits);
    this.prevCloseText = fmt.price(this.prevCloseUnits);
    this.lastText = fmt.price(this.lastUnits);
    this.highText = this.lastText;
    this.lowText = this.lastText;
    this.lastSizeText = fmt.size(this.lastLots);
    this.volumeText = fmt.size(this.volumeLots);
    this.changeText = fmt.change(this.lastUnits, this.prevCloseUnits);
    this.changePctText = fmt.changePct(this.lastUnits, this.prevCloseUnits);
  }

  private toWire(): QuoteWire {
    const { sizer, seq, bookSeq, venueBids: vb, venueAsks: va } = this;
    // The venue's best levels while its book is shown; a side it has emptied falls back to the simulator's.
    const hasBid = vb.length >= 2;
    const hasAsk = va.length >= 2;
    return {
      symbol: this.symbol,
      bid: this.priceText(hasBid ? vb[0]! : this.bidUnits),
      ask: this.priceText(hasAsk ? va[0]! : this.askUnits),
      last: this.lastText,
      bidSize: this.sizeText(hasBid ? vb[1]! : sizer.lots(0, this.bidUnits, 0, bookSeq)),
      askSize: this.sizeText(hasAsk ? va[1]! : sizer.lots(1, this.askUnits, 0, bookSeq)),
      lastSize: this.lastSizeText,
      open: this.openText,
      high: this.highText,
      low: this.lowText,
      prevClose: this.prevCloseText,
      change: this.changeText,
      changePct: this.changePctText,
      volume: this.volumeText,
      ts: this.ts,
      seq,
      sessionState: this.session,
    };
  }
}

const EMPTY: readonly number[] = [];

/** Levels as flat units, lots pairs. */
function pairsOf(levels: readonly VenueLevel[]): number[] {
  const out: number[] = new Array(2 * levels.length);
  for (let k = 0; k < levels.length; k++) {
    out[2 * k] = levels[k]!.units;
    out[2 * k + 1] = levels[k]!.lots;
  }
  return out;
}

/** Overwrites `into` with `from`, in place (the array keeps its store: no allocation once it is big enough). */
function copyInto(into: number[], from: readonly number[]): void {
  for (let i = 0; i < from.length; i++) into[i] = from[i]!;
  into.length = from.length;
}
