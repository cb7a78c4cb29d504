import { type Decimal, dec, isDecimalString, toWire } from './decimal.ts';
import { type Instrument, isOnTick, isWholeLots } from './instrument.ts';
import {
  ORDER_TYPES,
  SIDES,
  TIME_IN_FORCE,
  hasLimitPrice,
  hasStopPrice,
  type OrderSpec,
  type OrderType,
  type Side,
  type TimeInForce,
} from './order.ts';
import { parseExpireAt } from './orderExpiry.ts';

/**
 * What the ticket holds while a trader types: raw text, exactly as entered.
 * The same rules run on it in the browser (inline errors) and in the gateway
 * (a reject with the same words), so the two can never disagree.
 */
export interface TicketDraft {
  symbol: string;
  side: string;
  type: string;
  quantity: string;
  limitPrice?: string | undefined;
  stopPrice?: string | undefined;
  account: string;
  tif?: string | undefined;
  /** GTD only: "2026-11-27" or "2026-11-27T21:00:00Z". */
  expireAt?: string | undefined;
  /** Short sales only: the locate id from the stock-loan desk. */
  locate?: string | undefined;
}

export type TicketField = 'symbol' | 'side' | 'type' | 'quantity' | 'limitPrice' | 'stopPrice' | 'account' | 'tif' | 'expireAt' | 'locate';

export interface TicketError {
  field: TicketField;
  message: string;
}

export interface TicketContext {
  /** Finds an instrument by symbol; undefined when unknown. */
  instrument(symbol: string): Instrument | undefined;
  /** Accounts this user may trade for. */
  accounts: readonly string[];
  /** The clock, epoch ms, for "the expiry must be in the future"; Date.now() when absent. */
  now?: number | undefined;
}

export type TicketResult = { ok: true; order: OrderSpec } | { ok: false; errors: TicketError[] };

/** Largest quantity or price the ticket takes: beyond it a typo is far likelier than an intent. */
const MAX_DIGITS_BEFORE_POINT = 12;
/** A GTD order lives at most this long: further out is a typo in the year, not a plan. */
export const MAX_GTD_DAYS = 366;
const LOCATE_PATTERN = /^[A-Za-z0-9._:\-/]{1,64}$/;
/** Short sales need a borrow (and so a locate) only where there is stock to borrow. */
const SHORTABLE = new Set(['equity', 'etf']);

export const TYPE_WORDS: Record<OrderType, string> = { market: 'market', limit: 'limit', stop: 'stop', stopLimit: 'stop limit' };
export const TIF_WORDS: Record<TimeInForce, string> = {
  day: 'day',
  gtc: 'good till cancel',
  ioc: 'immediate or cancel',
  fok: 'fill or kill',
  gtd: 'good till date',
};

const GROUPED = /^\d{1,3}(,\d{3})+(\.\d*)?$/;

/**
 * A number as typed, without its thousands separators ("1,000", "1,234,567.5");
 * undefined when a comma is anything else. "263,50" is a decimal comma: read
 * as a separator it made a limit price of 26,350.00, a hundred times the one meant.
 */
export function withoutGrouping(text: string): string | undefined {
  if (!text.includes(',')) return text;
  return GROUPED.test(text) ? text.replace(/,/g, '') : undefined;
}

/** What a field says of a comma that does not group thousands. */
export function decimalCommaMessage(what: string, typed: string): string {
  return `${what} ${typed}: write decimals with a point (commas only group thousands, as in 1,000)`;
}

function parsePositive(raw: string | undefined, what: string, field: TicketField, errors: TicketError[]): Decimal | undefined {
  const trimmed = (raw ?? '').trim();
  // Thousands separators are allowed as typed ("1,000"); most text has none, so no regex runs for it.
  const text = trimmed.includes(',') ? withoutGrouping(trimmed) : trimmed;
  if (text === undefined) {
    errors.push({ field, message: decimalCommaMessage(what, trimmed) });
    return undefined;
  }
  if (text === '') {
    errors.push({ field, message: `${what} is required` });
    return undefined;
  }
  if (!isDecimalString(text)) {
    errors.push({ field, message: `${what} must be a number, such as 100 or 12.5` });
    return undefined;
  }
  const value = dec(text);
  // "≤ 0" read off the sign and the leading digit: lte() compares digit by digit, for every quantity and price.
  if (value.isZero() || value.isNeg()) {
    errors.push({ field, message: `${what} must be greater than 0` });
    return undefined;
  }
  // The text is a positive DECIMAL_PATTERN number (no sign, no leading zeros): its digits before the point are the whole part's.
  const point = text.indexOf('.');
  if ((point < 0 ? text.length : point) > MAX_DIGITS_BEFORE_POINT) {
    errors.push({ field, message: `${what} is too large` });
    return undefined;
  }
  return value;
}

function oneOf<T extends string>(values: readonly T[], raw: string | undefined): T | undefined {
  return raw !== undefined && (values as readonly string[]).includes(raw) ? (raw as T) : undefined;
}

const blank = (raw: string | undefined) => (raw ?? '').trim() === '';

/** A price on the instrument's tick, or an error naming the tick. */
function price(raw: string | undefined, what: string, field: TicketField, instrument: Instrument | undefined, errors: TicketError[]): Decimal | undefined {
  const value = parsePositive(raw, what, field, errors);
  if (value && instrument && !isOnTick(value, instrument)) {
    errors.push({ field, message: `${what} must be a multiple of the tick size ${toWire(instrument.tickSize)}` });
    return undefined;
  }
  return value;
}

/**
 * The ticket rules, in the words a trader reads:
 * - a limit and a stop limit need a limit price, a stop and a stop limit a stop
 *   price, each on the instrument's tick; other types take none;
 * - a market order trades at once, so it cannot rest good till cancel or date;
 * - a stop waits for its trigger, so it cannot be immediate or cancel / fill or kill;
 * - good till date needs a future expiry (within a year); other TIFs take none;
 * - a short sale needs a locate and is for equities and ETFs only.
 */
export function validateTicket(draft: TicketDraft, ctx: TicketContext): TicketResult {
  const errors: TicketError[] = [];
  const symbol = draft.symbol.trim().toUpperCase();
  const instrument = symbol === '' ? undefined : ctx.instrument(symbol);
  if (symbol === '') errors.push({ field: 'symbol', message: 'choose a symbol' });
  else if (!instrument) errors.push({ field: 'symbol', message: `unknown symbol ${symbol}` });

  const side: Side | undefined = oneOf(SIDES, draft.side);
  if (!side) errors.push({ field: 'side', message: 'side must be buy, sell or sell short' });

  const type: OrderType | undefined = oneOf(ORDER_TYPES, draft.type);
  if (!type) errors.push({ field: 'type', message: 'order type must be market, limit, stop or stop limit' });

  const tif: TimeInForce | undefined = blank(draft.tif) ? 'day' : oneOf(TIME_IN_FORCE, draft.tif);
  if (!tif) errors.push({ field: 'tif', message: 'time in force must be day, gtc, ioc, fok or gtd' });

  const account = draft.account.trim();
  if (account === '') errors.push({ field: 'account', message: 'choose an account' });
  else if (!ctx.accounts.includes(account)) errors.push({ field: 'account', message: `you may not trade for account ${account}` });

  const quantity = parsePositive(draft.quantity, 'quantity', 'quantity', errors);
  if (quantity && instrument && !isWholeLots(quantity, instrument)) {
    errors.push({ field: 'quantity', message: `quantity must be a multiple of the lot size ${toWire(instrument.lotSize)}` });
  }

  let limitPrice: Decimal | undefined;
  let stopPrice: Decimal | undefined;
  if (type) {
    if (hasLimitPrice(type)) limitPrice = price(draft.limitPrice, 'limit price', 'limitPrice', instrument, errors);
    else if (!blank(draft.limitPrice)) {
      errors.push({ field: 'limitPrice', message: `a ${TYPE_WORDS[type]} order takes no limit price${type === 'stop' ? ' (a stop limit does)' : ''}` });
    }
    if (hasStopPrice(type)) stopPrice = price(draft.stopPrice, 'stop price', 'stopPrice', instrument, errors);
    else if (!blank(draft.stopPrice)) errors.push({ field: 'stopPrice', message: `a ${TYPE_WORDS[type]} order takes no stop price` });
  }

  if (type === 'market' && (tif === 'gtc' || tif === 'gtd')) {
    errors.push({ field: 'tif', message: `a market order trades at once, so it cannot be ${TIF_WORDS[tif]}` });
  }
  if (type && hasStopPrice(type) && (tif === 'ioc' || tif === 'fok')) {
    errors.push({ field: 'tif', message: `a ${TYPE_WORDS[type]} order waits for its stop price, so it cannot be ${TIF_WORDS[tif]}` });
  }

  let expireAt: number | undefined;
  if (tif === 'gtd') {
    if (blank(draft.expireAt)) errors.push({ field: 'expireAt', message: 'a good till date order needs an expiry date' });
    else {
      const parsed = parseExpireAt(draft.expireAt ?? '', instrument?.session?.timeZone);
      const now = ctx.now ?? Date.now();
      if (!parsed.ok) errors.push({ field: 'expireAt', message: parsed.message });
      else if (parsed.expireAt <= now) errors.push({ field: 'expireAt', message: 'the expiry must be in the future' });
      else if (parsed.expireAt - now > MAX_GTD_DAYS * 86_400_000) errors.push({ field: 'expireAt', message: `the expiry must be within ${MAX_GTD_DAYS} days` });
      else expireAt = parsed.expireAt;
    }
  } else if (!blank(draft.expireAt)) {
    errors.push({ field: 'expireAt', message: 'an expiry date is only for a good till date order' });
  }

  let locate: string | undefined;
  if (side === 'sellShort') {
    const text = (draft.locate ?? '').trim();
    if (instrument && !SHORTABLE.has(instrument.assetClass)) {
      errors.push({ field: 'side', message: `sell short is for equities and ETFs; sell ${instrument.symbol} outright` });
    } else if (text === '') errors.push({ field: 'locate', message: 'a short sale needs a locate from the stock-loan desk' });
    else if (!LOCATE_PATTERN.test(text)) errors.push({ field: 'locate', message: 'a locate id holds only letters, digits and . _ : - / (at most 64)' });
    else locate = text;
  } else if (!blank(draft.locate)) {
    errors.push({ field: 'locate', message: 'a locate is only for a short sale' });
  }

  if (errors.length > 0 || !side || !type || !tif || !quantity || !instrument) return { ok: false, errors };
  // Built field by field rather than by spreads (this runs for every order); the keys keep the order they always had.
  const order: Record<string, unknown> = { symbol: instrument.symbol, side, quantity, account, tif };
  if (expireAt !== undefined) order.expireAt = expireAt;
  if (locate !== undefined) order.locate = locate;
  order.type = type;
  if (hasLimitPrice(type)) order.limitPrice = limitPrice!;
  if (hasStopPrice(type)) order.stopPrice = stopPrice!;
  return { ok: true, order: order as unknown as OrderSpec };
}

/** One sentence for a reject: all the reasons, in the order the ticket shows them. */
export function describeErrors(errors: readonly TicketError[]): string {
  return errors.map((e) => e.message).join('; ');
}
