import { describe, expect, it } from 'vitest';
import { dec } from '../../../src/core/decimal.ts';
import type { DepthWire } from '../../../src/core/protocol.ts';
import { ladderIntent, ladderRows, spreadText } from '../../../src/depth/ladderRows.ts';

const BOOK: DepthWire = {
  symbol: 'AAPL',
  seq: 3,
  ts: 0,
  bids: [
    { price: '190.10', size: '300' },
    { price: '190.09', size: '1200' },
  ],
  asks: [
    { price: '190.12', size: '600' },
    { price: '190.13', size: '100' },
  ],
};
const TICK = { tickSize: dec('0.01') };

describe('ladderRows', () => {
  it('puts asks above (highest first) and bids below (best first), with running totals and the best level marked', () => {
    const rows = ladderRows(BOOK, TICK);
    expect(rows.map((r) => `${r.side} ${r.priceText} ${r.sizeText} ${r.cumulativeText}${r.best ? ' best' : ''}`)).toEqual([
      'ask 190.13 100 700',
      'ask 190.12 600 600 best',
      'bid 190.10 300 300 best',
      'bid 190.09 1,200 1,500',
    ]);
  });

  it('sizes bars against the largest level shown and keeps the wire price for the ticket', () => {
    const rows = ladderRows(BOOK, TICK);
    expect(rows.map((r) => r.share)).toEqual([100 / 1200, 0.5, 0.25, 1]);
    expect(rows[0]?.price).toBe('190.13');
  });

  it('shows only the levels asked for, and an empty side as nothing', () => {
    expect(ladderRows(BOOK, TICK, 1).map((r) => r.price)).toEqual(['190.12', '190.10']);
    expect(ladderRows({ ...BOOK, asks: [] }, TICK).every((r) => r.side === 'bid')).toBe(true);
  });
});

describe('spreadText and ladderIntent', () => {
  it('gives the spread with the tick places, empty when a side is missing', () => {
    expect(spreadText(BOOK, TICK)).toBe('0.02');
    expect(spreadText({ ...BOOK, bids: [] }, TICK)).toBe('');
  });

  it('buys at an ask and sells at a bid, as the ticket’s own quote buttons do', () => {
    expect(ladderIntent('AAPL', { side: 'ask', price: '190.13' })).toEqual({ symbol: 'AAPL', side: 'buy', price: '190.13' });
    expect(ladderIntent('AAPL', { side: 'bid', price: '190.09' })).toEqual({ symbol: 'AAPL', side: 'sell', price: '190.09' });
  });
});
