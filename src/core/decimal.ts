import DecimalJs from 'decimal.js';

/**
 * The one Decimal constructor of the project. Money, prices and quantities are
 * exact: never build them from a JavaScript float. Forty significant digits
 * hold any notional we meet; half-even rounding is the banker's rule used when
 * an average price must be cut to a finite number of places.
 */
export const Decimal = DecimalJs.clone({
  precision: 40,
  rounding: DecimalJs.ROUND_HALF_EVEN,
  toExpNeg: -40,
  toExpPos: 40,
});
export type Decimal = DecimalJs;

export const ZERO: Decimal = new Decimal(0);

/** A decimal as it travels on the wire and in files: plain digits, no exponent. */
export const DECIMAL_PATTERN = /^-?(0|[1-9]\d{0,19})(\.\d{1,12})?$/;

export function isDecimalString(s: string): boolean {
  return DECIMAL_PATTERN.test(s);
}

/**
 * Recently parsed decimals by their text. A Decimal is immutable, so the same
 * text can share one instance: the order path meets the same quantities and
 * prices over and over, and parsing one costs ~0.5 µs where finding it costs
 * ~0.02 µs. Direct-mapped (a text's slot is its hash; a newcomer takes the
 * slot), so it is bounded by construction and a text seen once costs only
 * ~0.1 µs more than a plain parse (a Map that grows and is emptied cost
 * ~0.7 µs more: bad where texts rarely repeat).
 */
export const PARSED_CACHE_SLOTS = 4096;
const parsedTexts: (string | undefined)[] = new Array<string | undefined>(PARSED_CACHE_SLOTS).fill(undefined);
const parsedValues: (Decimal | undefined)[] = new Array<Decimal | undefined>(PARSED_CACHE_SLOTS).fill(undefined);

function slotOf(text: string): number {
  let h = text.length;
  for (let i = 0; i < text.length; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return h & (PARSED_CACHE_SLOTS - 1);
}

/**
 * Parses a wire or file decimal. Integers are accepted as numbers (they are
 * exact); a fractional number is refused because it already lost precision.
 */
export function dec(value: string | number | Decimal): Decimal {
  if (typeof value === 'string') {
    const slot = slotOf(value);
    if (parsedTexts[slot] === value) return parsedValues[slot]!;
    if (!isDecimalString(value)) throw new Error(`'${value}' is not a decimal number`);
    const parsed = new Decimal(value);
    parsedTexts[slot] = value;
    parsedValues[slot] = parsed;
    return parsed;
  }
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new Error(`refusing non-integer number ${value} as a decimal; pass a string`);
    return new Decimal(value);
  }
  return value;
}

/** Decimal to wire: fixed notation, trailing zeros kept only as the value has them. */
export function toWire(d: Decimal): string {
  // ZERO is most of an order's decimals until it fills (cumQty, avgPx, a report's lastQty/lastPx).
  return d === ZERO ? '0' : d.toFixed();
}

/** Number of decimal places in a step such as a tick size 0.01 → 2. */
export function placesOf(step: Decimal): number {
  return step.decimalPlaces();
}

/**
 * A step (tick or lot size) as a whole number of units of 10^-places, e.g.
 * 0.05 → 5 units of 0.01, 100 → 100 units of 1; null when the units are too
 * many for a safe integer (then the Decimal path decides).
 */
interface ScaledStep {
  readonly places: number;
  readonly units: number;
}
/** Steps are few (the instruments' ticks and lots) and long-lived: keyed by instance, bounded all the same. */
const SCALED_STEPS = new Map<Decimal, ScaledStep | null>();
/** Up to 15 digits a JavaScript number holds any integer exactly (2^53 ≈ 9.007e15). */
const EXACT_DIGITS = 15;

function scaledStep(step: Decimal): ScaledStep | null {
  let known = SCALED_STEPS.get(step);
  if (known !== undefined) return known;
  known = null;
  if (step.isFinite() && step.gt(ZERO)) {
    const text = step.toFixed();
    const point = text.indexOf('.');
    const places = point < 0 ? 0 : text.length - point - 1;
    const digits = (point < 0 ? text : text.slice(0, point) + text.slice(point + 1)).replace(/^0+/, '');
    if (digits.length <= EXACT_DIGITS) known = { places, units: Number(digits) };
  }
  if (SCALED_STEPS.size >= 1000) SCALED_STEPS.clear();
  SCALED_STEPS.set(step, known);
  return known;
}

/**
 * Whether the plain decimal `text` (toFixed form: optional '-', digits, an
 * optional fraction without trailing zeros) is a whole number of `step`'s
 * units; undefined when the scaled value is too long for exact integer arithmetic.
 */
function scaledMultiple(text: string, step: ScaledStep): boolean | undefined {
  const digitsFrom = text.charCodeAt(0) === 45 /* '-' */ ? 1 : 0;
  const point = text.indexOf('.');
  let scaled: string;
  if (point < 0) scaled = text.slice(digitsFrom) + '0'.repeat(step.places);
  else {
    const fraction = text.length - point - 1;
    // A fraction finer than the step's (its last digit is not 0) is never a whole number of steps.
    if (fraction > step.places) return false;
    scaled = text.slice(digitsFrom, point) + text.slice(point + 1) + '0'.repeat(step.places - fraction);
  }
  let lead = 0;
  while (lead < scaled.length - 1 && scaled.charCodeAt(lead) === 48 /* '0' */) lead++;
  if (scaled.length - lead > EXACT_DIGITS) return undefined;
  return Number(lead === 0 ? scaled : scaled.slice(lead)) % step.units === 0;
}

/**
 * True when value is a whole multiple of step (step > 0). Runs once per
 * price and quantity of every order, so it compares scaled integers (exact
 * below 10^15) instead of Decimal.mod; anything longer takes the mod.
 */
export function isMultipleOf(value: Decimal, step: Decimal): boolean {
  const scaled = value.isFinite() ? scaledStep(step) : null;
  if (scaled !== null) {
    const fast = scaledMultiple(value.toFixed(), scaled);
    if (fast !== undefined) return fast;
  }
  return value.mod(step).isZero();
}

export function sum(values: Iterable<Decimal>): Decimal {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}

/**
 * Lean exact arithmetic for the order path. decimal.js copies its argument
 * (`new Decimal(y)`: an object and a slice of the digits) and builds its
 * result through working arrays on every plus/minus/times: ~150-250 bytes
 * of garbage an operation, a dozen operations an order. When both values are
 * short (as a safe integer of units of their finer decimal place) the answer
 * is worked out in integers and built straight into its digits: one object
 * and one small array. The result is the very Decimal decimal.js would give
 * (same sign, exponent and digit words: a finite non-zero decimal has one
 * form), proven on random values in test/unit/core/decimalLean.property.test.ts.
 * Anything else (a zero, a long value, an overflow) goes to decimal.js.
 */
interface DecimalDigits {
  readonly d: number[] | null;
  readonly e: number;
  readonly s: number;
}

const WORD = 1e7;
/** 10^0 … 10^22, all exact doubles. */
const TENS = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

/**
 * x × 10^places as a safe integer, read off the digit words without a
 * string; undefined when that is not a whole number or not a safe integer,
 * or x is not finite. (A zero gives 0.)
 */
export function unitsAt(x: Decimal, places: number): number | undefined {
  const { d, e, s } = x as unknown as DecimalDigits;
  if (!d) return undefined;
  const words = d.length;
  if (d[0] === 0) return 0;
  // Five words span at least 23 digits: past 2^53.
  if (words > 4) return undefined;
  // The significant digits as one integer: the last word without the zeros that pad it.
  let lastWord = d[words - 1]!;
  let lastDigits = 7;
  while (lastWord % 10 === 0) {
    lastWord /= 10;
    lastDigits--;
  }
  let acc = words === 1 ? lastWord : d[0]!;
  // Exact integers: a true result within 2^53 is computed exactly, one past it reads as at least 2^53.
  for (let i = 1; i < words - 1; i++) acc = acc * WORD + d[i]!;
  if (words > 1) acc = acc * TENS[lastDigits]! + lastWord;
  if (acc > Number.MAX_SAFE_INTEGER) return undefined;
  // The last digit's unit is 10^(7 × (the first word's exponent in words − words + 1) + its padding).
  const shift = 7 * (Math.floor(e / 7) - words + 1) + (7 - lastDigits) + places;
  if (shift >= 0) {
    if (shift > 15) return undefined;
    const r = acc * TENS[shift]!;
    return r > Number.MAX_SAFE_INTEGER ? undefined : s * r;
  }
  if (shift < -15) return undefined;
  const q = TENS[-shift]!;
  return acc % q === 0 ? s * (acc / q) : undefined;
}

/**
 * The Decimal units × 10^-places, built into its digit words as decimal.js
 * would parse it. `units` is a non-zero safe integer; places a small integer.
 */
export function fromUnits(units: number, places: number): Decimal {
  let u = units < 0 ? -units : units;
  let p = places;
  while (u % 10 === 0) {
    u /= 10;
    p--;
  }
  let n = 1;
  while (n < 16 && u >= TENS[n]!) n++;
  const e = n - 1 - p;
  // The first word holds (e + 1) mod 7 digits, 7 when that is 0 (decimal.js's parseDecimal).
  let first = (e + 1) % 7;
  if (first <= 0) first += 7;
  const sign = units < 0 ? -1 : 1;
  if (n <= first) return new DecimalOfParts(sign, e, [u * TENS[first - n]!]);
  const rest = n - first;
  const more = Math.ceil(rest / 7);
  const pad = 7 * more - rest;
  // The last word: its digits shifted left over the padding zeros.
  const lastDigits = TENS[7 - pad]!;
  const lastR = u % lastDigits;
  const last = lastR * TENS[pad]!;
  u = (u - lastR) / lastDigits;
  if (more === 1) return new DecimalOfParts(sign, e, [u, last]);
  const midR = u % WORD;
  u = (u - midR) / WORD;
  if (more === 2) return new DecimalOfParts(sign, e, [u, midR, last]);
  const highR = u % WORD;
  u = (u - highR) / WORD;
  return new DecimalOfParts(sign, e, [u, highR, midR, last]);
}

/**
 * A Decimal made from its parts: what decimal.js's constructor leaves on an
 * instance (its own `constructor`, then s, e, d, in that order, on the shared
 * prototype), without the constructor's checks of its argument, which cost
 * ten times the rest (~90 ns).
 */
const DecimalOfParts = function (this: { constructor: unknown; s: number; e: number; d: number[] }, s: number, e: number, d: number[]) {
  this.constructor = Decimal;
  this.s = s;
  this.e = e;
  this.d = d;
} as unknown as new (s: number, e: number, d: number[]) => Decimal;
(DecimalOfParts as unknown as { prototype: unknown }).prototype = Decimal.prototype;

/** x + y (decimal.js's answer); see unitsAt/fromUnits. */
export function addDec(x: Decimal, y: Decimal): Decimal {
  const places = Math.max(placesOfValue(x), placesOfValue(y));
  const a = unitsAt(x, places);
  if (a !== undefined && a !== 0) {
    const b = unitsAt(y, places);
    if (b !== undefined && b !== 0) {
      const r = a + b;
      // Two non-zero values that cancel make +0 (decimal.js: −0 only when rounding towards −∞); past 2^53 is not exact.
      if (r === 0) return ZERO;
      if (r <= Number.MAX_SAFE_INTEGER && r >= -Number.MAX_SAFE_INTEGER) return fromUnits(r, places);
    }
  }
  return x.plus(y);
}

/** x − y (decimal.js's answer); see unitsAt/fromUnits. */
export function subDec(x: Decimal, y: Decimal): Decimal {
  const places = Math.max(placesOfValue(x), placesOfValue(y));
  const a = unitsAt(x, places);
  if (a !== undefined && a !== 0) {
    const b = unitsAt(y, places);
    if (b !== undefined && b !== 0) {
      const r = a - b;
      if (r === 0) return ZERO;
      if (r <= Number.MAX_SAFE_INTEGER && r >= -Number.MAX_SAFE_INTEGER) return fromUnits(r, places);
    }
  }
  return x.minus(y);
}

/** x × y (decimal.js's answer); see unitsAt/fromUnits. */
export function mulDec(x: Decimal, y: Decimal): Decimal {
  const xp = placesOfValue(x);
  const yp = placesOfValue(y);
  const a = unitsAt(x, xp);
  if (a !== undefined && a !== 0) {
    const b = unitsAt(y, yp);
    if (b !== undefined && b !== 0) {
      const r = a * b;
      // Past 2^53 the double may be rounded: then (and only then) it reads above the limit.
      if (r <= Number.MAX_SAFE_INTEGER && r >= -Number.MAX_SAFE_INTEGER) return fromUnits(r, xp + yp);
    }
  }
  return x.times(y);
}

/** decimalPlaces() of a finite value (read off the last word, no allocation); NaN-free: 0 for a non-finite one. */
function placesOfValue(x: Decimal): number {
  const { d, e } = x as unknown as DecimalDigits;
  if (!d) return 0;
  const lastIndex = d.length - 1;
  let n = (lastIndex - Math.floor(e / 7)) * 7;
  let w = d[lastIndex]!;
  if (w) for (; w % 10 === 0; w /= 10) n--;
  return n < 0 ? 0 : n;
}

/**
 * isMultipleOf(value, step) read off the digit words, with no string or
 * Decimal made: both as safe integers of units of the finer places, then a
 * remainder. Undefined when either is too long for that (or step ≤ 0, or not
 * finite): ask isMultipleOf. (isMultipleOf itself goes through toFixed text,
 * ~160 bytes an order in validateTicket; src/core/ticket.ts may ask this first.)
 */
export function isMultipleInUnits(value: Decimal, step: Decimal): boolean | undefined {
  const places = Math.max(placesOfValue(value), placesOfValue(step));
  const v = unitsAt(value, places);
  const s = unitsAt(step, places);
  if (v === undefined || s === undefined || s <= 0) return undefined;
  return v % s === 0;
}
