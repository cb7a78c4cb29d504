// Daily P&L against the start-of-day mark, split into position and trading P&L.
import { describe, expect, it } from 'vitest';
import { dec } from '../../../src/core/decimal.ts';
import { dailyPnl } from '../../../src/core/pnl/dailyPnl.ts';
import { COST_METHODS } from '../../../src/core/pnl/inventory.ts';
import { bookFills, openPosition } from '../../../src/core/pnl/position.ts';
import { pnlReport } from '../../../src/core/pnl/report.ts';
import { buy, sell } from './fills.ts';

const terms = { currency: 'USD', multiplier: dec(1) };
const today = [buy(50, '10.5'), sell(120, 11, '2')];

describe('daily P&L', () => {
  it('holding 100 from a 10 close, trading through the day, marked at 10.8', () => {
    const d = dailyPnl(terms, { quantity: dec(100), mark: dec(10) }, today, dec('10.8'));
    expect(d.position.toFixed()).toBe('80');
    // 50 × (10.8 − 10.5) + (−120) × (10.8 − 11)
    expect(d.trading.toFixed()).toBe('39');
    expect(d.gross.toFixed()).toBe('119');
    expect(d.fees.toFixed()).toBe('2');
    expect(d.net.toFixed()).toBe('117');
    expect(d.currency).toBe('USD');
  });

  it('scales by the multiplier of a future', () => {
    const d = dailyPnl({ currency: 'USD', multiplier: dec(50) }, { quantity: dec(-2), mark: dec(4500) }, [buy(1, '4490.25')], dec('4495.5'));
    expect(d.position.toFixed()).toBe('450');
    expect(d.trading.toFixed()).toBe('262.5');
  });

  it.each(COST_METHODS)('equals the change in the ledger gross from the start-of-day mark (%s)', (method) => {
    const yesterday = bookFills(openPosition(terms, method), [buy(60, 9), buy(60, '9.6'), sell(20, '9.9')]);
    const atStart = pnlReport(yesterday, dec(10));
    const atNow = pnlReport(bookFills(yesterday, today), dec('10.8'));
    const d = dailyPnl(terms, { quantity: atStart.quantity, mark: dec(10) }, today, dec('10.8'));
    expect(atNow.gross.minus(atStart.gross).toFixed()).toBe(d.gross.toFixed());
    expect(atNow.net.minus(atStart.net).toFixed()).toBe(d.net.toFixed());
  });
});
