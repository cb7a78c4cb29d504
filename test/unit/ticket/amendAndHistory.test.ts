import { describe, expect, it } from 'vitest';
import { amendFormOf, validateAmend } from '../../../src/blotters/amendForm.ts';
import { historyRow } from '../../../src/blotters/orderHistory.ts';
import { executionsOf } from '../../../src/streams/ordersState.ts';
import { AAPL, instrumentOf, order, report, stateOf } from './fixtures.ts';

describe('amendFormOf', () => {
  it('opens on the order’s terms, or on the price a line was dragged to', () => {
    const o = order('O-1', { type: 'stopLimit', limitPrice: '189.00', stopPrice: '189.50' });
    expect(amendFormOf(o)).toEqual({ quantity: '100', limitPrice: '189.00', stopPrice: '189.50' });
    expect(amendFormOf(o, { stopPrice: '188.75' })).toEqual({ quantity: '100', limitPrice: '189.00', stopPrice: '188.75' });
  });
});

describe('validateAmend', () => {
  const o = order('O-1', { quantity: '300', cumQty: '100', leavesQty: '200', status: 'partiallyFilled' });

  it('sends the new terms of a limit order', () => {
    expect(validateAmend(o, { quantity: '400', limitPrice: '190.05', stopPrice: '' }, instrumentOf)).toEqual({
      ok: true,
      terms: { quantity: '400', limitPrice: '190.05' },
    });
  });

  it('uses the ticket’s rules for lots and ticks', () => {
    const r = validateAmend(o, { quantity: '350', limitPrice: '190.005', stopPrice: '' }, instrumentOf);
    expect(r).toEqual({
      ok: false,
      errors: { quantity: 'quantity must be a multiple of the lot size 100', limitPrice: 'limit price must be a multiple of the tick size 0.01' },
    });
  });

  it('refuses a quantity not above what is already filled', () => {
    const r = validateAmend(o, { quantity: '100', limitPrice: '190.00', stopPrice: '' }, instrumentOf);
    expect(r).toEqual({ ok: false, errors: { quantity: 'quantity must be more than the 100 already filled' } });
  });

  it('says when nothing changes', () => {
    expect(validateAmend(o, { quantity: '300', limitPrice: '190.0', stopPrice: '' }, instrumentOf)).toEqual({
      ok: false,
      errors: { form: 'nothing to amend: change the quantity or a price' },
    });
  });

  it('amends a stop order’s trigger', () => {
    const stop = order('O-2', { type: 'stop', limitPrice: null, stopPrice: '185.00' });
    expect(validateAmend(stop, { quantity: '100', limitPrice: '', stopPrice: '186.00' }, instrumentOf)).toEqual({
      ok: true,
      terms: { quantity: '100', stopPrice: '186.00' },
    });
  });
});

describe('order history', () => {
  it('lists every report of the order, oldest first, in a trader’s words', () => {
    const sent = order('O-1', { status: 'pendingNew', updatedAt: 1 });
    const acked = order('O-1', { status: 'new', updatedAt: 2 });
    const amended = order('O-1', { status: 'new', clOrdId: 'c-2', origClOrdId: 'c-O-1', limitPrice: '190.50', updatedAt: 3 });
    const filled = order('O-1', { status: 'partiallyFilled', clOrdId: 'c-2', limitPrice: '190.50', cumQty: '40', leavesQty: '60', updatedAt: 4 });
    const state = stateOf([
      report('E-10', amended, { execType: 'replaced' }),
      report('E-2', acked, { execType: 'new' }),
      report('E-1', sent, { execType: 'pendingNew' }),
      report('E-11', filled, { execType: 'trade', lastQty: '40', lastPx: '190.5' }),
      report('E-9', order('O-2'), { execType: 'new' }),
    ]);
    const rows = executionsOf(state, 'O-1').map((e) => historyRow(e, AAPL));
    expect(rows.map((r) => [r.event, r.status, r.detail, r.clOrdId])).toEqual([
      ['Sent', 'PendingNew', '100 · limit 190.00', 'c-O-1'],
      ['Accepted', 'New', '100 · limit 190.00', 'c-O-1'],
      ['Amended', 'New', '100 · limit 190.50', 'c-2'],
      ['Fill', 'PartiallyFilled', '40 @ 190.50 · filled 40 of 100', 'c-2'],
    ]);
  });
});
