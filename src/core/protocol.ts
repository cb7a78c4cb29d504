/**
 * The WebSocket protocol: every message in both directions, as zod schemas.
 * The gateway parses every client frame through `parseClientMessage`; the
 * terminal uses the inferred types. docs/protocol.md shows an example of each.
 */
import { z } from 'zod';
import { DECIMAL_PATTERN } from './decimal.ts';
import { ASSET_CLASSES } from './instrument.ts';
import { TICK_TABLES } from './tickTable.ts';
import { SESSION_STATES } from './tradingSession.ts';
import { EXEC_TYPES, ORDER_STATUSES, ORDER_TYPES, SIDES, TIME_IN_FORCE } from './order.ts';
import { ROLES } from './users.ts';
import { CLIENT_BOOK_ANSWERS, CLIENT_BOOK_REQUESTS } from './protocol/clientBook.ts';
import { DESK_ANSWERS, DESK_REQUESTS } from './protocol/desk.ts';
import { RISK_ANSWERS, RISK_REQUESTS } from './protocol/risk.ts';

export const PROTOCOL_VERSION = 1;
/** A frame larger than this is refused before it is parsed. */
export const MAX_FRAME_BYTES = 64 * 1024;
export const MAX_SYMBOLS_PER_REQUEST = 1000;

const decimal = z.string().regex(DECIMAL_PATTERN, 'must be a decimal number written as a string, such as "101.25"');
const symbol = z.string().min(1, 'must not be empty').max(32, 'is longer than 32 characters').regex(/^[A-Za-z0-9._\-/=^]+$/, 'has characters a symbol cannot have');
const reqId = z.string().min(1).max(64).optional();
const shortText = (max: number) => z.string().max(max, `is longer than ${max} characters`);
const clOrdId = z.string().min(1).max(64).regex(/^[A-Za-z0-9._:\-]+$/, 'may hold only letters, digits and . _ : -');

export const INTERVALS = ['1s', '1m', '5m', '15m', '1h', '1d'] as const;
export type Interval = (typeof INTERVALS)[number];
export const INTERVAL_SECONDS: Record<Interval, number> = { '1s': 1, '1m': 60, '5m': 300, '15m': 900, '1h': 3600, '1d': 86400 };

// ---------------------------------------------------------------- client → gateway

export const LoginMsg = z.strictObject({ type: z.literal('login'), reqId, username: shortText(64).min(1), password: shortText(256).min(1) });
export const LogoutMsg = z.strictObject({ type: z.literal('logout'), reqId });
export const PingMsg = z.strictObject({ type: z.literal('ping'), reqId, ts: z.number().int().nonnegative().optional() });
export const SubscribeMsg = z.strictObject({
  type: z.literal('subscribe'),
  reqId,
  symbols: z.array(symbol).min(1, 'must name at least one symbol').max(MAX_SYMBOLS_PER_REQUEST),
});
export const UnsubscribeMsg = z.strictObject({
  type: z.literal('unsubscribe'),
  reqId,
  symbols: z.array(symbol).min(1, 'must name at least one symbol').max(MAX_SYMBOLS_PER_REQUEST),
});
export const HistoryMsg = z.strictObject({
  type: z.literal('history'),
  reqId,
  symbol,
  interval: z.enum(INTERVALS),
  limit: z.number().int().min(1).max(5000).optional(),
  /**
   * Bar open times in epoch seconds: `from` included, `to` excluded. With a
   * range, `limit` keeps the newest bars of it, so a chart scrolling back asks
   * for { to: oldestShown, limit }.
   */
  from: z.number().int().nonnegative().optional(),
  to: z.number().int().nonnegative().optional(),
}).refine((m) => m.from === undefined || m.to === undefined || m.from < m.to, { message: 'from must be before to', path: ['from'] });
/**
 * An order as the ticket holds it: text fields. Structure is checked here;
 * the trading rules (lot size, tick size, accounts) run in validateTicket so
 * a reject reads the same as the ticket's inline error.
 */
export const PlaceOrderMsg = z.strictObject({
  type: z.literal('placeOrder'),
  reqId,
  clOrdId,
  order: z.strictObject({
    symbol: shortText(32),
    side: shortText(16),
    type: shortText(16),
    quantity: shortText(32),
    limitPrice: shortText(32).optional(),
    /** Trigger price of a stop or stop-limit order. */
    stopPrice: shortText(32).optional(),
    account: shortText(64),
    tif: shortText(8).optional(),
    /** GTD expiry: an ISO date (the session close that day) or date-time. */
    expireAt: shortText(40).optional(),
    /** Locate id of a short sale. */
    locate: shortText(64).optional(),
  }),
  /** The trader has seen the warnings of an `orderWarning` and places the order anyway. */
  confirm: z.boolean().optional(),
  /** Why an advisor overrides a suitability warning; kept with the order. */
  justification: shortText(500).optional(),
});
export const CancelOrderMsg = z.strictObject({ type: z.literal('cancelOrder'), reqId, orderId: z.string().min(1).max(64) });
/**
 * Amends a working order (FIX OrderCancelReplaceRequest): a new ClOrdID and
 * the new total quantity and/or prices as text; fields left out keep their value.
 */
export const ReplaceOrderMsg = z.strictObject({
  type: z.literal('replaceOrder'),
  reqId,
  orderId: z.string().min(1).max(64),
  clOrdId,
  quantity: decimal.optional(),
  limitPrice: decimal.optional(),
  stopPrice: decimal.optional(),
});
/** Cancels every working order of a trader and/or an account (your own when neither is named). */
export const CancelAllMsg = z.strictObject({
  type: z.literal('cancelAll'),
  reqId,
  trader: shortText(64).min(1).optional(),
  account: shortText(64).min(1).optional(),
});
export const SubscribeOrdersMsg = z.strictObject({ type: z.literal('subscribeOrders'), reqId });
export const SubscribePositionsMsg = z.strictObject({ type: z.literal('subscribePositions'), reqId });
export const ClientBookMsg = z.strictObject({ type: z.literal('clientBook'), reqId });
/**
 * Order book depth of one symbol: a `depth` snapshot now, then one whenever its
 * book changes (conflated, at most one per flush); unsubscribeDepth is answered
 * by `depthUnsubscribed`.
 */
export const SubscribeDepthMsg = z.strictObject({ type: z.literal('subscribeDepth'), reqId, symbol });
export const UnsubscribeDepthMsg = z.strictObject({ type: z.literal('unsubscribeDepth'), reqId, symbol });

export const ClientMessage = z.discriminatedUnion('type', [
  LoginMsg,
  LogoutMsg,
  PingMsg,
  SubscribeMsg,
  UnsubscribeMsg,
  HistoryMsg,
  PlaceOrderMsg,
  CancelOrderMsg,
  ReplaceOrderMsg,
  CancelAllMsg,
  SubscribeOrdersMsg,
  SubscribePositionsMsg,
  ClientBookMsg,
  SubscribeDepthMsg,
  UnsubscribeDepthMsg,
  ...CLIENT_BOOK_REQUESTS,
  ...DESK_REQUESTS,
  ...RISK_REQUESTS,
]);
export type ClientMessage = z.infer<typeof ClientMessage>;
export type ClientMessageType = ClientMessage['type'];
export const CLIENT_MESSAGE_TYPES: readonly ClientMessageType[] = ClientMessage.options.map((o) => o.shape.type.value);

// ---------------------------------------------------------------- gateway → client

export const ERROR_CODES = [
  'BAD_JSON',
  'BAD_MESSAGE',
  'UNKNOWN_TYPE',
  'TOO_LARGE',
  'NOT_AUTHENTICATED',
  'LOGIN_FAILED',
  'ALREADY_AUTHENTICATED',
  'FORBIDDEN',
  'UNKNOWN_SYMBOL',
  'NOT_FOUND',
  'CANCEL_REJECTED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const InstrumentWireSchema = z.strictObject({
  symbol: z.string(),
  name: z.string(),
  assetClass: z.enum(ASSET_CLASSES),
  sector: z.string(),
  currency: z.string(),
  tickSize: decimal,
  lotSize: decimal,
  multiplier: decimal,
  referencePrice: decimal,
  tickTable: z.enum(TICK_TABLES).optional(),
  session: z
    .strictObject({ open: z.string(), close: z.string(), timeZone: z.string(), days: z.string(), preOpen: z.string().optional() })
    .optional(),
});

export const UserProfileSchema = z.strictObject({
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  desk: z.string(),
  accounts: z.array(z.string()),
});

export const QuoteWire = z.strictObject({
  symbol: z.string(),
  bid: decimal,
  ask: decimal,
  last: decimal,
  bidSize: decimal,
  askSize: decimal,
  lastSize: decimal,
  open: decimal,
  high: decimal,
  low: decimal,
  prevClose: decimal,
  change: decimal,
  changePct: decimal,
  volume: decimal,
  /** Milliseconds since the epoch when the simulator or feed produced it. */
  ts: z.number(),
  /** Per-symbol sequence number; grows by one with every update. */
  seq: z.number().int(),
  /** Trading phase of the symbol's session when the quote was made; absent when the source does not know. */
  sessionState: z.enum(SESSION_STATES).optional(),
});
export type QuoteWire = z.infer<typeof QuoteWire>;

/** One price level of a book: the price and the total size resting there. */
export const DepthLevelWire = z.strictObject({ price: decimal, size: decimal });
export type DepthLevelWire = z.infer<typeof DepthLevelWire>;
/** A symbol's book, best level first on each side; `seq` is the quote seq it belongs to. */
export const DepthWire = z.strictObject({
  symbol: z.string(),
  seq: z.number().int(),
  bids: z.array(DepthLevelWire),
  asks: z.array(DepthLevelWire),
  ts: z.number(),
});
export type DepthWire = z.infer<typeof DepthWire>;

export const BarWire = z.strictObject({
  /** Bar open time, seconds since the epoch (UTC). */
  time: z.number().int(),
  open: decimal,
  high: decimal,
  low: decimal,
  close: decimal,
  volume: decimal,
});
export type BarWire = z.infer<typeof BarWire>;

export const OrderWire = z.strictObject({
  orderId: z.string(),
  clOrdId: z.string(),
  trader: z.string(),
  account: z.string(),
  symbol: z.string(),
  side: z.enum(SIDES),
  type: z.enum(ORDER_TYPES),
  tif: z.enum(TIME_IN_FORCE),
  quantity: decimal,
  limitPrice: decimal.nullable(),
  stopPrice: decimal.nullable(),
  /** GTD expiry, epoch ms. */
  expireAt: z.number().nullable(),
  locate: z.string().nullable(),
  /** The ClOrdID before the last replace. */
  origClOrdId: z.string().nullable(),
  /** Where the order was routed. */
  venue: z.string(),
  status: z.enum(ORDER_STATUSES),
  cumQty: decimal,
  leavesQty: decimal,
  avgPx: decimal,
  text: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type OrderWire = z.infer<typeof OrderWire>;

/** A pre-trade warning the trader must accept (confirm) before the order is placed. */
export const OrderWarningWire = z.strictObject({ rule: z.string(), message: z.string(), requiresJustification: z.boolean() });
export type OrderWarningWire = z.infer<typeof OrderWarningWire>;

/** An execution report: the order as it stands after the event, plus the event. */
export const ExecReportWire = z.strictObject({
  execId: z.string(),
  execType: z.enum(EXEC_TYPES),
  lastQty: decimal,
  lastPx: decimal,
  ts: z.number(),
  order: OrderWire,
});
export type ExecReportWire = z.infer<typeof ExecReportWire>;

export const PositionWire = z.strictObject({
  trader: z.string(),
  account: z.string(),
  symbol: z.string(),
  currency: z.string(),
  quantity: decimal,
  avgCost: decimal,
  realizedPnl: decimal,
  multiplier: decimal,
  /** Fees paid since the position opened, in `currency`. */
  fees: decimal.optional(),
  /** Today's P&L at any mark m: sodQuantity × (m − sodMark) × multiplier + (todayQuantity × m − todayNotional) × multiplier. */
  sodQuantity: decimal.optional(),
  sodMark: decimal.nullable().optional(),
  todayQuantity: decimal.optional(),
  todayNotional: decimal.optional(),
});
export type PositionWire = z.infer<typeof PositionWire>;

export const HoldingWire = z.strictObject({ symbol: z.string(), quantity: decimal, avgCost: decimal });
export const AccountWire = z.strictObject({
  accountId: z.string(),
  name: z.string(),
  type: z.string(),
  currency: z.string(),
  cash: decimal,
  holdings: z.array(HoldingWire),
});
export const ClientWire = z.strictObject({
  clientId: z.string(),
  name: z.string(),
  advisor: z.string(),
  riskTolerance: z.number().int().min(1).max(5),
  objective: z.string(),
  accounts: z.array(AccountWire),
});
export type HoldingWire = z.infer<typeof HoldingWire>;
export type AccountWire = z.infer<typeof AccountWire>;
export type ClientWire = z.infer<typeof ClientWire>;

export const ServerMessage = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('hello'),
    protocol: z.number().int(),
    server: z.string(),
    serverTime: z.number(),
    /** How often the gateway sends `heartbeat`; silence for a few of these means the link is dead. */
    heartbeatMs: z.number().int().positive().optional(),
    /** A quote older than this (by its `ts`) should be shown as stale. */
    staleMs: z.number().int().positive().optional(),
  }),
  z.strictObject({ type: z.literal('error'), reqId, code: z.enum(ERROR_CODES), message: z.string() }),
  z.strictObject({ type: z.literal('loginOk'), reqId, user: UserProfileSchema, instruments: z.array(InstrumentWireSchema) }),
  z.strictObject({ type: z.literal('loggedOut'), reqId }),
  z.strictObject({ type: z.literal('pong'), reqId, ts: z.number().optional(), serverTime: z.number() }),
  /** `seq`: the connection's quote-frame sequence at the snapshot; the next `quotes` frame carries seq + 1. */
  z.strictObject({ type: z.literal('quoteSnapshot'), reqId, quotes: z.array(QuoteWire), seq: z.number().int().nonnegative().optional() }),
  /** `seq`: grows by one per `quotes` frame on a connection; a jump means frames were lost, so resubscribe. */
  z.strictObject({ type: z.literal('quotes'), quotes: z.array(QuoteWire), seq: z.number().int().nonnegative().optional() }),
  z.strictObject({ type: z.literal('unsubscribed'), reqId, symbols: z.array(z.string()) }),
  z.strictObject({ type: z.literal('history'), reqId, symbol: z.string(), interval: z.enum(INTERVALS), bars: z.array(BarWire) }),
  z.strictObject({ type: z.literal('execReport'), reqId, report: ExecReportWire }),
  /** FIX OrderCancelReject: a cancel or a replace refused, with why (the order is unchanged). */
  z.strictObject({
    type: z.literal('cancelReject'),
    reqId,
    orderId: z.string(),
    clOrdId: z.string().optional(),
    responseTo: z.enum(['cancel', 'replace']),
    reason: z.string(),
  }),
  /** The order was NOT placed: resend it with confirm: true (and a justification where one is required). */
  z.strictObject({ type: z.literal('orderWarning'), reqId, clOrdId: z.string(), warnings: z.array(OrderWarningWire) }),
  z.strictObject({ type: z.literal('cancelAllDone'), reqId, canceled: z.number().int().nonnegative() }),
  z.strictObject({ type: z.literal('ordersSnapshot'), reqId, orders: z.array(OrderWire), executions: z.array(ExecReportWire) }),
  z.strictObject({ type: z.literal('positionsSnapshot'), reqId, positions: z.array(PositionWire) }),
  z.strictObject({ type: z.literal('positionUpdate'), position: PositionWire }),
  z.strictObject({ type: z.literal('clientBook'), reqId, clients: z.array(ClientWire) }),
  z.strictObject({ type: z.literal('depth'), reqId, ...DepthWire.shape }),
  z.strictObject({ type: z.literal('depthUnsubscribed'), reqId, symbol: z.string() }),
  /** Sent every `heartbeatMs` to a logged-in connection, whatever else is flowing. */
  z.strictObject({ type: z.literal('heartbeat'), serverTime: z.number() }),
  /**
   * The connection is not reading its quotes fast enough: first a warning (`action`
   * 'conflating': updates are now merged over a longer window), then 'disconnecting'
   * just before the gateway closes it (close code 4008, the same reason).
   */
  z.strictObject({ type: z.literal('slowConsumer'), action: z.enum(['conflating', 'disconnecting']), message: z.string() }),
  ...CLIENT_BOOK_ANSWERS,
  ...DESK_ANSWERS,
  ...RISK_ANSWERS,
]);
export type ServerMessage = z.infer<typeof ServerMessage>;
export type ServerMessageOf<T extends ServerMessage['type']> = Extract<ServerMessage, { type: T }>;

// ---------------------------------------------------------------- parsing client frames

export type ParseResult = { ok: true; msg: ClientMessage } | { ok: false; code: ErrorCode; message: string; reqId?: string };

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 5)
    .map((i) => {
      const where = i.path.length > 0 ? i.path.join('.') : 'message';
      if (i.code === 'unrecognized_keys') return `${where}: unknown field${i.keys.length > 1 ? 's' : ''} ${i.keys.map((k) => `'${k}'`).join(', ')}`;
      return `${where}: ${i.message}`;
    })
    .join('; ');
}

/** Turns one raw frame into a typed message, or an error that names what is wrong. */
export function parseClientMessage(raw: string): ParseResult {
  if (raw.length > MAX_FRAME_BYTES) return { ok: false, code: 'TOO_LARGE', message: `message is ${raw.length} bytes; the limit is ${MAX_FRAME_BYTES}` };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { ok: false, code: 'BAD_JSON', message: 'message is not valid JSON' };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, code: 'BAD_MESSAGE', message: 'message must be a JSON object with a "type" field' };
  }
  const obj = data as Record<string, unknown>;
  if (obj.type === 'placeOrder') {
    // The message of every order: checked by hand; anything the check is not sure of goes to zod below, which says why.
    const order = placeOrderFastPath(obj);
    if (order !== undefined) return { ok: true, msg: order };
  }
  const rid = typeof obj.reqId === 'string' && obj.reqId.length <= 64 ? obj.reqId : undefined;
  const withId = rid === undefined ? {} : { reqId: rid };
  if (typeof obj.type !== 'string') return { ok: false, code: 'BAD_MESSAGE', message: 'message has no "type" field (a string)', ...withId };
  // The one schema of this type, not the union: same result, without the union's dispatch.
  const schema = SCHEMA_OF_TYPE.get(obj.type);
  if (schema === undefined) {
    return {
      ok: false,
      code: 'UNKNOWN_TYPE',
      message: `unknown message type '${obj.type.slice(0, 40)}'; expected one of ${CLIENT_MESSAGE_TYPES.join(', ')}`,
      ...withId,
    };
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) return { ok: false, code: 'BAD_MESSAGE', message: `${obj.type}: ${describeIssues(parsed.error.issues)}`, ...withId };
  return { ok: true, msg: parsed.data as ClientMessage };
}

const SCHEMA_OF_TYPE: ReadonlyMap<string, (typeof ClientMessage.options)[number]> = new Map(ClientMessage.options.map((o) => [o.shape.type.value, o]));

type PlaceOrder = z.infer<typeof PlaceOrderMsg>;
type OrderFields = PlaceOrder['order'];

const CL_ORD_ID_PATTERN = /^[A-Za-z0-9._:\-]+$/;
/** Code points of a string: zod measures a string's length in them (a surrogate pair counts once). */
function codePoints(s: string): number {
  let count = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    if ((s.charCodeAt(i) & 0xfc00) === 0xd800 && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      count--;
      i++;
    }
  }
  return count;
}
/** A string of min..max code points (min is 0 or 1 here: any non-empty string has one). A code point is one or two units, so only a string longer than max in units needs counting. */
const isString = (v: unknown, min: 0 | 1, max: number): v is string =>
  typeof v === 'string' && v.length >= min && (v.length <= max || (v.length <= 2 * max && codePoints(v) <= max));
const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

/**
 * PlaceOrderMsg, checked by hand: the result zod gives (a fresh object, keys in
 * the schema's order) when every field is plainly right, otherwise undefined,
 * and the caller runs zod for the words of the reject. Every order passes here,
 * and zod's general machinery costs several times this.
 * test/unit/core/placeOrderFastPath.test.ts proves on arbitrary input that it
 * accepts exactly what PlaceOrderMsg accepts and returns the same data.
 */
export function placeOrderFastPath(obj: Record<string, unknown>): PlaceOrder | undefined {
  if (!isPlainObject(obj)) return undefined;
  for (const key in obj) {
    if (key !== 'type' && key !== 'reqId' && key !== 'clOrdId' && key !== 'order' && key !== 'confirm' && key !== 'justification') return undefined;
  }
  const { type, reqId, clOrdId, order, confirm, justification } = obj;
  if (type !== 'placeOrder') return undefined;
  if ('reqId' in obj && !isString(reqId, 1, 64)) return undefined;
  if (!isString(clOrdId, 1, 64) || !CL_ORD_ID_PATTERN.test(clOrdId)) return undefined;
  if ('confirm' in obj && typeof confirm !== 'boolean') return undefined;
  if ('justification' in obj && !isString(justification, 0, 500)) return undefined;
  const fields = orderFieldsFastPath(order);
  if (fields === undefined) return undefined;
  const msg: Record<string, unknown> = { type };
  if ('reqId' in obj) msg.reqId = reqId;
  msg.clOrdId = clOrdId;
  msg.order = fields;
  if ('confirm' in obj) msg.confirm = confirm;
  if ('justification' in obj) msg.justification = justification;
  return msg as PlaceOrder;
}

function orderFieldsFastPath(order: unknown): OrderFields | undefined {
  if (!isPlainObject(order)) return undefined;
  for (const key in order) {
    switch (key) {
      case 'symbol':
      case 'side':
      case 'type':
      case 'quantity':
      case 'limitPrice':
      case 'stopPrice':
      case 'account':
      case 'tif':
      case 'expireAt':
      case 'locate':
        break;
      default:
        return undefined;
    }
  }
  const { symbol, side, type, quantity, limitPrice, stopPrice, account, tif, expireAt, locate } = order;
  if (!isString(symbol, 0, 32) || !isString(side, 0, 16) || !isString(type, 0, 16) || !isString(quantity, 0, 32) || !isString(account, 0, 64)) return undefined;
  const out: Record<string, unknown> = { symbol, side, type, quantity };
  if ('limitPrice' in order) {
    if (!isString(limitPrice, 0, 32)) return undefined;
    out.limitPrice = limitPrice;
  }
  if ('stopPrice' in order) {
    if (!isString(stopPrice, 0, 32)) return undefined;
    out.stopPrice = stopPrice;
  }
  out.account = account;
  if ('tif' in order) {
    if (!isString(tif, 0, 8)) return undefined;
    out.tif = tif;
  }
  if ('expireAt' in order) {
    if (!isString(expireAt, 0, 40)) return undefined;
    out.expireAt = expireAt;
  }
  if ('locate' in order) {
    if (!isString(locate, 0, 64)) return undefined;
    out.locate = locate;
  }
  return out as OrderFields;
}
