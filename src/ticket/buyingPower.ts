import { type Decimal, dec } from '../core/decimal.ts';
import type { Side } from '../core/order.ts';

/** One account's limits as the gateway's `riskLimits` answer states them (decimals as text, in the base currency). */
export interface AccountLimitWire {
  account: string;
  currency: string;
  buyingPower: string;
  used: string;
}

/** Units of the base currency per unit of each other currency, as the gateway values orders. */
export type FxRates = Readonly<Record<string, string>>;

/**
 * An amount in `currency` in the limits' base currency, as the gateway
 * converts it; undefined when there is no rate (the ticket then says so
 * rather than guess).
 */
export function toBase(amount: Decimal, currency: string, baseCurrency: string, fxRates: FxRates): Decimal | undefined {
  if (currency === baseCurrency) return amount;
  const rate = fxRates[currency];
  return rate === undefined ? undefined : amount.times(dec(rate));
}

export type BuyingPowerView =
  | { kind: 'unknown' }
  | { kind: 'known'; currency: string; before: Decimal; after: Decimal; short: boolean }
  /** No FX rate for the order's currency: the ticket shows what is left today only. */
  | { kind: 'noRate'; currency: string; before: Decimal };

/**
 * Buying power left after this order = buying power − used − this order's
 * notional (in the account's currency). Only a buy spends it, as the
 * gateway counts it (server/risk buyingPowerRule: purchases today and working
 * buys): the ticket used to spend it on a short sale too, so the figure fell
 * as a short was typed and rose back once it was sent. `short` says the order
 * would take the account below zero, which the gateway would refuse.
 */
export function buyingPowerAfter(
  limits: { accounts: readonly AccountLimitWire[]; fxRates: FxRates } | undefined,
  account: string,
  side: Side,
  order: { notional: Decimal; currency: string } | undefined,
): BuyingPowerView {
  const line = limits?.accounts.find((l) => l.account === account);
  if (!limits || !line) return { kind: 'unknown' };
  const before = dec(line.buyingPower).minus(dec(line.used));
  const spends = side === 'buy';
  if (!spends || !order) return { kind: 'known', currency: line.currency, before, after: before, short: before.isNegative() };
  const cost = toBase(order.notional, order.currency, line.currency, limits.fxRates);
  if (cost === undefined) return { kind: 'noRate', currency: line.currency, before };
  const after = before.minus(cost);
  return { kind: 'known', currency: line.currency, before, after, short: after.isNegative() };
}

/** What the ticket says when the order would take the account below zero. */
export function buyingPowerShortText(account: string): string {
  return `not enough buying power in ${account}: the gateway will refuse this order`;
}
