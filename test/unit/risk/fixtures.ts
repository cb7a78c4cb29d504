import { type Decimal, dec } from '../../../src/core/decimal.ts';
import type { Instrument } from '../../../src/core/instrument.ts';
import { type Order, type OrderSpec, newOrder } from '../../../src/core/order.ts';
import type { QuoteWire } from '../../../src/core/protocol.ts';
import type { UserProfile } from '../../../src/core/users.ts';
import { createPreTradeRisk, parseRiskLimits, type PreTradeRiskDeps, type KillSwitch, type RiskEngine, type RiskRequest } from '../../../server/risk/index.ts';
import { listWorkingOrders } from '../../../server/risk/workingOrders.ts';

export const NOW = Date.UTC(2026, 10, 23, 15, 0, 0); // a Monday, 10:00 in New York

const base = { name: 'x', sector: 'x', currency: 'USD', multiplier: dec(1), lotSize: dec(1) };
export const AAPL: Instrument = { ...base, symbol: 'AAPL', assetClass: 'equity', tickSize: dec('0.01'), referencePrice: dec('100') };
export const ES: Instrument = { ...base, symbol: 'ES', assetClass: 'future', tickSize: dec('0.25'), multiplier: dec(50), referencePrice: dec('6000') };
export const SAP: Instrument = { ...base, symbol: 'SAP', assetClass: 'equity', currency: 'EUR', tickSize: dec('0.01'), referencePrice: dec('200') };
export const ZAR1: Instrument = { ...base, symbol: 'ZAR1', assetClass: 'equity', currency: 'ZAR', tickSize: dec('0.01'), referencePrice: dec('10') };
export const INSTRUMENTS = [AAPL, ES, SAP, ZAR1];

export const TRADER: UserProfile = { username: 'trader1', displayName: 'T', role: 'trader', desk: 'Equities', accounts: ['T1-MAIN', 'T1-HEDGE'] };

export const LIMITS = {
  baseCurrency: 'USD',
  fxRates: { EUR: '1.2' },
  defaults: {
    maxOrderQty: '10000',
    maxOrderNotional: '5000000',
    collar: { percent: '10', ticks: 5 },
    maxReferenceAgeMs: 60000,
    warnNotional: '1000000',
    warnCollarPercent: '3',
    throttle: { maxOrders: 5, perMs: 1000 },
    restricted: { GODI: 'firm advises on a deal' },
  },
  desks: { Equities: { positionLimit: { default: '100000', symbols: { ES: '10' } } } },
  traders: { trader1: { maxOrderQty: '50000' } },
  accounts: { 'T1-MAIN': { buyingPower: '3000000' } },
  nonTradable: { SUSP: 'suspended' },
};

export function quote(symbol: string, bid: string, ask: string, ts = NOW - 1000, sessionState?: 'open' | 'closed' | 'preOpen'): QuoteWire {
  const z = '0';
  return {
    symbol, bid, ask, last: bid, bidSize: '100', askSize: '100', lastSize: '100', open: bid, high: ask, low: bid,
    prevClose: bid, change: z, changePct: z, volume: z, ts, seq: 1, ...(sessionState ? { sessionState } : {}),
  };
}

export interface World {
  engine: RiskEngine;
  quotes: Map<string, QuoteWire>;
  positions: Map<string, Decimal>;
  killSwitch: { current: KillSwitch | undefined };
}

export function world(limits: unknown = LIMITS, now = NOW, extra: Partial<PreTradeRiskDeps> = {}): World {
  const quotes = new Map<string, QuoteWire>([
    ['AAPL', quote('AAPL', '99.99', '100.01')],
    ['ES', quote('ES', '5999.75', '6000.25')],
    ['SAP', quote('SAP', '199.99', '200.01')],
    ['ZAR1', quote('ZAR1', '9.99', '10.01')],
  ]);
  const positions = new Map<string, Decimal>();
  const killSwitch: World['killSwitch'] = { current: undefined };
  const engine = createPreTradeRisk({
    limits: parseRiskLimits(limits),
    instrument: (s) => INSTRUMENTS.find((i) => i.symbol === s),
    quote: (s) => quotes.get(s),
    positionOf: (account, symbol) => positions.get(`${account}/${symbol}`) ?? dec(0),
    killSwitch: { governing: () => killSwitch.current },
    now: () => now,
    ...extra,
  });
  return { engine, quotes, positions, killSwitch };
}

export function limit(side: OrderSpec['side'], quantity: string, price: string, over: Partial<OrderSpec> = {}): OrderSpec {
  return { type: 'limit', symbol: 'AAPL', side, quantity: dec(quantity), limitPrice: dec(price), account: 'T1-MAIN', tif: 'day', ...over } as OrderSpec;
}

export function market(side: OrderSpec['side'], quantity: string, over: Partial<OrderSpec> = {}): OrderSpec {
  return { type: 'market', symbol: 'AAPL', side, quantity: dec(quantity), account: 'T1-MAIN', tif: 'day', ...over } as OrderSpec;
}

let seq = 0;
export function working(spec: OrderSpec): Order {
  seq += 1;
  return { ...newOrder(spec, { orderId: `O-${seq}`, clOrdId: `W-${seq}`, trader: 'trader1' }, NOW), status: 'new' };
}

/** A request; `working` is given as a list of orders and summed as the OMS's running totals would be. */
export function request(spec: OrderSpec, over: Partial<Omit<RiskRequest, 'working'>> & { working?: readonly Order[] } = {}): RiskRequest {
  const { working: list = [], ...rest } = over;
  return { user: TRADER, spec, clOrdId: 'C1', sessionId: null, confirmed: false, ...rest, working: listWorkingOrders(list, (s) => INSTRUMENTS.find((i) => i.symbol === s)) };
}
