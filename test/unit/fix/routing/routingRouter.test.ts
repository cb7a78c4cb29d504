import { EMPTY } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { dec } from '../../../../src/core/decimal.ts';
import { type Instrument, instrumentFromWire } from '../../../../src/core/instrument.ts';
import { newOrder } from '../../../../src/core/order.ts';
import { createRoutingRouter } from '../../../../server/venues/routing/routingRouter.ts';
import { RoutingTableError, parseRoutingTable } from '../../../../server/venues/routing/routingTable.ts';
import type { Venue } from '../../../../server/venues/types.ts';

const venue = (name: string): Venue => ({ name, submit: () => {}, cancel: () => {}, replace: () => {}, events$: EMPTY, stop: () => {} });
const internal = venue('INTERNAL');
const fx = venue('FXBROKER');

const instruments = new Map<string, Instrument>(
  [
    { symbol: 'EURUSD', assetClass: 'fx' as const },
    { symbol: 'IBM', assetClass: 'equity' as const },
  ].map(({ symbol, assetClass }) => [
    symbol,
    instrumentFromWire({ symbol, name: symbol, assetClass, sector: '', currency: 'USD', tickSize: '0.01', lotSize: '1', multiplier: '1', referencePrice: '1' }),
  ]),
);

const order = (symbol: string) =>
  newOrder({ type: 'market', symbol, side: 'buy', quantity: dec('1'), account: 'ACC-7', tif: 'day' }, { orderId: 'O1', clOrdId: 'c1', trader: 't' }, 0);

describe('createRoutingRouter', () => {
  const table = parseRoutingTable({ rules: [{ venue: 'FXBROKER', assetClass: 'fx' }], default: 'INTERNAL' });

  it("routes by the instrument's asset class and lists every venue for the OMS to listen to", () => {
    const router = createRoutingRouter(table, [internal, fx], instruments);
    expect(router.venueFor(order('EURUSD'))).toBe(fx);
    expect(router.venueFor(order('IBM'))).toBe(internal);
    expect(router.venueFor(order('NOPE'))).toBe(internal);
    expect(router.venues).toEqual([internal, fx]);
  });

  it('refuses a table that names a venue it was not given', () => {
    expect(() => createRoutingRouter(table, [internal], instruments)).toThrow(RoutingTableError);
    expect(() => createRoutingRouter(table, [internal], instruments)).toThrow('FXBROKER');
  });
});
