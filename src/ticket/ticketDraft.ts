import { type Decimal, dec, isDecimalString } from '../core/decimal.ts';
import type { Instrument } from '../core/instrument.ts';
import { type OrderType, type Side, type TimeInForce, bookSide, hasLimitPrice, hasStopPrice } from '../core/order.ts';
import type { QuoteWire } from '../core/protocol.ts';
import { orderNotional, valuationPrice } from '../core/risk/index.ts';
import { type TicketDraft, type TicketError, type TicketField, type TicketResult, withoutGrouping } from '../core/ticket.ts';

/** What the form holds: every field as typed, kept while a field is hidden so switching type back restores it. */
export interface TicketForm {
  symbol: string;
  side: Side;
  type: OrderType;
  quantity: string;
  limitPrice: string;
  stopPrice: string;
  account: string;
  tif: TimeInForce;
  /** A `datetime-local` value ("2026-11-23T16:00"), in the trader's own time zone. */
  expireAt: string;
  locate: string;
}

export function initialForm(symbol: string, account: string, lotSize: Decimal | undefined): TicketForm {
  return {
    symbol,
    side: 'buy',
    type: 'limit',
    quantity: lotSize ? lotSize.toFixed() : '',
    limitPrice: '',
    stopPrice: '',
    account,
    tif: 'day',
    expireAt: '',
    locate: '',
  };
}

/** A `datetime-local` text read as the trader's local time, as an ISO instant; the text itself when it is not a date. */
export function expiryToIso(local: string): string {
  const text = local.trim();
  if (text === '') return '';
  const ms = new Date(text).getTime();
  return Number.isNaN(ms) ? text : new Date(ms).toISOString();
}

/**
 * The draft validateTicket and the gateway see: only the fields the order
 * type and time in force use, so a hidden field can never make an error.
 */
export function draftOf(form: TicketForm): TicketDraft {
  const draft: TicketDraft = {
    symbol: form.symbol,
    side: form.side,
    type: form.type,
    quantity: form.quantity,
    account: form.account,
    tif: form.tif,
    limitPrice: hasLimitPrice(form.type) ? form.limitPrice : undefined,
  };
  if (hasStopPrice(form.type)) draft.stopPrice = form.stopPrice;
  if (form.tif === 'gtd') draft.expireAt = expiryToIso(form.expireAt);
  if (form.side === 'sellShort') draft.locate = form.locate.trim();
  return draft;
}

export function errorsByField(result: TicketResult): Partial<Record<TicketField, string>> {
  if (result.ok) return {};
  const out: Partial<Record<TicketField, string>> = {};
  for (const e of result.errors as TicketError[]) out[e.field] ??= e.message;
  return out;
}

/** A price field's text as a positive decimal, or undefined while it is not one. */
export function priceOf(text: string): Decimal | undefined {
  const clean = withoutGrouping(text.trim());
  return clean !== undefined && isDecimalString(clean) && dec(clean).gt(0) ? dec(clean) : undefined;
}

/**
 * The price the order is valued at, as the gateway values it (core/risk):
 * its limit, a stop's trigger, or the touch a market order would take.
 */
export function workingPrice(form: Pick<TicketForm, 'type' | 'side' | 'limitPrice' | 'stopPrice'>, quote: Pick<QuoteWire, 'bid' | 'ask'> | undefined): Decimal | undefined {
  const limitPrice = hasLimitPrice(form.type) ? priceOf(form.limitPrice) : undefined;
  const stopPrice = hasStopPrice(form.type) ? priceOf(form.stopPrice) : undefined;
  // A priced order whose price is not (yet) a number has no value: never fall back to the touch for it.
  if ((hasLimitPrice(form.type) && !limitPrice) || (hasStopPrice(form.type) && !stopPrice)) return undefined;
  const touch = quote ? { bid: dec(quote.bid), ask: dec(quote.ask) } : undefined;
  return valuationPrice({ side: bookSide(form.side), type: form.type, quantity: dec(0), limitPrice, stopPrice }, touch);
}

/** The price the trader typed (limit, else stop); undefined for a market order, which takes the market as it is. */
export function typedPrice(form: Pick<TicketForm, 'type' | 'limitPrice' | 'stopPrice'>): Decimal | undefined {
  if (hasLimitPrice(form.type)) return priceOf(form.limitPrice);
  if (hasStopPrice(form.type)) return priceOf(form.stopPrice);
  return undefined;
}

/** Quantity × price × multiplier in the instrument's currency; undefined until the ticket is valid and priced. */
export function estimatedNotional(
  result: TicketResult,
  form: Pick<TicketForm, 'type' | 'side' | 'limitPrice' | 'stopPrice'>,
  quote: Pick<QuoteWire, 'bid' | 'ask'> | undefined,
  instrument: Instrument | undefined,
): Decimal | undefined {
  if (!result.ok || !instrument) return undefined;
  const price = workingPrice(form, quote);
  return price === undefined ? undefined : orderNotional(result.order, price, instrument);
}

/** Arrow keys move a price by a tick and a quantity by a lot; text that is not a number is left alone. */
export function stepText(text: string, step: Decimal, direction: 1 | -1): string {
  const clean = withoutGrouping(text.trim());
  if (clean === '') return direction === 1 ? step.toFixed() : text;
  if (clean === undefined || !isDecimalString(clean)) return text;
  const next = dec(clean).plus(step.times(direction));
  return next.lte(0) ? text : next.toFixed(Math.max(step.decimalPlaces(), 0));
}
