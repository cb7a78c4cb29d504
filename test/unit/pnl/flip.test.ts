// A sale larger than the position closes it and opens a short with the rest (and back).
import { describe, expect, it } from 'vitest';
import { dec } from '../../../src/core/decimal.ts';
import { COST_METHODS } from '../../../src/core/pnl/inventory.ts';
import { averagePrice, bookFill, bookFills, openPosition, positionQuantity } from '../../../src/core/pnl/position.ts';
import { pnlReport } from '../../../src/core/pnl/report.ts';
import { buy, sell } from './fills.ts';

const terms = { currency: 'USD', multiplier: dec(1) };

describe.each(COST_METHODS)('flipping sides (%s)', (method) => {
  it('long 100 @ 10, sell 150 @ 12: realizes 200 and is short 50 @ 12', () => {
    const pos = bookFills(openPosition(terms, method), [buy(100, 10), sell(150, 12)]);
    expect(positionQuantity(pos).toFixed()).toBe('-50');
    expect(averagePrice(pos)?.toFixed()).toBe('12');
    const r = pnlReport(pos, dec(11));
    expect(r.realized.toFixed()).toBe('200');
    // A short gains when the price falls: 50 × (12 − 11).
    expect(r.unrealized.toFixed()).toBe('50');
    expect(r.marketValue.toFixed()).toBe('-550');
  });

  it('short 50 @ 12, buy 80 @ 9: realizes 150 more and is long 30 @ 9', () => {
    const pos = bookFills(openPosition(terms, method), [buy(100, 10), sell(150, 12), buy(80, 9)]);
    expect(positionQuantity(pos).toFixed()).toBe('30');
    expect(averagePrice(pos)?.toFixed()).toBe('9');
    expect(pnlReport(pos, dec(9)).realized.toFixed()).toBe('350');
  });

  it('a flip through several lots realizes against all of them: 360 in total', () => {
    const pos = bookFills(openPosition(terms, method), [buy(100, 10), sell(40, 12), buy(100, 20), sell(200, 18)]);
    expect(positionQuantity(pos).toFixed()).toBe('-40');
    expect(averagePrice(pos)?.toFixed()).toBe('18');
    expect(pos.realized.toFixed()).toBe('360');
  });

  it('an exact close leaves the position flat with no cost behind', () => {
    const pos = bookFills(openPosition(terms, method), [sell(30, 50), buy(30, 45)]);
    expect(pos.inventory.open).toBeNull();
    expect(averagePrice(pos)).toBeNull();
    expect(pnlReport(pos, dec(99)).unrealized.toFixed()).toBe('0');
    expect(pos.realized.toFixed()).toBe('150');
  });
});

describe('the two methods part ways on a partial close', () => {
  it('FIFO takes the oldest lot, average cost the mean', () => {
    const fills = [buy(10, 100), buy(10, 110), sell(10, 120)];
    const avg = bookFills(openPosition(terms, 'averageCost'), fills);
    const fifo = bookFills(openPosition(terms, 'fifo'), fills);
    expect(avg.realized.toFixed()).toBe('150');
    expect(fifo.realized.toFixed()).toBe('200');
    expect(averagePrice(avg)?.toFixed()).toBe('105');
    expect(averagePrice(fifo)?.toFixed()).toBe('110');
  });

  it('FIFO covers a short from its oldest lot too', () => {
    const pos = bookFills(openPosition(terms, 'fifo'), [sell(5, 20), sell(5, 30), buy(7, 25)]);
    // 5 × (20 − 25) + 2 × (30 − 25)
    expect(pos.realized.toFixed()).toBe('-15');
    expect(positionQuantity(pos).toFixed()).toBe('-3');
    expect(averagePrice(pos)?.toFixed()).toBe('30');
  });
});

describe('refused input', () => {
  it('a fill of zero quantity is a programming error', () => {
    expect(() => bookFill(openPosition(terms), { side: 'buy', quantity: dec(0), price: dec(1) })).toThrow(RangeError);
  });

  it('a multiplier of zero is broken reference data', () => {
    expect(() => openPosition({ currency: 'USD', multiplier: dec(0) })).toThrow(RangeError);
  });
});
