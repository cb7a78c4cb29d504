// The fast bookFill (position.ts) against the generic one it replaced (positionReference.ts): the same ledger, to the digit.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Decimal } from '../../../src/core/decimal.ts';
import { dec } from '../../../src/core/decimal.ts';
import type { PositionFill } from '../../../src/core/pnl/fill.ts';
import { COST_METHODS } from '../../../src/core/pnl/inventory.ts';
import { type Position, bookFill, openPosition } from '../../../src/core/pnl/position.ts';
import { bookFillReference } from '../../../src/core/pnl/positionReference.ts';

const cents = (n: number): Decimal => dec(n).div(100);

/** Every digit and the shape: the holding, its lots in order, realized and fees. */
function ledgerText(p: Position): string {
  const inv = p.inventory;
  let open = 'flat';
  if (inv.open !== null) {
    open =
      inv.method === 'fifo'
        ? `${inv.open.direction} ${inv.open.lots.map((l) => `${l.quantity.toFixed()}@${l.price.toFixed()}`).join(',')}`
        : `${inv.open.direction} ${inv.open.quantity.toFixed()} cost ${inv.open.cost.toFixed()}`;
  }
  return `${inv.method} ${open} realized ${p.realized.toFixed()} fees ${p.fees.toFixed()}`;
}

// Small quantities (so fills often equal the open quantity or a lot exactly), halves, and odd sizes that make average shares repeat.
const quantityArb = fc.oneof(
  fc.integer({ min: 1, max: 6 }).map((n) => dec(n)),
  fc.integer({ min: 1, max: 13 }).map((n) => dec(n).div(2)),
  fc.integer({ min: 1, max: 997 }).map((n) => dec(n)),
);
const feeArb = fc.oneof(fc.constant(undefined), fc.constant(0), fc.integer({ min: -50, max: 5_000 }));
const fillArb: fc.Arbitrary<PositionFill> = fc
  .record({ side: fc.constantFrom('buy' as const, 'sell' as const), quantity: quantityArb, price: fc.integer({ min: 1, max: 2_000_000 }), fee: feeArb })
  .map(({ side, quantity, price, fee }) => ({ side, quantity, price: cents(price), ...(fee === undefined ? {} : { fee: cents(fee) }) }));
const multiplierArb = fc.constantFrom('1', '50', '0.1', '1000', '1.0').map(dec);

describe.each(COST_METHODS)('bookFill is the reference bookFill (%s)', (method) => {
  it('after every fill, the same holding, realized P&L and fees', () => {
    fc.assert(
      fc.property(fc.array(fillArb, { minLength: 1, maxLength: 40 }), multiplierArb, (fills, multiplier) => {
        let fast = openPosition({ currency: 'USD', multiplier }, method);
        let reference = fast;
        for (const f of fills) {
          fast = bookFill(fast, f);
          reference = bookFillReference(reference, f);
          expect(ledgerText(fast)).toBe(ledgerText(reference));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('refuses what the reference refuses', () => {
    const pos = openPosition({ currency: 'USD', multiplier: dec(1) }, method);
    for (const q of ['0', '-1', '-0']) {
      const f: PositionFill = { side: 'buy', quantity: dec(q), price: dec(1) };
      expect(() => bookFill(pos, f)).toThrow(RangeError);
      expect(() => bookFillReference(pos, f)).toThrow(RangeError);
    }
  });
});
