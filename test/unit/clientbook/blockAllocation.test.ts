// Block allocation: pro rata in whole lots by largest remainder, never losing a share to rounding.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateFill } from '../../../src/core/blockAllocation.ts';
import { ZERO, dec } from '../../../src/core/decimal.ts';

const req = (accountId: string, quantity: string) => ({ accountId, quantity: dec(quantity) });
const quantities = (r: ReturnType<typeof allocateFill>) => (r.ok ? r.lines.map((l) => `${l.accountId}:${l.quantity.toFixed()}`) : [r.reason]);

describe('allocateFill', () => {
  it('gives each account its request when the block filled completely', () => {
    expect(quantities(allocateFill(dec(600), dec(100), [req('A', '100'), req('B', '200'), req('C', '300')]))).toEqual(['A:100', 'B:200', 'C:300']);
  });

  it('splits a partial fill pro rata, the spare lot to the largest remainder', () => {
    // 4 lots over 1:1:1 → 1.333 each: one account gets the fourth lot (ties go to the first id).
    expect(quantities(allocateFill(dec(400), dec(100), [req('A', '300'), req('B', '300'), req('C', '300')]))).toEqual(['A:200', 'B:100', 'C:100']);
    // 7 lots over 5:3 → 4.375 and 2.625: the larger remainder (B) gets the spare lot.
    expect(quantities(allocateFill(dec(700), dec(100), [req('A', '500'), req('B', '300')]))).toEqual(['A:400', 'B:300']);
  });

  it('hands out an odd piece that is not a whole lot without losing it', () => {
    // Two lots, one each; the odd 50 goes to the first of the tied accounts.
    const r = allocateFill(dec(250), dec(100), [req('A', '300'), req('B', '300')]);
    expect(quantities(r)).toEqual(['A:150', 'B:100']);
  });

  it('refuses a fill larger than the accounts asked for, and an empty request list', () => {
    expect(allocateFill(dec(700), dec(100), [req('A', '300'), req('B', '300')]).ok).toBe(false);
    expect(allocateFill(dec(100), dec(100), []).ok).toBe(false);
  });

  it('property: quantities sum to the fill exactly, stay within each request, and are whole lots when the fill is', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(1, 10, 100),
        fc.array(fc.integer({ min: 1, max: 500 }), { minLength: 1, maxLength: 12 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (lot, lots, share) => {
          const requests = lots.map((n, i) => req(`A${i}`, String(n * lot)));
          const total = lots.reduce((s, n) => s + n, 0);
          const filledLots = Math.floor(total * share);
          const filled = dec(filledLots * lot);
          const r = allocateFill(filled, dec(lot), requests);
          if (!r.ok) return false;
          const sum = r.lines.reduce((s, l) => s.plus(l.quantity), ZERO);
          return (
            sum.eq(filled) &&
            r.lines.every((l, i) => l.quantity.gte(0) && l.quantity.lte(requests[i]!.quantity) && l.quantity.mod(lot).isZero())
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('property: any fill up to the total, lot or not, is allocated with no rounding loss', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 10_000 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 100 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (asks, lot, share) => {
          const total = asks.reduce((s, n) => s + n, 0);
          const filled = dec(Math.floor(total * share));
          const r = allocateFill(filled, dec(lot), asks.map((n, i) => req(`A${i}`, String(n))));
          return r.ok && r.lines.reduce((s, l) => s.plus(l.quantity), ZERO).eq(filled) && r.lines.every((l, i) => l.quantity.lte(asks[i]!));
        },
      ),
      { numRuns: 500 },
    );
  });
});
