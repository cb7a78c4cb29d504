import { type Decimal, dec, isDecimalString, toWire } from './decimal.ts';
import { type Instrument, isOnTick, isWholeLots } from './instrument.ts';
import { type Amend, type Order, STATUS_LABEL, hasLimitPrice, hasStopPrice } from './order.ts';
import { TYPE_WORDS, decimalCommaMessage, withoutGrouping } from './ticket.ts';

/** A cancel/replace as the trader sends it: the new ClOrdID and whichever values change (text decimals). */
export interface AmendRequest {
  readonly clOrdId: string;
  readonly quantity?: string | undefined;
  readonly limitPrice?: string | undefined;
  readonly stopPrice?: string | undefined;
}

export type AmendResult = { ok: true; amend: Amend } | { ok: false; reason: string };

function readPositive(raw: string, what: string): Decimal | string {
  const text = withoutGrouping(raw.trim());
  if (text === undefined) return decimalCommaMessage(what, raw.trim());
  if (!isDecimalString(text)) return `${what} must be a number, such as 100 or 12.5`;
  const v = dec(text);
  return v.gt(0) ? v : `${what} must be greater than 0`;
}

/**
 * Checks an amend against the order as it stands. The rules, as a trader reads them:
 * only an order the venue has acknowledged and that has no cancel or replace in
 * flight can be amended; the new quantity is the new total (fills included), in
 * whole lots and above what is already filled; prices stay on the tick and only
 * the prices the order type has can change; an amend must change something.
 */
export function validateAmend(order: Order, req: AmendRequest, instrument: Pick<Instrument, 'tickSize' | 'lotSize'> | undefined): AmendResult {
  const id = order.orderId;
  switch (order.status) {
    case 'new':
    case 'partiallyFilled':
      break;
    case 'pendingNew':
      return { ok: false, reason: `order ${id} is not yet acknowledged by the venue; amend it once it is New` };
    case 'pendingCancel':
      return { ok: false, reason: `a cancel is pending for order ${id}` };
    case 'pendingReplace':
      return { ok: false, reason: `a replace is already pending for order ${id}; wait for its answer` };
    default:
      return { ok: false, reason: `too late to amend: order ${id} is already ${STATUS_LABEL[order.status]}` };
  }
  if (req.quantity === undefined && req.limitPrice === undefined && req.stopPrice === undefined) {
    return { ok: false, reason: 'nothing to amend: give a new quantity, limit price or stop price' };
  }
  let quantity = order.quantity;
  if (req.quantity !== undefined) {
    const q = readPositive(req.quantity, 'quantity');
    if (typeof q === 'string') return { ok: false, reason: q };
    if (instrument && !isWholeLots(q, instrument)) return { ok: false, reason: `quantity must be a multiple of the lot size ${toWire(instrument.lotSize)}` };
    if (q.lte(order.cumQty)) {
      return {
        ok: false,
        reason: `the new quantity ${toWire(q)} is not above the ${toWire(order.cumQty)} already filled; cancel the order to stop the rest`,
      };
    }
    quantity = q;
  }
  let limitPrice = order.limitPrice;
  if (req.limitPrice !== undefined) {
    if (!hasLimitPrice(order.type)) return { ok: false, reason: `a ${TYPE_WORDS[order.type]} order has no limit price to amend` };
    const p = readPositive(req.limitPrice, 'limit price');
    if (typeof p === 'string') return { ok: false, reason: p };
    if (instrument && !isOnTick(p, instrument)) return { ok: false, reason: `limit price must be a multiple of the tick size ${toWire(instrument.tickSize)}` };
    limitPrice = p;
  }
  let stopPrice = order.stopPrice;
  if (req.stopPrice !== undefined) {
    if (!hasStopPrice(order.type)) return { ok: false, reason: `a ${TYPE_WORDS[order.type]} order has no stop price to amend` };
    const p = readPositive(req.stopPrice, 'stop price');
    if (typeof p === 'string') return { ok: false, reason: p };
    if (instrument && !isOnTick(p, instrument)) return { ok: false, reason: `stop price must be a multiple of the tick size ${toWire(instrument.tickSize)}` };
    stopPrice = p;
  }
  const same = (a: Decimal | null, b: Decimal | null) => (a === null ? b === null : b !== null && a.eq(b));
  if (quantity.eq(order.quantity) && same(limitPrice, order.limitPrice) && same(stopPrice, order.stopPrice)) {
    return { ok: false, reason: 'the amend changes nothing' };
  }
  return { ok: true, amend: { clOrdId: req.clOrdId, quantity, limitPrice, stopPrice } };
}
