import { describe, expect, it } from 'vitest';
import { dec } from '../../../src/core/decimal.ts';
import { FALLBACK_THRESHOLDS, needsConfirmation, referenceOf, ticketWarnings } from '../../../src/ticket/ticketWarnings.ts';
import { quote } from './fixtures.ts';

const limits = { warnNotional: dec(1_000_000), warnCollarPercent: dec(3), collarPercent: dec(10), baseCurrency: 'USD' };
const q = quote('99.99', '100.01', '100.00');

describe('ticketWarnings', () => {
  it('says nothing for an ordinary order', () => {
    expect(ticketWarnings({ symbol: 'AAPL', side: 'buy', price: dec('100.50'), baseNotional: dec(10_050) }, q, limits)).toEqual([]);
  });

  it('warns when a price is far from the market on the side that trades through it', () => {
    const w = ticketWarnings({ symbol: 'AAPL', side: 'buy', price: dec('105'), baseNotional: dec(10_500) }, q, limits);
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ rule: 'priceCollar', blocking: false });
    expect(w[0]?.message).toContain('price far from market');
    // A buy far below the market only waits; it cannot trade through.
    expect(ticketWarnings({ symbol: 'AAPL', side: 'buy', price: dec('80'), baseNotional: dec(8_000) }, q, limits)).toEqual([]);
    expect(ticketWarnings({ symbol: 'AAPL', side: 'sellShort', price: dec('95'), baseNotional: dec(9_500) }, q, limits)[0]?.rule).toBe('priceCollar');
  });

  it('marks a price beyond the hard collar as blocking', () => {
    const w = ticketWarnings({ symbol: 'AAPL', side: 'sell', price: dec('85'), baseNotional: dec(8_500) }, q, limits);
    expect(w).toEqual([expect.objectContaining({ rule: 'priceCollar', blocking: true })]);
    expect(w[0]?.message).toContain('15% through the market');
  });

  it('warns on a large notional, in the base currency, with or without a price warning', () => {
    const w = ticketWarnings({ symbol: 'AAPL', side: 'buy', price: undefined, baseNotional: dec(1_500_000) }, q, limits);
    expect(w.map((x) => x.rule)).toEqual(['maxNotional']);
    expect(w[0]?.message).toBe('large order: notional 1,500,000 USD is above 1,000,000 USD');
    const both = ticketWarnings({ symbol: 'AAPL', side: 'buy', price: dec('120'), baseNotional: dec(1_200_000) }, q, limits);
    expect(both.map((x) => [x.rule, x.blocking])).toEqual([
      ['priceCollar', true],
      ['maxNotional', false],
    ]);
  });

  it('has no price warning without a quote to measure from', () => {
    expect(ticketWarnings({ symbol: 'AAPL', side: 'buy', price: dec('500'), baseNotional: dec(50_000) }, undefined, limits)).toEqual([]);
  });
});

describe('needsConfirmation and referenceOf', () => {
  it('asks above the notional threshold only', () => {
    expect(needsConfirmation(dec(1_000_000), limits)).toBe(false);
    expect(needsConfirmation(dec('1000000.01'), limits)).toBe(true);
    expect(needsConfirmation(undefined, limits)).toBe(false);
    expect(needsConfirmation(dec(2_000_000), FALLBACK_THRESHOLDS)).toBe(true);
  });

  it('measures from the mid, else the last trade', () => {
    expect(referenceOf(q)?.toFixed()).toBe('100');
    expect(referenceOf(quote('0', '0', '42.5'))?.toFixed()).toBe('42.5');
    expect(referenceOf(undefined)).toBeUndefined();
  });
});
