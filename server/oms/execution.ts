import type { Decimal } from '../../src/core/decimal.ts';
import { toWire } from '../../src/core/decimal.ts';
import type { Amend, ExecType, Order } from '../../src/core/order.ts';
import type { ExecReportWire, OrderWire } from '../../src/core/protocol.ts';

/** One journaled event of an order, with the order as it stood right after it. */
export interface Execution {
  readonly execId: string;
  readonly execType: ExecType;
  readonly lastQty: Decimal;
  readonly lastPx: Decimal;
  readonly ts: number;
  readonly order: Order;
  /** A fill's id at its venue: the OMS applies each at most once. */
  readonly venueExecId?: string | undefined;
  /** On a pendingReplace: the terms asked for, until the venue answers. */
  readonly requested?: Amend | undefined;
}

const ID_DIGITS = 8;

/**
 * The letter and the zeros in front of a sequence of `n` digits (index n),
 * made once: an id is then one concatenation, where padStart made the
 * number's text, a padded copy and the id (three strings per event).
 */
function paddedPrefixes(letter: string): readonly string[] {
  return Array.from({ length: ID_DIGITS + 1 }, (_, n) => letter + '0'.repeat(Math.max(0, ID_DIGITS - n)));
}
const ORDER_PREFIX = paddedPrefixes('O');
const EXEC_PREFIX = paddedPrefixes('E');

function digitsOf(seq: number): number {
  let n = 1;
  for (let t = 10; t <= seq && n < ID_DIGITS; t *= 10) n++;
  return n;
}

function idOf(prefixes: readonly string[], letter: string, seq: number): string {
  // Sequences are whole numbers from 1; anything else is written as padStart would.
  if (!Number.isSafeInteger(seq) || seq < 0) return `${letter}${String(seq).padStart(ID_DIGITS, '0')}`;
  return prefixes[digitsOf(seq)]! + seq;
}

/** Ids grow with a sequence that survives restarts (the journal's row number). */
export function orderIdOf(seq: number): string {
  return idOf(ORDER_PREFIX, 'O', seq);
}

export function execIdOf(seq: number): string {
  return idOf(EXEC_PREFIX, 'E', seq);
}

/**
 * An order's decimals as wire text. Many of them are one Decimal instance
 * seen twice (LeavesQty is OrderQty until the first fill, AvgPx is the
 * limit price after a first fill at it, ZERO everywhere before): each
 * instance is written once per report.
 */
export function orderToWire(o: Order): OrderWire {
  return orderWire(o, toWire(o.quantity), o.limitPrice === null ? null : toWire(o.limitPrice));
}

function orderWire(o: Order, quantity: string, limitPrice: string | null): OrderWire {
  const { cumQty, leavesQty, avgPx } = o;
  const cum = toWire(cumQty);
  return {
    orderId: o.orderId,
    clOrdId: o.clOrdId,
    trader: o.trader,
    account: o.account,
    symbol: o.symbol,
    side: o.side,
    type: o.type,
    tif: o.tif,
    quantity,
    limitPrice,
    stopPrice: o.stopPrice === null ? null : toWire(o.stopPrice),
    expireAt: o.expireAt,
    locate: o.locate,
    origClOrdId: o.origClOrdId,
    venue: o.venue ?? '',
    status: o.status,
    cumQty: cum,
    leavesQty: leavesQty === o.quantity ? quantity : leavesQty === cumQty ? cum : toWire(leavesQty),
    avgPx: avgPx === o.limitPrice ? limitPrice! : avgPx === cumQty ? cum : toWire(avgPx),
    text: o.text,
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
  };
}

export function executionToWire(e: Execution): ExecReportWire {
  const o = e.order;
  const quantity = toWire(o.quantity);
  const limitPrice = o.limitPrice === null ? null : toWire(o.limitPrice);
  // A first fill's lastQty is the order's cumQty and its lastPx mostly the limit price: reuse their text.
  const lastPx = e.lastPx === o.limitPrice ? limitPrice! : toWire(e.lastPx);
  const order = orderWire(o, quantity, limitPrice);
  const lastQty = e.lastQty === o.cumQty ? order.cumQty : toWire(e.lastQty);
  return { execId: e.execId, execType: e.execType, lastQty, lastPx, ts: e.ts, order };
}
