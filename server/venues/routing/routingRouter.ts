import type { InstrumentCatalog } from '../../marketdata/types.ts';
import type { Routable, Venue } from '../types.ts';
import { routeOrder } from './routeOrder.ts';
import { type RoutingTable, RoutingTableError, venuesOf } from './routingTable.ts';

/** Chooses the venue of each order: the same shape as the OMS's Router, which it is meant to replace. */
export interface TableRouter {
  readonly venues: readonly Venue[];
  venueFor(order: Routable): Venue;
}

/**
 * A router over a routing table. Every venue the table names must be
 * among the venues given, so a typo stops the gateway at start rather than
 * losing an order later.
 */
export function createRoutingRouter(table: RoutingTable, venues: readonly Venue[], instruments: Pick<InstrumentCatalog, 'get'>): TableRouter {
  const byName = new Map(venues.map((v) => [v.name, v]));
  const missing = [...venuesOf(table)].filter((name) => !byName.has(name));
  if (missing.length > 0) {
    throw new RoutingTableError(`the routing table names venues that do not exist: ${missing.join(', ')} (known: ${[...byName.keys()].join(', ')})`);
  }
  return {
    venues,
    venueFor(order: Routable): Venue {
      const assetClass = instruments.get(order.symbol)?.assetClass ?? null;
      const { venue } = routeOrder(table, { account: order.account, symbol: order.symbol, assetClass });
      return byName.get(venue)!; // checked above: every venue of the table exists
    },
  };
}
