import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../../server/venues/matching/commands.ts';
import type { MatchEvent } from '../../../server/venues/matching/events.ts';
import { OrderBook } from '../../../server/venues/matching/orderBook.ts';
import { orderFlow, type FlowStep } from './orderFlow.arbitrary.ts';
import { ReferenceBook } from './referenceBook.ts';

function onReference(book: ReferenceBook, s: FlowStep): MatchEvent[] {
  switch (s.kind) {
    case 'limit':
      return book.limit(s.id, s.owner, s.side, s.price, s.lots, s.tif);
    case 'market':
      return book.market(s.id, s.owner, s.side, s.lots);
    case 'stop':
      return book.stop(s.id, s.owner, s.side, s.stopPrice, s.lots);
    case 'stopLimit':
      return book.stopLimit(s.id, s.owner, s.side, s.stopPrice, s.price, s.lots, s.tif);
    case 'cancel':
      return book.cancel(s.id);
    case 'amend':
      return book.amend(s.id, s.price, s.lots);
    case 'endOfDay':
      return book.expireDayOrders();
  }
}

describe('the engine against a slow reference of the same rules', () => {
  it('emits exactly the events the reference emits, step by step', () => {
    fc.assert(
      fc.property(orderFlow, (flow) => {
        const fast = new OrderBook();
        const slow = new ReferenceBook();
        flow.forEach((s, i) => {
          const got = (s.kind === 'endOfDay' ? fast.expireDayOrders() : applyCommand(fast, s)).toArray();
          expect(got, `step ${i}: ${JSON.stringify(s)}`).toEqual(onReference(slow, s));
        });
      }),
      { numRuns: 400 },
    );
  });
});
