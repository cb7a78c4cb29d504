import { DECIMAL_PATTERN } from '../core/decimal.ts';
import type { QuoteWire, ServerMessageOf } from '../core/protocol.ts';
import { SESSION_STATES } from '../core/tradingSession.ts';

/*
 * A cheap check for the hot frame, `quotes` (tens a second, hundreds of quotes
 * each): plain loops and typeof tests instead of the zod schema's machinery,
 * which builds a new object per quote and runs a check object per field.
 *
 * It mirrors `QuoteWire` and the `quotes` message of src/core/protocol.ts and
 * only ever says "valid, here it is" or "not sure": anything it does not
 * recognise (an unknown key, a value out of its plain shape, another message
 * type) is handed to the full zod parse, which decides and words the reason.
 * So it accepts exactly what zod accepts on the frames it takes, and returns
 * the same value (the parsed JSON itself: nobody else holds it). The unit
 * tests check both against zod with random frames, valid and broken.
 */

/** The decimal fields of a quote, strings matching DECIMAL_PATTERN. */
const DECIMAL_FIELDS = ['bid', 'ask', 'last', 'bidSize', 'askSize', 'lastSize', 'open', 'high', 'low', 'prevClose', 'change', 'changePct', 'volume'] as const;

/** Every key a quote may carry; the unit test keeps this equal to QuoteWire's shape. */
export const QUOTE_KEYS: ReadonlySet<string> = new Set<string>(['symbol', ...DECIMAL_FIELDS, 'ts', 'seq', 'sessionState']);

const SESSIONS: ReadonlySet<unknown> = new Set<unknown>(SESSION_STATES);

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** zod 4's `z.number().int()`: a safe integer. */
const isInt = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value);

function isPlainQuote(value: unknown): value is QuoteWire {
  if (!isRecord(value)) return false;
  for (const key in value) if (!QUOTE_KEYS.has(key)) return false;
  if (typeof value.symbol !== 'string') return false;
  for (const field of DECIMAL_FIELDS) {
    const text = value[field];
    if (typeof text !== 'string' || !DECIMAL_PATTERN.test(text)) return false;
  }
  if (typeof value.ts !== 'number' || !Number.isFinite(value.ts)) return false;
  if (!isInt(value.seq)) return false;
  return !('sessionState' in value) || SESSIONS.has(value.sessionState);
}

/**
 * The `quotes` message in `data` (parsed JSON), when it is one in plain form;
 * undefined means "ask zod": a broken frame, another message, or a shape this
 * check does not know.
 */
export function plainQuotesFrame(data: unknown): ServerMessageOf<'quotes'> | undefined {
  if (!isRecord(data) || data.type !== 'quotes' || !Array.isArray(data.quotes)) return undefined;
  for (const key in data) if (key !== 'type' && key !== 'quotes' && key !== 'seq') return undefined;
  if ('seq' in data && !(isInt(data.seq) && data.seq >= 0)) return undefined;
  for (const quote of data.quotes as unknown[]) if (!isPlainQuote(quote)) return undefined;
  return data as ServerMessageOf<'quotes'>;
}
