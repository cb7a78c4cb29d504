import type { Side } from '../../../src/core/order.ts';
import type { BookTif } from './orderNode.ts';

// Input rules of the engine. Callers are typed, but a venue adapter fed from
// the wire can still pass NaN, a fraction or a stray string; the engine
// rejects those rather than corrupt a book.

/** Order ids: the caller's, unique among live orders, non-negative safe integers. */
export function isOrderId(id: number): boolean {
  return Number.isSafeInteger(id) && id >= 0;
}

/** Quantities are whole lots, at least one. */
export function isLots(lots: number): boolean {
  return Number.isSafeInteger(lots) && lots > 0;
}

/** Prices are whole ticks above zero, as the ticket requires of a limit price. */
export function isTick(tick: number): boolean {
  return Number.isSafeInteger(tick) && tick > 0;
}

export function isSide(side: string): side is Side {
  return side === 'buy' || side === 'sell';
}

export function isTif(tif: string): tif is BookTif {
  return tif === 'gtc' || tif === 'day' || tif === 'ioc' || tif === 'fok';
}
