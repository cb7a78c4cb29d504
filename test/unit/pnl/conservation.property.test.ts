// Whatever the fills, under either method: realized + unrealized − fees = net cash flow + market value.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Decimal } from '../../../src/core/decimal.ts';
import { ZERO, dec } from '../../../src/core/decimal.ts';
import { dailyPnl } from '../../../src/core/pnl/dailyPnl.ts';
import { fillCashFlow } from '../../../src/core/pnl/fill.ts';
import type { PositionFill } from '../../../src/core/pnl/fill.ts';
import { COST_METHODS } from '../../../src/core/pnl/inventory.ts';
import { bookFills, openPosition, positionQuantity } from '../../../src/core/pnl/position.ts';
import { pnlReport } from '../../../src/core/pnl/report.ts';

/** An integer count of hundredths as an exact decimal: prices and fees never pass through a float. */
const cents = (n: number): Decimal => dec(n).div(100);

// Quantities 1..997 (primes included) make average-cost shares repeat, which is where rounding could leak.
const fillArb: fc.Arbitrary<PositionFill> = fc
  .record({
    side: fc.constantFrom('buy' as const, 'sell' as const),
    quantity: fc.integer({ min: 1, max: 997 }),
    price: fc.integer({ min: 1, max: 2_000_000 }),
    fee: fc.integer({ min: -50, max: 5_000 }),
  })
  .map(({ side, quantity, price, fee }) => ({ side, quantity: dec(quantity), price: cents(price), fee: cents(fee) }));

const multiplierArb = fc.constantFrom('1', '50', '0.1', '1000').map(dec);
const markArb = fc.integer({ min: 1, max: 2_000_000 }).map(cents);
const fillsArb = fc.array(fillArb, { minLength: 1, maxLength: 40 });

const netCashFlow = (fills: readonly PositionFill[], multiplier: Decimal): Decimal =>
  fills.reduce((cash, f) => cash.plus(fillCashFlow(f, multiplier)), ZERO);

describe.each(COST_METHODS)('conservation of money (%s)', (method) => {
  it('net P&L equals net cash flow plus market value, exactly', () => {
    fc.assert(
      fc.property(fillsArb, multiplierArb, markArb, (fills, multiplier, mark) => {
        const pos = bookFills(openPosition({ currency: 'USD', multiplier }, method), fills);
        const r = pnlReport(pos, mark);
        const total = r.realized.plus(r.unrealized).minus(r.fees);
        expect(total.toFixed()).toBe(netCashFlow(fills, multiplier).plus(r.marketValue).toFixed());
        expect(r.net.toFixed()).toBe(total.toFixed());
      }),
    );
  });

  it('daily P&L from any start of day equals the change in the ledger', () => {
    fc.assert(
      fc.property(fillsArb, fillsArb, markArb, markArb, (before, today, startMark, mark) => {
        const terms = { currency: 'USD', multiplier: dec(1) };
        const sod = bookFills(openPosition(terms, method), before);
        const change = pnlReport(bookFills(sod, today), mark).net.minus(pnlReport(sod, startMark).net);
        const d = dailyPnl(terms, { quantity: positionQuantity(sod), mark: startMark }, today, mark);
        expect(d.net.toFixed()).toBe(change.toFixed());
      }),
    );
  });
});

describe('the two methods', () => {
  it('agree on quantity and on total P&L; they only split it differently', () => {
    fc.assert(
      fc.property(fillsArb, markArb, (fills, mark) => {
        const terms = { currency: 'USD', multiplier: dec(1) };
        const avg = pnlReport(bookFills(openPosition(terms, 'averageCost'), fills), mark);
        const fifo = pnlReport(bookFills(openPosition(terms, 'fifo'), fills), mark);
        expect(avg.quantity.toFixed()).toBe(fifo.quantity.toFixed());
        expect(avg.net.toFixed()).toBe(fifo.net.toFixed());
      }),
    );
  });
});
