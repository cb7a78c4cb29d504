import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { Subject } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { dec } from '../../../src/core/decimal.ts';
import type { Order } from '../../../src/core/order.ts';
import { createJournal } from '../../../server/oms/journal.ts';
import { type OmsUpdate, createOrderManager } from '../../../server/oms/orderManager.ts';
import { createRouter } from '../../../server/oms/router.ts';
import { type Db, openDatabase } from '../../../server/storage/database.ts';
import type { Venue, VenueEvent } from '../../../server/venues/types.ts';
import { AAPL, advisor, catalog, deskHead, trader1, trader2 } from './fixtures.ts';

interface FakeVenue extends Venue {
  readonly calls: string[];
  emit(e: VenueEvent): void;
}

function fakeVenue(): FakeVenue {
  const events = new Subject<VenueEvent>();
  const calls: string[] = [];
  return {
    name: 'FAKE',
    calls,
    events$: events,
    submit: (o: Order) => void calls.push(`submit ${o.orderId} ${o.status}`),
    cancel: (o: Order) => void calls.push(`cancel ${o.orderId}`),
    replace: (o: Order, next: Order) => void calls.push(`replace ${o.orderId} ${next.clOrdId} ${next.quantity.toFixed()}`),
    emit: (e) => events.next(e),
    stop: () => events.complete(),
  };
}

const dirs: string[] = [];
const dbs: Db[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) if (db.open) db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function setup(dir = mkdtempSync(join(tmpdir(), 'oms-'))) {
  if (!dirs.includes(dir)) dirs.push(dir);
  const db = openDatabase(dir);
  dbs.push(db);
  const venue = fakeVenue();
  let clock = 1_000;
  const manager = createOrderManager({
    journal: createJournal(db),
    router: createRouter(venue),
    instruments: catalog(AAPL),
    touch: () => ({ bid: dec('199.99'), ask: dec('200.01') }),
    now: () => ++clock,
    log: pino({ level: 'silent' }),
  });
  // Every order these tests place is placed (no risk warnings), so placeOrder always returns it.
  const oms = { ...manager, placeOrder: (...args: Parameters<typeof manager.placeOrder>) => manager.placeOrder(...args)! };
  const updates: OmsUpdate[] = [];
  oms.updates$.subscribe((u) => updates.push(u));
  const reports = () =>
    updates.flatMap((u) =>
      u.kind === 'execReport' ? [`${u.execution.execType}/${u.execution.order.status}`] : u.kind === 'cancelReject' ? [`cancelReject: ${u.reason}`] : ['orderWarning'],
    );
  return { dir, db, venue, oms, updates, reports };
}

const ticket = (account = 'T1-MAIN', quantity = '300') => ({ symbol: 'AAPL', side: 'buy', type: 'limit', quantity, limitPrice: '200.00', account });

describe('order manager', () => {
  it('journals every change before publishing it', () => {
    const { db, venue, oms } = setup();
    const journal = createJournal(db);
    const seenInJournal: boolean[] = [];
    oms.updates$.subscribe((u) => {
      if (u.kind === 'execReport') seenInJournal.push(journal.load().executions.some((e) => e.execId === u.execution.execId));
    });
    const o = oms.placeOrder(trader1, { clOrdId: 'a', order: ticket() });
    venue.emit({ kind: 'accepted', orderId: o.orderId });
    venue.emit({ kind: 'fill', orderId: o.orderId, venueExecId: 'v1', quantity: dec('100'), price: dec('200.01') });
    expect(seenInJournal).toEqual([true, true, true]);
    expect(venue.calls).toEqual([`submit ${o.orderId} pendingNew`]);
  });

  it('echoes the command origin on the reports a command causes, not on venue events', () => {
    const { venue, oms, updates } = setup();
    const origin = { sessionId: 7, reqId: 'r1' };
    const o = oms.placeOrder(trader1, { clOrdId: 'a', order: ticket() }, origin);
    venue.emit({ kind: 'accepted', orderId: o.orderId });
    expect(updates.map((u) => (u.kind === 'execReport' ? u.origin : undefined))).toEqual([origin, undefined]);
  });

  it('handles a fill racing a cancel: the order fills and the late cancel is refused to its sender', () => {
    const { venue, oms, reports, updates } = setup();
    const o = oms.placeOrder(trader1, { clOrdId: 'a', order: ticket() });
    venue.emit({ kind: 'accepted', orderId: o.orderId });
    oms.cancelOrder(trader1, o.orderId, { sessionId: 3, reqId: 'c' });
    venue.emit({ kind: 'fill', orderId: o.orderId, venueExecId: 'v1', quantity: dec('100'), price: dec('200') });
    venue.emit({ kind: 'fill', orderId: o.orderId, venueExecId: 'v2', quantity: dec('200'), price: dec('200.02') });
    venue.emit({ kind: 'cancelRejected', orderId: o.orderId, reason: 'too late' });
    expect(reports()).toEqual(['pendingNew/pendingNew', 'new/new', 'pendingCancel/pendingCancel', 'trade/pendingCancel', 'trade/filled', `cancelReject: too late to cancel: order ${o.orderId} is already Filled`]);
    expect(updates.at(-1)).toMatchObject({ kind: 'cancelReject', origin: { sessionId: 3, reqId: 'c' } });
    expect(oms.order(o.orderId)!.avgPx.toFixed()).toBe('200.01333333');
  });

  it('restates a working order whose cancel the venue refused', () => {
    const { venue, oms, reports } = setup();
    const o = oms.placeOrder(trader1, { clOrdId: 'a', order: ticket() });
    venue.emit({ kind: 'accepted', orderId: o.orderId });
    venue.emit({ kind: 'fill', orderId: o.orderId, venueExecId: 'v1', quantity: dec('100'), price: dec('200') });
    oms.cancelOrder(trader1, o.orderId, { sessionId: 1 });
    venue.emit({ kind: 'cancelRejected', orderId: o.orderId, reason: 'venue busy' });
    expect(reports().slice(-2)).toEqual(['new/partiallyFilled', 'cancelReject: venue busy']);
    expect(oms.order(o.orderId)!.text).toBe('cancel rejected: venue busy');
  });

  it('ignores a repeated accept, an overfill and events for unknown orders', () => {
    const { venue, oms, reports } = setup();
    const o = oms.placeOrder(trader1, { clOrdId: 'a', order: ticket() });
    venue.emit({ kind: 'accepted', orderId: o.orderId });
    venue.emit({ kind: 'accepted', orderId: o.orderId });
    venue.emit({ kind: 'fill', orderId: o.orderId, venueExecId: 'v1', quantity: dec('400'), price: dec('200') });
    venue.emit({ kind: 'fill', orderId: 'O404', venueExecId: 'v2', quantity: dec('100'), price: dec('200') });
    expect(reports()).toEqual(['pendingNew/pendingNew', 'new/new']);
  });

  it('refuses cancels it cannot honour, with the reason', () => {
    const { venue, oms, reports } = setup();
    const o = oms.placeOrder(trader1, { clOrdId: 'a', order: ticket() });
    const origin = { sessionId: 1 };
    oms.cancelOrder(trader2, o.orderId, origin);
    oms.cancelOrder(advisor, o.orderId, origin);
    oms.cancelOrder(trader1, o.orderId, origin);
    oms.cancelOrder(trader1, o.orderId, origin);
    venue.emit({ kind: 'canceled', orderId: o.orderId, reason: 'done' });
    oms.cancelOrder(trader1, o.orderId, origin);
    expect(reports()).toEqual([
      'pendingNew/pendingNew',
      `cancelReject: unknown order ${o.orderId}`,
      `cancelReject: unknown order ${o.orderId}`,
      'pendingCancel/pendingCancel',
      `cancelReject: a cancel is already pending for order ${o.orderId}`,
      'canceled/canceled',
      `cancelReject: too late to cancel: order ${o.orderId} is already Canceled`,
    ]);
  });

  it('shows each user what they are entitled to', () => {
    const { oms } = setup();
    oms.placeOrder(trader1, { clOrdId: 'a', order: ticket('T1-MAIN') });
    oms.placeOrder(trader2, { clOrdId: 'a', order: ticket('T2-MAIN') });
    oms.placeOrder(advisor, { clOrdId: 'a', order: ticket('A-1001') });
    const owners = (u: typeof trader1) => oms.snapshot(u).orders.map((o) => o.trader);
    expect(owners(trader1)).toEqual(['trader1']);
    expect(owners(advisor)).toEqual(['advisor1']);
    expect(owners(deskHead)).toEqual(['trader1', 'trader2', 'advisor1']);
    expect(oms.snapshot(trader2).executions.map((e) => e.order.trader)).toEqual(['trader2']);
  });

  it('after a restart continues ids, keeps ClOrdIDs taken and hands working orders back to the venue', () => {
    const first = setup();
    const a = first.oms.placeOrder(trader1, { clOrdId: 'a', order: ticket() });
    const b = first.oms.placeOrder(trader1, { clOrdId: 'b', order: ticket() });
    const c = first.oms.placeOrder(trader1, { clOrdId: 'c', order: ticket() });
    const rejected = first.oms.placeOrder(trader1, { clOrdId: 'd', order: ticket('T1-MAIN', '150') });
    first.venue.emit({ kind: 'accepted', orderId: a.orderId });
    first.venue.emit({ kind: 'accepted', orderId: b.orderId });
    first.venue.emit({ kind: 'fill', orderId: b.orderId, venueExecId: 'v', quantity: dec('100'), price: dec('200') });
    first.oms.cancelOrder(trader1, b.orderId, { sessionId: 1 });
    first.oms.stop();
    first.db.close();

    const second = setup(first.dir);
    expect(second.oms.resubmitWorking()).toBe(3);
    expect(second.venue.calls).toEqual([`submit ${a.orderId} new`, `submit ${b.orderId} pendingCancel`, `cancel ${b.orderId}`, `submit ${c.orderId} pendingNew`]);
    expect(second.oms.order(rejected.orderId)).toMatchObject({ status: 'rejected', text: 'quantity must be a multiple of the lot size 100' });
    const dup = second.oms.placeOrder(trader1, { clOrdId: 'a', order: ticket() });
    expect(dup.orderId).toBe('O00000005');
    expect(dup.text).toBe(`duplicate ClOrdID a: already used for order ${a.orderId}`);
    // Another trader may use the same ClOrdID.
    expect(second.oms.placeOrder(trader2, { clOrdId: 'a', order: ticket('T2-MAIN') }).status).toBe('pendingNew');
  });
});
