/**
 * Conversion to a base currency. A rate is quoted as units of base per one
 * unit of the foreign currency (EURUSD 1.08 in a USD book is EUR → 1.08), so
 * conversion is one exact multiplication and nothing is rounded here: rounding
 * belongs to whoever prints the figure. A missing rate is an answer, not a
 * crash, because a desk monitor must still show the rows it can convert.
 */
import { Decimal, dec } from '../decimal.ts';
import type { Money } from './money.ts';

export interface FxRates {
  readonly base: string;
  /** Units of base per one unit of the keyed currency. */
  readonly perUnit: ReadonlyMap<string, Decimal>;
}

export type FxResult<T> = { ok: true; value: T } | { ok: false; missingCurrency: string };

/** Builds a rate table from wire strings: `fxRates('USD', { EUR: '1.08', JPY: '0.0067' })`. */
export function fxRates(base: string, perUnit: Readonly<Record<string, string | Decimal>>): FxRates {
  const table = new Map<string, Decimal>();
  for (const [currency, rate] of Object.entries(perUnit)) {
    const r = dec(rate);
    if (!r.gt(0)) throw new Error(`FX rate for ${currency} must be positive`);
    table.set(currency, r);
  }
  return { base, perUnit: table };
}

/** One, shared: the base currency's rate on every call is the same immutable object, so a cache can compare it by identity. */
export const ONE = new Decimal(1);

/** The rate that turns one unit of currency into base (1 for the base itself). */
export function rateToBase(currency: string, rates: FxRates): Decimal | undefined {
  if (currency === rates.base) return ONE;
  return rates.perUnit.get(currency);
}

export function toBase(m: Money, rates: FxRates): FxResult<Money> {
  const rate = rateToBase(m.currency, rates);
  if (rate === undefined) return { ok: false, missingCurrency: m.currency };
  return { ok: true, value: { amount: m.amount.times(rate), currency: rates.base } };
}
