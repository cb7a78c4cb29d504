import { dec } from '../../../src/core/decimal.ts';
import { type Instrument, instrumentFromWire } from '../../../src/core/instrument.ts';
import type { QuoteWire } from '../../../src/core/protocol.ts';
import type { UserProfile } from '../../../src/core/users.ts';
import type { InstrumentCatalog } from '../../../server/marketdata/types.ts';

export const AAPL: Instrument = instrumentFromWire({
  symbol: 'AAPL',
  name: 'Apple Inc.',
  assetClass: 'equity',
  sector: 'Technology',
  currency: 'USD',
  tickSize: '0.01',
  lotSize: '100',
  multiplier: '1',
  referencePrice: '200.00',
});

export const ES: Instrument = instrumentFromWire({
  symbol: 'ES',
  name: 'E-mini S&P 500 Future',
  assetClass: 'future',
  sector: 'Equity Index',
  currency: 'USD',
  tickSize: '0.25',
  lotSize: '1',
  multiplier: '50',
  referencePrice: '6700.00',
});

export function catalog(...instruments: Instrument[]): InstrumentCatalog {
  const bySymbol = new Map(instruments.map((i) => [i.symbol, i]));
  return { get: (s) => bySymbol.get(s), all: () => instruments };
}

let seq = 0;
export function quote(symbol: string, bid: string, ask: string, bidSize = '500', askSize = '500'): QuoteWire {
  seq += 1;
  return {
    symbol,
    bid,
    ask,
    last: bid,
    bidSize,
    askSize,
    lastSize: '100',
    open: bid,
    high: ask,
    low: bid,
    prevClose: bid,
    change: '0',
    changePct: '0',
    volume: '0',
    ts: 1_700_000_000_000 + seq,
    seq,
  };
}

export const trader1: UserProfile = { username: 'trader1', displayName: 'T1', role: 'trader', desk: 'Equities', accounts: ['T1-MAIN'] };
export const trader2: UserProfile = { username: 'trader2', displayName: 'T2', role: 'trader', desk: 'Equities', accounts: ['T2-MAIN'] };
export const advisor: UserProfile = { username: 'advisor1', displayName: 'A1', role: 'advisor', desk: 'Wealth', accounts: ['A-1001'] };
export const deskHead: UserProfile = { username: 'deskhead', displayName: 'DH', role: 'deskHead', desk: 'Equities', accounts: ['EQ-DESK'] };

export const d = dec;
