import { Decimal, ZERO, toWire } from './decimal.ts';

export const SIDES = ['buy', 'sell'] as const;
export type Side = (typeof SIDES)[number];

export const ORDER_TYPES = ['market', 'limit'] as const;
export type OrderType = (typeof ORDER_TYPES)[number];

export const TIME_IN_FORCE = ['day', 'gtc', 'ioc'] as const;
export type TimeInForce = (typeof TIME_IN_FORCE)[number];

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

/** FIX 4.4 ExecType (150). */
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
] as const;
export type ExecType = (typeof EXEC_TYPES)[number];

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
export type OrderEvent =
  | 'accepted' // venue acknowledged: New
  | 'partialFill' // fill that leaves quantity open
  | 'fill' // fill that completes the order
  | 'cancelRequested'
  | 'canceled'
  | 'cancelRejected'
  | 'rejected'
  | 'expired';

/**
 * The order state machine as data: for each status, the events it accepts and
 * the status they lead to. Anything absent is an illegal transition. A fill
 * while a cancel is pending is a real race and is allowed; the cancel is then
 * either acknowledged for the rest or rejected because nothing is left.
 */
export const TRANSITIONS: Readonly<Record<OrderStatus, Partial<Record<OrderEvent, OrderStatus>>>> = {
  pendingNew: { accepted: 'new', rejected: 'rejected', partialFill: 'partiallyFilled', fill: 'filled', cancelRequested: 'pendingCancel' },
  new: { partialFill: 'partiallyFilled', fill: 'filled', cancelRequested: 'pendingCancel', canceled: 'canceled', expired: 'expired' },
  partiallyFilled: { partialFill: 'partiallyFilled', fill: 'filled', cancelRequested: 'pendingCancel', canceled: 'canceled', expired: 'expired' },
  pendingCancel: { partialFill: 'pendingCancel', fill: 'filled', canceled: 'canceled', cancelRejected: 'new', expired: 'expired' },
  pendingReplace: {},
  filled: {},
  canceled: {},
  replaced: {},
  rejected: {},
  expired: {},
};

export type TransitionResult = { ok: true; status: OrderStatus } | { ok: false; reason: string };

export function transition(status: OrderStatus, event: OrderEvent): TransitionResult {
  const next = TRANSITIONS[status][event];
  if (next === undefined) return { ok: false, reason: `an order that is ${STATUS_LABEL[status]} cannot take '${event}'` };
  return { ok: true, status: next };
}

/** What the trader asked for, after validation: exact values, one shape per order type. */
export type OrderSpec =
  | { type: 'market'; symbol: string; side: Side; quantity: Decimal; account: string; tif: TimeInForce }
  | { type: 'limit'; symbol: string; side: Side; quantity: Decimal; limitPrice: Decimal; account: string; tif: TimeInForce };

/** The OMS's record of one order. */
export interface Order {
  readonly orderId: string;
  readonly clOrdId: string;
  readonly trader: string;
  readonly account: string;
  readonly symbol: string;
  readonly side: Side;
  readonly type: OrderType;
  readonly tif: TimeInForce;
  readonly quantity: Decimal;
  readonly limitPrice: Decimal | null;
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

export function newOrder(spec: OrderSpec, ids: { orderId: string; clOrdId: string; trader: string }, now: number): Order {
  return {
    orderId: ids.orderId,
    clOrdId: ids.clOrdId,
    trader: ids.trader,
    account: spec.account,
    symbol: spec.symbol,
    side: spec.side,
    type: spec.type,
    tif: spec.tif,
    quantity: spec.quantity,
    limitPrice: spec.type === 'limit' ? spec.limitPrice : null,
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
  if (lastQty.lte(0)) return { ok: false, reason: 'fill quantity must be positive' };
  if (lastQty.gt(order.leavesQty)) {
    return { ok: false, reason: `fill of ${toWire(lastQty)} exceeds the ${toWire(order.leavesQty)} left on order ${order.orderId}` };
  }
  const leavesQty = order.leavesQty.minus(lastQty);
  const step = transition(order.status, leavesQty.isZero() ? 'fill' : 'partialFill');
  if (!step.ok) return step;
  const cumQty = order.cumQty.plus(lastQty);
  const filledNotional = order.filledNotional.plus(lastQty.times(lastPx));
  return {
    ok: true,
    order: {
      ...order,
      status: step.status,
      cumQty,
      leavesQty,
      filledNotional,
      avgPx: filledNotional.div(cumQty).toDecimalPlaces(AVG_PX_PLACES, Decimal.ROUND_HALF_EVEN),
      updatedAt: now,
    },
  };
}

/** Applies a non-fill event. A cancel, reject or expiry closes whatever is left. */
export function applyEvent(order: Order, event: Exclude<OrderEvent, 'fill' | 'partialFill'>, now: number, text = ''): ApplyResult {
  const step = transition(order.status, event);
  if (!step.ok) return step;
  let status = step.status;
  // A rejected cancel returns the order to where its fills put it.
  if (event === 'cancelRejected') status = order.cumQty.isZero() ? 'new' : 'partiallyFilled';
  const closes = status === 'canceled' || status === 'rejected' || status === 'expired';
  return {
    ok: true,
    order: { ...order, status, leavesQty: closes ? ZERO : order.leavesQty, text: text || order.text, updatedAt: now },
  };
}

/** Whether a trader can still act on the order (cancel it). */
export function isWorking(order: Pick<Order, 'status'>): boolean {
  return order.status === 'pendingNew' || order.status === 'new' || order.status === 'partiallyFilled';
}
