import { describe, expect, it } from 'vitest';
import { dec } from '../../../src/core/decimal.ts';
import type { Instrument } from '../../../src/core/instrument.ts';
import { describeErrors, validateTicket, type TicketDraft, withoutGrouping } from '../../../src/core/ticket.ts';

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
const NYSE_STOCK: Instrument = {
  ...AAPL,
  symbol: 'NYS',
  session: { open: 570, close: 960, timeZone: 'America/New_York', opensOn: [false, true, true, true, true, true, false] },
};
const EURUSD: Instrument = { ...AAPL, symbol: 'EURUSD', assetClass: 'fx', tickSize: dec('0.00001'), lotSize: dec(1000) };
/** 2026-11-23T12:00:00Z, a Monday. */
const NOW = Date.UTC(2026, 10, 23, 12);
const ctx = { instrument: (s: string) => [AAPL, EURUSD, NYSE_STOCK].find((i) => i.symbol === s), accounts: ['T1-MAIN'], now: NOW };
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

  it('takes commas between thousands only', () => {
    expect(withoutGrouping('1,000')).toBe('1000');
    expect(withoutGrouping('1,234,567.5')).toBe('1234567.5');
    expect(withoutGrouping('263.50')).toBe('263.50');
    expect(withoutGrouping('263,50')).toBeUndefined();
    expect(withoutGrouping('1,0000')).toBeUndefined();
    expect(withoutGrouping(',100')).toBeUndefined();
    expect(withoutGrouping('1000,000')).toBeUndefined();
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
    // A decimal comma is not a thousands separator: read as one, 190,10 was a price of 19,010.
    [{ limitPrice: '190,10' }, 'limitPrice', 'limit price 190,10: write decimals with a point (commas only group thousands, as in 1,000)'],
    [{ quantity: '1,00' }, 'quantity', 'quantity 1,00: write decimals with a point (commas only group thousands, as in 1,000)'],
    [{ quantity: '10,000,0' }, 'quantity', 'quantity 10,000,0: write decimals with a point (commas only group thousands, as in 1,000)'],
    [{ limitPrice: '' }, 'limitPrice', 'limit price is required'],
    [{ type: 'market', limitPrice: '190' }, 'limitPrice', 'a market order takes no limit price'],
    [{ symbol: 'ZZZZ' }, 'symbol', 'unknown symbol ZZZZ'],
    [{ symbol: '' }, 'symbol', 'choose a symbol'],
    [{ side: 'hold' }, 'side', 'side must be buy, sell or sell short'],
    [{ type: 'trailingStop' }, 'type', 'order type must be market, limit, stop or stop limit'],
    [{ account: 'T2-MAIN' }, 'account', 'you may not trade for account T2-MAIN'],
    [{ account: '' }, 'account', 'choose an account'],
    [{ tif: 'gtx' }, 'tif', 'time in force must be day, gtc, ioc, fok or gtd'],
    [{ type: 'market', limitPrice: undefined, tif: 'gtc' }, 'tif', 'a market order trades at once, so it cannot be good till cancel'],
    [{ type: 'market', limitPrice: undefined, tif: 'gtd', expireAt: '2026-12-01' }, 'tif', 'a market order trades at once, so it cannot be good till date'],
    // stops
    [{ type: 'stop', limitPrice: undefined }, 'stopPrice', 'stop price is required'],
    [{ type: 'stop', limitPrice: undefined, stopPrice: '190.015' }, 'stopPrice', 'stop price must be a multiple of the tick size 0.01'],
    [{ type: 'stop', stopPrice: '190' }, 'limitPrice', 'a stop order takes no limit price (a stop limit does)'],
    [{ type: 'stopLimit', stopPrice: '190', limitPrice: '' }, 'limitPrice', 'limit price is required'],
    [{ type: 'limit', stopPrice: '190' }, 'stopPrice', 'a limit order takes no stop price'],
    [{ type: 'stop', limitPrice: undefined, stopPrice: '190', tif: 'ioc' }, 'tif', 'a stop order waits for its stop price, so it cannot be immediate or cancel'],
    [{ type: 'stopLimit', stopPrice: '190', tif: 'fok' }, 'tif', 'a stop limit order waits for its stop price, so it cannot be fill or kill'],
    // good till date
    [{ tif: 'gtd' }, 'expireAt', 'a good till date order needs an expiry date'],
    [{ tif: 'gtd', expireAt: '2026-11-20' }, 'expireAt', 'the expiry must be in the future'],
    [{ tif: 'gtd', expireAt: '2028-11-20' }, 'expireAt', 'the expiry must be within 366 days'],
    [{ tif: 'gtd', expireAt: '2026-02-30' }, 'expireAt', '2026-02-30 is not a date in the calendar'],
    [{ tif: 'gtd', expireAt: 'next friday' }, 'expireAt', 'expiry must be a date such as 2026-11-27, or a date and time with its zone such as 2026-11-27T21:00:00Z'],
    [{ tif: 'gtd', expireAt: '2026-11-27T21:00:00' }, 'expireAt', 'expiry must be a date such as 2026-11-27, or a date and time with its zone such as 2026-11-27T21:00:00Z'],
    [{ tif: 'gtc', expireAt: '2026-12-01' }, 'expireAt', 'an expiry date is only for a good till date order'],
    // short sales
    [{ side: 'sellShort' }, 'locate', 'a short sale needs a locate from the stock-loan desk'],
    [{ side: 'sellShort', locate: 'bad id!' }, 'locate', 'a locate id holds only letters, digits and . _ : - / (at most 64)'],
    [{ side: 'sell', locate: 'LOC-1' }, 'locate', 'a locate is only for a short sale'],
    [{ symbol: 'EURUSD', side: 'sellShort', locate: 'LOC-1', quantity: '1000', limitPrice: '1.08' }, 'side', 'sell short is for equities and ETFs; sell EURUSD outright'],
  ] as const)('rejects %o on %s: "%s"', (over, field, message) => {
    expect(errorsOf(over)).toContainEqual({ field, message });
  });

  it('accepts each order type with the prices it needs', () => {
    const stop = validateTicket(draft({ type: 'stop', limitPrice: undefined, stopPrice: '195.00', side: 'buy' }), ctx);
    expect(stop.ok && stop.order.type === 'stop' && stop.order.stopPrice.toFixed()).toBe('195');
    const stopLimit = validateTicket(draft({ type: 'stopLimit', stopPrice: '185.00', limitPrice: '184.50', side: 'sell', tif: 'gtc' }), ctx);
    expect(stopLimit.ok && stopLimit.order.type === 'stopLimit' && [stopLimit.order.stopPrice.toFixed(), stopLimit.order.limitPrice.toFixed()]).toEqual(['185', '184.5']);
    expect(validateTicket(draft({ tif: 'fok' }), ctx).ok).toBe(true);
    expect(validateTicket(draft({ type: 'market', limitPrice: undefined, tif: 'ioc' }), ctx).ok).toBe(true);
  });

  it('reads a GTD expiry date as the end of that day where the instrument trades, and a date-time as written', () => {
    const ny = validateTicket(draft({ symbol: 'NYS', tif: 'gtd', expireAt: '2026-11-27' }), ctx);
    // 23:59:59.999 in New York on 27 November (EST, UTC-5) is 04:59:59.999Z on the 28th.
    expect(ny.ok && ny.order.expireAt).toBe(Date.UTC(2026, 10, 28, 4, 59, 59, 999));
    const utc = validateTicket(draft({ tif: 'gtd', expireAt: '2026-11-27' }), ctx);
    expect(utc.ok && utc.order.expireAt).toBe(Date.UTC(2026, 10, 27, 23, 59, 59, 999));
    const exact = validateTicket(draft({ tif: 'gtd', expireAt: '2026-11-24T15:30:00-05:00' }), ctx);
    expect(exact.ok && exact.order.expireAt).toBe(Date.UTC(2026, 10, 24, 20, 30));
  });

  it('keeps a short sale\'s locate', () => {
    const r = validateTicket(draft({ side: 'sellShort', locate: ' LOC-42 ' }), ctx);
    expect(r.ok && [r.order.side, r.order.locate]).toEqual(['sellShort', 'LOC-42']);
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
