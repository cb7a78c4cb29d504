import { describe, expect, it } from 'vitest';
import { type Decimal, dec } from '../../../src/core/decimal.ts';
import type { ClientWire, PositionWire } from '../../../src/core/protocol.ts';
import { rollupByTrader, symbolsHeld, valueClient, valuePosition } from '../../../src/streams/valuation.ts';

const marks = (entries: Record<string, string>): Map<string, Decimal> => new Map(Object.entries(entries).map(([k, v]) => [k, dec(v)]));
const pos = (trader: string, symbol: string, quantity: string, avgCost: string, realizedPnl = '0', multiplier = '1'): PositionWire => ({
  trader,
  account: `${trader}-MAIN`,
  symbol,
  currency: 'USD',
  quantity,
  avgCost,
  realizedPnl,
  multiplier,
});
const text = (v: { priced: true; value: Decimal } | { priced: false }) => (v.priced ? v.value.toFixed() : 'unpriced');

describe('valuePosition', () => {
  it('marks a long and a short exactly, with the contract multiplier', () => {
    const m = marks({ AAPL: '190.13', ES: '5001.25' });
    const long = valuePosition(pos('t1', 'AAPL', '300', '189.996666666667'), m);
    expect(text(long.unrealized)).toBe('39.9999999999');
    expect(text(long.marketValue)).toBe('57039');
    const short = valuePosition(pos('t1', 'ES', '-2', '5000.00', '0', '50'), m);
    expect(text(short.unrealized)).toBe('-125');
    expect(text(short.marketValue)).toBe('-500125');
  });

  it('waits for a mark before valuing an open position, but a flat one needs none', () => {
    expect(text(valuePosition(pos('t1', 'MSFT', '100', '400'), marks({})).unrealized)).toBe('unpriced');
    expect(text(valuePosition(pos('t1', 'MSFT', '0', '0', '12.5'), marks({})).unrealized)).toBe('0');
  });
});

describe('rollupByTrader', () => {
  it('sums exposure and P&L per trader, counting positions still waiting for a price', () => {
    const m = marks({ AAPL: '0.3', MSFT: '400.10' });
    const rows = rollupByTrader(
      [
        pos('trader2', 'AAPL', '10', '0.1', '0.2'),
        pos('trader1', 'AAPL', '-10', '0.2', '0.1'),
        pos('trader1', 'MSFT', '100', '400.00'),
        pos('trader1', 'NVDA', '100', '900.00'),
        pos('trader1', 'TSLA', '0', '0', '-7.25'),
      ].map((p) => valuePosition(p, m)),
    );
    expect(rows.map((r) => r.trader)).toEqual(['trader1', 'trader2']);
    const [t1, t2] = rows;
    expect(t1?.openPositions).toBe(3);
    expect(t1?.unpriced).toBe(1);
    expect(t1?.grossExposure.toFixed()).toBe('40013'); // |−3| + 40010
    expect(t1?.netExposure.toFixed()).toBe('40007');
    expect(t1?.unrealized.toFixed()).toBe('9'); // (0.2−0.3)×10 short = −1, (400.10−400)×100 = 10
    expect(t1?.realized.toFixed()).toBe('-7.15');
    expect(t1?.totalPnl.toFixed()).toBe('1.85');
    // 0.1 + 0.2 style sums stay exact.
    expect(t2?.unrealized.toFixed()).toBe('2');
    expect(t2?.totalPnl.toFixed()).toBe('2.2');
  });
});

describe('valueClient', () => {
  const client: ClientWire = {
    clientId: 'C1',
    name: 'Ada Lovelace',
    advisor: 'advisor1',
    riskTolerance: 3,
    objective: 'growth',
    accounts: [
      { accountId: 'A1', name: 'Brokerage', type: 'brokerage', currency: 'USD', cash: '1000.10', holdings: [{ symbol: 'AAPL', quantity: '10', avgCost: '150.00' }] },
      { accountId: 'A2', name: 'IRA', type: 'ira', currency: 'USD', cash: '0.20', holdings: [{ symbol: 'MSFT', quantity: '5', avgCost: '300.00' }] },
    ],
  };
  const one = () => dec(1);

  it('values AUM as cash plus holdings at the live price', () => {
    const v = valueClient(client, marks({ AAPL: '190.01', MSFT: '400.02' }), one);
    expect(v.aum.toFixed()).toBe('4900.5'); // 1000.10 + 1900.10 + 0.20 + 2000.10
    expect(v.unrealized.toFixed()).toBe('900.2');
    expect(v.unpriced).toBe(0);
  });

  it('counts a holding without a price at cost until one arrives', () => {
    const v = valueClient(client, marks({ AAPL: '190.01' }), one);
    expect(v.aum.toFixed()).toBe('4400.4');
    expect(v.unpriced).toBe(1);
    expect(v.accounts[1]?.holdings[0]?.marketValue.priced).toBe(false);
  });

  it('lists every symbol held across the book', () => {
    expect([...symbolsHeld([client])]).toEqual(['AAPL', 'MSFT']);
  });
});
