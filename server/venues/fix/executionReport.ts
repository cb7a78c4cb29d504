import type { Decimal } from '../../../src/core/decimal.ts';
import type { OrderStatus } from '../../../src/core/order.ts';
import { type FixFields, type Parsed, fixAvgPx, fixDecimal } from './fixFields.ts';
import { ORD_STATUS, Tag } from './fixTags.ts';

/** What an ExecutionReport means for the order it names. */
export type ReportMeaning =
  | { kind: 'ack' }
  | { kind: 'fill'; lastQty: Decimal; lastPx: Decimal }
  | { kind: 'canceled'; reason: string }
  | { kind: 'rejected'; reason: string }
  | { kind: 'replaced'; quantity: Decimal | null; price: Decimal | null }
  /** A status the OMS has no event for (pending, restated, order status, trade bust …). */
  | { kind: 'info'; what: string };

/** An ExecutionReport (35=8) read into exact values. */
export interface ExecutionReport {
  readonly clOrdId: string;
  readonly origClOrdId: string | null;
  /** OrderID (37): the venue's own id for the order. */
  readonly venueOrderId: string;
  readonly execId: string;
  readonly execType: string;
  readonly ordStatus: OrderStatus | null;
  readonly ordStatusCode: string;
  readonly cumQty: Decimal;
  readonly avgPx: Decimal;
  readonly leavesQty: Decimal | null;
  readonly orderQty: Decimal | null;
  readonly price: Decimal | null;
  readonly text: string;
  readonly possDup: boolean;
  readonly msgSeqNum: number | null;
  readonly meaning: ReportMeaning;
}

const EXEC_TYPE_INFO: Readonly<Record<string, string>> = {
  '3': 'done for day',
  '6': 'pending cancel',
  '7': 'stopped',
  '9': 'suspended',
  A: 'pending new',
  B: 'calculated',
  D: 'restated',
  E: 'pending replace',
  G: 'trade correct',
  H: 'trade cancel',
  I: 'order status',
};

function optionalDecimal(f: FixFields, tag: number, name: string): Parsed<Decimal | null> {
  return f.has(tag) ? fixDecimal(f, tag, name) : { ok: true, value: null };
}

function meaningOf(f: FixFields, execType: string, text: string): Parsed<ReportMeaning> {
  // FIX 4.2 can cancel or correct an earlier execution with ExecTransType; the OMS has no event for that.
  const transType = f.get(Tag.ExecTransType);
  if (transType !== undefined && transType !== '0') return { ok: true, value: { kind: 'info', what: `ExecTransType ${transType}` } };
  switch (execType) {
    case '0':
      return { ok: true, value: { kind: 'ack' } };
    // 'F' (Trade) in FIX 4.4; '1' partial fill and '2' fill in FIX 4.2.
    case 'F':
    case '1':
    case '2': {
      const lastQty = fixDecimal(f, Tag.LastQty, 'LastQty');
      if (!lastQty.ok) return lastQty;
      const lastPx = fixDecimal(f, Tag.LastPx, 'LastPx');
      if (!lastPx.ok) return lastPx;
      if (lastQty.value.lte(0)) return { ok: false, reason: `LastQty (32) ${lastQty.value.toFixed()} of a trade is not positive` };
      return { ok: true, value: { kind: 'fill', lastQty: lastQty.value, lastPx: lastPx.value } };
    }
    case '4':
      return { ok: true, value: { kind: 'canceled', reason: text || 'canceled by the venue' } };
    case 'C':
      return { ok: true, value: { kind: 'canceled', reason: text || 'expired at the venue' } };
    case '8':
      return { ok: true, value: { kind: 'rejected', reason: text || 'rejected by the venue' } };
    case '5': {
      const quantity = optionalDecimal(f, Tag.OrderQty, 'OrderQty');
      if (!quantity.ok) return quantity;
      const price = optionalDecimal(f, Tag.Price, 'Price');
      if (!price.ok) return price;
      return { ok: true, value: { kind: 'replaced', quantity: quantity.value, price: price.value } };
    }
    default: {
      const what = EXEC_TYPE_INFO[execType];
      if (what === undefined) return { ok: false, reason: `unknown ExecType (150) '${execType}'` };
      return { ok: true, value: { kind: 'info', what } };
    }
  }
}

/** Reads an ExecutionReport; every quantity and price keeps the exact digits of its tag. */
export function parseExecutionReport(f: FixFields): Parsed<ExecutionReport> {
  const clOrdId = f.get(Tag.ClOrdID);
  if (!clOrdId) return { ok: false, reason: 'ClOrdID (11) is missing' };
  const execId = f.get(Tag.ExecID);
  if (!execId) return { ok: false, reason: `ExecID (17) is missing on the report for ${clOrdId}` };
  const execType = f.get(Tag.ExecType);
  if (!execType) return { ok: false, reason: `ExecType (150) is missing on the report for ${clOrdId}` };
  const ordStatusCode = f.get(Tag.OrdStatus) ?? '';
  const cumQty = fixDecimal(f, Tag.CumQty, 'CumQty');
  if (!cumQty.ok) return cumQty;
  const avgPx = fixAvgPx(f, Tag.AvgPx);
  if (!avgPx.ok) return avgPx;
  const leavesQty = optionalDecimal(f, Tag.LeavesQty, 'LeavesQty');
  if (!leavesQty.ok) return leavesQty;
  const orderQty = optionalDecimal(f, Tag.OrderQty, 'OrderQty');
  if (!orderQty.ok) return orderQty;
  const price = optionalDecimal(f, Tag.Price, 'Price');
  if (!price.ok) return price;
  const text = f.get(Tag.Text) ?? '';
  const meaning = meaningOf(f, execType, text);
  if (!meaning.ok) return meaning;
  const seq = Number(f.get(Tag.MsgSeqNum));
  return {
    ok: true,
    value: {
      clOrdId,
      origClOrdId: f.get(Tag.OrigClOrdID) ?? null,
      venueOrderId: f.get(Tag.OrderID) ?? '',
      execId,
      execType,
      ordStatus: ORD_STATUS[ordStatusCode] ?? null,
      ordStatusCode,
      cumQty: cumQty.value,
      avgPx: avgPx.value,
      leavesQty: leavesQty.value,
      orderQty: orderQty.value,
      price: price.value,
      text,
      possDup: f.get(Tag.PossDupFlag) === 'Y',
      msgSeqNum: Number.isSafeInteger(seq) && seq > 0 ? seq : null,
      meaning: meaning.value,
    },
  };
}
