import { type Decimal, toWire } from '../../../src/core/decimal.ts';
import type { Instrument } from '../../../src/core/instrument.ts';
import { type Order, type TimeInForce, bookSide } from '../../../src/core/order.ts';
import { baseTickOf, isOnPriceGrid, tickBands, tickSizeAt } from '../../../src/core/tickTable.ts';
import type { BookTif } from './orderNode.ts';
import { scaledInteger } from './scaledDecimal.ts';

// The border between the OMS's orders (exact decimals, strings for ids) and
// the engine's integers. A book counts prices in units of the instrument's
// finest tick (the smallest tick of its tick table), the same unit the
// simulator walks in, so every price on the grid is a whole number of units
// whichever band it sits in. Conversions refuse rather than round.

export type BookSide = 'buy' | 'sell';

/** The integer steps of one instrument's book. */
export interface BookScale {
  /** Price of one book tick: the finest tick of the instrument's table. */
  readonly unit: Decimal;
  readonly lotSize: Decimal;
  /** The tick table and the lot as integers, worked out once per book: most orders convert without a Decimal operation. */
  readonly fast?: FastScale | undefined;
  /** Prices and quantities already made from ticks and lots (Decimals are immutable: one per value serves every fill). */
  readonly made?: { readonly prices: Map<number, Decimal>; readonly quantities: Map<number, Decimal> } | undefined;
}

/** Values kept per book and kind before the memo starts again: a day's prices and sizes of one symbol fit well within. */
const MADE_LIMIT = 4096;

function madeFrom(memo: Map<number, Decimal>, n: number, step: Decimal): Decimal {
  let d = memo.get(n);
  if (d === undefined) {
    d = step.times(n);
    if (memo.size >= MADE_LIMIT) memo.clear();
    memo.set(n, d);
  }
  return d;
}

/**
 * A book's steps as integer counts of 10^-places (places: the most decimal
 * places of any tick, band edge or the book unit; the lot has its own). A
 * price on the grid is a whole number of these, so grid checks and the
 * conversion to book ticks are integer remainders and divisions.
 */
export interface FastScale {
  readonly places: number;
  readonly unit: number;
  /** Bands lowest first, as the tick table: from (included) and tick, in 10^-places. */
  readonly bandFrom: readonly number[];
  readonly bandTick: readonly number[];
  readonly lotPlaces: number;
  readonly lot: number;
}

/** The integer form of a book's steps, or undefined when one does not fit (then everything takes the Decimal path). */
function fastScaleOf(instrument: Pick<Instrument, 'tickSize' | 'tickTable' | 'lotSize'>, unit: Decimal): FastScale | undefined {
  const bands = tickBands(instrument);
  let places = unit.decimalPlaces();
  for (const b of bands) places = Math.max(places, b.from.decimalPlaces(), b.tick.decimalPlaces());
  const unitN = scaledInteger(unit, places);
  const bandFrom = bands.map((b) => scaledInteger(b.from, places));
  const bandTick = bands.map((b) => scaledInteger(b.tick, places));
  const lotPlaces = instrument.lotSize.decimalPlaces();
  const lot = scaledInteger(instrument.lotSize, lotPlaces);
  const all = [unitN, lot, ...bandFrom, ...bandTick];
  if (!all.every((n) => Number.isSafeInteger(n) && n >= 0) || unitN <= 0 || lot <= 0) return undefined;
  // Every tick a whole number of the unit, so a price on the grid is a whole number of book ticks.
  if (!bandTick.every((t) => t > 0 && t % unitN === 0)) return undefined;
  return { places, unit: unitN, bandFrom, bandTick, lotPlaces, lot };
}

export function bookScale(instrument: Pick<Instrument, 'tickSize' | 'tickTable' | 'lotSize'>): BookScale {
  const unit = baseTickOf(instrument);
  return { unit, lotSize: instrument.lotSize, fast: fastScaleOf(instrument, unit), made: { prices: new Map(), quantities: new Map() } };
}

export type Converted = { ok: true; value: number } | { ok: false; reason: string };

/**
 * A price in book ticks, refused off the grid of the tick that applies at that price.
 * Integer arithmetic when the price is on the grid and fits; anything else (a
 * refusal, a price beyond a double) takes the Decimal path, which words the reason.
 */
export function toBookTicks(what: string, price: Decimal, instrument: Pick<Instrument, 'tickSize' | 'tickTable'>, scale: BookScale): Converted {
  const fast = scale.fast;
  if (fast !== undefined) {
    const n = scaledInteger(price, fast.places);
    if (n > 0) {
      // The band holding the price (a price on a band's edge takes the upper band's tick), as tickSizeAt.
      const { bandFrom, bandTick } = fast;
      let k = bandFrom.length - 1;
      while (k > 0 && n < bandFrom[k]!) k -= 1;
      if (n % bandTick[k]! === 0) return { ok: true, value: n / fast.unit };
    }
  }
  return toBookTicksExact(what, price, instrument, scale);
}

/**
 * toBookTicks's integer path alone, as a number: the book ticks when it applies (the value toBookTicks
 * gives then), else NaN and the caller takes toBookTicks. No result object: it runs for every order.
 */
export function bookTicksFast(price: Decimal, scale: BookScale): number {
  const fast = scale.fast;
  if (fast === undefined) return Number.NaN;
  const n = scaledInteger(price, fast.places);
  if (!(n > 0)) return Number.NaN;
  const { bandFrom, bandTick } = fast;
  let k = bandFrom.length - 1;
  while (k > 0 && n < bandFrom[k]!) k -= 1;
  return n % bandTick[k]! === 0 ? n / fast.unit : Number.NaN;
}

/** toLots's integer path alone, as bookTicksFast: the lots, or NaN (then toLots decides). */
export function lotsFast(quantity: Decimal, scale: BookScale): number {
  const fast = scale.fast;
  if (fast === undefined) return Number.NaN;
  const n = scaledInteger(quantity, fast.lotPlaces);
  return n > 0 && n % fast.lot === 0 ? n / fast.lot : Number.NaN;
}

/** toBookTicks in Decimal arithmetic: the reference, and the path of every refusal. */
export function toBookTicksExact(what: string, price: Decimal, instrument: Pick<Instrument, 'tickSize' | 'tickTable'>, scale: BookScale): Converted {
  if (!price.gt(0)) return { ok: false, reason: `${what} must be positive` };
  if (!isOnPriceGrid(price, instrument)) {
    return { ok: false, reason: `${what} ${toWire(price)} is not a multiple of the tick size ${toWire(tickSizeAt(instrument, price))} at that price` };
  }
  const ticks = price.div(scale.unit).toNumber();
  if (!Number.isSafeInteger(ticks)) return { ok: false, reason: `${what} ${toWire(price)} is out of the book's range` };
  return { ok: true, value: ticks };
}

/** A quantity in lots, refused off the lot size: integer arithmetic when it fits, as toBookTicks. */
export function toLots(quantity: Decimal, scale: BookScale): Converted {
  const fast = scale.fast;
  if (fast !== undefined) {
    const n = scaledInteger(quantity, fast.lotPlaces);
    if (n > 0 && n % fast.lot === 0) return { ok: true, value: n / fast.lot };
  }
  return toLotsExact(quantity, scale);
}

/** toLots in Decimal arithmetic: the reference, and the path of every refusal. */
export function toLotsExact(quantity: Decimal, scale: BookScale): Converted {
  const lots = quantity.div(scale.lotSize);
  if (!lots.isInteger()) return { ok: false, reason: `quantity ${toWire(quantity)} is not a multiple of the lot size ${toWire(scale.lotSize)}` };
  const n = lots.toNumber();
  if (!Number.isSafeInteger(n) || n <= 0) return { ok: false, reason: `quantity ${toWire(quantity)} is out of the book's range` };
  return { ok: true, value: n };
}

export function ticksToPrice(ticks: number, scale: BookScale): Decimal {
  return scale.made === undefined ? scale.unit.times(ticks) : madeFrom(scale.made.prices, ticks, scale.unit);
}

/** A step (tick unit or lot size) as an integer count of 10^-places. */
export interface ScaledStep {
  readonly places: number;
  readonly factor: number;
}

export function scaledStep(step: Decimal): ScaledStep {
  const places = step.decimalPlaces();
  return { places, factor: step.times(10 ** places).toNumber() };
}

/**
 * Whole steps in a wire decimal ("268.47" → 2684700 steps of 0.0001), or NaN
 * when it is not a whole number of steps. Integer digits only: the market
 * maker reads twenty of these on every quote, where a Decimal each would cost
 * more than the matching.
 */
export function wholeSteps(text: string, step: ScaledStep): number {
  let n = 0;
  let places = -1; // digits read after the point; -1 before it
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 /* . */ && places < 0) {
      places = 0;
      continue;
    }
    if (c < 48 || c > 57) return Number.NaN;
    const digit = c - 48;
    if (places >= step.places) {
      // Beyond the step's places only zeros may follow.
      if (digit !== 0) return Number.NaN;
      continue;
    }
    n = n * 10 + digit;
    if (places >= 0) places += 1;
  }
  if (text.length === 0 || places === 0) return Number.NaN;
  for (let k = Math.max(places, 0); k < step.places; k++) n *= 10;
  if (!Number.isSafeInteger(n) || n % step.factor !== 0) return Number.NaN;
  return n / step.factor;
}

export function lotsToQuantity(lots: number, scale: BookScale): Decimal {
  return scale.made === undefined ? scale.lotSize.times(lots) : madeFrom(scale.made.quantities, lots, scale.lotSize);
}

/**
 * How long an order lives in the book. GTD rests as GTC: expiry is the OMS's
 * job (it sends the cancel at expireAt), as DAY expiry is.
 */
export function bookTif(tif: TimeInForce): BookTif {
  return tif === 'gtd' ? 'gtc' : tif;
}

/** What to ask the book for. A market FOK is a FOK limit at the far end of the book (it never rests). */
export type BookPlan =
  | { kind: 'limit'; side: BookSide; tick: number; lots: number; tif: BookTif }
  | { kind: 'market'; side: BookSide; lots: number }
  | { kind: 'stop'; side: BookSide; stopTick: number; lots: number }
  | { kind: 'stopLimit'; side: BookSide; stopTick: number; tick: number; lots: number; tif: BookTif };

export type Planned = { ok: true; plan: BookPlan } | { ok: false; reason: string };

/** The far price a market FOK may walk to: any price in the book. */
const FAR_BUY_TICK = Number.MAX_SAFE_INTEGER;
const FAR_SELL_TICK = 1;

type Terms = Pick<Order, 'side' | 'type' | 'tif' | 'limitPrice' | 'stopPrice'>;

/** The book instruction for `lots` of an order with these terms. */
// Module functions, not closures in planOrder: under tsx each closure made per order pays a __name call.
function limitTicks(terms: Terms, instrument: Pick<Instrument, 'tickSize' | 'tickTable'>, scale: BookScale): Converted {
  return terms.limitPrice === null ? { ok: false, reason: `a ${terms.type} order needs a limit price` } : toBookTicks('limit price', terms.limitPrice, instrument, scale);
}

function stopTicks(terms: Terms, instrument: Pick<Instrument, 'tickSize' | 'tickTable'>, scale: BookScale): Converted {
  return terms.stopPrice === null ? { ok: false, reason: `a ${terms.type} order needs a stop price` } : toBookTicks('stop price', terms.stopPrice, instrument, scale);
}

export function planOrder(terms: Terms, lots: number, instrument: Pick<Instrument, 'tickSize' | 'tickTable'>, scale: BookScale): Planned {
  const side = bookSide(terms.side);
  switch (terms.type) {
    case 'market':
      if (terms.tif === 'fok') return { ok: true, plan: { kind: 'limit', side, tick: side === 'buy' ? FAR_BUY_TICK : FAR_SELL_TICK, lots, tif: 'fok' } };
      return { ok: true, plan: { kind: 'market', side, lots } };
    case 'limit': {
      const tick = limitTicks(terms, instrument, scale);
      if (!tick.ok) return tick;
      return { ok: true, plan: { kind: 'limit', side, tick: tick.value, lots, tif: bookTif(terms.tif) } };
    }
    case 'stop': {
      const stopTick = stopTicks(terms, instrument, scale);
      if (!stopTick.ok) return stopTick;
      return { ok: true, plan: { kind: 'stop', side, stopTick: stopTick.value, lots } };
    }
    case 'stopLimit': {
      const stopTick = stopTicks(terms, instrument, scale);
      if (!stopTick.ok) return stopTick;
      const tick = limitTicks(terms, instrument, scale);
      if (!tick.ok) return tick;
      return { ok: true, plan: { kind: 'stopLimit', side, stopTick: stopTick.value, tick: tick.value, lots, tif: bookTif(terms.tif) } };
    }
  }
}
