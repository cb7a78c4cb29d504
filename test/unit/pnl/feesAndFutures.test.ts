// Fees are reported apart from gross P&L; futures scale every amount by the contract multiplier.
import { describe, expect, it } from 'vitest';
import { dec } from '../../../src/core/decimal.ts';
import { COST_METHODS } from '../../../src/core/pnl/inventory.ts';
import { averagePrice, bookFills, openCost, openPosition } from '../../../src/core/pnl/position.ts';
import { pnlReport } from '../../../src/core/pnl/report.ts';
import { buy, sell } from './fills.ts';

describe.each(COST_METHODS)('fees (%s)', (method) => {
  const terms = { currency: 'USD', multiplier: dec(1) };

  it('stay out of cost and realized: gross 100, fees 3, net 97', () => {
    const opened = bookFills(openPosition(terms, method), [buy(100, 10, '1.5')]);
    expect(averagePrice(opened)?.toFixed()).toBe('10');
    expect(openCost(opened).toFixed()).toBe('1000');
    const closed = bookFills(opened, [sell(100, 11, '1.5')]);
    const r = pnlReport(closed, dec(11));
    expect(r.gross.toFixed()).toBe('100');
    expect(r.fees.toFixed()).toBe('3');
    expect(r.net.toFixed()).toBe('97');
  });

  it('are counted while the position is open, and a rebate is a negative fee', () => {
    const pos = bookFills(openPosition(terms, method), [buy(10, '20.05', '0.35'), buy(10, '20.10', '-0.05')]);
    const r = pnlReport(pos, dec('20.2'));
    expect(r.unrealized.toFixed()).toBe('2.5');
    expect(r.fees.toFixed()).toBe('0.3');
    expect(r.net.toFixed()).toBe('2.2');
  });
});

describe.each(COST_METHODS)('futures multiplier (%s)', (method) => {
  const es = { currency: 'USD', multiplier: dec(50) };

  it('long 2 @ 4500.25 marked at 4510.50 is up 2 × 10.25 × 50', () => {
    const pos = bookFills(openPosition(es, method), [buy(2, '4500.25', '4.2')]);
    const r = pnlReport(pos, dec('4510.5'));
    expect(r.unrealized.toFixed()).toBe('1025');
    expect(r.marketValue.toFixed()).toBe('451050');
    expect(r.costBasis.toFixed()).toBe('450025');
    expect(r.averagePrice?.toFixed()).toBe('4500.25');
    expect(r.net.toFixed()).toBe('1020.8');
  });

  it('selling 3 closes 2 (realizing 475) and leaves 1 short at 4505', () => {
    const pos = bookFills(openPosition(es, method), [buy(2, '4500.25'), sell(3, 4505)]);
    const r = pnlReport(pos, dec('4510.5'));
    expect(r.realized.toFixed()).toBe('475');
    expect(r.quantity.toFixed()).toBe('-1');
    expect(r.averagePrice?.toFixed()).toBe('4505');
    expect(r.unrealized.toFixed()).toBe('-275');
  });

  it('a fractional multiplier (a micro contract) stays exact', () => {
    const micro = { currency: 'USD', multiplier: dec('0.1') };
    const pos = bookFills(openPosition(micro, method), [buy(3, '2000.3'), sell(1, '2010.1')]);
    expect(pos.realized.toFixed()).toBe('0.98');
    expect(pnlReport(pos, dec('1990.3')).unrealized.toFixed()).toBe('-2');
  });
});
