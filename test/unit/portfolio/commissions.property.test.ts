// commissionFor (minimum kept rounded, last per-unit fee remembered) against the plain formula it replaced.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, dec } from '../../../src/core/decimal.ts';
import { ASSET_CLASSES, instrumentFromWire } from '../../../src/core/instrument.ts';
import { type CommissionRate, type CommissionSchedule, DEFAULT_COMMISSIONS, commissionFor, commissionForReference } from '../../../server/portfolio/commissions.ts';

/** n / 10^places as an exact decimal. */
const scaled = (n: number, places: number): Decimal => dec(n).div(new Decimal(10).pow(places));

const rateArb: fc.Arbitrary<CommissionRate> = fc
  .record({
    perUnit: fc.option(fc.tuple(fc.integer({ min: 0, max: 50_000 }), fc.integer({ min: 0, max: 4 })), { nil: undefined }),
    bps: fc.option(fc.tuple(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 2 })), { nil: undefined }),
    minimum: fc.tuple(fc.integer({ min: 0, max: 1_000 }), fc.integer({ min: 0, max: 3 })),
  })
  .map(({ perUnit, bps, minimum }) => ({
    ...(perUnit ? { perUnit: scaled(...perUnit) } : {}),
    ...(bps ? { bps: scaled(...bps) } : {}),
    minimum: scaled(...minimum),
  }));

const instrumentArb = fc.record({ assetClass: fc.constantFrom(...ASSET_CLASSES), multiplier: fc.constantFrom('1', '50', '0.1', '1000') }).map(({ assetClass, multiplier }) =>
  instrumentFromWire({ symbol: 'X', name: 'X', assetClass, sector: 'Test', currency: 'USD', tickSize: '0.01', lotSize: '1', multiplier, referencePrice: '100' }),
);
// A few shared quantity objects (as the order path passes them) and fresh ones.
const shared = [dec(1), dec(100), dec(250), dec('0.5')];
const quantityArb = fc.oneof(fc.constantFrom(...shared), fc.integer({ min: 1, max: 2_000_000 }).map((n) => scaled(n, 2)));
const priceArb = fc.integer({ min: 1, max: 20_000_000 }).map((n) => scaled(n, 4));

describe('commissionFor', () => {
  it('bills the same cents as the plain formula, call after call (the remembered fee never goes stale)', () => {
    fc.assert(
      fc.property(
        fc.record({ equity: rateArb, etf: rateArb, fx: rateArb, future: rateArb }),
        fc.array(fc.tuple(instrumentArb, quantityArb, priceArb), { minLength: 1, maxLength: 30 }),
        (schedule: CommissionSchedule, fills) => {
          for (const [instrument, quantity, price] of fills) {
            expect(commissionFor(schedule, instrument, quantity, price).toFixed()).toBe(commissionForReference(schedule, instrument, quantity, price).toFixed());
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the default schedule, at the sizes and prices the desk trades', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(instrumentArb, quantityArb, priceArb), { minLength: 1, maxLength: 30 }), (fills) => {
        for (const [instrument, quantity, price] of fills) {
          expect(commissionFor(DEFAULT_COMMISSIONS, instrument, quantity, price).toFixed()).toBe(commissionForReference(DEFAULT_COMMISSIONS, instrument, quantity, price).toFixed());
        }
      }),
    );
  });
});
