/**
 * The order path as it was before issue 4's fast paths, kept verbatim as the
 * reference the fast code must match byte for byte: the property tests in
 * orderPathEquivalence.test.ts compare both on arbitrary inputs, and
 * test/bench/oms/orderModel.bench.ts times both in one run.
 * Not a test file itself (no `.test.ts`).
 */
import { z } from 'zod';
import { Decimal, ZERO, isDecimalString } from '../../../src/core/decimal.ts';
import type { Instrument } from '../../../src/core/instrument.ts';
import {
  AVG_PX_PLACES,
  ORDER_TYPES,
  SIDES,
  TIME_IN_FORCE,
  hasLimitPrice,
  hasStopPrice,
  transition,
  type ApplyResult,
  type Order,
  type OrderSpec,
  type OrderType,
  type PlainEvent,
  type Side,
  type TimeInForce,
} from '../../../src/core/order.ts';
import { parseExpireAt } from '../../../src/core/orderExpiry.ts';
import { CLIENT_MESSAGE_TYPES, ClientMessage, MAX_FRAME_BYTES, type ParseResult } from '../../../src/core/protocol.ts';
import { MAX_GTD_DAYS, TIF_WORDS, TYPE_WORDS, type TicketContext, type TicketDraft, type TicketError, type TicketField, type TicketResult } from '../../../src/core/ticket.ts';
import type { Execution } from '../../../server/oms/execution.ts';
import type { ExecReportWire, OrderWire } from '../../../src/core/protocol.ts';

// ---------------------------------------------------------------- decimal.ts

export function refDec(value: string | number | Decimal): Decimal {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new Error(`refusing non-integer number ${value} as a decimal; pass a string`);
    return new Decimal(value);
  }
  if (typeof value === 'string') {
    if (!isDecimalString(value)) throw new Error(`'${value}' is not a decimal number`);
    return new Decimal(value);
  }
  return value;
}

export function refToWire(d: Decimal): string {
  return d.toFixed();
}

export function refIsMultipleOf(value: Decimal, step: Decimal): boolean {
  return value.mod(step).isZero();
}

// ---------------------------------------------------------------- protocol.ts (parse path)

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

export function refParseClientMessage(raw: string): ParseResult {
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
  const rid = typeof obj.reqId === 'string' && obj.reqId.length <= 64 ? obj.reqId : undefined;
  const withId = rid === undefined ? {} : { reqId: rid };
  if (typeof obj.type !== 'string') return { ok: false, code: 'BAD_MESSAGE', message: 'message has no "type" field (a string)', ...withId };
  if (!(CLIENT_MESSAGE_TYPES as readonly string[]).includes(obj.type)) {
    return {
      ok: false,
      code: 'UNKNOWN_TYPE',
      message: `unknown message type '${obj.type.slice(0, 40)}'; expected one of ${CLIENT_MESSAGE_TYPES.join(', ')}`,
      ...withId,
    };
  }
  const parsed = ClientMessage.safeParse(data);
  if (!parsed.success) return { ok: false, code: 'BAD_MESSAGE', message: `${obj.type}: ${describeIssues(parsed.error.issues)}`, ...withId };
  return { ok: true, msg: parsed.data };
}

// ---------------------------------------------------------------- ticket.ts

const MAX_DIGITS_BEFORE_POINT = 12;
const LOCATE_PATTERN = /^[A-Za-z0-9._:\-/]{1,64}$/;
const SHORTABLE = new Set(['equity', 'etf']);

function parsePositive(raw: string | undefined, what: string, field: TicketField, errors: TicketError[]): Decimal | undefined {
  const text = (raw ?? '').trim().replace(/,/g, '');
  if (text === '') {
    errors.push({ field, message: `${what} is required` });
    return undefined;
  }
  if (!isDecimalString(text)) {
    errors.push({ field, message: `${what} must be a number, such as 100 or 12.5` });
    return undefined;
  }
  const value = new Decimal(text);
  if (value.lte(0)) {
    errors.push({ field, message: `${what} must be greater than 0` });
    return undefined;
  }
  if (value.trunc().toFixed().length > MAX_DIGITS_BEFORE_POINT) {
    errors.push({ field, message: `${what} is too large` });
    return undefined;
  }
  return value;
}

function oneOf<T extends string>(values: readonly T[], raw: string | undefined): T | undefined {
  return values.find((v) => v === raw);
}

const blank = (raw: string | undefined) => (raw ?? '').trim() === '';

function price(raw: string | undefined, what: string, field: TicketField, instrument: Instrument | undefined, errors: TicketError[]): Decimal | undefined {
  const value = parsePositive(raw, what, field, errors);
  if (value && instrument && !refIsMultipleOf(value, instrument.tickSize)) {
    errors.push({ field, message: `${what} must be a multiple of the tick size ${refToWire(instrument.tickSize)}` });
    return undefined;
  }
  return value;
}

export function refValidateTicket(draft: TicketDraft, ctx: TicketContext): TicketResult {
  const errors: TicketError[] = [];
  const symbol = draft.symbol.trim().toUpperCase();
  const instrument = symbol === '' ? undefined : ctx.instrument(symbol);
  if (symbol === '') errors.push({ field: 'symbol', message: 'choose a symbol' });
  else if (!instrument) errors.push({ field: 'symbol', message: `unknown symbol ${symbol}` });

  const side: Side | undefined = oneOf(SIDES, draft.side);
  if (!side) errors.push({ field: 'side', message: 'side must be buy, sell or sell short' });

  const type: OrderType | undefined = oneOf(ORDER_TYPES, draft.type);
  if (!type) errors.push({ field: 'type', message: 'order type must be market, limit, stop or stop limit' });

  const tif: TimeInForce | undefined = blank(draft.tif) ? 'day' : oneOf(TIME_IN_FORCE, draft.tif);
  if (!tif) errors.push({ field: 'tif', message: 'time in force must be day, gtc, ioc, fok or gtd' });

  const account = draft.account.trim();
  if (account === '') errors.push({ field: 'account', message: 'choose an account' });
  else if (!ctx.accounts.includes(account)) errors.push({ field: 'account', message: `you may not trade for account ${account}` });

  const quantity = parsePositive(draft.quantity, 'quantity', 'quantity', errors);
  if (quantity && instrument && !refIsMultipleOf(quantity, instrument.lotSize)) {
    errors.push({ field: 'quantity', message: `quantity must be a multiple of the lot size ${refToWire(instrument.lotSize)}` });
  }

  let limitPrice: Decimal | undefined;
  let stopPrice: Decimal | undefined;
  if (type) {
    if (hasLimitPrice(type)) limitPrice = price(draft.limitPrice, 'limit price', 'limitPrice', instrument, errors);
    else if (!blank(draft.limitPrice)) {
      errors.push({ field: 'limitPrice', message: `a ${TYPE_WORDS[type]} order takes no limit price${type === 'stop' ? ' (a stop limit does)' : ''}` });
    }
    if (hasStopPrice(type)) stopPrice = price(draft.stopPrice, 'stop price', 'stopPrice', instrument, errors);
    else if (!blank(draft.stopPrice)) errors.push({ field: 'stopPrice', message: `a ${TYPE_WORDS[type]} order takes no stop price` });
  }

  if (type === 'market' && (tif === 'gtc' || tif === 'gtd')) {
    errors.push({ field: 'tif', message: `a market order trades at once, so it cannot be ${TIF_WORDS[tif]}` });
  }
  if (type && hasStopPrice(type) && (tif === 'ioc' || tif === 'fok')) {
    errors.push({ field: 'tif', message: `a ${TYPE_WORDS[type]} order waits for its stop price, so it cannot be ${TIF_WORDS[tif]}` });
  }

  let expireAt: number | undefined;
  if (tif === 'gtd') {
    if (blank(draft.expireAt)) errors.push({ field: 'expireAt', message: 'a good till date order needs an expiry date' });
    else {
      const parsed = parseExpireAt(draft.expireAt ?? '', instrument?.session?.timeZone);
      const now = ctx.now ?? Date.now();
      if (!parsed.ok) errors.push({ field: 'expireAt', message: parsed.message });
      else if (parsed.expireAt <= now) errors.push({ field: 'expireAt', message: 'the expiry must be in the future' });
      else if (parsed.expireAt - now > MAX_GTD_DAYS * 86_400_000) errors.push({ field: 'expireAt', message: `the expiry must be within ${MAX_GTD_DAYS} days` });
      else expireAt = parsed.expireAt;
    }
  } else if (!blank(draft.expireAt)) {
    errors.push({ field: 'expireAt', message: 'an expiry date is only for a good till date order' });
  }

  let locate: string | undefined;
  if (side === 'sellShort') {
    const text = (draft.locate ?? '').trim();
    if (instrument && !SHORTABLE.has(instrument.assetClass)) {
      errors.push({ field: 'side', message: `sell short is for equities and ETFs; sell ${instrument.symbol} outright` });
    } else if (text === '') errors.push({ field: 'locate', message: 'a short sale needs a locate from the stock-loan desk' });
    else if (!LOCATE_PATTERN.test(text)) errors.push({ field: 'locate', message: 'a locate id holds only letters, digits and . _ : - / (at most 64)' });
    else locate = text;
  } else if (!blank(draft.locate)) {
    errors.push({ field: 'locate', message: 'a locate is only for a short sale' });
  }

  if (errors.length > 0 || !side || !type || !tif || !quantity || !instrument) return { ok: false, errors };
  const base = {
    symbol: instrument.symbol,
    side,
    quantity,
    account,
    tif,
    ...(expireAt === undefined ? {} : { expireAt }),
    ...(locate === undefined ? {} : { locate }),
  };
  switch (type) {
    case 'market':
      return { ok: true, order: { ...base, type } };
    case 'limit':
      return { ok: true, order: { ...base, type, limitPrice: limitPrice! } };
    case 'stop':
      return { ok: true, order: { ...base, type, stopPrice: stopPrice! } };
    case 'stopLimit':
      return { ok: true, order: { ...base, type, limitPrice: limitPrice!, stopPrice: stopPrice! } };
  }
}

// ---------------------------------------------------------------- order.ts

export function refNewOrder(spec: OrderSpec, ids: { orderId: string; clOrdId: string; trader: string; venue?: string }, now: number): Order {
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
    limitPrice: spec.limitPrice ?? null,
    stopPrice: spec.stopPrice ?? null,
    expireAt: spec.tif === 'gtd' ? (spec.expireAt ?? null) : null,
    locate: spec.side === 'sellShort' ? (spec.locate ?? null) : null,
    ...(ids.venue === undefined ? {} : { venue: ids.venue }),
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

export function refApplyFill(order: Order, lastQty: Decimal, lastPx: Decimal, now: number): ApplyResult {
  if (lastQty.lte(0)) return { ok: false, reason: 'fill quantity must be positive' };
  if (lastPx.lte(0)) return { ok: false, reason: 'fill price must be positive' };
  if (lastQty.gt(order.leavesQty)) {
    return { ok: false, reason: `fill of ${refToWire(lastQty)} exceeds the ${refToWire(order.leavesQty)} left on order ${order.orderId}` };
  }
  const leavesQty = order.leavesQty.minus(lastQty);
  const step = transition(order.status, leavesQty.isZero() ? 'fill' : 'partialFill', true);
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

export function refApplyEvent(order: Order, event: PlainEvent, now: number, text = ''): ApplyResult {
  const step = transition(order.status, event, !order.cumQty.isZero());
  if (!step.ok) return step;
  const status = step.status;
  const closes = status === 'canceled' || status === 'rejected' || status === 'expired';
  return {
    ok: true,
    order: { ...order, status, leavesQty: closes ? ZERO : order.leavesQty, text: text || order.text, updatedAt: now },
  };
}

// ---------------------------------------------------------------- server/oms/execution.ts

export function refOrderToWire(o: Order): OrderWire {
  return {
    orderId: o.orderId,
    clOrdId: o.clOrdId,
    trader: o.trader,
    account: o.account,
    symbol: o.symbol,
    side: o.side,
    type: o.type,
    tif: o.tif,
    quantity: refToWire(o.quantity),
    limitPrice: o.limitPrice === null ? null : refToWire(o.limitPrice),
    stopPrice: o.stopPrice === null ? null : refToWire(o.stopPrice),
    expireAt: o.expireAt,
    locate: o.locate,
    origClOrdId: o.origClOrdId,
    venue: o.venue ?? '',
    status: o.status,
    cumQty: refToWire(o.cumQty),
    leavesQty: refToWire(o.leavesQty),
    avgPx: refToWire(o.avgPx),
    text: o.text,
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
  };
}

export function refExecutionToWire(e: Execution): ExecReportWire {
  return { execId: e.execId, execType: e.execType, lastQty: refToWire(e.lastQty), lastPx: refToWire(e.lastPx), ts: e.ts, order: refOrderToWire(e.order) };
}
