import { dec } from '../core/decimal.ts';
import { type Direction, directionOf, formatFixed, formatQty, formatSigned, groupThousands } from '../format/numbers.ts';

/*
 * Formatting of wire decimals for the watchlist's hot path (thousands of
 * updates a second). The gateway already writes a price with the places of
 * its tick, so most of the time the text is shown as it came, grouped: no
 * Decimal is built. Any other shape goes through Decimal and gives the same
 * text, exactly (the unit tests check both paths agree).
 */

const PLAIN = /^(-?)(0|[1-9]\d*)(?:\.(\d+))?$/;

/** The number of decimals of a plain wire decimal, or -1 when the text is not in plain form. */
function placesOf(text: string): number {
  const m = PLAIN.exec(text);
  if (!m) return -1;
  return m[3]?.length ?? 0;
}

const ZERO = /^-?0(?:\.0+)?$/;

/** formatFixed(dec(text), places), without a Decimal when the text already has `places` decimals. */
export function fixedText(text: string, places: number): string {
  return placesOf(text) === places ? groupThousands(text) : formatFixed(dec(text), places);
}

/** formatQty(dec(text)) for a plain decimal with no trailing zeros in its fraction. */
export function qtyText(text: string): string {
  const p = placesOf(text);
  return p === 0 || (p > 0 && !text.endsWith('0')) ? groupThousands(text) : formatQty(dec(text));
}

/** directionOf(dec(text)) read off the text. */
export function directionOfText(text: string): Direction {
  if (placesOf(text) < 0) return directionOf(dec(text));
  if (ZERO.test(text)) return 'flat';
  return text.startsWith('-') ? 'down' : 'up';
}

/** formatSigned(dec(text), places), from the text when it already has `places` decimals. */
export function signedText(text: string, places: number): string {
  if (placesOf(text) !== places) return formatSigned(dec(text), places);
  const grouped = groupThousands(text);
  return directionOfText(text) === 'up' ? `+${grouped}` : grouped;
}

/**
 * Which way a price moved from `before` to `now`. Two non-negative plain
 * decimals with the same number of places compare as text (longer integer part
 * first, then digit by digit); anything else through Decimal.
 */
export function tickDirection(now: string, before: string | undefined): Direction {
  if (before === undefined || now === before) return 'flat';
  const a = PLAIN.exec(now);
  const b = PLAIN.exec(before);
  if (a && b && a[1] === '' && b[1] === '' && (a[3]?.length ?? 0) === (b[3]?.length ?? 0)) {
    const la = (a[2] ?? '').length;
    const lb = (b[2] ?? '').length;
    if (la !== lb) return la > lb ? 'up' : 'down';
    return now > before ? 'up' : 'down';
  }
  return directionOf(dec(now).minus(dec(before)));
}
