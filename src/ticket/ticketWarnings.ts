import { type Decimal, dec } from '../core/decimal.ts';
import type { Side } from '../core/order.ts';
import type { QuoteWire } from '../core/protocol.ts';
import { type RiskWarning, collarDistancePercent, formatPercent, isAggressive, orderWarnings, referencePrice } from '../core/risk/index.ts';

/** The thresholds the gateway warns and refuses at (its `riskLimits` answer); percentages in percent, notional in the base currency. */
export interface WarningThresholds {
  warnNotional: Decimal;
  warnCollarPercent: Decimal;
  /** Beyond this distance from the market (through it) the gateway refuses the order outright. */
  collarPercent: Decimal;
  baseCurrency: string;
}

/**
 * Used until the gateway has told the ticket its own limits, so a fresh
 * ticket still asks before a very large order. The gateway's figures replace
 * these as soon as they arrive, and the gateway decides in any case.
 */
export const FALLBACK_THRESHOLDS: WarningThresholds = { warnNotional: dec(1_000_000), warnCollarPercent: dec(3), collarPercent: dec(10), baseCurrency: 'USD' };

export interface TicketWarning {
  rule: RiskWarning['rule'];
  message: string;
  /** The gateway would refuse the order, not only warn. */
  blocking: boolean;
}

/** The quote's text as the risk maths takes it. */
export function referenceOf(quote: Pick<QuoteWire, 'bid' | 'ask' | 'last'> | undefined): Decimal | undefined {
  return quote ? referencePrice({ bid: dec(quote.bid), ask: dec(quote.ask), last: dec(quote.last) }) : undefined;
}

export interface WarningFacts {
  symbol: string;
  side: Side;
  /** The price the trader typed (limit, else stop); undefined for a market order. */
  price: Decimal | undefined;
  /** The order's notional in the base currency; undefined while unknown. */
  baseNotional: Decimal | undefined;
}

/**
 * What the ticket warns about as the trader types, in the gateway's own words
 * (the same pure function makes its `orderWarning`): a price far from the
 * market on the side that trades through it, a large notional; and, as a
 * blocking line, a price beyond the hard collar, which the gateway refuses.
 */
export function ticketWarnings(facts: WarningFacts, quote: Pick<QuoteWire, 'bid' | 'ask' | 'last'> | undefined, limits: WarningThresholds): TicketWarning[] {
  const reference = referenceOf(quote);
  const common = {
    symbol: facts.symbol,
    side: facts.side,
    currency: limits.baseCurrency,
    reference,
    notional: facts.baseNotional,
    warnCollarPercent: limits.warnCollarPercent,
    warnNotional: limits.warnNotional,
  };
  const beyondCollar =
    facts.price !== undefined &&
    reference !== undefined &&
    reference.gt(0) &&
    limits.collarPercent.gt(0) &&
    isAggressive(facts.side, facts.price, reference) &&
    collarDistancePercent(facts.price, reference).gt(limits.collarPercent);
  if (beyondCollar && facts.price !== undefined && reference !== undefined) {
    const away = collarDistancePercent(facts.price, reference);
    const hard: TicketWarning = {
      rule: 'priceCollar',
      message: `price ${facts.price.toFixed()} is ${formatPercent(away)}% through the market: beyond the ${formatPercent(limits.collarPercent)}% price collar, expect a reject`,
      blocking: true,
    };
    // The collar line says it all about the price; the notional may still warn.
    return [hard, ...orderWarnings({ ...common, price: undefined }).map((w) => ({ rule: w.rule, message: w.message, blocking: false }))];
  }
  return orderWarnings({ ...common, price: facts.price }).map((w) => ({ rule: w.rule, message: w.message, blocking: false }));
}

/** Above the notional threshold the ticket asks "are you sure?" before sending. */
export function needsConfirmation(baseNotional: Decimal | undefined, limits: WarningThresholds): boolean {
  return baseNotional !== undefined && baseNotional.gt(limits.warnNotional);
}
