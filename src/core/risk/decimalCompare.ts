import { type Decimal, addDec } from '../decimal.ts';

/**
 * Comparisons of decimals without the copy decimal.js makes of its argument
 * on every cmp/gt/lte (`new Decimal(y)`: an allocation and a slice of the
 * digits), which the per-order risk rules pay a dozen times an order.
 *
 * Reads the instance fields decimal.js documents (d: the digits, base 1e7,
 * normalised; e: the exponent; s: the sign) exactly as its own comparedTo
 * does; anything that is not a finite number, or has an exponent near
 * decimal.js's limits (where its copy would turn it into zero or Infinity),
 * is handed to decimal.js. So the answer is always x.cmp(y)'s
 * (test/unit/risk/decimalCompare.test.ts checks it on random decimals).
 */
interface Digits {
  readonly d: readonly number[] | null;
  readonly e: number;
  readonly s: number;
}

/** Far inside decimal.js's default exponent limits (±9e15). */
const SAFE_EXPONENT = 1e15;

/** -1, 0 or 1 as x is below, equal to or above y: x.cmp(y) without the copy. */
export function compare(x: Decimal, y: Decimal): number {
  const a = x as unknown as Digits;
  const b = y as unknown as Digits;
  const xd = a.d;
  const yd = b.d;
  if (!xd || !yd || b.e > SAFE_EXPONENT || b.e < -SAFE_EXPONENT) return x.cmp(y);
  const xs = a.s;
  const ys = b.s;
  if (!xd[0] || !yd[0]) return xd[0] ? xs : yd[0] ? -ys : 0;
  if (xs !== ys) return xs;
  if (a.e !== b.e) return a.e > b.e !== xs < 0 ? 1 : -1;
  const xdL = xd.length;
  const ydL = yd.length;
  for (let i = 0, j = xdL < ydL ? xdL : ydL; i < j; ++i) {
    if (xd[i] !== yd[i]) return xd[i]! > yd[i]! !== xs < 0 ? 1 : -1;
  }
  return xdL === ydL ? 0 : xdL > ydL !== xs < 0 ? 1 : -1;
}

/** |x| against |y|: x.abs().cmp(y.abs()) without the two copies. */
export function compareAbs(x: Decimal, y: Decimal): number {
  const a = x as unknown as Digits;
  const b = y as unknown as Digits;
  const xd = a.d;
  const yd = b.d;
  if (!xd || !yd || b.e > SAFE_EXPONENT || b.e < -SAFE_EXPONENT) return x.abs().cmp(y.abs());
  if (!xd[0] || !yd[0]) return xd[0] ? 1 : yd[0] ? -1 : 0;
  if (a.e !== b.e) return a.e > b.e ? 1 : -1;
  const xdL = xd.length;
  const ydL = yd.length;
  for (let i = 0, j = xdL < ydL ? xdL : ydL; i < j; ++i) {
    if (xd[i] !== yd[i]) return xd[i]! > yd[i]! ? 1 : -1;
  }
  return xdL === ydL ? 0 : xdL > ydL ? 1 : -1;
}

export const gt = (x: Decimal, y: Decimal): boolean => compare(x, y) > 0;
export const gte = (x: Decimal, y: Decimal): boolean => compare(x, y) >= 0;
export const lt = (x: Decimal, y: Decimal): boolean => compare(x, y) < 0;
export const lte = (x: Decimal, y: Decimal): boolean => compare(x, y) <= 0;
export const eq = (x: Decimal, y: Decimal): boolean => compare(x, y) === 0;

/** x.gt(0) without making a Decimal of the 0. */
export function isPositive(x: Decimal): boolean {
  const d = (x as unknown as Digits).d;
  if (!d) return x.gt(0);
  return d[0] !== 0 && x.s > 0;
}

/** At most 35 digits (five words of seven): far inside the 40 of the precision, so such a value is its own rounding. */
function fitsPrecision(x: Decimal): boolean {
  const d = (x as unknown as Digits).d;
  return d !== null && d.length <= 5;
}

/**
 * x + y, skipping the operation when one side is zero and the other is not:
 * decimal.js would return the other side rounded to the precision, which for
 * a value of at most 35 digits is that value itself. Sums in the risk rules
 * often start from a zero position, zero spent, no working orders.
 */
export function add(x: Decimal, y: Decimal): Decimal {
  const xd = (x as unknown as Digits).d;
  const yd = (y as unknown as Digits).d;
  if (xd !== null && yd !== null) {
    if (xd[0] === 0 && yd[0] !== 0 && fitsPrecision(y)) return y;
    if (yd[0] === 0 && xd[0] !== 0 && fitsPrecision(x)) return x;
  }
  return addDec(x, y);
}

/**
 * The value as a JavaScript number when it is a whole number under 10^14,
 * read off the digits without a string; else undefined. Exact: such a
 * number is an integer a double holds exactly.
 *
 * decimal.js keeps the digits in words of seven, the first word holding
 * (e mod 7) + 1 of them, trailing zero words dropped: with one or two words
 * the digits held are a whole number n, and the value is n × 10^(the
 * integer digits not held); fewer integer digits than held means a fraction.
 */
export function wholeNumberOf(x: Decimal): number | undefined {
  const { d, e, s } = x as unknown as Digits;
  if (!d) return undefined;
  if (d[0] === 0) return 0;
  if (e < 0 || e >= 14 || d.length > 2) return undefined;
  const held = (e % 7) + 1 + 7 * (d.length - 1);
  const missing = e + 1 - held;
  if (missing < 0) return undefined;
  const n = d.length === 1 ? d[0]! : d[0]! * 1e7 + d[1]!;
  return s * n * POWERS_OF_TEN[missing]!;
}

const POWERS_OF_TEN = Array.from({ length: 15 }, (_, k) => 10 ** k);
