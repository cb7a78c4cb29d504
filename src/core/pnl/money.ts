/**
 * An amount of money always travels with its currency, so two amounts in
 * different currencies can never be added by mistake: addition refuses them
 * and conversion goes through fx.ts.
 */
import { Decimal, ZERO } from '../decimal.ts';

export interface Money {
  readonly amount: Decimal;
  readonly currency: string;
}

export function money(amount: Decimal, currency: string): Money {
  return { amount, currency };
}

export function zeroMoney(currency: string): Money {
  return { amount: ZERO, currency };
}

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new Error(`cannot combine ${a.currency} with ${b.currency}; convert first`);
}

export function addMoney(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return { amount: a.amount.plus(b.amount), currency: a.currency };
}

export function subtractMoney(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return { amount: a.amount.minus(b.amount), currency: a.currency };
}
