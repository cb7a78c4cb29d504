import { Subject } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { dec } from '../../../src/core/decimal.ts';
import { newOrder, type Order, type OrderSpec, type Side } from '../../../src/core/order.ts';
import type { QuoteWire } from '../../../src/core/protocol.ts';
import { createInternalVenue } from '../../../server/venues/internal/internalVenue.ts';
import type { VenueEvent } from '../../../server/venues/types.ts';
import { AAPL, catalog, quote } from './fixtures.ts';

function setup(first?: QuoteWire) {
  const quotes$ = new Subject<QuoteWire>();
  const latest = new Map<string, QuoteWire>(first ? [[first.symbol, first]] : []);
  const venue = createInternalVenue({ quotes$, latest: (s) => latest.get(s), instruments: catalog(AAPL) });
  const events: string[] = [];
  venue.events$.subscribe((e: VenueEvent) => {
    if (e.kind === 'fill') events.push(`${e.orderId} fill ${e.quantity.toFixed()}@${e.price.toFixed()}`);
    else events.push(`${e.orderId} ${e.kind}${'reason' in e ? `: ${e.reason}` : ''}`);
  });
  const tick = (q: QuoteWire) => {
    latest.set(q.symbol, q);
    quotes$.next(q);
  };
  return { venue, events, tick };
}

let n = 0;
type SpecFields = Partial<Pick<OrderSpec, 'quantity' | 'tif' | 'symbol' | 'account'>> & { side: Side };
function order(spec: SpecFields, limitPrice?: string): Order {
  n += 1;
  const base = { symbol: 'AAPL', quantity: dec('300'), account: 'T1-MAIN', tif: 'day' as const, ...spec };
  const full: OrderSpec = limitPrice === undefined ? { ...base, type: 'market' } : { ...base, type: 'limit', limitPrice: dec(limitPrice) };
  return newOrder(full, { orderId: `O${n}`, clOrdId: `c${n}`, trader: 'trader1' }, 0);
}

const settle = () => new Promise<void>((r) => setTimeout(r, 0));

describe('internal venue', () => {
  it('reports nothing synchronously, then accepts and fills a marketable order at the touch up to the displayed size', async () => {
    const { venue, events, tick } = setup(quote('AAPL', '199.99', '200.01', '500', '200'));
    const o = order({ side: 'buy' }, '201.00');
    venue.submit(o);
    expect(events).toEqual([]);
    await settle();
    expect(events).toEqual([`${o.orderId} accepted`, `${o.orderId} fill 200@200.01`]);
    // The rest trades on the next quote that reaches the limit, at that quote's ask.
    tick(quote('AAPL', '200.50', '202.00', '500', '500'));
    tick(quote('AAPL', '200.50', '200.90', '500', '500'));
    await settle();
    expect(events.slice(2)).toEqual([`${o.orderId} fill 100@200.9`]);
  });

  it('shares the displayed size of one quote between resting orders, oldest first', async () => {
    const { venue, events, tick } = setup(quote('AAPL', '199.00', '200.00'));
    const a = order({ side: 'sell', quantity: dec('300') }, '199.50');
    const b = order({ side: 'sell', quantity: dec('300') }, '199.50');
    venue.submit(a);
    venue.submit(b);
    tick(quote('AAPL', '199.60', '199.70', '400', '400'));
    await settle();
    expect(events).toEqual([`${a.orderId} accepted`, `${b.orderId} accepted`, `${a.orderId} fill 300@199.6`, `${b.orderId} fill 100@199.6`]);
  });

  it('fills whole lots only', async () => {
    const { venue, events } = setup(quote('AAPL', '199.99', '200.01', '500', '250'));
    const o = order({ side: 'buy' });
    venue.submit(o);
    await settle();
    expect(events).toEqual([`${o.orderId} accepted`, `${o.orderId} fill 200@200.01`]);
  });

  it('rejects a market order when there is no quote', async () => {
    const { venue, events } = setup();
    const o = order({ side: 'sell' });
    venue.submit(o);
    await settle();
    expect(events).toEqual([`${o.orderId} rejected: no quote for AAPL: a market order cannot be priced`]);
  });

  it('cancels the remainder of an immediate-or-cancel order', async () => {
    const { venue, events } = setup(quote('AAPL', '199.99', '200.01', '500', '100'));
    const o = order({ side: 'buy', tif: 'ioc' }, '200.01');
    venue.submit(o);
    await settle();
    expect(events).toEqual([`${o.orderId} accepted`, `${o.orderId} fill 100@200.01`, `${o.orderId} canceled: immediate or cancel: the rest was canceled`]);
  });

  it('cancels a resting order once; a second cancel is rejected', async () => {
    const { venue, events, tick } = setup(quote('AAPL', '199.99', '200.01'));
    const o = order({ side: 'buy' }, '150.00');
    venue.submit(o);
    venue.cancel(o);
    venue.cancel(o);
    tick(quote('AAPL', '100.00', '100.01'));
    await settle();
    expect(events).toEqual([`${o.orderId} accepted`, `${o.orderId} canceled: canceled on request`, `${o.orderId} cancelRejected: order ${o.orderId} is not open at the INTERNAL venue`]);
  });

  it('stops emitting once stopped', async () => {
    const { venue, events } = setup(quote('AAPL', '199.99', '200.01'));
    venue.submit(order({ side: 'buy' }, '150.00'));
    venue.stop();
    await settle();
    expect(events).toEqual([]);
  });

  it('kills a fill-or-kill order the touch cannot fill whole, and fills one it can', async () => {
    const { venue, events } = setup(quote('AAPL', '199.99', '200.01', '500', '200'));
    const kill = order({ side: 'buy', tif: 'fok' }, '200.01');
    const fill = order({ side: 'sell', tif: 'fok', quantity: dec('200') }, '199.99');
    venue.submit(kill);
    venue.submit(fill);
    await settle();
    expect(events).toEqual([
      `${kill.orderId} accepted`,
      `${kill.orderId} canceled: fill or kill: the whole quantity was not available at once`,
      `${fill.orderId} accepted`,
      `${fill.orderId} fill 200@199.99`,
    ]);
  });

  it('replaces a resting order (a new price may trade at once), and refuses a replace once it is done', async () => {
    const { venue, events } = setup(quote('AAPL', '199.99', '200.01', '500', '500'));
    const o = order({ side: 'buy' }, '150.00');
    venue.submit(o);
    venue.replace(o, { ...o, clOrdId: 'x2', quantity: dec('200'), leavesQty: dec('200'), limitPrice: dec('200.01') });
    venue.replace(o, { ...o, clOrdId: 'x3', quantity: dec('100'), leavesQty: dec('100'), limitPrice: dec('150.00') });
    await settle();
    expect(events).toEqual([
      `${o.orderId} accepted`,
      `${o.orderId} replaced`,
      `${o.orderId} fill 200@200.01`,
      `${o.orderId} replaceRejected: too late: order ${o.orderId} is no longer open at the INTERNAL venue`,
    ]);
  });

  it('triggers a stop when the last trade reaches its stop price, then trades it as a market order', async () => {
    const { venue, events, tick } = setup(quote('AAPL', '199.99', '200.01'));
    n += 1;
    const stop = newOrder(
      { type: 'stop', symbol: 'AAPL', side: 'buy', quantity: dec('100'), stopPrice: dec('201.00'), account: 'T1-MAIN', tif: 'day' },
      { orderId: `O${n}`, clOrdId: `c${n}`, trader: 'trader1' },
      0,
    );
    venue.submit(stop);
    await settle();
    expect(events).toEqual([`${stop.orderId} accepted`]);
    tick({ ...quote('AAPL', '200.99', '201.02'), last: '201.00' });
    await settle();
    expect(events.slice(1)).toEqual([`${stop.orderId} triggered`, `${stop.orderId} fill 100@201.02`]);
  });
});
