import { describe, expect, it } from 'vitest';
import { dec } from '../../../src/core/decimal.ts';
import type { Instrument } from '../../../src/core/instrument.ts';
import type { PreTradeRisk, RiskDecision, RiskRequest } from '../../../server/risk/types.ts';
import { createJournal } from '../../../server/oms/journal.ts';
import { AAPL, deskHead, trader1, trader2 } from './fixtures.ts';
import { limitTicket, omsHarness } from './omsHarness.ts';

const origin = (reqId: string) => ({ sessionId: 9, reqId });

/** AAPL with a New York session, 09:30–16:00 Monday to Friday. */
const AAPL_NY: Instrument = {
  ...AAPL,
  session: { open: 570, close: 960, timeZone: 'America/New_York', opensOn: [false, true, true, true, true, true, false] },
};
/** Monday 23 November 2026, 10:00 in New York (EST). */
const MON_10AM = Date.UTC(2026, 10, 23, 15, 0);
/** The close that day: 16:00 New York. */
const MON_CLOSE = Date.UTC(2026, 10, 23, 21, 0);

function working(h: ReturnType<typeof omsHarness>, over: Record<string, string> = {}, clOrdId = 'a') {
  const o = h.place(trader1, { clOrdId, order: limitTicket(over) });
  h.venue.emit({ kind: 'accepted', orderId: o.orderId });
  return o;
}

describe('cancel/replace', () => {
  it('round trip: PendingReplace, then Replaced with the new terms, ClOrdID chain and the same OrderID', () => {
    const h = omsHarness();
    const o = working(h);
    h.venue.emit({ kind: 'fill', orderId: o.orderId, venueExecId: 'x1', quantity: dec(100), price: dec('199.99') });
    h.oms.replaceOrder(trader1, { orderId: o.orderId, clOrdId: 'a2', quantity: '500', limitPrice: '200.05' }, origin('r1'));
    expect(h.venue.calls.at(-1)).toBe(`replace ${o.orderId} a→a2 qty 500 px 200.05`);
    h.venue.emit({ kind: 'replaced', orderId: o.orderId, quantity: dec(500), limitPrice: dec('200.05'), stopPrice: null });
    expect(h.reports().slice(-2)).toEqual(['pendingReplace/pendingReplace', 'replaced/partiallyFilled']);
    const after = h.oms.order(o.orderId)!;
    expect([after.clOrdId, after.origClOrdId, after.quantity.toFixed(), after.cumQty.toFixed(), after.leavesQty.toFixed(), after.limitPrice?.toFixed()]).toEqual([
      'a2',
      'a',
      '500',
      '100',
      '400',
      '200.05',
    ]);
    // Both the request and the confirmation answer the asker.
    const answered = h.updates.filter((u) => u.kind === 'execReport' && u.origin?.reqId === 'r1').map((u) => u.kind === 'execReport' && u.execution.execType);
    expect(answered).toEqual(['pendingReplace', 'replaced']);
    // The journal keeps the new terms: a reload reads the amended order.
    const reloaded = createJournal(h.db).load().orders.get(o.orderId)!;
    expect([reloaded.clOrdId, reloaded.origClOrdId, reloaded.quantity.toFixed(), reloaded.leavesQty.toFixed()]).toEqual(['a2', 'a', '500', '400']);
    expect(h.oms.history(o.orderId).map((e) => e.execType)).toEqual(['pendingNew', 'new', 'trade', 'pendingReplace', 'replaced']);
  });

  it.each([
    ['an unknown order', (id: string) => ({ orderId: `${id}X`, clOrdId: 'n1', quantity: '400' }), trader1, /^unknown order/],
    ["another trader's order", (id: string) => ({ orderId: id, clOrdId: 'n1', quantity: '400' }), trader2, /^unknown order/],
    ['a ClOrdID already used', (id: string) => ({ orderId: id, clOrdId: 'a', quantity: '400' }), trader1, /^duplicate ClOrdID a: already used for order/],
    ['an amend below CumQty', (id: string) => ({ orderId: id, clOrdId: 'n1', quantity: '100' }), trader1, /^the new quantity 100 is not above the 100 already filled/],
    ['an odd lot', (id: string) => ({ orderId: id, clOrdId: 'n1', quantity: '450' }), trader1, /^quantity must be a multiple of the lot size 100$/],
    ['a price off the tick', (id: string) => ({ orderId: id, clOrdId: 'n1', limitPrice: '200.001' }), trader1, /tick size 0\.01/],
    ['a stop price on a limit order', (id: string) => ({ orderId: id, clOrdId: 'n1', stopPrice: '199' }), trader1, /^a limit order has no stop price to amend$/],
    ['nothing to change', (id: string) => ({ orderId: id, clOrdId: 'n1', quantity: '300', limitPrice: '200.00' }), trader1, /^the amend changes nothing$/],
  ] as const)('refuses %s with OrderCancelReject semantics', (_name, cmd, user, reason) => {
    const h = omsHarness();
    const o = working(h);
    h.venue.emit({ kind: 'fill', orderId: o.orderId, venueExecId: 'x1', quantity: dec(100), price: dec('199.99') });
    const before = h.oms.order(o.orderId);
    h.oms.replaceOrder(user, cmd(o.orderId), origin('r'));
    const last = h.updates.at(-1)!;
    expect(last).toMatchObject({ kind: 'cancelReject', responseTo: 'replace', origin: origin('r') });
    expect(last.kind === 'cancelReject' && last.reason).toMatch(reason);
    expect(h.oms.order(o.orderId)).toBe(before);
    expect(h.venue.calls.filter((c) => c.startsWith('replace'))).toEqual([]);
  });

  it('refuses to amend an order the venue has not acknowledged, one with a request pending, and one already done (too late)', () => {
    const h = omsHarness();
    const o = h.place(trader1, { clOrdId: 'a', order: limitTicket() });
    h.oms.replaceOrder(trader1, { orderId: o.orderId, clOrdId: 'n1', quantity: '400' }, origin('r1'));
    h.venue.emit({ kind: 'accepted', orderId: o.orderId });
    h.oms.replaceOrder(trader1, { orderId: o.orderId, clOrdId: 'n2', quantity: '400' }, origin('r2'));
    h.oms.replaceOrder(trader1, { orderId: o.orderId, clOrdId: 'n3', quantity: '500' }, origin('r3'));
    h.oms.cancelOrder(trader1, o.orderId, origin('c1'));
    h.venue.emit({ kind: 'fill', orderId: o.orderId, venueExecId: 'x1', quantity: dec(300), price: dec('199.99') });
    h.oms.replaceOrder(trader1, { orderId: o.orderId, clOrdId: 'n4', quantity: '500' }, origin('r4'));
    expect(h.reports()).toEqual([
      'pendingNew/pendingNew',
      `cancelReject(replace): order ${o.orderId} is not yet acknowledged by the venue; amend it once it is New`,
      'new/new',
      'pendingReplace/pendingReplace',
      `cancelReject(replace): a replace is already pending for order ${o.orderId}; wait for its answer`,
      `cancelReject(cancel): a replace is pending for order ${o.orderId}; cancel it once the replace is answered`,
      'trade/filled',
      `cancelReject(replace): too late to amend: order ${o.orderId} is already Filled`,
    ]);
  });

  it('applies a fill racing the replace, and refuses the late replace with a reason when nothing is left', () => {
    const h = omsHarness();
    const o = working(h);
    h.oms.replaceOrder(trader1, { orderId: o.orderId, clOrdId: 'a2', limitPrice: '199.50' }, origin('r1'));
    h.venue.emit({ kind: 'fill', orderId: o.orderId, venueExecId: 'x1', quantity: dec(300), price: dec('200.00') });
    h.venue.emit({ kind: 'replaceRejected', orderId: o.orderId, reason: 'order is no longer open' });
    expect(h.reports().slice(-3)).toEqual(['pendingReplace/pendingReplace', 'trade/filled', `cancelReject(replace): too late to amend: order ${o.orderId} is already Filled`]);
    expect(h.updates.at(-1)).toMatchObject({ clOrdId: 'a2', origin: origin('r1') });
    expect(h.oms.order(o.orderId)).toMatchObject({ status: 'filled', clOrdId: 'a' });
  });

  it('restates the order as working when the venue refuses the replace, and forwards its reason', () => {
    const h = omsHarness();
    const o = working(h);
    h.oms.replaceOrder(trader1, { orderId: o.orderId, clOrdId: 'a2', quantity: '600' }, origin('r1'));
    h.venue.emit({ kind: 'replaceRejected', orderId: o.orderId, reason: 'price outside the band' });
    expect(h.reports().slice(-3)).toEqual(['pendingReplace/pendingReplace', 'new/new', 'cancelReject(replace): price outside the band']);
    expect(h.oms.order(o.orderId)).toMatchObject({ clOrdId: 'a', text: 'replace rejected: price outside the band' });
    // The refused ClOrdID stays spent, as FIX has it.
    h.oms.replaceOrder(trader1, { orderId: o.orderId, clOrdId: 'a2', quantity: '600' }, origin('r2'));
    expect(h.reports().at(-1)).toMatch(/^cancelReject\(replace\): duplicate ClOrdID a2/);
  });

  it('lets a desk head amend a trader’s order and sends the replace again after a restart', () => {
    const h = omsHarness();
    const o = working(h);
    h.oms.replaceOrder(deskHead, { orderId: o.orderId, clOrdId: 'dh-1', quantity: '200' }, origin('r1'));
    expect(h.oms.order(o.orderId)!.status).toBe('pendingReplace');
    h.oms.stop();
    h.db.close();
    const again = omsHarness({ dir: h.dir });
    expect(again.oms.resubmitWorking()).toBe(1);
    expect(again.venue.calls).toEqual([`submit ${o.orderId} pendingReplace`, `replace ${o.orderId} a→dh-1 qty 200 px 200`]);
    again.venue.emit({ kind: 'replaced', orderId: o.orderId, quantity: dec(200), limitPrice: dec('200.00'), stopPrice: null });
    expect(again.oms.order(o.orderId)).toMatchObject({ status: 'new', clOrdId: 'dh-1', origClOrdId: 'a' });
  });
});

describe('venue events', () => {
  it('applies a fill once: a resent report with the same venue exec id is dropped, also after a restart', () => {
    const h = omsHarness();
    const o = working(h);
    const fill = { kind: 'fill', orderId: o.orderId, venueExecId: 'V-77', quantity: dec(100), price: dec('200.00') } as const;
    h.venue.emit(fill);
    h.venue.emit(fill);
    expect(h.oms.order(o.orderId)!.cumQty.toFixed()).toBe('100');
    h.oms.stop();
    h.db.close();
    const again = omsHarness({ dir: h.dir });
    again.venue.emit(fill);
    expect(again.reports()).toEqual([]);
    again.venue.emit({ ...fill, venueExecId: 'V-78' });
    expect(again.oms.order(o.orderId)!.cumQty.toFixed()).toBe('200');
  });

  it('reports an IOC remainder cancelled by the venue with its own report and reason', () => {
    const h = omsHarness();
    const o = h.place(trader1, { clOrdId: 'a', order: limitTicket({ tif: 'ioc' }) });
    h.venue.emit({ kind: 'accepted', orderId: o.orderId });
    h.venue.emit({ kind: 'fill', orderId: o.orderId, venueExecId: 'x', quantity: dec(100), price: dec('200.00') });
    h.venue.emit({ kind: 'canceled', orderId: o.orderId, reason: 'immediate or cancel: the rest was canceled' });
    expect(h.reports()).toEqual(['pendingNew/pendingNew', 'new/new', 'trade/partiallyFilled', 'canceled/canceled']);
    expect(h.oms.order(o.orderId)).toMatchObject({ text: 'immediate or cancel: the rest was canceled' });
    expect(h.oms.order(o.orderId)!.leavesQty.toFixed()).toBe('0');
  });

  it('records a stop becoming active', () => {
    const h = omsHarness();
    const o = h.place(trader1, { clOrdId: 's', order: limitTicket({ type: 'stop', limitPrice: '', stopPrice: '201.00' }) });
    h.venue.emit({ kind: 'accepted', orderId: o.orderId });
    h.venue.emit({ kind: 'triggered', orderId: o.orderId });
    expect(h.reports()).toEqual(['pendingNew/pendingNew', 'new/new', 'triggered/new']);
    expect(h.oms.order(o.orderId)!.stopPrice?.toFixed()).toBe('201');
  });
});

describe('cancel all', () => {
  it("cancels a trader's own open orders, skipping done ones and those already being cancelled, and queues one behind a pending replace", () => {
    const h = omsHarness();
    const a = working(h, {}, 'a');
    const b = working(h, {}, 'b');
    const c = working(h, {}, 'c');
    const done = working(h, {}, 'd');
    h.venue.emit({ kind: 'fill', orderId: done.orderId, venueExecId: 'x', quantity: dec(300), price: dec(200) });
    const other = h.place(trader2, { clOrdId: 'z', order: limitTicket({ account: 'T2-MAIN' }) });
    h.oms.cancelOrder(trader1, b.orderId, origin('c'));
    h.oms.replaceOrder(trader1, { orderId: c.orderId, clOrdId: 'c2', quantity: '400' }, origin('r'));
    expect(h.oms.cancelAll(trader1, {}, origin('ca'))).toBe(2);
    expect(h.venue.calls.filter((x) => x.startsWith('cancel'))).toEqual([`cancel ${b.orderId}`, `cancel ${a.orderId}`]);
    h.venue.emit({ kind: 'replaced', orderId: c.orderId, quantity: dec(400), limitPrice: dec(200), stopPrice: null });
    expect(h.venue.calls.at(-1)).toBe(`cancel ${c.orderId}`);
    expect(h.oms.order(other.orderId)!.status).toBe('pendingNew');
    // The per-order reports go to the asker without the cancelAll's reqId.
    expect(h.updates.filter((u) => u.kind === 'execReport' && u.origin?.reqId === 'ca')).toEqual([]);
  });

  it('by account, by trader for a desk head, and by desk for the gateway', () => {
    const deskOf = (t: string) => (t === 'trader1' ? 'Equities' : 'Rates');
    const h = omsHarness({ deps: { deskOf } });
    const t1 = working(h, {}, 'a');
    const t2 = h.place(trader2, { clOrdId: 'b', order: limitTicket({ account: 'T2-MAIN' }) });
    expect(h.oms.cancelAll(trader1, { account: 'T2-MAIN' })).toBe(0);
    expect(h.oms.cancelAll(deskHead, { trader: 'trader2' })).toBe(1);
    expect(h.oms.order(t2.orderId)!.status).toBe('pendingCancel');
    expect(h.oms.cancelAll('system', { desk: 'Rates' })).toBe(0);
    expect(h.oms.cancelAll('system', { desk: 'Equities' })).toBe(1);
    expect(h.oms.order(t1.orderId)!.status).toBe('pendingCancel');
  });
});

describe('expiry', () => {
  it('expires a DAY order at its session close through a cancel at the venue, and leaves GTC and GTD before their time', () => {
    const h = omsHarness({ instruments: [AAPL_NY], start: MON_10AM });
    const day = working(h, {}, 'day');
    const gtc = working(h, { tif: 'gtc' }, 'gtc');
    const gtd = working(h, { tif: 'gtd', expireAt: '2026-11-25T20:00:00Z' }, 'gtd');
    expect(h.oms.expireDue(MON_CLOSE - 1)).toBe(0);
    expect(h.oms.expireDue(MON_CLOSE)).toBe(1);
    expect(h.oms.expireDue(MON_CLOSE + 1000)).toBe(0); // already on its way
    expect(h.venue.calls.at(-1)).toBe(`cancel ${day.orderId}`);
    h.venue.emit({ kind: 'canceled', orderId: day.orderId, reason: 'canceled on request' });
    expect(h.oms.order(day.orderId)).toMatchObject({ status: 'expired', text: 'day order expired at the session close' });
    expect(h.oms.order(gtc.orderId)!.status).toBe('new');
    expect(h.oms.expireDue(Date.UTC(2026, 10, 25, 20, 0))).toBe(1);
    h.venue.emit({ kind: 'cancelRejected', orderId: gtd.orderId, reason: 'not open at the venue' });
    expect(h.oms.order(gtd.orderId)).toMatchObject({ status: 'expired', text: 'good till date order reached its expiry' });
    expect(h.reports().filter((r) => r.startsWith('cancelReject'))).toEqual([]);
  });

  it('applies a fill that races the expiry', () => {
    const h = omsHarness({ instruments: [AAPL_NY], start: MON_10AM });
    const day = working(h);
    h.oms.expireDue(MON_CLOSE);
    h.venue.emit({ kind: 'fill', orderId: day.orderId, venueExecId: 'x', quantity: dec(100), price: dec(200) });
    h.venue.emit({ kind: 'canceled', orderId: day.orderId, reason: 'canceled' });
    expect(h.oms.order(day.orderId)).toMatchObject({ status: 'expired' });
    expect(h.oms.order(day.orderId)!.cumQty.toFixed()).toBe('100');
  });

  it('on restart expires what ran out while down and hands GTC orders back to the venue', () => {
    const h = omsHarness({ instruments: [AAPL_NY], start: MON_10AM });
    const day = working(h, {}, 'day');
    const gtc = working(h, { tif: 'gtc' }, 'gtc');
    h.oms.stop();
    h.db.close();
    const again = omsHarness({ dir: h.dir, instruments: [AAPL_NY], start: MON_CLOSE + 3_600_000 });
    expect(again.oms.resubmitWorking()).toBe(1);
    expect(again.venue.calls).toEqual([`submit ${gtc.orderId} new`]);
    expect(again.oms.order(day.orderId)).toMatchObject({ status: 'expired', text: 'day order expired at the session close' });
  });
});

describe('pre-trade risk', () => {
  function withRisk(decide: (req: RiskRequest) => RiskDecision) {
    const seen: RiskRequest[] = [];
    const placed: string[] = [];
    const risk: PreTradeRisk = { check: (req) => (seen.push(req), decide(req)) };
    const h = omsHarness({ deps: { risk, onPlaced: (o, w, j) => void placed.push(`${o.clOrdId} ${w.map((x) => x.rule).join(',')} ${j ?? '-'}`) } });
    return { h, seen, placed };
  }

  it('holds an order with warnings until confirmed, and one needing a justification until it has one', () => {
    const { h, placed } = withRisk(() => ({
      ok: true,
      warnings: [
        { rule: 'priceCollar', message: 'limit 3% from the last', requiresJustification: false },
        { rule: 'suitability', message: 'above the client’s risk tolerance', requiresJustification: true },
      ],
    }));
    expect(h.oms.placeOrder(trader1, { clOrdId: 'w', order: limitTicket() }, origin('p1'))).toBeUndefined();
    expect(h.oms.placeOrder(trader1, { clOrdId: 'w', order: limitTicket(), confirm: true }, origin('p2'))).toBeUndefined();
    const o = h.oms.placeOrder(trader1, { clOrdId: 'w', order: limitTicket(), confirm: true, justification: 'client insists, noted' }, origin('p3'));
    expect(o?.status).toBe('pendingNew');
    expect(h.reports()).toEqual(['orderWarning: priceCollar,suitability', 'orderWarning: priceCollar,suitability', 'pendingNew/pendingNew']);
    expect(h.updates[0]).toMatchObject({ kind: 'orderWarning', clOrdId: 'w', origin: origin('p1') });
    expect(placed).toEqual(['w priceCollar,suitability client insists, noted']);
  });

  it("rejects with the engine's reason, and judges a replace as the order it would become", () => {
    const { h, seen } = withRisk((req) =>
      req.spec.quantity.gt(1000) ? { ok: false, rule: 'maxQuantity', reason: 'quantity 2,000 exceeds the per-order limit of 1,000' } : { ok: true, warnings: [] },
    );
    const big = h.place(trader1, { clOrdId: 'big', order: limitTicket({ quantity: '2000' }) });
    expect(big).toMatchObject({ status: 'rejected', text: 'quantity 2,000 exceeds the per-order limit of 1,000' });
    const o = working(h);
    h.oms.replaceOrder(trader1, { orderId: o.orderId, clOrdId: 'a2', quantity: '2000' }, origin('r'));
    expect(h.reports().at(-1)).toBe('cancelReject(replace): quantity 2,000 exceeds the per-order limit of 1,000');
    const last = seen.at(-1)!;
    expect([last.replacing?.orderId, last.spec.quantity.toFixed(), last.working.exposure(o.account, o.symbol).buys.toFixed()]).toEqual([o.orderId, '2000', '0']);
  });
});
