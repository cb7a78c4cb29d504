import { describe, expect, it } from 'vitest';
import type { PositionWire } from '../../../src/core/protocol.ts';
import { NO_POSITIONS, positionKey, reducePositions } from '../../../src/streams/positionsState.ts';

const pos = (symbol: string, quantity: string, trader = 'trader1'): PositionWire => ({
  trader,
  account: 'T1-MAIN',
  symbol,
  currency: 'USD',
  quantity,
  avgCost: '100',
  realizedPnl: '0',
  multiplier: '1',
});

describe('reducePositions', () => {
  it('keys a position by trader, account and symbol, and lets an update replace it', () => {
    let s = reducePositions(NO_POSITIONS, { kind: 'snapshot', positions: [pos('AAPL', '100'), pos('AAPL', '200', 'trader2')] });
    s = reducePositions(s, { kind: 'update', position: pos('AAPL', '300') });
    s = reducePositions(s, { kind: 'update', position: pos('MSFT', '100') });
    expect(s.size).toBe(3);
    expect(s.get(positionKey(pos('AAPL', '0')))?.quantity).toBe('300');
    expect(s.get(positionKey(pos('AAPL', '0', 'trader2')))?.quantity).toBe('200');
  });
});
