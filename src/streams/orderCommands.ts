import type { ClientMessage } from '../core/protocol.ts';
import type { TicketDraft } from '../core/ticket.ts';

type PlaceOrder = Extract<ClientMessage, { type: 'placeOrder' }>;
type WireOrder = PlaceOrder['order'];
type ReplaceOrder = Extract<ClientMessage, { type: 'replaceOrder' }>;
type CancelAll = Extract<ClientMessage, { type: 'cancelAll' }>;

/** The trader's answer to an `orderWarning`: place it anyway, with why when a warning asks for it. */
export interface PlaceOptions {
  confirm?: boolean;
  justification?: string;
}

/** The new terms of an amend, as text; a field left out keeps its value. */
export interface ReplaceTerms {
  quantity?: string;
  limitPrice?: string;
  stopPrice?: string;
}

/** Whose working orders a cancel-all covers: your own when neither is named. */
export interface CancelAllScopeWire {
  trader?: string;
  account?: string;
}

const number = (text: string): string => text.trim().replace(/,/g, '');
const given = (text: string | undefined): text is string => text !== undefined && text.trim() !== '';

/**
 * The ticket's text as the gateway takes it: only the fields the draft fills
 * in (a market order carries no limit price field at all), numbers without
 * thousands separators; the gateway runs validateTicket on the rest.
 */
export function wireOrderOf(draft: TicketDraft): WireOrder {
  const order: WireOrder = {
    symbol: draft.symbol.trim().toUpperCase(),
    side: draft.side,
    type: draft.type,
    quantity: number(draft.quantity),
    account: draft.account,
  };
  if (draft.tif) order.tif = draft.tif;
  if (given(draft.limitPrice)) order.limitPrice = number(draft.limitPrice);
  if (given(draft.stopPrice)) order.stopPrice = number(draft.stopPrice);
  if (given(draft.expireAt)) order.expireAt = draft.expireAt.trim();
  if (given(draft.locate)) order.locate = draft.locate.trim();
  return order;
}

export function placeOrderMsg(clOrdId: string, draft: TicketDraft, options: PlaceOptions = {}): Omit<PlaceOrder, 'reqId'> {
  const msg: Omit<PlaceOrder, 'reqId'> = { type: 'placeOrder', clOrdId, order: wireOrderOf(draft) };
  if (options.confirm) msg.confirm = true;
  if (given(options.justification)) msg.justification = options.justification.trim();
  return msg;
}

export function replaceOrderMsg(orderId: string, clOrdId: string, terms: ReplaceTerms): Omit<ReplaceOrder, 'reqId'> {
  const msg: Omit<ReplaceOrder, 'reqId'> = { type: 'replaceOrder', orderId, clOrdId };
  if (given(terms.quantity)) msg.quantity = number(terms.quantity);
  if (given(terms.limitPrice)) msg.limitPrice = number(terms.limitPrice);
  if (given(terms.stopPrice)) msg.stopPrice = number(terms.stopPrice);
  return msg;
}

export function cancelAllMsg(scope: CancelAllScopeWire): Omit<CancelAll, 'reqId'> {
  const msg: Omit<CancelAll, 'reqId'> = { type: 'cancelAll' };
  if (scope.trader) msg.trader = scope.trader;
  if (scope.account) msg.account = scope.account;
  return msg;
}
