import { dec, isDecimalString } from '../core/decimal.ts';
import type { OrderWire } from '../core/protocol.ts';
import { type TicketContext, type TicketDraft, validateTicket } from '../core/ticket.ts';
import { formatQty } from '../format/numbers.ts';

/** The fields an amend may change (FIX OrderCancelReplaceRequest keeps symbol, side and account). */
export interface AmendForm {
  quantity: string;
  limitPrice: string;
  stopPrice: string;
}

export type AmendField = keyof AmendForm;

/** What goes on the wire: the new terms as text. */
export interface AmendTerms {
  quantity: string;
  limitPrice?: string;
  stopPrice?: string;
}

export type AmendResult = { ok: true; terms: AmendTerms } | { ok: false; errors: Partial<Record<AmendField | 'form', string>> };

const clean = (s: string): string => s.trim().replace(/,/g, '');

/** The dialog opens on the order's current terms; `price` (a line dragged on the chart) replaces the one it moved. */
export function amendFormOf(order: OrderWire, price?: { limitPrice?: string; stopPrice?: string }): AmendForm {
  return {
    quantity: order.quantity,
    limitPrice: price?.limitPrice ?? order.limitPrice ?? '',
    stopPrice: price?.stopPrice ?? order.stopPrice ?? '',
  };
}

/**
 * Checks an amend with the ticket's own rules (lot size, tick size, positive
 * numbers: validateTicket, as the gateway does), plus the amend's: the new
 * quantity must exceed what is already filled, and something must change.
 */
export function validateAmend(order: OrderWire, form: AmendForm, instrument: TicketContext['instrument']): AmendResult {
  const hasLimit = order.limitPrice !== null;
  const hasStop = order.stopPrice !== null;
  const draft: TicketDraft = {
    symbol: order.symbol,
    side: order.side,
    type: order.type,
    quantity: form.quantity,
    account: order.account,
    tif: order.tif,
    limitPrice: hasLimit ? form.limitPrice : undefined,
    ...(hasStop ? { stopPrice: form.stopPrice } : {}),
    ...(order.expireAt !== null ? { expireAt: new Date(order.expireAt).toISOString() } : {}),
    ...(order.locate !== null ? { locate: order.locate } : {}),
  };
  // Only the amendable fields' errors count: an expiry or locate that no longer passes is the gateway's to judge.
  const result = validateTicket(draft, { instrument, accounts: [order.account] });
  const errors: Partial<Record<AmendField | 'form', string>> = {};
  if (!result.ok) {
    for (const e of result.errors) {
      if ((e.field === 'quantity' || e.field === 'limitPrice' || e.field === 'stopPrice') && errors[e.field] === undefined) errors[e.field] = e.message;
    }
  }
  const quantity = clean(form.quantity);
  if (!errors.quantity && isDecimalString(quantity) && dec(quantity).lte(dec(order.cumQty))) {
    errors.quantity = `quantity must be more than the ${formatQty(dec(order.cumQty))} already filled`;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const terms: AmendTerms = { quantity };
  if (hasLimit) terms.limitPrice = clean(form.limitPrice);
  if (hasStop) terms.stopPrice = clean(form.stopPrice);
  const same =
    dec(terms.quantity).eq(dec(order.quantity)) &&
    (!hasLimit || dec(terms.limitPrice ?? '0').eq(dec(order.limitPrice ?? '0'))) &&
    (!hasStop || dec(terms.stopPrice ?? '0').eq(dec(order.stopPrice ?? '0')));
  if (same) return { ok: false, errors: { form: 'nothing to amend: change the quantity or a price' } };
  return { ok: true, terms };
}
