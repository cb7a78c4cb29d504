// ExactSum.addUnits (a term kept as its units: a working buy's notional, server/risk/workingOrders.ts)
// against add() of the term's Decimal: the same sum (sign, exponent, digit words), the same units held.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, fromUnits, unitsAt } from '../../../src/core/decimal.ts';
import { ExactSum } from '../../../server/risk/exactSum.ts';

const form = (x: Decimal) => {
  const f = x as unknown as { s: number; e: number; d: number[] | null };
  return [f.s, f.e, f.d === null ? null : [...f.d], x.toFixed()];
};

/** Non-zero terms of either sign: short ones mostly, some too long to keep in units. */
const termArb = fc.oneof(
  { arbitrary: fc.integer({ min: 1, max: 9_999_999 }).map((n) => new Decimal(n).div(100)), weight: 4 },
  { arbitrary: fc.tuple(fc.integer({ min: 1, max: 999_999 }), fc.integer({ min: 0, max: 14 })).map(([n, k]) => new Decimal(n).div(new Decimal(10).pow(k))), weight: 3 },
  { arbitrary: fc.integer({ min: 1, max: 2 ** 53 - 1 }).map((n) => new Decimal(n)), weight: 1 },
  { arbitrary: fc.bigInt({ min: 1n, max: 10n ** 38n }).map((n) => new Decimal(n.toString()).div(1000)), weight: 1 },
).chain((x) => fc.constantFrom(x, x.neg()));

describe('ExactSum.addUnits', () => {
  it('adds a term kept as its units exactly as add() adds the Decimal', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ x: termArb, sign: fc.constantFrom(1 as const, -1 as const), asUnits: fc.boolean() }), { maxLength: 40 }), (steps) => {
        const viaUnits = new ExactSum();
        const viaDecimal = new ExactSum();
        for (const s of steps) {
          const places = s.x.decimalPlaces();
          const units = unitsAt(s.x, places);
          if (s.asUnits && units !== undefined) {
            // What the working buys keep: the units and places, which make the very same Decimal again.
            expect(form(fromUnits(units, places))).toEqual(form(s.x));
            viaUnits.addUnits(units, places, s.sign);
          } else viaUnits.add(s.x, s.sign);
          viaDecimal.add(s.x, s.sign);
          expect(form(viaUnits.sum)).toEqual(form(viaDecimal.sum));
          expect(viaUnits.heldPlaces()).toBe(viaDecimal.heldPlaces());
          expect(viaUnits.isNeg()).toBe(viaDecimal.isNeg());
        }
      }),
      { numRuns: 3000 },
    );
  });
});
