/**
 * Why an order left the book without filling, and why a command was refused.
 * A canceled order was valid and ended by a rule or a request; a rejected
 * command was malformed or aimed at nothing, and changed nothing.
 */
export const CANCEL_REASONS = [
  'requested', // the owner asked
  'ioc-remainder', // immediate-or-cancel: what did not fill at once
  'market-remainder', // a market order (or triggered stop) ran out of liquidity
  'fok-unfillable', // fill-or-kill: the book could not fill all of it, nothing traded
  'self-trade', // a resting order met an incoming one of the same owner
  'day-expired', // end of session, a DAY order
] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number];

export const REJECT_REASONS = [
  'bad-id', // order id is not a non-negative safe integer
  'duplicate-id', // an order with this id is live
  'bad-owner', // owner id is not a safe integer
  'bad-side',
  'bad-quantity', // lots not a positive safe integer, or an amend at or below what is filled
  'bad-price', // ticks not a positive safe integer
  'bad-tif',
  'unknown-order', // cancel or amend of an order not live: filled, canceled or never seen
  'not-amendable', // a pending stop: cancel it and send a new one
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

/** Whether an amend kept the order's place in its queue. */
export const QUEUE_PRIORITY = ['kept', 'lost'] as const;
export type QueuePriority = (typeof QUEUE_PRIORITY)[number];

// Codes as stored in the event log (index into the arrays above).
export const C_REQUESTED = 0;
export const C_IOC_REMAINDER = 1;
export const C_MARKET_REMAINDER = 2;
export const C_FOK_UNFILLABLE = 3;
export const C_SELF_TRADE = 4;
export const C_DAY_EXPIRED = 5;

export const R_BAD_ID = 0;
export const R_DUPLICATE_ID = 1;
export const R_BAD_OWNER = 2;
export const R_BAD_SIDE = 3;
export const R_BAD_QUANTITY = 4;
export const R_BAD_PRICE = 5;
export const R_BAD_TIF = 6;
export const R_UNKNOWN_ORDER = 7;
export const R_NOT_AMENDABLE = 8;

export const Q_KEPT = 0;
export const Q_LOST = 1;
