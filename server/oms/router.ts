import type { Routable, Venue } from '../venues/types.ts';

/** Chooses the venue for an order. */
export interface Router {
  readonly venues: readonly Venue[];
  venueFor(order: Routable): Venue;
}

/**
 * This slice has one venue, the internal one, so every order goes there.
 * Smart routing (by asset class, by liquidity, to a FIX broker) replaces this
 * function without the OMS noticing.
 */
export function createRouter(internal: Venue): Router {
  return { venues: [internal], venueFor: () => internal };
}
