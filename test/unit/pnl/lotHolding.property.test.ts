// FIFO additions are O(1) (a chain built into an array when read): every holding reads as the copied array it replaced.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dec } from '../../../src/core/decimal.ts';
import type { Lot, LotHolding } from '../../../src/core/pnl/inventory.ts';
import { addLot, lotsCost, lotsQuantity, openLots, reduceLots } from '../../../src/core/pnl/lotHolding.ts';

const text = (lots: readonly Lot[]) => lots.map((l) => `${l.quantity.toFixed()}@${l.price.toFixed()}`).join(',');

type Step = { kind: 'add'; quantity: number; price: number } | { kind: 'read' } | { kind: 'reduce'; quantity: number };
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), quantity: fc.integer({ min: 1, max: 50 }), price: fc.integer({ min: 1, max: 10_000 }) }),
  fc.constant({ kind: 'read' as const }),
  fc.record({ kind: fc.constant('reduce' as const), quantity: fc.integer({ min: 1, max: 50 }) }),
);

describe('FIFO lots', () => {
  it('every holding, old or new, read before or after later additions, holds exactly the lots the array model holds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.array(stepArb, { maxLength: 60 }), (first, steps) => {
        let h: LotHolding = openLots('long', dec(first), dec(7));
        let model: Lot[] = [{ quantity: dec(first), price: dec(7) }];
        const history: [LotHolding, string][] = [[h, text(model)]];
        for (const s of steps) {
          if (s.kind === 'add') {
            h = addLot(h, dec(s.quantity), dec(s.price));
            model = [...model, { quantity: dec(s.quantity), price: dec(s.price) }];
          } else if (s.kind === 'read') {
            expect(text(h.lots)).toBe(text(model));
          } else {
            const held = lotsQuantity(h);
            const q = dec(s.quantity);
            if (q.gte(held)) continue;
            const r = reduceLots(h, q, dec(1));
            if (r.rest === null) continue;
            h = r.rest;
            model = [...h.lots];
          }
          history.push([h, text(model)]);
        }
        // Every earlier holding still reads as it did: nothing added later leaked into it.
        for (const [old, want] of history) expect(text(old.lots)).toBe(want);
        expect(lotsQuantity(h).toFixed()).toBe(model.reduce((q, l) => q.plus(l.quantity), dec(0)).toFixed());
        expect(lotsCost(h, dec(50)).toFixed()).toBe(model.reduce((c, l) => c.plus(l.quantity.times(l.price)), dec(0)).times(50).toFixed());
      }),
    );
  });
});
