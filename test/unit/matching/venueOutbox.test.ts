import { describe, expect, it } from 'vitest';
import { harness, settle } from './venueMarket.ts';

// The venue's events wait in a ring that doubles when full: bursts longer than its first size, and
// bursts that start anywhere in it, come out whole and in order, one microtask per event.

describe('the venue outbox', () => {
  it('delivers bursts past its first capacity, and after wrapping round, in order', async () => {
    const h = harness();
    h.market.setDepth('ACME', [['99.00', '10']], [['101.00', '10']]);
    const ids: string[] = [];
    // 40, then 150 (grows while part-full after the wrap), then 300 orders in one turn each.
    for (const burst of [40, 150, 300]) {
      for (let i = 0; i < burst; i++) {
        const o = h.order({ side: 'buy', price: '98.00', qty: '1' });
        ids.push(o.orderId);
        h.venue.submit(o);
      }
      await settle();
    }
    expect(h.events.map((e) => `${e.kind} ${e.orderId}`)).toEqual(ids.map((id) => `accepted ${id}`));
  });

  it('a delivered event is the one emitted: fills of a sweep keep their order across a growth', async () => {
    const h = harness();
    h.market.setDepth('ACME', [['99.00', '10']], [['101.00', '10']]);
    const sellers = Array.from({ length: 100 }, (_, i) => h.order({ side: 'sell', price: '100.50', qty: '1', trader: `s${i}` }));
    for (const o of sellers) h.venue.submit(o);
    await settle();
    const buyer = h.order({ side: 'buy', price: '100.50', qty: '100' });
    h.venue.submit(buyer);
    await settle();
    const afterAccepts = h.events.slice(100);
    expect(afterAccepts[0]).toMatchObject({ kind: 'accepted', orderId: buyer.orderId });
    // Each trade: the resting seller's fill, then the buyer's.
    const fills = afterAccepts.slice(1);
    expect(fills).toHaveLength(200);
    for (let i = 0; i < 100; i++) {
      expect(fills[2 * i]).toMatchObject({ kind: 'fill', orderId: sellers[i]!.orderId });
      expect(fills[2 * i + 1]).toMatchObject({ kind: 'fill', orderId: buyer.orderId });
    }
  });
});
