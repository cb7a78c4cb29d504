// The gateway's compact average-cost fold (averageCost.ts) agrees with the ledger.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, dec } from '../../../src/core/decimal.ts';
import { FLAT, applyFillAvgCost, unrealizedAvgCost } from '../../../src/core/pnl/averageCost.ts';
import type { AvgCostPosition } from '../../../src/core/pnl/averageCost.ts';
import type { PositionFill } from '../../../src/core/pnl/fill.ts';
import { bookFills, openPosition, positionQuantity } from '../../../src/core/pnl/position.ts';
import { pnlReport } from '../../../src/core/pnl/report.ts';
import { buy, sell } from './fills.ts';

const TWENTY_PLACES = new Decimal('1e-20');

const fold = (fills: readonly PositionFill[], multiplier = dec(1)): AvgCostPosition =>
  fills.reduce((p, f) => applyFillAvgCost(p, f.side, f.quantity, f.price, multiplier), FLAT);

describe('applyFillAvgCost', () => {
  it('reproduces the published example: average 105, realized 1650, unrealized 1200 at 108', () => {
    const p = fold([buy(100, 95), buy(200, 105), buy(100, 107), sell(150, 110), buy(50, 100), buy(300, '107.5'), sell(200, 108)]);
    expect(p.quantity.toFixed()).toBe('400');
    expect(p.avgCost.toFixed()).toBe('105');
    expect(p.realized.toFixed()).toBe('1650');
    expect(unrealizedAvgCost(p, dec(108)).toFixed()).toBe('1200');
  });

  it('flips long to short at the fill price and scales by the multiplier', () => {
    const p = fold([buy(2, '4500.25'), sell(3, 4505)], dec(50));
    expect(p.quantity.toFixed()).toBe('-1');
    expect(p.avgCost.toFixed()).toBe('4505');
    expect(p.realized.toFixed()).toBe('475');
    expect(unrealizedAvgCost(p, dec('4510.5'), dec(50)).toFixed()).toBe('-275');
  });

  it('matches the ledger to 20 places: its average is cut at 40 digits, the ledger keeps exact cost', () => {
    const fillArb = fc
      .record({ side: fc.constantFrom('buy' as const, 'sell' as const), quantity: fc.integer({ min: 1, max: 999 }), price: fc.integer({ min: 1, max: 99_999 }) })
      .map(({ side, quantity, price }): PositionFill => ({ side, quantity: dec(quantity), price: dec(price) }));
    fc.assert(
      fc.property(fc.array(fillArb, { maxLength: 30 }), fc.integer({ min: 1, max: 99_999 }), (fills, markInt) => {
        const mark = dec(markInt);
        const legacy = fold(fills);
        const position = bookFills(openPosition({ currency: 'USD', multiplier: dec(1) }), fills);
        const ledger = pnlReport(position, mark);
        expect(legacy.quantity.toFixed()).toBe(positionQuantity(position).toFixed());
        const drift = legacy.realized.plus(unrealizedAvgCost(legacy, mark)).minus(ledger.gross).abs();
        expect(drift.lt(TWENTY_PLACES)).toBe(true);
      }),
    );
  });
});
