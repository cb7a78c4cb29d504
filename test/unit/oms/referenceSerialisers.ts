/**
 * The order path's serialisers as they were before the JSON writer
 * (server/oms/jsonWriter.ts), kept as the reference the written text must match
 * byte for byte (wireText.property.test.ts). Not a test file itself.
 */
import { type Decimal, toWire } from '../../../src/core/decimal.ts';
import type { Order } from '../../../src/core/order.ts';
import { type Execution, executionToWire } from '../../../server/oms/execution.ts';

const wireOrNull = (d: Decimal | null | undefined): string | null => (d === null || d === undefined ? null : toWire(d));

/** A report's JSON: the wire object, stringified. */
export const refReportJson = (e: Execution): string => JSON.stringify(executionToWire(e));

/** An execReport frame: the whole message stringified (reqId left out when undefined). */
export const refExecReportFrame = (e: Execution, reqId: string | undefined): string => JSON.stringify({ type: 'execReport', reqId, report: executionToWire(e) });

/** A new order's journal line (ORDER_COLUMNS order). */
export function refOrderLine(seq: number, o: Order): string {
  return JSON.stringify([
    'o', seq, o.orderId, o.clOrdId, o.trader, o.account, o.symbol, o.side, o.type, o.tif, toWire(o.quantity), wireOrNull(o.limitPrice),
    o.createdAt, wireOrNull(o.stopPrice), o.expireAt, o.locate, o.venue ?? null,
  ]);
}

/** An event's journal line (EXEC_COLUMNS order). */
export function refExecLine(seq: number, e: Execution): string {
  const o = e.order;
  const r = e.requested;
  return JSON.stringify([
    'e', seq, e.execId, o.orderId, e.execType, toWire(e.lastQty), toWire(e.lastPx), e.ts, o.status, toWire(o.cumQty), toWire(o.leavesQty),
    toWire(o.filledNotional), toWire(o.avgPx), o.text, o.clOrdId, o.origClOrdId, toWire(o.quantity), wireOrNull(o.limitPrice),
    wireOrNull(o.stopPrice), e.venueExecId ?? null, r?.clOrdId ?? null, wireOrNull(r?.quantity), wireOrNull(r?.limitPrice), wireOrNull(r?.stopPrice),
  ]);
}

/** Order and execution ids as they were made (String.padStart). */
export const refOrderIdOf = (seq: number): string => `O${String(seq).padStart(8, '0')}`;
export const refExecIdOf = (seq: number): string => `E${String(seq).padStart(8, '0')}`;
