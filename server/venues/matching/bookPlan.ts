import { type Decimal, toWire } from '../../../src/core/decimal.ts';
import type { Instrument } from '../../../src/core/instrument.ts';
import { type Order, type TimeInForce, bookSide } from '../../../src/core/order.ts';
import { baseTickOf, isOnPriceGrid, tickSizeAt } from '../../../src/core/tickTable.ts';
import type { BookTif } from './orderNode.ts';

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
}

export function bookScale(instrument: Pick<Instrument, 'tickSize' | 'tickTable' | 'lotSize'>): BookScale {
  return { unit: baseTickOf(instrument), lotSize: instrument.lotSize };
}

export type Converted = { ok: true; value: number } | { ok: false; reason: string };

/** A price in book ticks, refused off the grid of the tick that applies at that price. */
export function toBookTicks(what: string, price: Decimal, instrument: Pick<Instrument, 'tickSize' | 'tickTable'>, scale: BookScale): Converted {
  if (!price.gt(0)) return { ok: false, reason: `${what} must be positive` };
  if (!isOnPriceGrid(price, instrument)) {
    return { ok: false, reason: `${what} ${toWire(price)} is not a multiple of the tick size ${toWire(tickSizeAt(instrument, price))} at that price` };
  }
  const ticks = price.div(scale.unit).toNumber();
  if (!Number.isSafeInteger(ticks)) return { ok: false, reason: `${what} ${toWire(price)} is out of the book's range` };
  return { ok: true, value: ticks };
}

export function toLots(quantity: Decimal, scale: BookScale): Converted {
  const lots = quantity.div(scale.lotSize);
  if (!lots.isInteger()) return { ok: false, reason: `quantity ${toWire(quantity)} is not a multiple of the lot size ${toWire(scale.lotSize)}` };
  const n = lots.toNumber();
  if (!Number.isSafeInteger(n) || n <= 0) return { ok: false, reason: `quantity ${toWire(quantity)} is out of the book's range` };
  return { ok: true, value: n };
}

export const ticksToPrice = (ticks: number, scale: BookScale): Decimal => scale.unit.times(ticks);

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

export const lotsToQuantity = (lots: number, scale: BookScale): Decimal => scale.lotSize.times(lots);

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
export function planOrder(terms: Terms, lots: number, instrument: Pick<Instrument, 'tickSize' | 'tickTable'>, scale: BookScale): Planned {
  const side = bookSide(terms.side);
  const limit = (): Converted =>
    terms.limitPrice === null ? { ok: false, reason: `a ${terms.type} order needs a limit price` } : toBookTicks('limit price', terms.limitPrice, instrument, scale);
  const stop = (): Converted =>
    terms.stopPrice === null ? { ok: false, reason: `a ${terms.type} order needs a stop price` } : toBookTicks('stop price', terms.stopPrice, instrument, scale);
  switch (terms.type) {
    case 'market':
      if (terms.tif === 'fok') return { ok: true, plan: { kind: 'limit', side, tick: side === 'buy' ? FAR_BUY_TICK : FAR_SELL_TICK, lots, tif: 'fok' } };
      return { ok: true, plan: { kind: 'market', side, lots } };
    case 'limit': {
      const tick = limit();
      if (!tick.ok) return tick;
      return { ok: true, plan: { kind: 'limit', side, tick: tick.value, lots, tif: bookTif(terms.tif) } };
    }
    case 'stop': {
      const stopTick = stop();
      if (!stopTick.ok) return stopTick;
      return { ok: true, plan: { kind: 'stop', side, stopTick: stopTick.value, lots } };
    }
    case 'stopLimit': {
      const stopTick = stop();
      if (!stopTick.ok) return stopTick;
      const tick = limit();
      if (!tick.ok) return tick;
      return { ok: true, plan: { kind: 'stopLimit', side, stopTick: stopTick.value, tick: tick.value, lots, tif: bookTif(terms.tif) } };
    }
  }
}
