// Portfolio Performance, "Cost methodology" (purchase value, FIFO vs moving average):
// buy 100 @ 95, 200 @ 105, 100 @ 107, sell 150 @ 110; buy 50 @ 100, 300 @ 107.5, sell 200 @ 108.
import { describe, expect, it } from 'vitest';
import { dec } from '../../../src/core/decimal.ts';
import type { CostMethod } from '../../../src/core/pnl/inventory.ts';
import { averagePrice, bookFills, openPosition, positionQuantity } from '../../../src/core/pnl/position.ts';
import { pnlReport } from '../../../src/core/pnl/report.ts';
import { buy, sell } from './fills.ts';

const usd = { currency: 'USD', multiplier: dec(1) };
const firstLeg = [buy(100, 95), buy(200, 105), buy(100, 107), sell(150, 110)];
const secondLeg = [buy(50, 100), buy(300, '107.5'), sell(200, 108)];

function afterFirstSale(method: CostMethod) {
  return bookFills(openPosition(usd, method), firstLeg);
}
function atTheEnd(method: CostMethod) {
  return bookFills(afterFirstSale(method), secondLeg);
}

describe('published cost-methodology example, average cost', () => {
  it('after the first sale: average 103, realized 1050, unrealized 1750 at 110', () => {
    const r = pnlReport(afterFirstSale('averageCost'), dec(110));
    expect(r.quantity.toFixed()).toBe('250');
    expect(r.averagePrice?.toFixed()).toBe('103');
    expect(r.realized.toFixed()).toBe('1050');
    expect(r.unrealized.toFixed()).toBe('1750');
  });

  it('at the end: average 105, realized 1650, unrealized 1200 at 108, total 2850', () => {
    const r = pnlReport(atTheEnd('averageCost'), dec(108));
    expect(r.quantity.toFixed()).toBe('400');
    expect(r.averagePrice?.toFixed()).toBe('105');
    expect(r.realized.toFixed()).toBe('1650');
    expect(r.unrealized.toFixed()).toBe('1200');
    expect(r.gross.toFixed()).toBe('2850');
    expect(r.net.toFixed()).toBe('2850');
  });

  it('is the default method', () => {
    expect(openPosition(usd).inventory.method).toBe('averageCost');
  });
});

describe('published cost-methodology example, FIFO', () => {
  it('after the first sale: realized 1750, unrealized 1050 at 110', () => {
    const r = pnlReport(afterFirstSale('fifo'), dec(110));
    expect(r.realized.toFixed()).toBe('1750');
    expect(r.unrealized.toFixed()).toBe('1050');
  });

  it('at the end: realized 2250, unrealized 600 at 108, total 2850', () => {
    const r = pnlReport(atTheEnd('fifo'), dec(108));
    expect(r.realized.toFixed()).toBe('2250');
    expect(r.unrealized.toFixed()).toBe('600');
    expect(r.gross.toFixed()).toBe('2850');
  });

  it('keeps the newest lots open, oldest first: 50 @ 107, 50 @ 100, 300 @ 107.5', () => {
    const inv = atTheEnd('fifo').inventory;
    expect(inv.method).toBe('fifo');
    if (inv.method !== 'fifo' || inv.open === null) throw new Error('expected open FIFO lots');
    expect(inv.open.lots.map((l) => `${l.quantity.toFixed()}@${l.price.toFixed()}`)).toEqual(['50@107', '50@100', '300@107.5']);
  });

  it('holds the same quantity as average cost', () => {
    expect(positionQuantity(atTheEnd('fifo')).toFixed()).toBe('400');
    expect(averagePrice(atTheEnd('fifo'))?.toFixed()).toBe('106.5');
  });
});
