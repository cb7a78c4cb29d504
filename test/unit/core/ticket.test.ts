import { describe, expect, it } from 'vitest';
import { dec } from '../../../src/core/decimal.ts';
import type { Instrument } from '../../../src/core/instrument.ts';
import { describeErrors, validateTicket, type TicketDraft } from '../../../src/core/ticket.ts';

const AAPL: Instrument = {
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
const EURUSD: Instrument = { ...AAPL, symbol: 'EURUSD', assetClass: 'fx', tickSize: dec('0.00001'), lotSize: dec(1000) };
const ctx = { instrument: (s: string) => [AAPL, EURUSD].find((i) => i.symbol === s), accounts: ['T1-MAIN'] };
const draft = (over: Partial<TicketDraft> = {}): TicketDraft => ({
  symbol: 'AAPL',
  side: 'buy',
  type: 'limit',
  quantity: '100',
  limitPrice: '190.10',
  account: 'T1-MAIN',
  ...over,
});

function errorsOf(over: Partial<TicketDraft>) {
  const r = validateTicket(draft(over), ctx);
  if (r.ok) throw new Error('expected a rejection');
  return r.errors;
}

describe('validateTicket', () => {
  it('accepts a valid limit order and returns exact values', () => {
    const r = validateTicket(draft(), ctx);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.order.type).toBe('limit');
    expect(r.order.quantity.toFixed()).toBe('100');
    expect(r.order.type === 'limit' && r.order.limitPrice.toFixed()).toBe('190.1');
    expect(r.order.tif).toBe('day');
  });

  it('accepts a market order with no price, normalising the symbol and thousands separators', () => {
    const r = validateTicket(draft({ symbol: ' aapl ', type: 'market', limitPrice: '', quantity: '1,000' }), ctx);
    expect(r.ok && r.order.symbol).toBe('AAPL');
    expect(r.ok && r.order.quantity.toFixed()).toBe('1000');
  });

  it.each([
    [{ quantity: '0' }, 'quantity', 'quantity must be greater than 0'],
    [{ quantity: '-100' }, 'quantity', 'quantity must be greater than 0'],
    [{ quantity: '' }, 'quantity', 'quantity is required'],
    [{ quantity: 'abc' }, 'quantity', 'quantity must be a number, such as 100 or 12.5'],
    [{ quantity: '1e3' }, 'quantity', 'quantity must be a number, such as 100 or 12.5'],
    [{ quantity: '150' }, 'quantity', 'quantity must be a multiple of the lot size 100'],
    [{ quantity: '1000000000000000' }, 'quantity', 'quantity is too large'],
    [{ limitPrice: '190.105' }, 'limitPrice', 'limit price must be a multiple of the tick size 0.01'],
    [{ limitPrice: '' }, 'limitPrice', 'limit price is required'],
    [{ type: 'market', limitPrice: '190' }, 'limitPrice', 'a market order takes no limit price'],
    [{ symbol: 'ZZZZ' }, 'symbol', 'unknown symbol ZZZZ'],
    [{ symbol: '' }, 'symbol', 'choose a symbol'],
    [{ side: 'hold' }, 'side', 'side must be buy or sell'],
    [{ type: 'stop' }, 'type', 'order type must be market or limit'],
    [{ account: 'T2-MAIN' }, 'account', 'you may not trade for account T2-MAIN'],
    [{ account: '' }, 'account', 'choose an account'],
    [{ tif: 'fok' }, 'tif', 'time in force must be day, gtc or ioc'],
    [{ type: 'market', limitPrice: undefined, tif: 'gtc' }, 'tif', 'a market order cannot be good till cancel'],
  ] as const)('rejects %o on %s: "%s"', (over, field, message) => {
    expect(errorsOf(over)).toContainEqual({ field, message });
  });

  it('uses the tick and lot of the instrument: FX in thousands at five decimals', () => {
    expect(validateTicket(draft({ symbol: 'EURUSD', quantity: '25000', limitPrice: '1.08345' }), ctx).ok).toBe(true);
    expect(errorsOf({ symbol: 'EURUSD', quantity: '25500', limitPrice: '1.083451' }).map((e) => e.message)).toEqual([
      'quantity must be a multiple of the lot size 1000',
      'limit price must be a multiple of the tick size 0.00001',
    ]);
  });

  it('joins every reason into one sentence for a reject', () => {
    expect(describeErrors(errorsOf({ quantity: '150', limitPrice: '1.001' }))).toBe(
      'quantity must be a multiple of the lot size 100; limit price must be a multiple of the tick size 0.01',
    );
  });
});
