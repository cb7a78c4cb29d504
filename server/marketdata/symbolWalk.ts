import type { Instrument } from '../../src/core/instrument.ts';
import { priceToTicks } from '../../src/core/instrument.ts';
import type { QuoteWire } from '../../src/core/protocol.ts';
import { ASSET_PROFILES, type AssetProfile, LIVE_REVERSION_PER_DAY, reversionOver, volOver } from './assetProfiles.ts';
import { type Rng, gaussian, streamFor, uniformInt } from './prng.ts';
import { type TickFormatter, tickFormatter } from './tickFormat.ts';

/** One simulated trade, in integers, as the bar aggregator takes it. */
export interface Trade {
  readonly symbol: string;
  readonly priceTicks: number;
  readonly lots: number;
  readonly tsMs: number;
}

export interface SimUpdate {
  readonly quote: QuoteWire;
  readonly trade: Trade;
}

/** Share of symbols that move in one cycle: enough for a watchlist to tick visibly, not all at once. */
export const UPDATE_SHARE = 0.25;
const MAX_SPREAD_TICKS = 3;
/** The opening gap from the previous close is drawn with about half a day's volatility. */
const OPENING_GAP_SECONDS = 6_000;

/**
 * The random walk of one symbol, all in integer ticks and lots, drawing only
 * from its own stream. Strings are made once per update, when the quote leaves.
 */
export class SymbolWalk {
  readonly symbol: string;
  private readonly rng: Rng;
  private readonly fmt: TickFormatter;
  private readonly profile: AssetProfile;
  private readonly refTicks: number;
  private readonly moveVol: number;
  private readonly reversion: number;
  private readonly openText: string;
  private readonly prevCloseText: string;

  private bidTicks: number;
  private lastTicks: number;
  private highTicks: number;
  private lowTicks: number;
  private volumeLots = 0;
  private seq = 0;
  private current: QuoteWire;

  constructor(instrument: Instrument, seed: number, secondsPerUpdate: number, tsMs: number) {
    this.symbol = instrument.symbol;
    this.rng = streamFor(seed, `live:${instrument.symbol}`);
    this.fmt = tickFormatter(instrument);
    this.profile = ASSET_PROFILES[instrument.assetClass];
    this.refTicks = priceToTicks(instrument.referencePrice, instrument);
    this.moveVol = volOver(this.profile, secondsPerUpdate);
    this.reversion = reversionOver(LIVE_REVERSION_PER_DAY, secondsPerUpdate);

    const gap = Math.round(gaussian(this.rng) * this.refTicks * volOver(this.profile, OPENING_GAP_SECONDS));
    const openTicks = Math.max(1, this.refTicks + gap);
    this.bidTicks = openTicks;
    this.lastTicks = openTicks;
    this.highTicks = openTicks;
    this.lowTicks = openTicks;
    this.openText = this.fmt.price(openTicks);
    this.prevCloseText = this.fmt.price(this.refTicks);
    this.current = this.toWire(uniformInt(this.rng, 1, MAX_SPREAD_TICKS), 0, tsMs);
  }

  get quote(): QuoteWire {
    return this.current;
  }

  get priceTicks(): number {
    return this.lastTicks;
  }

  /** Whether this symbol moves in the current cycle: drawn from its own stream, so others never shift it. */
  movesThisCycle(): boolean {
    return this.rng() < UPDATE_SHARE;
  }

  advance(tsMs: number): SimUpdate {
    const rng = this.rng;
    const sigmaTicks = this.bidTicks * this.moveVol;
    const pull = (this.refTicks - this.bidTicks) * this.reversion;
    this.bidTicks = Math.max(1, this.bidTicks + Math.round(gaussian(rng) * sigmaTicks + pull));
    const spread = uniformInt(rng, 1, MAX_SPREAD_TICKS);
    const buyerInitiated = rng() < 0.5;
    const lots = uniformInt(rng, this.profile.tradeLots[0], this.profile.tradeLots[1]);

    this.lastTicks = buyerInitiated ? this.bidTicks + spread : this.bidTicks;
    if (this.lastTicks > this.highTicks) this.highTicks = this.lastTicks;
    if (this.lastTicks < this.lowTicks) this.lowTicks = this.lastTicks;
    this.volumeLots += lots;
    this.seq += 1;
    this.current = this.toWire(spread, lots, tsMs);
    return { quote: this.current, trade: { symbol: this.symbol, priceTicks: this.lastTicks, lots, tsMs } };
  }

  private toWire(spread: number, lastLots: number, tsMs: number): QuoteWire {
    const { fmt, rng, profile } = this;
    const [minBook, maxBook] = profile.bookLots;
    return {
      symbol: this.symbol,
      bid: fmt.price(this.bidTicks),
      ask: fmt.price(this.bidTicks + spread),
      last: fmt.price(this.lastTicks),
      bidSize: fmt.size(uniformInt(rng, minBook, maxBook)),
      askSize: fmt.size(uniformInt(rng, minBook, maxBook)),
      lastSize: fmt.size(lastLots),
      open: this.openText,
      high: fmt.price(this.highTicks),
      low: fmt.price(this.lowTicks),
      prevClose: this.prevCloseText,
      change: fmt.price(this.lastTicks - this.refTicks),
      changePct: fmt.changePct(this.lastTicks, this.refTicks),
      volume: fmt.size(this.volumeLots),
      ts: tsMs,
      seq: this.seq,
    };
  }
}
