import { describe, expect, it } from 'vitest';
import { dec } from '../../../src/core/decimal.ts';
import type { OrderSpec } from '../../../src/core/order.ts';
import { DEFAULT_RISK_LIMITS, checkPreTrade, groupThousands } from '../../../server/oms/risk.ts';
import { AAPL, ES } from './fixtures.ts';

const limit = (qty: string, px: string, side: 'buy' | 'sell' = 'buy'): OrderSpec => ({
  type: 'limit',
  symbol: 'AAPL',
  side,
  quantity: dec(qty),
  limitPrice: dec(px),
  account: 'T1-MAIN',
  tif: 'day',
});
const market = (symbol: string, qty: string, side: 'buy' | 'sell'): OrderSpec => ({ type: 'market', symbol, side, quantity: dec(qty), account: 'T1-MAIN', tif: 'day' });
const touch = { bid: dec('199.98'), ask: dec('200.02') };

describe('pre-trade risk', () => {
  it('values a limit order at its limit and allows exactly the limit', () => {
    expect(checkPreTrade(limit('25000', '200.00'), AAPL, undefined, DEFAULT_RISK_LIMITS)).toEqual({ ok: true, notional: dec('5000000') });
  });

  it('refuses one cent over the limit, naming the notional and the limit', () => {
    expect(checkPreTrade(limit('25000', '200.01'), AAPL, touch, DEFAULT_RISK_LIMITS)).toEqual({
      ok: false,
      reason: 'order notional 5,000,250 USD exceeds the per-order limit of 5,000,000 USD',
    });
  });

  it('values a market buy at the ask and a market sell at the bid', () => {
    expect(checkPreTrade(market('AAPL', '100', 'buy'), AAPL, touch, DEFAULT_RISK_LIMITS)).toEqual({ ok: true, notional: dec('20002') });
    expect(checkPreTrade(market('AAPL', '100', 'sell'), AAPL, touch, DEFAULT_RISK_LIMITS)).toEqual({ ok: true, notional: dec('19998') });
  });

  it('refuses a market order without a live quote', () => {
    expect(checkPreTrade(market('AAPL', '100', 'buy'), AAPL, undefined, DEFAULT_RISK_LIMITS)).toEqual({
      ok: false,
      reason: 'a market order needs a live quote and there is none for AAPL',
    });
    expect(checkPreTrade(market('AAPL', '100', 'sell'), AAPL, { bid: dec(0), ask: dec('1') }, DEFAULT_RISK_LIMITS).ok).toBe(false);
  });

  it('counts the contract multiplier of a future', () => {
    // 15 ES at 6700 × 50 = 5,025,000: one contract too many.
    const r = checkPreTrade(market('ES', '15', 'buy'), ES, { bid: dec('6699.75'), ask: dec('6700') }, DEFAULT_RISK_LIMITS);
    expect(r).toEqual({ ok: false, reason: 'order notional 5,025,000 USD exceeds the per-order limit of 5,000,000 USD' });
    expect(checkPreTrade(market('ES', '14', 'buy'), ES, { bid: dec('6699.75'), ask: dec('6700') }, DEFAULT_RISK_LIMITS).ok).toBe(true);
  });

  it('takes its limits as a parameter', () => {
    expect(checkPreTrade(limit('100', '200'), AAPL, touch, { maxOrderNotional: dec('19999.99') })).toEqual({
      ok: false,
      reason: 'order notional 20,000 USD exceeds the per-order limit of 19,999.99 USD',
    });
  });
});

describe('groupThousands', () => {
  it.each([
    ['0', '0'],
    ['999', '999'],
    ['1000', '1,000'],
    ['1234567.891', '1,234,567.891'],
    ['-1234567', '-1,234,567'],
    ['100000', '100,000'],
  ])('%s → %s', (input, shown) => {
    expect(groupThousands(dec(input))).toBe(shown);
  });
});
