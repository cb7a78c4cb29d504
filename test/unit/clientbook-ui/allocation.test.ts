import { describe, expect, it } from 'vitest';
import { allocationOf, foldSmallSlices, slicesOf } from '../../../src/clientbook/allocation.ts';
import { livePortfolio } from '../../../src/clientbook/liveHoldings.ts';
import { type Decimal, dec, sum } from '../../../src/core/decimal.ts';
import { detail } from './fixtures.ts';

const marks = (m: Record<string, string>) => new Map<string, Decimal>(Object.entries(m).map(([k, v]) => [k, dec(v)]));

describe('live holdings', () => {
  it('without quotes, values at the gateway price', () => {
    const p = livePortfolio(detail(), marks({}));
    expect(p.aum.toFixed()).toBe('9000');
    expect(p.cash.toFixed()).toBe('1500');
    expect(p.stale).toBe(3);
    expect(p.unrealized.toFixed()).toBe('2000'); // 1000 + 500 + 500
  });

  it('scales the gateway value by live ÷ gateway price, exactly, and weights add up with cash to 1', () => {
    const p = livePortfolio(detail(), marks({ MSFT: '410.5', SAP: '149.99' }));
    const msft = p.holdings.find((h) => h.symbol === 'MSFT');
    const sap = p.holdings.find((h) => h.symbol === 'SAP');
    expect(msft?.marketValue.toFixed()).toBe('4105');
    expect(msft?.unrealized.toFixed()).toBe('1105');
    expect(msft?.live).toBe(true);
    expect(sap?.marketValue.toFixed()).toBe('1499.9');
    expect(p.aum.toFixed()).toBe('9104.9');
    expect(p.stale).toBe(1);
    expect(sum(p.holdings.map((h) => h.weight)).plus(p.cash.div(p.aum)).toFixed()).toBe('1');
  });
});

describe('allocation', () => {
  const p = livePortfolio(detail(), marks({}));

  it('splits by asset class with cash as its own slice, largest first, adding up to the AUM', () => {
    const s = allocationOf(p, 'assetClass');
    expect(s.map((x) => [x.label, x.value.toFixed()])).toEqual([
      ['Equities', '6000'],
      ['Cash', '1500'], // a tie is ordered by name, so the order never flickers
      ['Funds (ETF)', '1500'],
    ]);
    expect(sum(s.map((x) => x.value)).eq(p.aum)).toBe(true);
    expect(sum(s.map((x) => x.weight)).toFixed()).toBe('1');
  });

  it('puts cash in its account currency by currency, and under "Cash" by region', () => {
    expect(allocationOf(p, 'currency').map((x) => [x.label, x.value.toFixed()])).toEqual([
      ['USD', '7000'],
      ['EUR', '2000'],
    ]);
    expect(allocationOf(p, 'region').map((x) => x.label)).toEqual(['North America', 'Cash', 'Europe']);
    expect(allocationOf(p, 'sector').map((x) => x.label)).toEqual(['Technology', 'Cash', 'Software']);
  });

  it('folds the smallest slices into Other so a chart stays readable, keeping the total', () => {
    const slices = slicesOf(new Map(['a', 'b', 'c', 'd', 'e'].map((k, i) => [k, dec(10 - i)])));
    const folded = foldSmallSlices(slices, 3);
    expect(folded.map((s) => [s.label, s.value.toFixed()])).toEqual([
      ['a', '10'],
      ['b', '9'],
      ['Other', '21'],
    ]);
    expect(sum(folded.map((s) => s.weight)).toFixed()).toBe('1');
    expect(foldSmallSlices(slices, 5)).toHaveLength(5);
  });

  it('drops empty buckets and gives zero weights when there is nothing', () => {
    expect(slicesOf(new Map([['x', dec(0)]]))).toEqual([]);
  });
});
