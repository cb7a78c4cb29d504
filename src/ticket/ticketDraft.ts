import { type Decimal, dec, isDecimalString } from '../core/decimal.ts';
import { type Instrument, notional } from '../core/instrument.ts';
import type { QuoteWire } from '../core/protocol.ts';
import type { TicketDraft, TicketError, TicketField, TicketResult } from '../core/ticket.ts';

/** What the form holds: the draft fields plus the limit price text kept while the type is Market. */
export interface TicketForm {
  symbol: string;
  side: 'buy' | 'sell';
  type: 'market' | 'limit';
  quantity: string;
  limitPrice: string;
  account: string;
  tif: 'day' | 'gtc' | 'ioc';
}

export function initialForm(symbol: string, account: string, lotSize: Decimal | undefined): TicketForm {
  return { symbol, side: 'buy', type: 'limit', quantity: lotSize ? lotSize.toFixed() : '', limitPrice: '', account, tif: 'day' };
}

/** The draft validateTicket and the gateway see: a market order has no limit price at all. */
export function draftOf(form: TicketForm): TicketDraft {
  return { ...form, limitPrice: form.type === 'limit' ? form.limitPrice : undefined };
}

export function errorsByField(result: TicketResult): Partial<Record<TicketField, string>> {
  if (result.ok) return {};
  const out: Partial<Record<TicketField, string>> = {};
  for (const e of result.errors as TicketError[]) out[e.field] ??= e.message;
  return out;
}

/**
 * What the order would cost or raise: the limit price, or for a market order
 * the side of the book it would take. Unknown until the ticket is valid.
 */
export function estimatedNotional(result: TicketResult, quote: QuoteWire | undefined, instrument: Instrument | undefined): Decimal | undefined {
  if (!result.ok || !instrument) return undefined;
  const order = result.order;
  if (order.type === 'limit') return notional(order.quantity, order.limitPrice, instrument);
  if (!quote) return undefined;
  return notional(order.quantity, dec(order.side === 'buy' ? quote.ask : quote.bid), instrument);
}

/** Arrow keys move a price by a tick and a quantity by a lot; text that is not a number is left alone. */
export function stepText(text: string, step: Decimal, direction: 1 | -1): string {
  const clean = text.trim().replace(/,/g, '');
  if (clean === '') return direction === 1 ? step.toFixed() : text;
  if (!isDecimalString(clean)) return text;
  const next = dec(clean).plus(step.times(direction));
  return next.lte(0) ? text : next.toFixed(Math.max(step.decimalPlaces(), 0));
}
