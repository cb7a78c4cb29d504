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
 * Parses a wire or file decimal. Integers are accepted as numbers (they are
 * exact); a fractional number is refused because it already lost precision.
 */
export function dec(value: string | number | Decimal): Decimal {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new Error(`refusing non-integer number ${value} as a decimal; pass a string`);
    return new Decimal(value);
  }
  if (typeof value === 'string') {
    if (!isDecimalString(value)) throw new Error(`'${value}' is not a decimal number`);
    return new Decimal(value);
  }
  return value;
}

/** Decimal to wire: fixed notation, trailing zeros kept only as the value has them. */
export function toWire(d: Decimal): string {
  return d.toFixed();
}

/** Number of decimal places in a step such as a tick size 0.01 → 2. */
export function placesOf(step: Decimal): number {
  return step.decimalPlaces();
}

/** True when value is a whole multiple of step (step > 0). */
export function isMultipleOf(value: Decimal, step: Decimal): boolean {
  return value.mod(step).isZero();
}

export function sum(values: Iterable<Decimal>): Decimal {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}
