import type { OrderStatus } from '../../../src/core/order.ts';
import type { FixFields, Parsed } from './fixFields.ts';
import { BUSINESS_REJECT_REASON, CXL_REJ_REASON, MsgType, ORD_STATUS, SESSION_REJECT_REASON, Tag } from './fixTags.ts';

/** An OrderCancelReject (35=9): the venue refused a cancel or a cancel/replace. */
export interface OrderCancelReject {
  readonly clOrdId: string;
  readonly origClOrdId: string | null;
  readonly responseTo: 'cancel' | 'replace';
  /** The order's status at the venue, when the venue knows the order. */
  readonly ordStatus: OrderStatus | null;
  readonly reason: string;
}

/**
 * A request refused before the application looked at it: a session Reject
 * (35=3, the message broke the rules of FIX or the data dictionary) or a
 * BusinessMessageReject (35=j, e.g. a message type the venue does not support).
 * Either names the refused message by its MsgSeqNum.
 */
export interface RefusedMessage {
  readonly source: 'sessionReject' | 'businessReject';
  readonly refSeqNum: number | null;
  readonly refMsgType: string | null;
  /** BusinessRejectRefID (379): the business id (our ClOrdID) of the refused message, when the venue gives it. */
  readonly refId: string | null;
  readonly reason: string;
}

/** Text (58) and the code's meaning, whichever the venue gave, both when it gave both. */
function explain(text: string | undefined, code: string | undefined, table: Readonly<Record<string, string>>, fallback: string): string {
  const meaning = code === undefined ? undefined : (table[code] ?? `reason ${code}`);
  if (text && meaning && text.toLowerCase() !== meaning.toLowerCase()) return `${text} (${meaning})`;
  return text || meaning || fallback;
}

export function parseOrderCancelReject(f: FixFields): Parsed<OrderCancelReject> {
  const clOrdId = f.get(Tag.ClOrdID);
  if (!clOrdId) return { ok: false, reason: 'ClOrdID (11) is missing on an OrderCancelReject' };
  const to = f.get(Tag.CxlRejResponseTo);
  if (to !== '1' && to !== '2') return { ok: false, reason: `CxlRejResponseTo (434) '${to ?? ''}' is neither 1 (cancel) nor 2 (cancel/replace)` };
  return {
    ok: true,
    value: {
      clOrdId,
      origClOrdId: f.get(Tag.OrigClOrdID) || null,
      responseTo: to === '1' ? 'cancel' : 'replace',
      ordStatus: ORD_STATUS[f.get(Tag.OrdStatus) ?? ''] ?? null,
      reason: explain(f.get(Tag.Text), f.get(Tag.CxlRejReason), CXL_REJ_REASON, 'cancel rejected by the venue'),
    },
  };
}

/** Reads a session Reject (35=3) or a BusinessMessageReject (35=j). */
export function parseRefusal(msgType: string, f: FixFields): Parsed<RefusedMessage> {
  const seq = Number(f.get(Tag.RefSeqNum));
  const refSeqNum = Number.isSafeInteger(seq) && seq > 0 ? seq : null;
  const refMsgType = f.get(Tag.RefMsgType) ?? null;
  if (msgType === MsgType.Reject) {
    const tag = f.get(Tag.RefTagID);
    const reason = explain(f.get(Tag.Text), f.get(Tag.SessionRejectReason), SESSION_REJECT_REASON, 'rejected by the venue');
    return {
      ok: true,
      value: { source: 'sessionReject', refSeqNum, refMsgType, refId: null, reason: tag ? `${reason}, tag ${tag}` : reason },
    };
  }
  if (msgType === MsgType.BusinessMessageReject) {
    return {
      ok: true,
      value: {
        source: 'businessReject',
        refSeqNum,
        refMsgType,
        refId: f.get(Tag.BusinessRejectRefID) || null,
        reason: explain(f.get(Tag.Text), f.get(Tag.BusinessRejectReason), BUSINESS_REJECT_REASON, 'rejected by the venue'),
      },
    };
  }
  return { ok: false, reason: `MsgType ${msgType} is not a reject` };
}
