/**
 * A Decimal as an exact integer count of 10^-places, read from the digits
 * decimal.js keeps (its documented internal form: `d`, base-1e7 digit groups
 * with no leading zeros in the first; `e`, the base-10 exponent of the first
 * digit; `s`, the sign), with no Decimal operation and no allocation. The
 * venue turns every order's price and quantity into ticks and lots with it;
 * a Decimal divide and modulo each cost more than the matching.
 */
import type { Decimal } from '../../../src/core/decimal.ts';

/** Decimal digits of a base-1e7 group (1 … 9999999; 0 counts as one digit). */
function digitsOf(group: number): number {
  if (group < 1e3) return group < 10 ? 1 : group < 100 ? 2 : 3;
  if (group < 1e5) return group < 1e4 ? 4 : 5;
  return group < 1e6 ? 6 : 7;
}

/** Powers of ten a double holds exactly. */
const POW10: readonly number[] = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * `x × 10^places` when that is a whole number a double holds exactly (a safe
 * integer); NaN when it is not a whole number, not a safe integer, or x is
 * not finite. The caller falls back to Decimal arithmetic on NaN.
 */
export function scaledInteger(x: Decimal, places: number): number {
  const d = (x as unknown as { d: number[] | null }).d;
  if (d === null || d === undefined || d.length === 0) return Number.NaN;
  let m = d[0]!;
  let length = digitsOf(m);
  const last = d.length - 1;
  for (let i = 1; i <= last; i++) {
    let group = d[i]!;
    let width = 7;
    // The last group's trailing zeros are padding of the base-1e7 form: leave them out, so 0.5 × 10^k stays small.
    if (i === last) {
      while (width > 1 && group % 10 === 0) {
        group /= 10;
        width -= 1;
      }
    }
    m = m * POW10[width]! + group;
    length += width;
    if (m > Number.MAX_SAFE_INTEGER) return Number.NaN;
  }
  // x = m × 10^(e + 1 - length): shift that by `places`.
  const shift = x.e + 1 - length + places;
  let n: number;
  if (shift >= 0) {
    if (shift >= POW10.length) return m === 0 ? 0 : Number.NaN;
    n = m * POW10[shift]!;
    if (!Number.isSafeInteger(n)) return Number.NaN;
  } else {
    // m < 2^53 < 10^16: a larger power of ten divides only zero.
    if (-shift >= 16) return m === 0 ? 0 : Number.NaN;
    const p = POW10[-shift]!;
    if (m % p !== 0) return Number.NaN;
    n = m / p;
  }
  return x.s < 0 ? -n : n;
}
