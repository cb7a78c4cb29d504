import { Decimal, isDecimalString, toWire } from './decimal.ts';
import { type Instrument, isOnTick, isWholeLots } from './instrument.ts';
import { ORDER_TYPES, SIDES, TIME_IN_FORCE, type OrderSpec, type OrderType, type Side, type TimeInForce } from './order.ts';

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
  account: string;
  tif?: string | undefined;
}

export type TicketField = 'symbol' | 'side' | 'type' | 'quantity' | 'limitPrice' | 'account' | 'tif';

export interface TicketError {
  field: TicketField;
  message: string;
}

export interface TicketContext {
  /** Finds an instrument by symbol; undefined when unknown. */
  instrument(symbol: string): Instrument | undefined;
  /** Accounts this user may trade for. */
  accounts: readonly string[];
}

export type TicketResult = { ok: true; order: OrderSpec } | { ok: false; errors: TicketError[] };

/** Largest quantity or price the ticket takes: beyond it a typo is far likelier than an intent. */
const MAX_DIGITS_BEFORE_POINT = 12;

function parsePositive(raw: string | undefined, what: string, field: TicketField, errors: TicketError[]): Decimal | undefined {
  const text = (raw ?? '').trim().replace(/,/g, '');
  if (text === '') {
    errors.push({ field, message: `${what} is required` });
    return undefined;
  }
  if (!isDecimalString(text)) {
    errors.push({ field, message: `${what} must be a number, such as 100 or 12.5` });
    return undefined;
  }
  const value = new Decimal(text);
  if (value.lte(0)) {
    errors.push({ field, message: `${what} must be greater than 0` });
    return undefined;
  }
  if (value.trunc().toFixed().length > MAX_DIGITS_BEFORE_POINT) {
    errors.push({ field, message: `${what} is too large` });
    return undefined;
  }
  return value;
}

function oneOf<T extends string>(values: readonly T[], raw: string | undefined): T | undefined {
  return values.find((v) => v === raw);
}

export function validateTicket(draft: TicketDraft, ctx: TicketContext): TicketResult {
  const errors: TicketError[] = [];
  const symbol = draft.symbol.trim().toUpperCase();
  const instrument = symbol === '' ? undefined : ctx.instrument(symbol);
  if (symbol === '') errors.push({ field: 'symbol', message: 'choose a symbol' });
  else if (!instrument) errors.push({ field: 'symbol', message: `unknown symbol ${symbol}` });

  const side: Side | undefined = oneOf(SIDES, draft.side);
  if (!side) errors.push({ field: 'side', message: 'side must be buy or sell' });

  const type: OrderType | undefined = oneOf(ORDER_TYPES, draft.type);
  if (!type) errors.push({ field: 'type', message: 'order type must be market or limit' });

  const tif: TimeInForce | undefined = draft.tif === undefined || draft.tif === '' ? 'day' : oneOf(TIME_IN_FORCE, draft.tif);
  if (!tif) errors.push({ field: 'tif', message: 'time in force must be day, gtc or ioc' });

  const account = draft.account.trim();
  if (account === '') errors.push({ field: 'account', message: 'choose an account' });
  else if (!ctx.accounts.includes(account)) errors.push({ field: 'account', message: `you may not trade for account ${account}` });

  const quantity = parsePositive(draft.quantity, 'quantity', 'quantity', errors);
  if (quantity && instrument && !isWholeLots(quantity, instrument)) {
    errors.push({ field: 'quantity', message: `quantity must be a multiple of the lot size ${toWire(instrument.lotSize)}` });
  }

  let limitPrice: Decimal | undefined;
  if (type === 'limit') {
    limitPrice = parsePositive(draft.limitPrice, 'limit price', 'limitPrice', errors);
    if (limitPrice && instrument && !isOnTick(limitPrice, instrument)) {
      errors.push({ field: 'limitPrice', message: `limit price must be a multiple of the tick size ${toWire(instrument.tickSize)}` });
    }
  } else if (type === 'market' && (draft.limitPrice ?? '').trim() !== '') {
    errors.push({ field: 'limitPrice', message: 'a market order takes no limit price' });
  }
  if (type === 'market' && tif === 'gtc') errors.push({ field: 'tif', message: 'a market order cannot be good till cancel' });

  if (errors.length > 0 || !side || !type || !tif || !quantity || !instrument) return { ok: false, errors };
  const base = { symbol: instrument.symbol, side, quantity, account, tif };
  if (type === 'limit') return { ok: true, order: { ...base, type, limitPrice: limitPrice! } };
  return { ok: true, order: { ...base, type } };
}

/** One sentence for a reject: all the reasons, in the order the ticket shows them. */
export function describeErrors(errors: readonly TicketError[]): string {
  return errors.map((e) => e.message).join('; ');
}
