import { describe, expect, it } from 'vitest';
import { dec } from '../../../src/core/decimal.ts';
import { instrumentFromWire, instrumentToWire, type InstrumentWire } from '../../../src/core/instrument.ts';
import {
  HistoryMsg,
  INTERVAL_SECONDS,
  InstrumentWireSchema,
  QuoteWire,
  ServerMessage,
  SubscribeDepthMsg,
  UnsubscribeDepthMsg,
  parseClientMessage,
} from '../../../src/core/protocol.ts';

const quote = {
  symbol: 'AAPL',
  bid: '268.46',
  ask: '268.47',
  last: '268.47',
  bidSize: '1200',
  askSize: '300',
  lastSize: '100',
  open: '268.00',
  high: '269.10',
  low: '267.55',
  prevClose: '268.47',
  change: '0.00',
  changePct: '0.00',
  volume: '54300',
  ts: 1,
  seq: 3,
};

describe('protocol additions for market data', () => {
  it('has a one-second interval', () => {
    expect(INTERVAL_SECONDS['1s']).toBe(1);
    expect(parseClientMessage('{"type":"history","symbol":"AAPL","interval":"1s"}')).toMatchObject({ ok: true });
  });

  it('takes a history range in epoch seconds, from before to', () => {
    expect(parseClientMessage('{"type":"history","symbol":"AAPL","interval":"1m","from":1763994600,"to":1763998200,"limit":60}')).toMatchObject({
      ok: true,
      msg: { from: 1763994600, to: 1763998200, limit: 60 },
    });
    expect(parseClientMessage('{"type":"history","reqId":"h","symbol":"AAPL","interval":"1m","from":20,"to":10}')).toMatchObject({
      ok: false,
      code: 'BAD_MESSAGE',
      reqId: 'h',
      message: 'history: from: from must be before to',
    });
    expect(HistoryMsg.safeParse({ type: 'history', symbol: 'AAPL', interval: '1m', to: 1.5 }).success).toBe(false);
  });

  it('has depth subscription messages and a depth message', () => {
    expect(SubscribeDepthMsg.parse({ type: 'subscribeDepth', reqId: 'd1', symbol: 'ES' })).toEqual({ type: 'subscribeDepth', reqId: 'd1', symbol: 'ES' });
    expect(UnsubscribeDepthMsg.safeParse({ type: 'unsubscribeDepth', symbol: '<b>' }).success).toBe(false);
    const depth = {
      type: 'depth',
      symbol: 'ES',
      seq: 9,
      ts: 1,
      bids: [
        { price: '6702.00', size: '12' },
        { price: '6701.75', size: '30' },
      ],
      asks: [{ price: '6702.25', size: '7' }],
    };
    expect(ServerMessage.parse(depth)).toEqual(depth);
    expect(ServerMessage.safeParse({ ...depth, bids: [{ price: 6702, size: '1' }] }).success).toBe(false);
    expect(ServerMessage.parse({ type: 'depthUnsubscribed', symbol: 'ES' })).toEqual({ type: 'depthUnsubscribed', symbol: 'ES' });
  });

  it('accepts a quote with or without a session state, and only the three states', () => {
    expect(QuoteWire.safeParse(quote).success).toBe(true);
    expect(QuoteWire.safeParse({ ...quote, sessionState: 'preOpen' }).success).toBe(true);
    expect(QuoteWire.safeParse({ ...quote, sessionState: 'halted' }).success).toBe(false);
  });

  it('carries the tick table and session of an instrument on the wire, and neither when it has none', () => {
    const wire: InstrumentWire = {
      symbol: 'AAPL',
      name: 'Apple Inc.',
      assetClass: 'equity',
      sector: 'Technology',
      currency: 'USD',
      tickSize: '0.01',
      lotSize: '100',
      multiplier: '1',
      referencePrice: '268.47',
      tickTable: 'US_EQUITY',
      session: { open: '09:30', close: '16:00', timeZone: 'America/New_York', days: 'Mon-Fri', preOpen: '04:00' },
    };
    expect(InstrumentWireSchema.parse(wire)).toEqual(wire);
    expect(instrumentToWire(instrumentFromWire(wire))).toEqual(wire);
    const { tickTable: _t, session: _s, ...plain } = wire;
    expect(instrumentToWire(instrumentFromWire(plain))).toEqual(plain);
    expect(instrumentFromWire(plain).referencePrice.equals(dec('268.47'))).toBe(true);
  });

  it('numbers quote frames and snapshots, optionally, so an older gateway still parses', () => {
    expect(ServerMessage.parse({ type: 'quotes', seq: 7, quotes: [quote] })).toEqual({ type: 'quotes', seq: 7, quotes: [quote] });
    expect(ServerMessage.safeParse({ type: 'quotes', quotes: [quote] }).success).toBe(true);
    expect(ServerMessage.safeParse({ type: 'quotes', seq: -1, quotes: [] }).success).toBe(false);
    expect(ServerMessage.safeParse({ type: 'quoteSnapshot', reqId: 's', seq: 0, quotes: [quote] }).success).toBe(true);
  });

  it('has heartbeats, the liveness settings in hello, and the slow-consumer notice', () => {
    expect(ServerMessage.safeParse({ type: 'heartbeat', serverTime: 1 }).success).toBe(true);
    expect(ServerMessage.safeParse({ type: 'hello', protocol: 1, server: 'g', serverTime: 1, heartbeatMs: 5000, staleMs: 10000 }).success).toBe(true);
    expect(ServerMessage.safeParse({ type: 'hello', protocol: 1, server: 'g', serverTime: 1 }).success).toBe(true);
    expect(ServerMessage.safeParse({ type: 'slowConsumer', action: 'conflating', message: 'behind' }).success).toBe(true);
    expect(ServerMessage.safeParse({ type: 'slowConsumer', action: 'ignoring', message: 'behind' }).success).toBe(false);
  });
});
