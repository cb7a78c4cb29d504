import type { Decimal } from '../core/decimal.ts';

/** Whether a number reads as a gain, a loss or nothing: the colour a cell takes. */
export type Direction = 'up' | 'down' | 'flat';

export function directionOf(d: Decimal): Direction {
  if (d.isZero()) return 'flat';
  return d.isNegative() ? 'down' : 'up';
}

/** Adds thousands separators to a fixed-point string such as "-1234567.50". */
export function groupThousands(fixed: string): string {
  const negative = fixed.startsWith('-');
  const body = negative ? fixed.slice(1) : fixed;
  const point = body.indexOf('.');
  const whole = point === -1 ? body : body.slice(0, point);
  const fraction = point === -1 ? '' : body.slice(point);
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  // "-0.00" is rounding's leftover sign, not a loss.
  const isZero = /^[0.,]*$/.test(grouped + fraction);
  return `${negative && !isZero ? '-' : ''}${grouped}${fraction}`;
}

/** A decimal with exactly `places` decimals (half-even) and thousands separators. */
export function formatFixed(d: Decimal, places: number): string {
  return groupThousands(d.toFixed(places));
}

/** A quantity as it is: its own decimals, grouped. */
export function formatQty(d: Decimal): string {
  return groupThousands(d.toFixed());
}

export function formatMoney(d: Decimal): string {
  return formatFixed(d, 2);
}

/** P&L and changes carry an explicit sign so a gain and a loss never look alike. */
export function formatSigned(d: Decimal, places: number): string {
  const text = formatFixed(d, places);
  return directionOf(d) === 'up' && !/^[0.,]*$/.test(text) ? `+${text}` : text;
}

/**
 * An average price: at least the instrument's tick decimals, more when the
 * average has them (up to four extra), so 189.995 is not shown as 190.00.
 */
export function formatAvgPx(d: Decimal, tickPlaces: number): string {
  const places = Math.min(Math.max(tickPlaces, d.decimalPlaces()), tickPlaces + 4);
  return formatFixed(d, places);
}
