// The collar's integer decisions against the Decimal work they skip (reference/collarBefore.ts and
// reference/warningsBefore.ts are the code as it was): the same answer whenever they give one.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../../src/core/decimal.ts';
import { aggressiveInsideCollar, referencePrice, withinPercentOf } from '../../../src/core/risk/collar.ts';
import { mayBeFurtherThan } from '../../../src/core/risk/warnings.ts';
import type { TickRule } from '../../../src/core/tickTable.ts';
import { collarBand, collarWidth, isAggressive, isInsideBand, referencePrice as referencePriceBefore } from './reference/collarBefore.ts';

/** Positive prices on a few grids (whole, cents, hundredths of cents, odd long ones). */
const priceArb = fc.oneof(
  fc.integer({ min: 1, max: 2_000_000 }).map((n) => new Decimal(n).div(100)),
  fc.integer({ min: 1, max: 99_999_999 }).map((n) => new Decimal(n).div(10_000)),
  fc.integer({ min: 1, max: 5_000 }).map((n) => new Decimal(n)),
  fc.tuple(fc.integer({ min: 1, max: 9_999_999 }), fc.integer({ min: 0, max: 25 })).map(([n, k]) => new Decimal(n).div(new Decimal(10).pow(k))),
  fc.bigInt({ min: 1n, max: 10n ** 30n }).map((n) => new Decimal(n.toString()).div(1000)),
);
const percentArb = fc.oneof(
  fc.integer({ min: 0, max: 2_000 }).map((n) => new Decimal(n).div(100)),
  fc.integer({ min: -50, max: 50 }).map((n) => new Decimal(n).div(10)),
  fc.tuple(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 0, max: 20 })).map(([n, k]) => new Decimal(n).div(new Decimal(10).pow(k))),
);
const tickArb: fc.Arbitrary<TickRule> = fc.oneof(
  fc.constantFrom('0.01', '0.0001', '0.05', '1', '0.25').map((t) => ({ tickSize: new Decimal(t) })),
  fc.constantFrom('US_EQUITY', 'EU_MIFID_BAND').map((tickTable) => ({ tickSize: new Decimal('0.01'), tickTable: tickTable as 'US_EQUITY' | 'EU_MIFID_BAND' })),
);
const collarArb = fc.record(
  { percent: fc.option(percentArb, { nil: undefined }), ticks: fc.option(fc.integer({ min: -3, max: 50 }), { nil: undefined }) },
  { requiredKeys: [] },
);

describe('collar decisions in integers', () => {
  it('an aggressive price is inside the collar exactly when it is inside the band the Decimal code builds', () => {
    let decided = 0;
    fc.assert(
      fc.property(fc.constantFrom('buy', 'sell'), priceArb, priceArb, collarArb, tickArb, (side, price, reference, collar, tick) => {
        fc.pre(isAggressive(side, price, reference));
        const width = collarWidth(reference, collar, tick);
        const before = width === undefined ? true : isInsideBand(price, collarBand(reference, width));
        const now = aggressiveInsideCollar(price, reference, collar, tick);
        if (now !== undefined) {
          decided++;
          expect(now).toBe(before);
        }
      }),
      { numRuns: 20000 },
    );
    // Most of the draws are short enough to be decided in integers.
    expect(decided).toBeGreaterThan(5000);
  });

  it('withinPercentOf is |price − reference| ≤ reference × percent / 100, when it answers', () => {
    fc.assert(
      fc.property(priceArb, priceArb, percentArb, (price, reference, percent) => {
        const now = withinPercentOf(price, reference, percent);
        if (now !== undefined) expect(now).toBe(price.minus(reference).abs().lte(reference.times(percent).div(100)));
      }),
      { numRuns: 20000 },
    );
  });

  it('mayBeFurtherThan answers as the bound did', () => {
    fc.assert(
      fc.property(priceArb, priceArb, percentArb, (price, reference, percent) => {
        const exact = percent.gt(0) && percent.sd() + reference.sd() <= Decimal.precision;
        const before = exact ? price.minus(reference).abs().gt(percent.times(reference).div(100)) : true;
        expect(mayBeFurtherThan(price, reference, percent)).toBe(before);
      }),
      { numRuns: 20000 },
    );
  });

  it('the mid of a quote is the Decimal the sum and the division made, digit for digit', () => {
    fc.assert(
      fc.property(priceArb, priceArb, (bid, ask) => {
        const now = referencePrice({ bid, ask })!;
        const before = referencePriceBefore({ bid, ask })!;
        const form = (x: Decimal) => {
          const f = x as unknown as { s: number; e: number; d: number[] };
          return [f.s, f.e, [...f.d], x.toFixed()];
        };
        expect(form(now)).toEqual(form(before));
      }),
      { numRuns: 20000 },
    );
  });
});
