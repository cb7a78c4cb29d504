// A day of random fills booked by applyBookedFill and by the copy from before its lean Decimal ops: the same position, digit for digit.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../../src/core/decimal.ts';
import { type BookPosition, type BookedFill, applyBookedFill, openBookPosition } from '../../../server/portfolio/ledgerBook.ts';
import { applyBookedFillBefore } from './reference/ledgerBookBefore.ts';

const KEY = { trader: 'trader1', account: 'T1-MAIN', symbol: 'AAPL' };

/** Every Decimal of a position as its sign, exponent and digit words (what a later print or sum reads). */
function digitsOf(p: BookPosition): string {
  return JSON.stringify(p, (_k, v: unknown) => {
    if (v instanceof Decimal) {
      const f = v as unknown as { s: number; e: number; d: number[] | null };
      return `${f.s}|${f.e}|${f.d?.join(',')}`;
    }
    return v;
  });
}

const amountArb = fc.oneof(
  fc.integer({ min: 1, max: 5_000 }).map((n) => new Decimal(n)),
  fc.integer({ min: 1, max: 2_000_000 }).map((n) => new Decimal(n).div(100)),
  fc.integer({ min: 1, max: 99 }).map((n) => new Decimal(n).div(3)),
  fc.bigInt({ min: 1n, max: 10n ** 24n }).map((n) => new Decimal(n.toString()).div(10_000)),
);
const fillArb = fc.record({
  side: fc.constantFrom('buy', 'sell', 'sellShort') as fc.Arbitrary<BookedFill['side']>,
  quantity: amountArb,
  price: amountArb,
  fee: fc.oneof(fc.constant(new Decimal(0)), fc.integer({ min: 1, max: 999 }).map((n) => new Decimal(n).div(100))),
});

describe('applyBookedFill with the lean Decimal ops', () => {
  it('books every fill of a day as before', () => {
    fc.assert(
      fc.property(fc.array(fillArb, { minLength: 1, maxLength: 30 }), (fills) => {
        let now = openBookPosition(KEY, undefined);
        let before = now;
        for (const f of fills) {
          now = applyBookedFill(now, { ...KEY, ...f });
          before = applyBookedFillBefore(before, { ...KEY, ...f });
          expect(digitsOf(now)).toBe(digitsOf(before));
        }
      }),
      { numRuns: 1000 },
    );
  });
});
