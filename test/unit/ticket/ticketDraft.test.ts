import { describe, expect, it } from 'vitest';
import { dec } from '../../../src/core/decimal.ts';
import { validateTicket } from '../../../src/core/ticket.ts';
import { draftOf, estimatedNotional, expiryToIso, initialForm, stepText, typedPrice, workingPrice } from '../../../src/ticket/ticketDraft.ts';
import { AAPL, ES, instrumentOf, quote } from './fixtures.ts';

const form = (patch: Partial<ReturnType<typeof initialForm>> = {}) => ({ ...initialForm('AAPL', 'T1-MAIN', dec(100)), ...patch });
const ctx = { instrument: instrumentOf, accounts: ['T1-MAIN', 'T1-HEDGE'], now: Date.parse('2026-11-23T12:00:00Z') };

describe('draftOf', () => {
  it('sends only the fields the type, TIF and side use, so a hidden field never makes an error', () => {
    const d = draftOf(form({ type: 'market', limitPrice: '190.00', stopPrice: '189.00', expireAt: '2026-11-30T16:00', locate: 'L-1' }));
    expect(d.limitPrice).toBeUndefined();
    expect(d.stopPrice).toBeUndefined();
    expect(d.expireAt).toBeUndefined();
    expect(d.locate).toBeUndefined();
    expect(validateTicket(d, ctx).ok).toBe(true);
  });

  it('carries a stop limit, a GTD expiry (as an ISO instant) and a short sale’s locate', () => {
    const d = draftOf(form({ side: 'sellShort', type: 'stopLimit', limitPrice: '188.50', stopPrice: '189.00', tif: 'gtd', expireAt: '2026-11-30T16:00', locate: ' LOC-7 ' }));
    expect(d).toMatchObject({ side: 'sellShort', type: 'stopLimit', limitPrice: '188.50', stopPrice: '189.00', locate: 'LOC-7' });
    expect(d.expireAt).toBe(new Date('2026-11-30T16:00').toISOString());
    const r = validateTicket(d, ctx);
    expect(r.ok).toBe(true);
  });

  it('lets validateTicket name a short sale without a locate', () => {
    const r = validateTicket(draftOf(form({ side: 'sellShort', limitPrice: '190.00' })), ctx);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.field)).toContain('locate');
  });
});

describe('expiryToIso', () => {
  it('reads a datetime-local value as local time and leaves text that is no date for the rules to name', () => {
    expect(expiryToIso('')).toBe('');
    expect(expiryToIso('2026-12-01T09:30')).toBe(new Date(2026, 11, 1, 9, 30).toISOString());
    expect(expiryToIso('next friday')).toBe('next friday');
  });
});

describe('workingPrice and estimatedNotional', () => {
  const q = quote('190.10', '190.12');

  it('values a limit at its limit, a stop at its trigger, a market order at the touch it takes', () => {
    expect(workingPrice(form({ type: 'limit', limitPrice: '191.00' }), q)?.toFixed()).toBe('191');
    expect(workingPrice(form({ type: 'stop', stopPrice: '189.50' }), q)?.toFixed()).toBe('189.5');
    expect(workingPrice(form({ type: 'stopLimit', stopPrice: '189.50', limitPrice: '189.00' }), q)?.toFixed()).toBe('189');
    expect(workingPrice(form({ type: 'market', side: 'buy' }), q)?.toFixed()).toBe('190.12');
    expect(workingPrice(form({ type: 'market', side: 'sellShort' }), q)?.toFixed()).toBe('190.1');
    expect(workingPrice(form({ type: 'market' }), undefined)).toBeUndefined();
    expect(workingPrice(form({ type: 'limit', limitPrice: 'abc' }), q)).toBeUndefined();
  });

  it('is quantity × price × multiplier, exactly', () => {
    const f = form({ symbol: 'ESZ6', quantity: '3', limitPrice: '5012.25' });
    const r = validateTicket(draftOf(f), ctx);
    expect(estimatedNotional(r, f, q, ES)?.toFixed()).toBe('751837.5');
    const a = form({ quantity: '300', limitPrice: '190.01' });
    expect(estimatedNotional(validateTicket(draftOf(a), ctx), a, q, AAPL)?.toFixed()).toBe('57003');
  });

  it('is unknown while the ticket is invalid', () => {
    const f = form({ quantity: '150', limitPrice: '190.00' });
    expect(estimatedNotional(validateTicket(draftOf(f), ctx), f, q, AAPL)).toBeUndefined();
  });

  it('typedPrice is what the trader typed: limit first, else stop, none for a market order', () => {
    expect(typedPrice(form({ type: 'stopLimit', limitPrice: '1.00', stopPrice: '2.00' }))?.toFixed()).toBe('1');
    expect(typedPrice(form({ type: 'stop', stopPrice: '2.00' }))?.toFixed()).toBe('2');
    expect(typedPrice(form({ type: 'market', limitPrice: '1.00' }))).toBeUndefined();
  });
});

describe('stepText', () => {
  it('moves by a tick or a lot and keeps the step’s decimals', () => {
    expect(stepText('190.10', dec('0.01'), 1)).toBe('190.11');
    expect(stepText('100', dec(100), -1)).toBe('100');
    expect(stepText('', dec(100), 1)).toBe('100');
  });
});

describe('a decimal comma in a price field', () => {
  it('is no price to warn about or step: 263,50 was read as 26,350', () => {
    expect(typedPrice({ type: 'limit', limitPrice: '263,50', stopPrice: '' })).toBeUndefined();
    expect(typedPrice({ type: 'limit', limitPrice: '1,263.50', stopPrice: '' })?.toFixed(2)).toBe('1263.50');
    expect(stepText('263,50', dec('0.01'), 1)).toBe('263,50');
  });
});
