import { describe, expect, it } from 'vitest';
import { NO_ORDERS } from '../../../src/streams/ordersState.ts';
import { MAX_TOASTS, type Toast, newReports, pushToasts, toastOf } from '../../../src/toasts/toastOf.ts';
import { AAPL, order, report, stateOf } from './fixtures.ts';

describe('newReports', () => {
  it('lists the reports the new state has and the old did not, oldest first', () => {
    const a = report('E-1', order('O-1'), { ts: 5 });
    const b = report('E-2', order('O-1'), { ts: 7 });
    const c = report('E-3', order('O-2'), { ts: 6 });
    const before = stateOf([a]);
    const after = stateOf([a, b, c]);
    expect(newReports(before, after).map((r) => r.execId)).toEqual(['E-3', 'E-2']);
    expect(newReports(after, after)).toEqual([]);
    expect(newReports(NO_ORDERS, before).map((r) => r.execId)).toEqual(['E-1']);
  });
});

describe('toastOf', () => {
  it('toasts a partial fill with what is done so far', () => {
    const o = order('O-1', { status: 'partiallyFilled', quantity: '300', cumQty: '100', leavesQty: '200' });
    const t = toastOf(report('E-1', o, { execType: 'trade', lastQty: '100', lastPx: '190.125' }), AAPL);
    expect(t).toEqual({ id: 'E-1', tone: 'partial', title: 'Partial fill AAPL', body: 'Bought 100 @ 190.125 USD · 100 of 300', orderId: 'O-1' });
  });

  it('toasts the fill that completes an order', () => {
    const o = order('O-1', { side: 'sellShort', status: 'filled', quantity: '1000', cumQty: '1000', leavesQty: '0', avgPx: '190.06' });
    const t = toastOf(report('E-2', o, { execType: 'trade', lastQty: '600', lastPx: '190.10' }), AAPL);
    // Filled in two pieces: the average of both.
    expect(t).toMatchObject({ tone: 'fill', title: 'Filled AAPL', body: 'Sold short 600 @ 190.10 USD · done 1,000 · avg 190.06' });
  });

  it('toasts a reject with the gateway’s reason', () => {
    const o = order('O-3', { status: 'rejected', side: 'sell', text: 'quantity must be a multiple of the lot size 100' });
    expect(toastOf(report('E-3', o, { execType: 'rejected' }), AAPL)).toMatchObject({
      tone: 'reject',
      title: 'Rejected sell 100 AAPL',
      body: 'quantity must be a multiple of the lot size 100',
    });
  });

  it('names a refused short sale as one', () => {
    const o = order('O-4', { status: 'rejected', side: 'sellShort', text: 'short sale without locate: …' });
    expect(toastOf(report('E-4', o, { execType: 'rejected' }), AAPL)?.title).toBe('Rejected sell short 100 AAPL');
  });

  it('names the trader of another trader’s order (a desk head sees them all), not the viewer’s own', () => {
    const theirs = order('O-5', { trader: 'trader2', status: 'rejected', text: 'restricted list: …' });
    expect(toastOf(report('E-5', theirs, { execType: 'rejected' }), AAPL, 'deskhead')?.title).toBe('Rejected buy 100 AAPL · trader2');
    expect(toastOf(report('E-5', theirs, { execType: 'rejected' }), AAPL, 'trader2')?.title).toBe('Rejected buy 100 AAPL');
    const fill = order('O-6', { trader: 'trader2', status: 'filled', cumQty: '100', leavesQty: '0' });
    expect(toastOf(report('E-6', fill, { execType: 'trade', lastQty: '100', lastPx: '190.00' }), AAPL, 'deskhead')?.title).toBe('Filled AAPL · trader2');
  });

  it('stays quiet about acks, cancels and amends', () => {
    for (const execType of ['pendingNew', 'new', 'canceled', 'replaced', 'pendingCancel'] as const) {
      expect(toastOf(report('E', order('O'), { execType }), AAPL)).toBeUndefined();
    }
  });
});

describe('pushToasts', () => {
  const t = (id: string): Toast => ({ id, tone: 'fill', title: id, body: '', orderId: 'O' });
  it('stacks newest last, never the same report twice, at most MAX_TOASTS', () => {
    const stack = pushToasts([t('a')], [t('a'), t('b')]);
    expect(stack.map((x) => x.id)).toEqual(['a', 'b']);
    const many = pushToasts(stack, ['c', 'd', 'e', 'f', 'g'].map(t));
    expect(many).toHaveLength(MAX_TOASTS);
    expect(many.map((x) => x.id)).toEqual(['c', 'd', 'e', 'f', 'g']);
  });

  it('keeps one fill toast per order: a later fill replaces the order’s partial fills, other orders and rejects stay', () => {
    const p = (id: string, orderId: string, tone: Toast['tone'] = 'partial'): Toast => ({ id, tone, title: id, body: '', orderId });
    // Three partial fills of one order in one batch (a sweep of three levels) and one of another order.
    const swept = pushToasts([p('r', 'O-9', 'reject')], [p('a1', 'O-1'), p('b1', 'O-2'), p('a2', 'O-1'), p('a3', 'O-1')]);
    expect(swept.map((x) => x.id)).toEqual(['r', 'b1', 'a3']);
    // The order completes later: its last partial gives way to the fill.
    expect(pushToasts(swept, [p('a4', 'O-1', 'fill')]).map((x) => x.id)).toEqual(['r', 'b1', 'a4']);
  });
});
