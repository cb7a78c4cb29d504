import { dec } from '../../../src/core/decimal.ts';
import type { Instrument } from '../../../src/core/instrument.ts';
import type { ExecReportWire, OrderWire, QuoteWire } from '../../../src/core/protocol.ts';
import type { OrdersState } from '../../../src/streams/ordersState.ts';

export const AAPL: Instrument = {
  symbol: 'AAPL',
  name: 'Apple Inc.',
  assetClass: 'equity',
  sector: 'Technology',
  currency: 'USD',
  tickSize: dec('0.01'),
  lotSize: dec(100),
  multiplier: dec(1),
  referencePrice: dec('190.12'),
};
export const SAP: Instrument = { ...AAPL, symbol: 'SAP', name: 'SAP SE', currency: 'EUR', tickSize: dec('0.05'), lotSize: dec(10) };
export const ES: Instrument = { ...AAPL, symbol: 'ESZ6', name: 'E-mini S&P', assetClass: 'future', tickSize: dec('0.25'), lotSize: dec(1), multiplier: dec(50) };
export const instrumentOf = (s: string): Instrument | undefined => [AAPL, SAP, ES].find((i) => i.symbol === s);

export function quote(bid: string, ask: string, last = bid): QuoteWire {
  const zero = '0';
  return {
    symbol: 'AAPL',
    bid,
    ask,
    last,
    bidSize: '100',
    askSize: '100',
    lastSize: '100',
    open: last,
    high: last,
    low: last,
    prevClose: last,
    change: zero,
    changePct: zero,
    volume: zero,
    ts: 1,
    seq: 1,
  };
}

export function order(orderId: string, patch: Partial<OrderWire> = {}): OrderWire {
  return {
    orderId,
    clOrdId: `c-${orderId}`,
    trader: 'trader1',
    account: 'T1-MAIN',
    symbol: 'AAPL',
    side: 'buy',
    type: 'limit',
    tif: 'day',
    quantity: '100',
    limitPrice: '190.00',
    stopPrice: null,
    expireAt: null,
    locate: null,
    origClOrdId: null,
    venue: 'INTERNAL',
    status: 'new',
    cumQty: '0',
    leavesQty: '100',
    avgPx: '0',
    text: '',
    createdAt: 1_000,
    updatedAt: 1_000,
    ...patch,
  };
}

export function report(execId: string, o: OrderWire, patch: Partial<ExecReportWire> = {}): ExecReportWire {
  return { execId, execType: 'new', lastQty: '0', lastPx: '0', ts: o.updatedAt, order: o, ...patch };
}

export function stateOf(reports: readonly ExecReportWire[]): OrdersState {
  const orders = new Map<string, OrderWire>();
  const executions = new Map<string, ExecReportWire>();
  for (const r of reports) {
    orders.set(r.order.orderId, r.order);
    executions.set(r.execId, r);
  }
  return { orders, executions };
}
