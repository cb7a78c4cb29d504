import { type Decimal, toWire } from '../../../src/core/decimal.ts';
import type { CancelReason, RejectReason } from './reasons.ts';

// What the matching venue tells a trader, in words: the engine's reason codes
// are for journals and tests, these strings reach the blotter as the order's text.

/** Why an order left the book unfilled; `quantity` is what was left, `by` the incoming order for a self-trade. */
export function cancelWords(reason: CancelReason, quantity: Decimal, by?: string): string {
  const left = toWire(quantity);
  switch (reason) {
    case 'requested':
      return 'canceled on request';
    case 'ioc-remainder':
      return `immediate or cancel: the ${left} not filled at once was canceled`;
    case 'market-remainder':
      return `market order: no more liquidity in the book, the unfilled ${left} was canceled`;
    case 'fok-unfillable':
      return `fill or kill: the book could not fill all ${left} at once, nothing traded`;
    case 'self-trade':
      return `self-trade prevention: your own incoming order${by === undefined ? '' : ` ${by}`} would have traded against this resting order, so it was canceled`;
    case 'day-expired':
      return 'day order expired at the end of the session';
  }
}

/** A command the engine refused (the venue checks first, so these are rare). */
export function rejectWords(reason: RejectReason): string {
  switch (reason) {
    case 'bad-id':
    case 'duplicate-id':
    case 'bad-owner':
      return `the matching engine refused the order (${reason})`;
    case 'bad-side':
      return 'side must be buy, sell or sell short';
    case 'bad-quantity':
      return 'quantity must be a positive whole number of lots';
    case 'bad-price':
      return 'price must be a positive price on the tick grid';
    case 'bad-tif':
      return 'this time in force is not supported by the matching engine';
    case 'unknown-order':
      return 'the order is not open in the book';
    case 'not-amendable':
      return 'the order cannot be amended in its current state';
  }
}
