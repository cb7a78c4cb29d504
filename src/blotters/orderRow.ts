import { dec } from '../core/decimal.ts';
import type { Instrument } from '../core/instrument.ts';
import { ORDER_TYPE_LABEL, STATUS_LABEL, bookSide, isWorking } from '../core/order.ts';
import type { ExecReportWire, OrderWire } from '../core/protocol.ts';
import { formatPrice, pricePlaces } from '../format/instrumentFormat.ts';
import { formatAvgPx, formatQty } from '../format/numbers.ts';
import { rowMemo } from './rowMemo.ts';

/** An order as the blotter shows it: text ready to read, plus what the row needs to act. */
export interface OrderRow {
  orderId: string;
  clOrdId: string;
  time: string;
  trader: string;
  account: string;
  symbol: string;
  /** The order's own side (a short sale shows as such); `bookSide` colours it. */
  side: OrderWire['side'];
  bookSide: 'buy' | 'sell';
  type: string;
  tif: string;
  quantity: string;
  limit: string;
  stop: string;
  status: string;
  statusKey: OrderWire['status'];
  cumQty: string;
  leavesQty: string;
  avgPx: string;
  text: string;
  working: boolean;
  /** A replace needs an order the venue has acknowledged and nothing else in flight. */
  amendable: boolean;
}

export function timeOf(ms: number): string {
  return new Date(ms).toLocaleTimeString([], { hour12: false });
}

/**
 * The time in force as the blotter shows it; a GTD order says when it goes
 * ("GTD 16:30", or "GTD 11-25 16:30" when not on the day it was placed), in
 * the trader's time as the ticket took it: "GTD" alone left the trader
 * guessing which of their orders would still be working tomorrow.
 */
export function tifText(o: Pick<OrderWire, 'tif' | 'expireAt' | 'createdAt'>): string {
  if (o.tif !== 'gtd' || o.expireAt === null) return o.tif.toUpperCase();
  const at = new Date(o.expireAt);
  const placed = new Date(o.createdAt);
  const two = (n: number) => String(n).padStart(2, '0');
  const clock = `${two(at.getHours())}:${two(at.getMinutes())}`;
  const sameDay = at.getFullYear() === placed.getFullYear() && at.getMonth() === placed.getMonth() && at.getDate() === placed.getDate();
  return sameDay ? `GTD ${clock}` : `GTD ${two(at.getMonth() + 1)}-${two(at.getDate())} ${clock}`;
}

export function orderRow(o: OrderWire, instrument: Instrument | undefined): OrderRow {
  const cum = dec(o.cumQty);
  return {
    orderId: o.orderId,
    clOrdId: o.clOrdId,
    time: timeOf(o.createdAt),
    trader: o.trader,
    account: o.account,
    symbol: o.symbol,
    side: o.side,
    bookSide: bookSide(o.side),
    type: ORDER_TYPE_LABEL[o.type],
    tif: tifText(o),
    quantity: formatQty(dec(o.quantity)),
    limit: o.limitPrice === null ? '' : formatPrice(o.limitPrice, instrument),
    stop: o.stopPrice === null ? '' : formatPrice(o.stopPrice, instrument),
    status: STATUS_LABEL[o.status],
    statusKey: o.status,
    cumQty: formatQty(cum),
    leavesQty: formatQty(dec(o.leavesQty)),
    avgPx: cum.isZero() ? '' : formatAvgPx(dec(o.avgPx), pricePlaces(instrument)),
    text: o.text,
    working: isWorking(o),
    amendable: o.status === 'new' || o.status === 'partiallyFilled',
  };
}

export interface FillRow {
  execId: string;
  time: string;
  orderId: string;
  trader: string;
  account: string;
  symbol: string;
  side: OrderWire['side'];
  lastQty: string;
  lastPx: string;
  orderStatus: string;
}

export function fillRow(e: ExecReportWire, instrument: Instrument | undefined): FillRow {
  return {
    execId: e.execId,
    time: timeOf(e.ts),
    orderId: e.order.orderId,
    trader: e.order.trader,
    account: e.order.account,
    symbol: e.order.symbol,
    side: e.order.side,
    lastQty: formatQty(dec(e.lastQty)),
    lastPx: formatPrice(e.lastPx, instrument),
    orderStatus: STATUS_LABEL[e.order.status],
  };
}

type InstrumentOf = (symbol: string) => Instrument | undefined;

/*
 * The order stream replaces an order's object only when a report changes it
 * (src/streams/ordersState.ts), and an execution report never changes: a
 * row is kept for as long as its order (fill) and instrument are the same,
 * so an order event reaches the blotter as one changed row.
 */
const orderRowOf = rowMemo(orderRow);
const fillRowOf = rowMemo(fillRow);

/** The blotter's rows for `orders`, in their order: the row of an unchanged order is the object it had. */
export function orderRows(orders: readonly OrderWire[], instrumentOf: InstrumentOf): OrderRow[] {
  return orders.map((o) => orderRowOf(o, instrumentOf(o.symbol)));
}

/** The execution blotter's rows for `fills`, in their order: a fill shown before keeps its row object. */
export function fillRows(fills: readonly ExecReportWire[], instrumentOf: InstrumentOf): FillRow[] {
  return fills.map((e) => fillRowOf(e, instrumentOf(e.order.symbol)));
}
