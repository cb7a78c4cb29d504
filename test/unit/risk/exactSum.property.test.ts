// ExactSum (server/risk/exactSum.ts) against the plain decimal.js running sum it stands for: the same Decimal
// (sign, exponent, digit words) after every step, whether the terms fit in integers or not.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, ZERO } from '../../../src/core/decimal.ts';
import { ExactSum } from '../../../server/risk/exactSum.ts';

const form = (x: Decimal) => {
  const f = x as unknown as { s: number; e: number; d: number[] | null };
  return [f.s, f.e, f.d === null ? null : [...f.d], x.toFixed()];
};

/** Non-zero terms, as notionals and quantities are: short ones mostly, some far too long for a safe integer. */
const termArb = fc.oneof(
  { arbitrary: fc.integer({ min: 1, max: 9_999_999 }).map((n) => new Decimal(n).div(100)), weight: 4 },
  { arbitrary: fc.integer({ min: 1, max: 5_000 }).map((n) => new Decimal(n)), weight: 3 },
  { arbitrary: fc.tuple(fc.integer({ min: 1, max: 999_999 }), fc.integer({ min: 0, max: 12 })).map(([n, k]) => new Decimal(n).div(new Decimal(10).pow(k))), weight: 2 },
  { arbitrary: fc.bigInt({ min: 1n, max: 10n ** 38n }).map((n) => new Decimal(n.toString()).div(1000)), weight: 1 },
);
const stepArb = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), x: termArb, sign: fc.constantFrom(1 as const, -1 as const) }),
  fc.record({ kind: fc.constant('product' as const), x: termArb, y: termArb, sign: fc.constantFrom(1 as const, -1 as const) }),
  fc.record({ kind: fc.constant('restart' as const), x: termArb }),
);

describe('ExactSum', () => {
  it('is the running decimal.js sum after every step', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 40 }), (steps) => {
        const sum = new ExactSum();
        let plain = ZERO;
        for (const s of steps) {
          if (s.kind === 'add') {
            sum.add(s.x, s.sign);
            plain = s.sign === 1 ? plain.plus(s.x) : plain.minus(s.x);
          } else if (s.kind === 'product') {
            sum.addProduct(s.x, s.y, s.sign);
            plain = s.sign === 1 ? plain.plus(s.x.times(s.y)) : plain.minus(s.x.times(s.y));
          } else {
            sum.restartWith(s.x);
            plain = ZERO.plus(s.x);
          }
          expect(form(sum.sum)).toEqual(form(plain));
          expect(sum.isNeg()).toBe(plain.isNeg());
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('reads its units at any finer places while it holds them', () => {
    const sum = new ExactSum();
    sum.add(new Decimal('12.5'), 1);
    sum.addProduct(new Decimal('100'), new Decimal('0.25'), 1);
    expect(sum.heldPlaces()).toBe(2);
    expect(sum.unitsAtPlaces(2)).toBe(3750);
    expect(sum.unitsAtPlaces(4)).toBe(375000);
    sum.add(new Decimal('1e30'), 1);
    expect(sum.heldPlaces()).toBeUndefined();
    expect(sum.unitsAtPlaces(2)).toBeUndefined();
    expect(sum.sum.toFixed()).toBe('1000000000000000000000000000037.5');
  });
});

describe('isOne', () => {
  it('is d.eq(1)', async () => {
    const { isOne } = await import('../../../server/risk/workingOrders.ts');
    const arb = fc.oneof(
      fc.constantFrom('1', '1.0', '-1', '0', '-0', '10', '0.1', '1.0000000000000000000001', '0.99999999999', '1e0', '100e-2', 'Infinity', 'NaN').map((t) => new Decimal(t)),
      fc.integer({ min: -3, max: 3 }).map((n) => new Decimal(n)),
      fc.tuple(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 0, max: 3 })).map(([n, k]) => new Decimal(n).div(new Decimal(10).pow(k))),
    );
    fc.assert(
      fc.property(arb, (d) => {
        expect(isOne(d)).toBe(d.eq(1));
      }),
    );
    expect(isOne(new Decimal('100').div(100))).toBe(true);
  });
});
