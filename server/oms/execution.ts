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

/** Ids grow with a sequence that survives restarts (the journal's row number). */
export function orderIdOf(seq: number): string {
  return `O${String(seq).padStart(ID_DIGITS, '0')}`;
}

export function execIdOf(seq: number): string {
  return `E${String(seq).padStart(ID_DIGITS, '0')}`;
}

export function orderToWire(o: Order): OrderWire {
  return {
    orderId: o.orderId,
    clOrdId: o.clOrdId,
    trader: o.trader,
    account: o.account,
    symbol: o.symbol,
    side: o.side,
    type: o.type,
    tif: o.tif,
    quantity: toWire(o.quantity),
    limitPrice: o.limitPrice === null ? null : toWire(o.limitPrice),
    stopPrice: o.stopPrice === null ? null : toWire(o.stopPrice),
    expireAt: o.expireAt,
    locate: o.locate,
    origClOrdId: o.origClOrdId,
    venue: o.venue ?? '',
    status: o.status,
    cumQty: toWire(o.cumQty),
    leavesQty: toWire(o.leavesQty),
    avgPx: toWire(o.avgPx),
    text: o.text,
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
  };
}

export function executionToWire(e: Execution): ExecReportWire {
  return { execId: e.execId, execType: e.execType, lastQty: toWire(e.lastQty), lastPx: toWire(e.lastPx), ts: e.ts, order: orderToWire(e.order) };
}
