import { Decimal, dec, isMultipleInUnits, isMultipleOf, placesOf, toWire } from './decimal.ts';
import type { TickTableName } from './tickTable.ts';
import { type SessionWire, type TradingSession, sessionFromWire, sessionToWire } from './tradingSession.ts';

export const ASSET_CLASSES = ['equity', 'etf', 'fx', 'future'] as const;
export type AssetClass = (typeof ASSET_CLASSES)[number];

/** Reference data for one tradable instrument; every price step and size step is exact. */
export interface Instrument {
  readonly symbol: string;
  readonly name: string;
  readonly assetClass: AssetClass;
  readonly sector: string;
  readonly currency: string;
  readonly tickSize: Decimal;
  readonly lotSize: Decimal;
  readonly multiplier: Decimal;
  readonly referencePrice: Decimal;
  /**
   * Price-dependent ticks (src/core/tickTable.ts). When set, `tickSize` is the
   * tick at the reference price and tickSizeAt(instrument, price) gives the
   * tick at any other price; absent means FIXED (tickSize everywhere).
   */
  readonly tickTable?: TickTableName;
  /** Trading hours; absent means the instrument is always open. */
  readonly session?: TradingSession;
}

/** The wire and file form of an instrument: decimals as strings. */
export interface InstrumentWire {
  symbol: string;
  name: string;
  assetClass: AssetClass;
  sector: string;
  currency: string;
  tickSize: string;
  lotSize: string;
  multiplier: string;
  referencePrice: string;
  tickTable?: TickTableName;
  session?: SessionWire;
}

export function instrumentFromWire(w: InstrumentWire): Instrument {
  return {
    symbol: w.symbol,
    name: w.name,
    assetClass: w.assetClass,
    sector: w.sector,
    currency: w.currency,
    tickSize: dec(w.tickSize),
    lotSize: dec(w.lotSize),
    multiplier: dec(w.multiplier),
    referencePrice: dec(w.referencePrice),
    ...(w.tickTable === undefined ? {} : { tickTable: w.tickTable }),
    ...(w.session === undefined ? {} : { session: sessionFromWire(w.session) }),
  };
}

export function instrumentToWire(i: Instrument): InstrumentWire {
  return {
    symbol: i.symbol,
    name: i.name,
    assetClass: i.assetClass,
    sector: i.sector,
    currency: i.currency,
    tickSize: toWire(i.tickSize),
    lotSize: toWire(i.lotSize),
    multiplier: toWire(i.multiplier),
    referencePrice: toWire(i.referencePrice),
    ...(i.tickTable === undefined ? {} : { tickTable: i.tickTable }),
    ...(i.session === undefined ? {} : { session: sessionToWire(i.session) }),
  };
}

export function isOnTick(price: Decimal, instrument: Pick<Instrument, 'tickSize'>): boolean {
  // Read off the digit words when they are short (no text made); decimal.js's answer otherwise.
  return isMultipleInUnits(price, instrument.tickSize) ?? isMultipleOf(price, instrument.tickSize);
}

export function isWholeLots(quantity: Decimal, instrument: Pick<Instrument, 'lotSize'>): boolean {
  return isMultipleInUnits(quantity, instrument.lotSize) ?? isMultipleOf(quantity, instrument.lotSize);
}

/** Digits a price of this instrument is shown with (at least those of its tick). */
export function priceDecimals(instrument: Pick<Instrument, 'tickSize'>): number {
  return placesOf(instrument.tickSize);
}

/** Price of an integer number of ticks: the matching engine and simulator hold ticks, people read prices. */
export function ticksToPrice(ticks: number, instrument: Pick<Instrument, 'tickSize'>): Decimal {
  return instrument.tickSize.times(ticks);
}

export function priceToTicks(price: Decimal, instrument: Pick<Instrument, 'tickSize'>): number {
  return price.div(instrument.tickSize).toDecimalPlaces(0, Decimal.ROUND_HALF_EVEN).toNumber();
}

/** Contract value of a quantity at a price: futures carry a multiplier, cash instruments 1. */
export function notional(quantity: Decimal, price: Decimal, instrument: Pick<Instrument, 'multiplier'>): Decimal {
  return quantity.times(price).times(instrument.multiplier);
}
