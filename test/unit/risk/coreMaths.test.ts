import { describe, expect, it } from 'vitest';
import { dec } from '../../../src/core/decimal.ts';
import {
  collarBand,
  collarDistancePercent,
  collarWidth,
  formatAmount,
  formatMoney,
  isAggressive,
  orderNotional,
  orderWarnings,
  referencePrice,
  valuationPrice,
} from '../../../src/core/risk/index.ts';

describe('reference price', () => {
  it('is the mid of a two-sided quote, else the last trade, else nothing', () => {
    expect(referencePrice({ bid: dec('99.98'), ask: dec('100.02'), last: dec('101') })?.toFixed()).toBe('100');
    expect(referencePrice({ bid: dec('0'), ask: dec('100.02'), last: dec('101') })?.toFixed()).toBe('101');
    expect(referencePrice({ bid: null, ask: null, last: null })).toBeUndefined();
    expect(referencePrice(undefined)).toBeUndefined();
  });
});

describe('collar maths', () => {
  it('measures the distance from the reference in percent, either way', () => {
    expect(collarDistancePercent(dec('110'), dec('100')).toFixed()).toBe('10');
    expect(collarDistancePercent(dec('95'), dec('100')).toFixed()).toBe('5');
  });

  it('takes the wider of a percent and a tick band, with the tick of the reference price', () => {
    const tick = { tickSize: dec('0.01') };
    expect(collarWidth(dec('100'), { percent: dec('10') }, tick)?.toFixed()).toBe('10');
    expect(collarWidth(dec('0.5'), { percent: dec('1'), ticks: 5 }, tick)?.toFixed()).toBe('0.05');
    expect(collarWidth(dec('100'), { ticks: 5 }, { tickSize: dec('0.01'), tickTable: 'EU_MIFID_BAND' })?.toFixed()).toBe('0.5');
    expect(collarWidth(dec('100'), {}, tick)).toBeUndefined();
    expect(collarBand(dec('3'), dec('5'))).toEqual({ low: dec('0'), high: dec('8') });
  });

  it('calls a buy above the reference and a sale below it aggressive', () => {
    expect(isAggressive('buy', dec('101'), dec('100'))).toBe(true);
    expect(isAggressive('buy', dec('99'), dec('100'))).toBe(false);
    expect(isAggressive('sellShort', dec('99'), dec('100'))).toBe(true);
    expect(isAggressive('sell', dec('101'), dec('100'))).toBe(false);
  });
});

describe('notional', () => {
  const touch = { bid: dec('99'), ask: dec('101') };
  it('values a limit at its limit, a stop at its trigger, a market order at the touch it takes', () => {
    expect(valuationPrice({ side: 'buy', type: 'limit', quantity: dec(1), limitPrice: dec('50') }, touch)?.toFixed()).toBe('50');
    expect(valuationPrice({ side: 'sell', type: 'stop', quantity: dec(1), stopPrice: dec('90') }, touch)?.toFixed()).toBe('90');
    expect(valuationPrice({ side: 'buy', type: 'market', quantity: dec(1) }, touch)?.toFixed()).toBe('101');
    expect(valuationPrice({ side: 'sellShort', type: 'market', quantity: dec(1) }, touch)?.toFixed()).toBe('99');
    expect(valuationPrice({ side: 'buy', type: 'market', quantity: dec(1) }, undefined)).toBeUndefined();
  });

  it('multiplies quantity, price and multiplier exactly', () => {
    expect(orderNotional({ quantity: dec('3') }, dec('6702.25'), { multiplier: dec('50') }).toFixed()).toBe('1005337.5');
  });

  it('groups thousands for messages', () => {
    expect(formatAmount(dec('-1234567.5'))).toBe('-1,234,567.5');
    expect(formatMoney(dec('6000000.4'))).toBe('6,000,000');
    expect(formatMoney(dec('12.345'))).toBe('12.34');
  });
});

describe('order warnings', () => {
  const base = { symbol: 'AAPL', currency: 'USD', warnCollarPercent: dec('3'), warnNotional: dec('1000000') };
  it('warns of a price far from the market only on the side that trades through it', () => {
    const far = orderWarnings({ ...base, side: 'buy', price: dec('105'), reference: dec('100'), notional: dec('10500') });
    expect(far).toEqual([
      { rule: 'priceCollar', message: 'price far from market: 105 is 5% from the reference 100 of AAPL (warning above 3%)', requiresJustification: false },
    ]);
    expect(orderWarnings({ ...base, side: 'buy', price: dec('95'), reference: dec('100'), notional: dec('9500') })).toEqual([]);
    expect(orderWarnings({ ...base, side: 'buy', price: dec('102'), reference: dec('100'), notional: dec('10200') })).toEqual([]);
  });

  it('warns of a large notional', () => {
    expect(orderWarnings({ ...base, side: 'sell', price: undefined, reference: dec('100'), notional: dec('1000000.01') })).toEqual([
      { rule: 'maxNotional', message: 'large order: notional 1,000,000 USD is above 1,000,000 USD', requiresJustification: false },
    ]);
  });
});
