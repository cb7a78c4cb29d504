// Rebalance proposals: back to model weights in whole lots, sells funding buys, restrictions respected.
import { describe, expect, it } from 'vitest';
import { type Decimal, dec } from '../../../src/core/decimal.ts';
import { type RebalanceAccount, type RebalanceInstrument, accountDrift, proposeRebalance } from '../../../src/core/rebalance.ts';

const instruments: Record<string, RebalanceInstrument> = {
  BND: { symbol: 'BND', lotSize: dec(1), multiplier: dec(1), sector: 'Credit', price: dec(100), tradable: true },
  SPY: { symbol: 'SPY', lotSize: dec(1), multiplier: dec(1), sector: 'Broad Market', price: dec(500), tradable: true },
  XLE: { symbol: 'XLE', lotSize: dec(1), multiplier: dec(1), sector: 'Energy', price: dec(50), tradable: true },
  BIG: { symbol: 'BIG', lotSize: dec(100), multiplier: dec(1), sector: 'Technology', price: dec(10), tradable: true },
  LOCK: { symbol: 'LOCK', lotSize: dec(1), multiplier: dec(1), sector: 'Credit', price: dec(100), tradable: false },
  NOPX: { symbol: 'NOPX', lotSize: dec(1), multiplier: dec(1), sector: 'Credit', price: undefined, tradable: true },
};
const lookup = (s: string) => instruments[s];
const w = (symbol: string, weight: string) => ({ symbol, weight: dec(weight) });
const opts = { driftTolerance: dec('0.005') };
const acct = (over: Partial<RebalanceAccount>): RebalanceAccount => ({
  accountId: 'A-1',
  clientId: 'C1',
  cash: dec(0),
  holdings: [],
  targets: [],
  excludedSectors: [],
  ...over,
});
const show = (xs: { accountId?: string; symbol: string; side: string; quantity: Decimal }[]) => xs.map((l) => `${l.side} ${l.quantity.toFixed()} ${l.symbol}`);

describe('proposeRebalance', () => {
  it('sells the overweight holding and buys the underweight one with the proceeds', () => {
    // 100,000: BND 80,000 (80 %), SPY 20,000 (20 %); model 50/50.
    const p = proposeRebalance(
      [acct({ holdings: [{ symbol: 'BND', quantity: dec(800) }, { symbol: 'SPY', quantity: dec(40) }], targets: [w('BND', '0.5'), w('SPY', '0.5')] })],
      lookup,
      opts,
    );
    expect(show(p.lines)).toEqual(['sell 300 BND', 'buy 60 SPY']);
    expect(p.lines.map((l) => l.weightAfter.toFixed())).toEqual(['0.5', '0.5']);
  });

  it('invests cash to the model in whole lots, never spending more than it has', () => {
    const p = proposeRebalance([acct({ cash: dec(10_050), targets: [w('BIG', '0.6'), w('BND', '0.4')] })], lookup, opts);
    // BIG: 6,030 / 10 = 603 → 600 (lots of 100); BND: 4,020 / 100 = 40.
    expect(show(p.lines)).toEqual(['buy 600 BIG', 'buy 40 BND']);
    const spent = p.lines.reduce((s, l) => s.plus(l.notional), dec(0));
    expect(spent.lte(10_050)).toBe(true);
  });

  it('cuts buys for lack of cash and says so', () => {
    // LOCK (5,000, overweight) cannot be sold today, so SPY's 10 (5,000) must come from 3,000 of cash: 6.
    const p = proposeRebalance([acct({ cash: dec(3_000), holdings: [{ symbol: 'LOCK', quantity: dec(50) }], targets: [w('SPY', '0.625'), w('LOCK', '0.375')] })], lookup, opts);
    expect(show(p.lines)).toEqual(['buy 6 SPY']);
    expect(p.notes.map((n) => n.message)).toEqual(['LOCK cannot be traded now; left as it is', 'SPY: buy cut from 10 to 6 for lack of cash']);
  });

  it('does not buy in an excluded sector, nor without a price', () => {
    const p = proposeRebalance(
      [acct({ cash: dec(10_000), targets: [w('XLE', '0.3'), w('NOPX', '0.3'), w('BND', '0.4')], excludedSectors: ['Energy'] })],
      lookup,
      opts,
    );
    expect(show(p.lines)).toEqual(['buy 40 BND']);
    expect(p.notes.map((n) => n.message)).toEqual(['NOPX has no price; left as it is', 'XLE is in a sector the client excluded (Energy); not bought']);
  });

  it('leaves holdings within the drift tolerance alone', () => {
    const p = proposeRebalance(
      [acct({ holdings: [{ symbol: 'BND', quantity: dec(502) }, { symbol: 'SPY', quantity: dec(100) }], cash: dec(-200), targets: [w('BND', '0.5'), w('SPY', '0.5')] })],
      lookup,
      opts,
    );
    expect(p.lines).toEqual([]);
  });

  it('makes one block per instrument and side over several accounts, summing their lines', () => {
    const a1 = acct({ accountId: 'A-1', cash: dec(1_000), targets: [w('BND', '1')] });
    const a2 = acct({ accountId: 'A-2', clientId: 'C2', cash: dec(2_000), targets: [w('BND', '1')] });
    const a3 = acct({ accountId: 'A-3', clientId: 'C3', holdings: [{ symbol: 'BND', quantity: dec(10) }], targets: [w('SPY', '1')] });
    const p = proposeRebalance([a1, a2, a3], lookup, opts);
    expect(p.blocks.map((b) => `${b.side} ${b.quantity.toFixed()} ${b.symbol} (${b.accounts})`)).toEqual(['buy 30 BND (2)', 'sell 10 BND (1)', 'buy 2 SPY (1)']);
  });
});

describe('accountDrift', () => {
  it('is the largest distance of any holding or target from its model weight', () => {
    const d = accountDrift(dec(1000), [{ symbol: 'BND', marketValue: dec(700) }, { symbol: 'OLD', marketValue: dec(100) }], [w('BND', '0.5'), w('SPY', '0.4')]);
    expect(d.toFixed()).toBe('0.4');
  });
});
