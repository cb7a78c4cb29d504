import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, addDec, fromUnits, isMultipleInUnits, isMultipleOf, mulDec, subDec, unitsAt } from '../../../src/core/decimal.ts';

/** The parts that make a Decimal's value and its printing: sign, exponent, digit words. */
function form(x: Decimal): { s: number; e: number; d: number[] | null; text: string } {
  const f = x as unknown as { s: number; e: number; d: number[] | null };
  return { s: f.s, e: f.e, d: f.d === null ? null : [...f.d], text: x.toFixed() };
}

/** Decimals as the order path meets them (short prices and quantities) and some far longer ones, zeros and both signs. */
const digitsText = (max: number) => fc.stringMatching(new RegExp(`^[0-9]{1,${max}}$`));
const decimalArb = fc
  .tuple(fc.boolean(), fc.oneof(digitsText(6), digitsText(12), digitsText(22)), fc.oneof(fc.constant(''), digitsText(4), digitsText(10), digitsText(18)), fc.integer({ min: -3, max: 3 }))
  .map(([neg, int, frac, shift]) => {
    const base = new Decimal(`${neg ? '-' : ''}${int}${frac === '' ? '' : `.${frac}`}`);
    return shift === 0 ? base : base.times(new Decimal(10).pow(shift));
  });
const wordsArb = fc.oneof(
  decimalArb,
  fc.constantFrom('0', '-0', '1', '0.01', '100', '9999999', '10000000', '0.0000001', '9007199254740991', '9007199254740992', '-123.45').map((t) => new Decimal(t)),
);

describe('lean decimal arithmetic equals decimal.js', () => {
  it('addDec(x, y) is x.plus(y)', () => {
    fc.assert(fc.property(wordsArb, wordsArb, (x, y) => {
      expect(form(addDec(x, y))).toEqual(form(x.plus(y)));
    }), { numRuns: 10000 });
  });
  it('subDec(x, y) is x.minus(y)', () => {
    fc.assert(fc.property(wordsArb, wordsArb, (x, y) => {
      expect(form(subDec(x, y))).toEqual(form(x.minus(y)));
    }), { numRuns: 10000 });
  });
  it('mulDec(x, y) is x.times(y)', () => {
    fc.assert(fc.property(wordsArb, wordsArb, (x, y) => {
      expect(form(mulDec(x, y))).toEqual(form(x.times(y)));
    }), { numRuns: 10000 });
  });
  it('values that cancel make the zero decimal.js makes', () => {
    fc.assert(
      fc.property(wordsArb, (x) => {
        expect(form(subDec(x, x))).toEqual(form(x.minus(x)));
        expect(form(addDec(x, x.neg()))).toEqual(form(x.plus(x.neg())));
      }),
      { numRuns: 2000 },
    );
  });
  it('a result is a Decimal of the project (its precision and rounding)', () => {
    const r = addDec(new Decimal('1.5'), new Decimal('2.25'));
    expect(r).toBeInstanceOf(Decimal);
    expect((r as unknown as { constructor: unknown }).constructor).toBe(Decimal);
    expect(Object.getPrototypeOf(r)).toBe(Object.getPrototypeOf(new Decimal(1)));
    expect(Object.keys(r)).toEqual(Object.keys(new Decimal('3.75')));
    expect(r).toStrictEqual(new Decimal('3.75'));
    expect(Decimal.isDecimal(r)).toBe(true);
    expect(new Decimal(r).toFixed()).toBe('3.75');
    expect(r.div(3).toFixed()).toBe(new Decimal('3.75').div(3).toFixed());
  });

  it('unitsAt(x, p) is x × 10^p when that is a safe whole number', () => {
    fc.assert(
      fc.property(wordsArb, fc.integer({ min: 0, max: 20 }), (x, p) => {
        const scaled = x.times(new Decimal(10).pow(p));
        const expected = scaled.isInteger() && scaled.abs().lte(Number.MAX_SAFE_INTEGER) ? Number(scaled.toFixed()) : undefined;
        const got = unitsAt(x, p);
        // decimal.js's −0 reads as 0 either way.
        expect(got === undefined ? undefined : got + 0).toBe(expected === undefined ? undefined : expected + 0);
      }),
      { numRuns: 10000 },
    );
  });

  it('fromUnits(u, p) is the Decimal u × 10^-p', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: -9999999, max: 9999999 }), fc.maxSafeInteger()).filter((u) => u !== 0),
        fc.integer({ min: 0, max: 24 }),
        (u, p) => {
          expect(form(fromUnits(u, p))).toEqual(form(new Decimal(`${u}e-${p}`)));
        },
      ),
      { numRuns: 10000 },
    );
  });
});

describe('isMultipleInUnits', () => {
  it('answers as isMultipleOf whenever it answers', () => {
    const stepArb = fc.oneof(
      fc.constantFrom('0.01', '0.05', '0.0001', '1', '100', '0.25', '5', '0.001').map((t) => new Decimal(t)),
      fc.integer({ min: 1, max: 999 }).map((n) => new Decimal(n).div(1000)),
    );
    let answered = 0;
    fc.assert(
      fc.property(wordsArb, stepArb, (value, step) => {
        const now = isMultipleInUnits(value, step);
        if (now !== undefined) {
          answered++;
          expect(now).toBe(isMultipleOf(value, step));
        }
      }),
      { numRuns: 10000 },
    );
    expect(answered).toBeGreaterThan(3000);
    expect(isMultipleInUnits(new Decimal('150.25'), new Decimal('0.05'))).toBe(true);
    expect(isMultipleInUnits(new Decimal('150.26'), new Decimal('0.05'))).toBe(false);
    expect(isMultipleInUnits(new Decimal('1'), new Decimal('0'))).toBeUndefined();
  });
});
