import type { AssetClass } from '../../../src/core/instrument.ts';
import type { RoutingRule, RoutingTable } from './routingTable.ts';

/** What routing looks at; the asset class comes from the instrument (null when the symbol is unknown). */
export interface OrderFacts {
  readonly account: string;
  readonly symbol: string;
  readonly assetClass: AssetClass | null;
}

export interface RouteDecision {
  readonly venue: string;
  /** The rule that chose the venue, or null for the default. */
  readonly rule: RoutingRule | null;
}

const holds = <T>(allowed: ReadonlySet<T> | null, value: T | null): boolean => allowed === null || (value !== null && allowed.has(value));

export function ruleMatches(rule: RoutingRule, o: OrderFacts): boolean {
  return holds(rule.accounts, o.account) && holds(rule.symbols, o.symbol) && holds(rule.assetClasses, o.assetClass);
}

/** The venue for an order: the first rule that matches, else the default. */
export function routeOrder(table: RoutingTable, o: OrderFacts): RouteDecision {
  const rule = table.rules.find((r) => ruleMatches(r, o)) ?? null;
  return { venue: rule ? rule.venue : table.defaultVenue, rule };
}
