import { AVG_PX_PLACES } from '../../../src/core/order.ts';
import { Decimal, dec } from '../../../src/core/decimal.ts';

/** The fields of one received message, tag → value exactly as on the wire. */
export type FixFields = ReadonlyMap<number, string>;

/**
 * Splits tag=value text (SOH or the '|' of FIX logs) into fields. Only the
 * first occurrence of a tag is kept: the venue reads no repeating groups.
 */
export function parseFixText(text: string, delimiter = text.includes('\x01') ? '\x01' : '|'): FixFields {
  const fields = new Map<number, string>();
  for (const part of text.split(delimiter)) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const tag = Number(part.slice(0, eq));
    if (Number.isInteger(tag) && !fields.has(tag)) fields.set(tag, part.slice(eq + 1));
  }
  return fields;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

/** FIX's float: optional sign, digits with an optional point; leading and trailing zeros allowed, no exponent. */
const FIX_FLOAT = /^(-?)(\d*)(?:\.(\d*))?$/;

/** A FIX float in the project's plain decimal form ("023.2300" → "23.23", ".5" → "0.5"). */
function canonicalFloat(raw: string): string | null {
  const m = FIX_FLOAT.exec(raw);
  if (!m) return null;
  const [, sign = '', whole = '', frac = ''] = m;
  if (whole === '' && frac === '') return null;
  const int = whole.replace(/^0+(?=\d)/, '') || '0';
  const fraction = frac.replace(/0+$/, '');
  const body = fraction ? `${int}.${fraction}` : int;
  return body === '0' ? '0' : `${sign}${body}`;
}

/** Reads a FIX float field exactly; missing or malformed values are reported with the tag. */
export function fixDecimal(fields: FixFields, tag: number, name: string): Parsed<Decimal> {
  const raw = fields.get(tag);
  if (raw === undefined) return { ok: false, reason: `${name} (${tag}) is missing` };
  const canonical = canonicalFloat(raw);
  if (canonical === null) return { ok: false, reason: `${name} (${tag}) '${raw}' is not a FIX float` };
  try {
    return { ok: true, value: dec(canonical) };
  } catch (err) {
    return { ok: false, reason: `${name} (${tag}) '${raw}': ${(err as Error).message}` };
  }
}

/** The most places a wire decimal has (DECIMAL_PATTERN in src/core/decimal.ts). */
const WIRE_PLACES = 12;

/**
 * AvgPx is the one float a venue computes rather than copies, and QuickFIX
 * prints it from a C++ double with up to 15 significant digits: more places
 * than a wire decimal holds. Up to 12 places it is read exactly; beyond, its
 * exact digits are rounded to the places the OMS keeps an average price to.
 */
export function fixAvgPx(fields: FixFields, tag: number): Parsed<Decimal> {
  const raw = fields.get(tag);
  const canonical = raw === undefined ? null : canonicalFloat(raw);
  const [whole = '', frac = ''] = canonical?.split('.') ?? [];
  if (canonical === null || frac.length <= WIRE_PLACES) return fixDecimal(fields, tag, 'AvgPx');
  // A string carries its digits exactly into Decimal; only the rounding changes the value.
  return { ok: true, value: new Decimal(`${whole}.${frac}`).toDecimalPlaces(AVG_PX_PLACES, Decimal.ROUND_HALF_EVEN) };
}
