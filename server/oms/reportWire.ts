import { decimalText } from './decimalText.ts';
import type { Execution } from './execution.ts';
import { begin, chars, lit, literal, num, numOrNull, plain, plainStrOrNull, str, strOrNull, takeString } from './jsonWriter.ts';

/**
 * An execution report's JSON text written straight from the event: the same
 * bytes as JSON.stringify(executionToWire(e)) (keys in the protocol's order),
 * without building the wire object. The report is the bulk of every
 * execReport frame; the frame (server/transport/execReportFrame.ts) writes
 * its envelope around this.
 *
 * Decimals come from decimalText, which the journal line of the same event
 * uses too: the event's values are turned into text about once, whatever
 * writes them. The protocol's enums (execType, side, type, tif, status) are
 * plain ASCII words and written as they are; every free-text field is escaped.
 */
const EXEC_ID = literal('{"execId":"');
const EXEC_TYPE = literal('","execType":"');
const LAST_QTY = literal('","lastQty":"');
const LAST_PX = literal('","lastPx":"');
const TS = literal('","ts":');
const ORDER_ID = literal(',"order":{"orderId":');
const CL_ORD_ID = literal(',"clOrdId":');
const TRADER = literal(',"trader":');
const ACCOUNT = literal(',"account":');
const SYMBOL = literal(',"symbol":');
const SIDE = literal(',"side":"');
const TYPE = literal('","type":"');
const TIF = literal('","tif":"');
const QUANTITY = literal('","quantity":"');
const LIMIT_PRICE = literal('","limitPrice":');
const STOP_PRICE = literal(',"stopPrice":');
const EXPIRE_AT = literal(',"expireAt":');
const LOCATE = literal(',"locate":');
const ORIG_CL_ORD_ID = literal(',"origClOrdId":');
const VENUE = literal(',"venue":');
const STATUS = literal(',"status":"');
const CUM_QTY = literal('","cumQty":"');
const LEAVES_QTY = literal('","leavesQty":"');
const AVG_PX = literal('","avgPx":"');
const TEXT = literal('","text":');
const CREATED_AT = literal(',"createdAt":');
const UPDATED_AT = literal(',"updatedAt":');
const END = literal('}}');

/** Writes the report's JSON at the writer's current position (between `begin` and a `take`). */
export function writeReport(e: Execution): void {
  const o = e.order;
  lit(EXEC_ID);
  chars(e.execId);
  lit(EXEC_TYPE);
  plain(e.execType);
  lit(LAST_QTY);
  plain(decimalText(e.lastQty));
  lit(LAST_PX);
  plain(decimalText(e.lastPx));
  lit(TS);
  num(e.ts);
  lit(ORDER_ID);
  str(o.orderId);
  lit(CL_ORD_ID);
  str(o.clOrdId);
  lit(TRADER);
  str(o.trader);
  lit(ACCOUNT);
  str(o.account);
  lit(SYMBOL);
  str(o.symbol);
  lit(SIDE);
  plain(o.side);
  lit(TYPE);
  plain(o.type);
  lit(TIF);
  plain(o.tif);
  lit(QUANTITY);
  plain(decimalText(o.quantity));
  lit(LIMIT_PRICE);
  plainStrOrNull(o.limitPrice === null ? null : decimalText(o.limitPrice));
  lit(STOP_PRICE);
  plainStrOrNull(o.stopPrice === null ? null : decimalText(o.stopPrice));
  lit(EXPIRE_AT);
  numOrNull(o.expireAt);
  lit(LOCATE);
  strOrNull(o.locate);
  lit(ORIG_CL_ORD_ID);
  strOrNull(o.origClOrdId);
  lit(VENUE);
  str(o.venue ?? '');
  lit(STATUS);
  plain(o.status);
  lit(CUM_QTY);
  plain(decimalText(o.cumQty));
  lit(LEAVES_QTY);
  plain(decimalText(o.leavesQty));
  lit(AVG_PX);
  plain(decimalText(o.avgPx));
  lit(TEXT);
  str(o.text);
  lit(CREATED_AT);
  num(o.createdAt);
  lit(UPDATED_AT);
  num(o.updatedAt);
  lit(END);
}

/** JSON.stringify(executionToWire(e)), written directly. */
export function reportJsonOf(e: Execution): string {
  begin();
  writeReport(e);
  return takeString();
}
