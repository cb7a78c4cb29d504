import { Decimal, toWire } from '../decimal.ts';

/** 1234567.5 → "1,234,567.5": the numbers of a reject are read by people. */
export function formatAmount(value: Decimal): string {
  const [whole = '', frac] = toWire(value).split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = sign ? whole.slice(1) : whole;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${grouped}${frac === undefined ? '' : `.${frac}`}`;
}

/** A money amount for a message: whole units when large, cents otherwise, grouped. */
export function formatMoney(value: Decimal): string {
  const places = value.abs().gte(1000) ? 0 : 2;
  return formatAmount(value.toDecimalPlaces(places, Decimal.ROUND_HALF_EVEN));
}

/** A percentage with at most two places: 12.3456 → "12.35". */
export function formatPercent(value: Decimal): string {
  return toWire(value.toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN));
}
