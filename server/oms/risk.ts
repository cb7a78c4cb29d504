import { type Decimal, dec, toWire } from '../../src/core/decimal.ts';
import { type Instrument, notional } from '../../src/core/instrument.ts';
import type { OrderSpec } from '../../src/core/order.ts';

/** Pre-trade limits of this slice; one desk-wide set, per order. */
export interface RiskLimits {
  /** In the instrument's currency, multiplier included. */
  readonly maxOrderNotional: Decimal;
}

export const DEFAULT_RISK_LIMITS: RiskLimits = { maxOrderNotional: dec(5_000_000) };

/** The touch a market order would trade at; absent when there is no live quote. */
export interface Touch {
  readonly bid: Decimal;
  readonly ask: Decimal;
}

export type RiskResult = { ok: true; notional: Decimal } | { ok: false; reason: string };

/** 1234567.5 → "1,234,567.5": a reject text people read. */
export function groupThousands(value: Decimal): string {
  const [whole = '', frac] = toWire(value).split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = sign ? whole.slice(1) : whole;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${grouped}${frac === undefined ? '' : `.${frac}`}`;
}

/**
 * Checks an order that already passed the ticket rules. A limit order is
 * valued at its limit, a market order at the touch it would take, which is
 * why a market order needs a live quote.
 */
export function checkPreTrade(spec: OrderSpec, instrument: Instrument, touch: Touch | undefined, limits: RiskLimits): RiskResult {
  let price: Decimal;
  if (spec.type === 'limit') {
    price = spec.limitPrice;
  } else {
    const side = touch === undefined ? undefined : spec.side === 'buy' ? touch.ask : touch.bid;
    if (side === undefined || side.lte(0)) return { ok: false, reason: `a market order needs a live quote and there is none for ${spec.symbol}` };
    price = side;
  }
  const value = notional(spec.quantity, price, instrument);
  if (value.gt(limits.maxOrderNotional)) {
    return {
      ok: false,
      reason:
        `order notional ${groupThousands(value)} ${instrument.currency} exceeds the per-order limit of ` +
        `${groupThousands(limits.maxOrderNotional)} ${instrument.currency}`,
    };
  }
  return { ok: true, notional: value };
}
