import { Decimal, ZERO, addDec, mulDec, subDec, toWire } from './decimal.ts';
import { compare } from './risk/decimalCompare.ts';

/** FIX Side (54): 1 buy, 2 sell, 5 sell short (needs a locate). */
export const SIDES = ['buy', 'sell', 'sellShort'] as const;
export type Side = (typeof SIDES)[number];

/** The side of the book an order trades on: a short sale is a sell to the market. */
export function bookSide(side: Side): 'buy' | 'sell' {
  return side === 'buy' ? 'buy' : 'sell';
}

/** +1 for what adds to a position, -1 for what takes from it. */
export function sideSign(side: Side): 1 | -1 {
  return side === 'buy' ? 1 : -1;
}

export const SIDE_LABEL: Record<Side, string> = { buy: 'Buy', sell: 'Sell', sellShort: 'Sell short' };

/** FIX OrdType (40): 1 market, 2 limit, 3 stop, 4 stop limit. */
export const ORDER_TYPES = ['market', 'limit', 'stop', 'stopLimit'] as const;
export type OrderType = (typeof ORDER_TYPES)[number];

export const ORDER_TYPE_LABEL: Record<OrderType, string> = { market: 'Market', limit: 'Limit', stop: 'Stop', stopLimit: 'Stop limit' };

/** Types that carry a limit price, and types that wait for a stop price to trade. */
export const hasLimitPrice = (type: OrderType): boolean => type === 'limit' || type === 'stopLimit';
export const hasStopPrice = (type: OrderType): boolean => type === 'stop' || type === 'stopLimit';

/** FIX TimeInForce (59): 0 day, 1 GTC, 3 IOC, 4 FOK, 6 GTD (with ExpireTime). */
export const TIME_IN_FORCE = ['day', 'gtc', 'ioc', 'fok', 'gtd'] as const;
export type TimeInForce = (typeof TIME_IN_FORCE)[number];

export const TIF_LABEL: Record<TimeInForce, string> = {
  day: 'Day',
  gtc: 'Good till cancel',
  ioc: 'Immediate or cancel',
  fok: 'Fill or kill',
  gtd: 'Good till date',
};

/** FIX 4.4 OrdStatus (39), spelt for people. */
export const ORDER_STATUSES = [
  'pendingNew',
  'new',
  'partiallyFilled',
  'filled',
  'pendingCancel',
  'canceled',
  'pendingReplace',
  'replaced',
  'rejected',
  'expired',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** FIX 4.4 ExecType (150); 'triggered' is ExecType L (a stop order became active). */
export const EXEC_TYPES = [
  'pendingNew',
  'new',
  'trade',
  'pendingCancel',
  'canceled',
  'pendingReplace',
  'replaced',
  'rejected',
  'expired',
  'triggered',
] as const;
export type ExecType = (typeof EXEC_TYPES)[number];

/**
 * Statuses an order never leaves. 'replaced' is listed for FIX completeness:
 * here an order keeps its OrderID across a replace and goes back to New or
 * PartiallyFilled (FIX 4.4), so no order ends as Replaced.
 */
export const TERMINAL_STATUSES: ReadonlySet<OrderStatus> = new Set(['filled', 'canceled', 'replaced', 'rejected', 'expired']);

export function isTerminal(status: OrderStatus): boolean {
  return TERMINAL_STATUSES.has(status);
}

/** Human label for a status, as a blotter shows it (FIX names). */
export const STATUS_LABEL: Record<OrderStatus, string> = {
  pendingNew: 'PendingNew',
  new: 'New',
  partiallyFilled: 'PartiallyFilled',
  filled: 'Filled',
  pendingCancel: 'PendingCancel',
  canceled: 'Canceled',
  pendingReplace: 'PendingReplace',
  replaced: 'Replaced',
  rejected: 'Rejected',
  expired: 'Expired',
};

/** What can happen to an order; the venue or the OMS raises these. */
export const ORDER_EVENTS = [
  'accepted', // venue acknowledged: New
  'partialFill', // fill that leaves quantity open
  'fill', // fill that completes the order
  'cancelRequested',
  'canceled', // on request, or unsolicited (an IOC/FOK remainder)
  'cancelRejected',
  'replaceRequested',
  'replaced',
  'replaceRejected',
  'triggered', // a stop order's trigger price traded
  'rejected',
  'expired',
] as const;
export type OrderEvent = (typeof ORDER_EVENTS)[number];

/**
 * Where an event leads: a status, or 'working', meaning back to New or
 * PartiallyFilled by what has been filled (a cancel or replace that was
 * refused, or a replace that was done, leaves the order working as its fills
 * put it).
 */
export type TransitionTarget = OrderStatus | 'working';

/**
 * The order state machine as data: for each status, the events it accepts and
 * where they lead. Anything absent is an illegal transition. The races are
 * real and allowed: a fill while a cancel or a replace is pending is applied
 * (the order stays pending, or is Filled when nothing is left), and the cancel
 * or replace is then answered for what remains or refused as too late.
 * A replace needs an order the venue has acknowledged, and one pending request
 * at a time: a cancel while a replace is pending is refused (FIX venues differ
 * on it; the trader retries once the replace is answered).
 */
export const TRANSITIONS: Readonly<Record<OrderStatus, Partial<Record<OrderEvent, TransitionTarget>>>> = {
  pendingNew: {
    accepted: 'new',
    rejected: 'rejected',
    partialFill: 'partiallyFilled',
    fill: 'filled',
    cancelRequested: 'pendingCancel',
    canceled: 'canceled',
    expired: 'expired',
  },
  new: {
    partialFill: 'partiallyFilled',
    fill: 'filled',
    cancelRequested: 'pendingCancel',
    canceled: 'canceled',
    replaceRequested: 'pendingReplace',
    triggered: 'new',
    expired: 'expired',
  },
  partiallyFilled: {
    partialFill: 'partiallyFilled',
    fill: 'filled',
    cancelRequested: 'pendingCancel',
    canceled: 'canceled',
    replaceRequested: 'pendingReplace',
    triggered: 'partiallyFilled',
    expired: 'expired',
  },
  pendingCancel: {
    // The venue acknowledges an order whose cancel was asked for before its ack: it stays PendingCancel.
    accepted: 'pendingCancel',
    partialFill: 'pendingCancel',
    fill: 'filled',
    canceled: 'canceled',
    cancelRejected: 'working',
    triggered: 'pendingCancel',
    rejected: 'rejected',
    expired: 'expired',
  },
  pendingReplace: {
    partialFill: 'pendingReplace',
    fill: 'filled',
    replaced: 'working',
    replaceRejected: 'working',
    canceled: 'canceled',
    triggered: 'pendingReplace',
    expired: 'expired',
  },
  filled: {},
  canceled: {},
  replaced: {},
  rejected: {},
  expired: {},
};

export type TransitionResult = { ok: true; status: OrderStatus } | { ok: false; reason: string };

/** The answer for each status an event can lead to, made once: every event of every order asks. */
const MOVED_TO = Object.fromEntries(ORDER_STATUSES.map((s) => [s, Object.freeze({ ok: true, status: s })])) as Record<OrderStatus, TransitionResult>;

/** Where `event` takes an order in `status`; `filled` says whether some of it is filled (for 'working'). */
export function transition(status: OrderStatus, event: OrderEvent, filled = false): TransitionResult {
  const next = TRANSITIONS[status][event];
  if (next === undefined) return { ok: false, reason: `an order that is ${STATUS_LABEL[status]} cannot take '${event}'` };
  return MOVED_TO[next === 'working' ? (filled ? 'partiallyFilled' : 'new') : next];
}

interface SpecBase {
  symbol: string;
  side: Side;
  quantity: Decimal;
  account: string;
  tif: TimeInForce;
  /** Epoch ms; set for GTD only. */
  expireAt?: number | undefined;
  /** Locate id from the stock-loan desk; set for a short sale only. */
  locate?: string | undefined;
}

/** What the trader asked for, after validation: exact values, one shape per order type. */
export type OrderSpec =
  | (SpecBase & { type: 'market'; limitPrice?: undefined; stopPrice?: undefined })
  | (SpecBase & { type: 'limit'; limitPrice: Decimal; stopPrice?: undefined })
  | (SpecBase & { type: 'stop'; stopPrice: Decimal; limitPrice?: undefined })
  | (SpecBase & { type: 'stopLimit'; limitPrice: Decimal; stopPrice: Decimal });

/** The OMS's record of one order. */
export interface Order {
  /** Stable for the order's life, across replaces. */
  readonly orderId: string;
  /** The latest ClOrdID: each accepted replace sets a new one. */
  readonly clOrdId: string;
  /** The ClOrdID before the last replace (FIX OrigClOrdID); null until one is done. */
  readonly origClOrdId: string | null;
  readonly trader: string;
  readonly account: string;
  readonly symbol: string;
  readonly side: Side;
  readonly type: OrderType;
  readonly tif: TimeInForce;
  readonly quantity: Decimal;
  readonly limitPrice: Decimal | null;
  readonly stopPrice: Decimal | null;
  /** Epoch ms a GTD order expires at; null otherwise. */
  readonly expireAt: number | null;
  /** Locate id of a short sale; null otherwise. */
  readonly locate: string | null;
  /** Venue the order was routed to, when known. */
  readonly venue?: string | undefined;
  readonly status: OrderStatus;
  readonly cumQty: Decimal;
  readonly leavesQty: Decimal;
  /** Σ lastQty × lastPx: kept exactly so AvgPx never accumulates rounding. */
  readonly filledNotional: Decimal;
  readonly avgPx: Decimal;
  readonly text: string;
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** AvgPx is carried to this many places (exact notional / cumQty, rounded half-even). */
export const AVG_PX_PLACES = 8;

export function newOrder(spec: OrderSpec, ids: { orderId: string; clOrdId: string; trader: string; venue?: string }, now: number): Order {
  const limitPrice = spec.limitPrice ?? null;
  const stopPrice = spec.stopPrice ?? null;
  const expireAt = spec.tif === 'gtd' ? (spec.expireAt ?? null) : null;
  const locate = spec.side === 'sellShort' ? (spec.locate ?? null) : null;
  // Two plain literals rather than one with a spread in the middle: a spread sends
  // the whole literal down V8's slow path, for every order; the key order is the same.
  if (ids.venue !== undefined) {
    return {
      orderId: ids.orderId,
      clOrdId: ids.clOrdId,
      origClOrdId: null,
      trader: ids.trader,
      account: spec.account,
      symbol: spec.symbol,
      side: spec.side,
      type: spec.type,
      tif: spec.tif,
      quantity: spec.quantity,
      limitPrice,
      stopPrice,
      expireAt,
      locate,
      venue: ids.venue,
      status: 'pendingNew',
      cumQty: ZERO,
      leavesQty: spec.quantity,
      filledNotional: ZERO,
      avgPx: ZERO,
      text: '',
      createdAt: now,
      updatedAt: now,
    };
  }
  return {
    orderId: ids.orderId,
    clOrdId: ids.clOrdId,
    origClOrdId: null,
    trader: ids.trader,
    account: spec.account,
    symbol: spec.symbol,
    side: spec.side,
    type: spec.type,
    tif: spec.tif,
    quantity: spec.quantity,
    limitPrice,
    stopPrice,
    expireAt,
    locate,
    status: 'pendingNew',
    cumQty: ZERO,
    leavesQty: spec.quantity,
    filledNotional: ZERO,
    avgPx: ZERO,
    text: '',
    createdAt: now,
    updatedAt: now,
  };
}

export type ApplyResult = { ok: true; order: Order } | { ok: false; reason: string };

/** Applies a fill of lastQty at lastPx; refuses an overfill. */
export function applyFill(order: Order, lastQty: Decimal, lastPx: Decimal, now: number): ApplyResult {
  // "≤ 0" read off the sign and the leading digit: lte(0) would build a Decimal for the 0 and compare digits, on every fill.
  if (lastQty.isZero() || lastQty.isNeg()) return { ok: false, reason: 'fill quantity must be positive' };
  if (lastPx.isZero() || lastPx.isNeg()) return { ok: false, reason: 'fill price must be positive' };
  if (lastQty !== order.leavesQty && compare(lastQty, order.leavesQty) > 0) {
    return { ok: false, reason: `fill of ${toWire(lastQty)} exceeds the ${toWire(order.leavesQty)} left on order ${order.orderId}` };
  }
  const leavesQty = subDec(order.leavesQty, lastQty);
  const step = transition(order.status, leavesQty.isZero() ? 'fill' : 'partialFill', true);
  if (!step.ok) return step;
  const notional = mulDec(lastQty, lastPx);
  // Nothing filled yet: the sums are this fill's own values (0 + x is x; both already within the 40 digits).
  const qtyDigits = lastQty.sd();
  const firstFill = order.cumQty.isZero() && order.filledNotional.isZero() && qtyDigits <= EXACT_PRODUCT_DIGITS;
  const cumQty = firstFill ? lastQty : addDec(order.cumQty, lastQty);
  const filledNotional = firstFill ? notional : addDec(order.filledNotional, notional);
  return {
    ok: true,
    order: { ...order, status: step.status, cumQty, leavesQty, filledNotional, avgPx: averagePrice(firstFill, qtyDigits, lastPx, filledNotional, cumQty), updatedAt: now },
  };
}

/**
 * Enough significant digits that lastQty × lastPx is exact in a 40-digit
 * Decimal: then the first fill's notional ÷ quantity is exactly its price.
 */
const EXACT_PRODUCT_DIGITS = 40;

/**
 * AvgPx after a fill: exact notional ÷ cumQty, rounded half-even to
 * AVG_PX_PLACES. The first fill of an order (nothing filled before) averages
 * to its own price whenever lastQty × lastPx was exact, so the 40-digit
 * division is skipped for it; the value is the one the division gives.
 */
function averagePrice(firstFill: boolean, qtyDigits: number, lastPx: Decimal, filledNotional: Decimal, cumQty: Decimal): Decimal {
  if (firstFill && lastPx.decimalPlaces() <= AVG_PX_PLACES && qtyDigits + lastPx.sd() <= EXACT_PRODUCT_DIGITS) return lastPx;
  return filledNotional.div(cumQty).toDecimalPlaces(AVG_PX_PLACES, Decimal.ROUND_HALF_EVEN);
}

/** Events applyEvent takes: everything but fills (applyFill) and a done replace (applyReplace). */
export type PlainEvent = Exclude<OrderEvent, 'fill' | 'partialFill' | 'replaced'>;

/** Applies a non-fill event. A cancel, reject or expiry closes whatever is left. */
export function applyEvent(order: Order, event: PlainEvent, now: number, text = ''): ApplyResult {
  const step = transition(order.status, event, !order.cumQty.isZero());
  if (!step.ok) return step;
  const status = step.status;
  const closes = status === 'canceled' || status === 'rejected' || status === 'expired';
  return {
    ok: true,
    order: { ...order, status, leavesQty: closes ? ZERO : order.leavesQty, text: text || order.text, updatedAt: now },
  };
}

/** The new terms of a cancel/replace (FIX OrderCancelReplaceRequest): a new ClOrdID and the amended values. */
export interface Amend {
  readonly clOrdId: string;
  readonly quantity: Decimal;
  readonly limitPrice: Decimal | null;
  readonly stopPrice: Decimal | null;
}

/**
 * Applies a replace the venue has done: the order takes the new terms and
 * ClOrdID (the old one becomes OrigClOrdID) and keeps its OrderID, fills and
 * AvgPx. LeavesQty = new OrderQty − CumQty; when fills during the pending
 * replace reach the new quantity, the order is Filled, and when they went
 * past it the replace is refused.
 */
export function applyReplace(order: Order, amend: Amend, now: number, text = ''): ApplyResult {
  const step = transition(order.status, 'replaced', !order.cumQty.isZero());
  if (!step.ok) return step;
  // Fills while the replace was pending may have gone past the new quantity: a venue refuses that, and so does this.
  if (amend.quantity.lt(order.cumQty)) {
    return { ok: false, reason: `too late to amend to ${toWire(amend.quantity)}: ${toWire(order.cumQty)} are already filled` };
  }
  const leavesQty = amend.quantity.minus(order.cumQty);
  return {
    ok: true,
    order: {
      ...order,
      status: leavesQty.isZero() ? 'filled' : step.status,
      clOrdId: amend.clOrdId,
      origClOrdId: order.clOrdId,
      quantity: amend.quantity,
      limitPrice: amend.limitPrice,
      stopPrice: amend.stopPrice,
      leavesQty,
      text,
      updatedAt: now,
    },
  };
}

/** Whether a trader can still act on the order (cancel or amend it). */
export function isWorking(order: Pick<Order, 'status'>): boolean {
  return order.status === 'pendingNew' || order.status === 'new' || order.status === 'partiallyFilled';
}

/** Whether the order is still live at its venue: working, or with a cancel/replace in flight. */
export function isOpen(order: Pick<Order, 'status'>): boolean {
  return !isTerminal(order.status);
}
