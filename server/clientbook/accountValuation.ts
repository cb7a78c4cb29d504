/**
 * Accounts valued at the gateway's latest prices: holdings with market value,
 * weight and model target, drift from the model, and the allocation by asset
 * class, sector, region and currency. The terminal revalues the same
 * holdings live from quotes; these figures are the list's and the rules'.
 */
import { type Decimal, ZERO, dec, toWire } from '../../src/core/decimal.ts';
import type { Instrument } from '../../src/core/instrument.ts';
import type { AllocationSliceWire, AllocationWire, ClientAccountWire } from '../../src/core/protocol/clientBook.ts';
import { accountDrift } from '../../src/core/rebalance.ts';
import type { AccountRecord, HoldingRecord, ModelRecord } from './clientBookStore.ts';

export interface ValuedHolding {
  symbol: string;
  quantity: Decimal;
  avgCost: Decimal;
  price: Decimal;
  marketValue: Decimal;
  instrument: Instrument | undefined;
}

export interface ValuedAccount {
  account: AccountRecord;
  cash: Decimal;
  holdings: ValuedHolding[];
  marketValue: Decimal;
  total: Decimal;
  drift: Decimal;
  model: ModelRecord | undefined;
}

export interface ValuationDeps {
  instrument(symbol: string): Instrument | undefined;
  /** Latest price (last trade, else the reference price); undefined for an unknown symbol. */
  price(symbol: string): Decimal | undefined;
}

/** Where an instrument's market is, for the region breakdown: from its name for international funds, else its currency. */
export function regionOf(instrument: Instrument | undefined): string {
  if (!instrument) return 'Other';
  if (instrument.sector === 'International') {
    const n = instrument.name;
    if (/Europe/i.test(n)) return 'Europe';
    if (/Japan|China|India|Asia|Pacific|Korea/i.test(n)) return 'Asia Pacific';
    if (/Emerging/i.test(n)) return 'Emerging markets';
    return 'Developed ex-US';
  }
  switch (instrument.currency) {
    case 'USD':
      return 'North America';
    case 'EUR':
    case 'GBP':
    case 'CHF':
      return 'Europe';
    case 'JPY':
    case 'HKD':
    case 'AUD':
      return 'Asia Pacific';
    default:
      return 'Other';
  }
}

export function valueAccount(
  account: AccountRecord,
  holdings: readonly HoldingRecord[],
  model: ModelRecord | undefined,
  deps: ValuationDeps,
): ValuedAccount {
  const valued = holdings.map((h) => {
    const instrument = deps.instrument(h.symbol);
    const quantity = dec(h.quantity);
    const price = deps.price(h.symbol) ?? dec(h.avgCost);
    return { symbol: h.symbol, quantity, avgCost: dec(h.avgCost), price, marketValue: quantity.times(price).times(instrument?.multiplier ?? 1), instrument };
  });
  const cash = dec(account.cash);
  const marketValue = valued.reduce((s, h) => s.plus(h.marketValue), ZERO);
  const total = marketValue.plus(cash);
  const targets = (model?.targets ?? []).map((t) => ({ symbol: t.symbol, weight: dec(t.weight) }));
  const drift = accountDrift(total, valued, targets);
  return { account, cash, holdings: valued, marketValue, total, drift, model };
}

const weightOf = (part: Decimal, total: Decimal) => (total.gt(0) ? part.div(total) : ZERO);
const w6 = (d: Decimal) => toWire(d.toDecimalPlaces(6));
const m2 = (d: Decimal) => toWire(d.toDecimalPlaces(2));

export function accountToWire(v: ValuedAccount): ClientAccountWire {
  const target = new Map((v.model?.targets ?? []).map((t) => [t.symbol, t.weight]));
  return {
    accountId: v.account.accountId,
    name: v.account.name,
    type: v.account.type,
    currency: v.account.currency,
    modelId: v.account.modelId,
    cash: toWire(v.cash),
    marketValue: m2(v.marketValue),
    drift: w6(v.drift),
    holdings: v.holdings.map((h) => ({
      symbol: h.symbol,
      quantity: toWire(h.quantity),
      avgCost: toWire(h.avgCost),
      price: toWire(h.price),
      marketValue: m2(h.marketValue),
      weight: w6(weightOf(h.marketValue, v.total)),
      targetWeight: target.get(h.symbol) ?? '0',
      assetClass: h.instrument?.assetClass ?? 'unknown',
      sector: h.instrument?.sector ?? 'Unknown',
      region: regionOf(h.instrument),
      currency: h.instrument?.currency ?? v.account.currency,
    })),
  };
}

/** Value by asset class, sector, region and currency over several accounts; cash is its own bucket. */
export function allocationOf(accounts: readonly ValuedAccount[]): AllocationWire {
  const buckets = { assetClass: new Map<string, Decimal>(), sector: new Map<string, Decimal>(), region: new Map<string, Decimal>(), currency: new Map<string, Decimal>() };
  const add = (m: Map<string, Decimal>, k: string, v: Decimal) => m.set(k, (m.get(k) ?? ZERO).plus(v));
  let total = ZERO;
  for (const a of accounts) {
    total = total.plus(a.total);
    add(buckets.assetClass, 'cash', a.cash);
    add(buckets.sector, 'Cash', a.cash);
    add(buckets.region, 'Cash', a.cash);
    add(buckets.currency, a.account.currency, a.cash);
    for (const h of a.holdings) {
      add(buckets.assetClass, h.instrument?.assetClass ?? 'unknown', h.marketValue);
      add(buckets.sector, h.instrument?.sector ?? 'Unknown', h.marketValue);
      add(buckets.region, regionOf(h.instrument), h.marketValue);
      add(buckets.currency, h.instrument?.currency ?? a.account.currency, h.marketValue);
    }
  }
  const slices = (m: Map<string, Decimal>): AllocationSliceWire[] =>
    [...m.entries()]
      .filter(([, v]) => !v.isZero())
      .sort((a, b) => b[1].comparedTo(a[1]) || a[0].localeCompare(b[0]))
      .map(([key, value]) => ({ key, value: m2(value), weight: w6(weightOf(value, total)) }));
  return { assetClass: slices(buckets.assetClass), sector: slices(buckets.sector), region: slices(buckets.region), currency: slices(buckets.currency) };
}
