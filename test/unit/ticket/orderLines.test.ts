import { describe, expect, it } from 'vitest';
import { lineAt, orderLineSpecs, rangeWithLines, snapToTick } from '../../../src/chart/orderLines.ts';
import { dec } from '../../../src/core/decimal.ts';
import { order, report, stateOf } from './fixtures.ts';

describe('orderLineSpecs', () => {
  it('draws a line per price of each open order of the symbol, none for done orders or other symbols', () => {
    const state = stateOf([
      report('E-1', order('O-1', { createdAt: 2, limitPrice: '150.00' })),
      report('E-2', order('O-2', { createdAt: 1, side: 'sellShort', type: 'stopLimit', limitPrice: '199.00', stopPrice: '199.50', leavesQty: '60' })),
      report('E-3', order('O-3', { status: 'filled', leavesQty: '0' })),
      report('E-4', order('O-4', { symbol: 'MSFT' })),
      report('E-5', order('O-5', { type: 'market', limitPrice: null })),
    ]);
    expect(orderLineSpecs(state, 'AAPL')).toEqual([
      { key: 'O-2:limit', orderId: 'O-2', kind: 'limit', price: '199.00', side: 'sell', short: true, title: 'SHORT 60 LMT' },
      { key: 'O-2:stop', orderId: 'O-2', kind: 'stop', price: '199.50', side: 'sell', short: true, title: 'SHORT 60 STP' },
      { key: 'O-1:limit', orderId: 'O-1', kind: 'limit', price: '150.00', side: 'buy', title: 'BUY 100 LMT' },
    ]);
  });

  it('keeps a line while a cancel or an amend is in flight', () => {
    const state = stateOf([report('E-1', order('O-1', { status: 'pendingReplace' }))]);
    expect(orderLineSpecs(state, 'AAPL')).toHaveLength(1);
  });
});

describe('snapToTick and lineAt', () => {
  it('turns a pixel’s float price into exact text on the tick grid', () => {
    expect(snapToTick(190.123456, dec('0.01'))).toBe('190.12');
    expect(snapToTick(190.126, dec('0.05'))).toBe('190.15');
    expect(snapToTick(5012.4, dec('0.25'))).toBe('5012.50');
    expect(snapToTick(-1, dec('0.01'))).toBeUndefined();
    expect(snapToTick(Number.NaN, dec('0.01'))).toBeUndefined();
  });

  it('grabs the nearest line within a few pixels', () => {
    const lines = [
      { id: 'a', y: 100 },
      { id: 'b', y: 108 },
      { id: 'c', y: null },
    ];
    expect(lineAt(104, lines)?.id).toBe('a');
    expect(lineAt(107, lines)?.id).toBe('b');
    expect(lineAt(120, lines)).toBeUndefined();
  });
});

describe('rangeWithLines', () => {
  it('widens the candles’ range to take in orders near it, not those far off', () => {
    const range = { minValue: 100, maxValue: 110 };
    expect(rangeWithLines(range, [98, 111])).toEqual({ minValue: 98, maxValue: 111 });
    expect(rangeWithLines(range, [80, 130])).toEqual(range);
    expect(rangeWithLines(range, [105])).toEqual(range);
    expect(rangeWithLines(null, [105])).toBeNull();
  });
});
