import { type Decimal, toWire } from '../../../src/core/decimal.ts';
import type { OrderType, Side, TimeInForce } from '../../../src/core/order.ts';
import { type FixVersion, HANDL_INST_AUTOMATED, ORD_TYPE_CODE, SIDE_CODE, TIF_CODE } from './fixTags.ts';

/**
 * A message body as jspurefix encodes it: fields by their dictionary names,
 * components as nested objects. Every number is a string so the engine writes
 * the exact digits; a Date is a UTCTimestamp.
 */
export interface FixBody {
  readonly [field: string]: string | Date | FixBody;
}

/** What an order looks like to the venue: the fields every order message repeats. */
export interface OrderTerms {
  readonly symbol: string;
  readonly side: Side;
  readonly account: string;
  readonly type: OrderType;
  readonly tif: TimeInForce;
  readonly quantity: Decimal;
  readonly limitPrice: Decimal | null;
  /** Stop and stop-limit orders: StopPx (99). */
  readonly stopPrice?: Decimal | null | undefined;
  /** GTD orders: ExpireTime (126), epoch ms. */
  readonly expireAt?: number | null | undefined;
}

// FIX 4.4 groups Symbol and OrderQty into the Instrument and OrderQtyData components; FIX 4.2 has them flat.
function instrument(version: FixVersion, symbol: string): FixBody {
  return version === 'FIX.4.4' ? { Instrument: { Symbol: symbol } } : { Symbol: symbol };
}

function orderQty(version: FixVersion, quantity: Decimal): FixBody {
  return version === 'FIX.4.4' ? { OrderQtyData: { OrderQty: toWire(quantity) } } : { OrderQty: toWire(quantity) };
}

function account(acc: string): FixBody {
  return acc ? { Account: acc } : {};
}

function pricing(t: Pick<OrderTerms, 'type' | 'tif' | 'limitPrice' | 'stopPrice' | 'expireAt'>): FixBody {
  const price: FixBody = (t.type === 'limit' || t.type === 'stopLimit') && t.limitPrice ? { Price: toWire(t.limitPrice) } : {};
  const stop: FixBody = (t.type === 'stop' || t.type === 'stopLimit') && t.stopPrice ? { StopPx: toWire(t.stopPrice) } : {};
  const expiry: FixBody = t.tif === 'gtd' && typeof t.expireAt === 'number' ? { ExpireTime: new Date(t.expireAt) } : {};
  return { OrdType: ORD_TYPE_CODE[t.type], ...price, ...stop, TimeInForce: TIF_CODE[t.tif], ...expiry };
}

/** A short sale (Side 5) tells the counterparty the stock is already located: LocateReqd (114) N. */
function locate(t: Pick<OrderTerms, 'side'>): FixBody {
  return t.side === 'sellShort' ? { LocateReqd: 'N' } : {};
}

export function newOrderSingle(version: FixVersion, clOrdId: string, t: OrderTerms, now: Date): FixBody {
  return {
    ClOrdID: clOrdId,
    ...account(t.account),
    HandlInst: HANDL_INST_AUTOMATED,
    ...instrument(version, t.symbol),
    Side: SIDE_CODE[t.side],
    ...locate(t),
    TransactTime: now,
    ...orderQty(version, t.quantity),
    ...pricing(t),
  };
}

/** Cancels the order known to the venue by origClOrdId; OrderQty is what the venue last accepted. */
export function orderCancelRequest(version: FixVersion, clOrdId: string, origClOrdId: string, t: OrderTerms, now: Date): FixBody {
  return {
    OrigClOrdID: origClOrdId,
    ClOrdID: clOrdId,
    ...account(t.account),
    ...instrument(version, t.symbol),
    Side: SIDE_CODE[t.side],
    TransactTime: now,
    ...orderQty(version, t.quantity),
  };
}

/** Replaces the order's quantity and limit price; FIX's OrderQty is the new total, fills included. */
export function orderCancelReplaceRequest(version: FixVersion, clOrdId: string, origClOrdId: string, t: OrderTerms, now: Date): FixBody {
  return {
    OrigClOrdID: origClOrdId,
    ClOrdID: clOrdId,
    ...account(t.account),
    HandlInst: HANDL_INST_AUTOMATED,
    ...instrument(version, t.symbol),
    Side: SIDE_CODE[t.side],
    TransactTime: now,
    ...orderQty(version, t.quantity),
    ...pricing(t),
  };
}
