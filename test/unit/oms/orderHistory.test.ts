import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZERO, dec } from '../../../src/core/decimal.ts';
import { type Order, applyEvent, applyFill, applyReplace, newOrder } from '../../../src/core/order.ts';
import { type Execution, execIdOf, executionToWire } from '../../../server/oms/execution.ts';
import { execRowOf } from '../../../server/oms/journal.ts';
import { createJournal } from '../../../server/oms/journal.ts';
import { OrderRecord, executionsOf, historyOf, pinLatest, storeEvent } from '../../../server/oms/orderHistory.ts';
import { canSee } from '../../../server/oms/entitlements.ts';
import { deskHead, trader1, trader2 } from './fixtures.ts';
import { limitTicket, omsHarness } from './omsHarness.ts';

/**
 * The OMS keeps each event small (server/oms/orderHistory.ts) and rebuilds its Execution when asked. What it
 * rebuilds must be what it announced: the same keys in the same order, the very same values (Decimal instances,
 * strings, numbers), hence the same wire report and journal row.
 */
function expectSameExecution(rebuilt: Execution, announced: Execution): void {
  expect(Object.keys(rebuilt)).toEqual(Object.keys(announced));
  for (const k of Object.keys(announced) as (keyof Execution)[]) if (k !== 'order') expect(Object.is(rebuilt[k], announced[k]), `execution.${k}`).toBe(true);
  expect(Object.keys(rebuilt.order)).toEqual(Object.keys(announced.order));
  for (const k of Object.keys(announced.order) as (keyof Order)[]) expect(Object.is(rebuilt.order[k], announced.order[k]), `order.${k} of ${announced.execId}`).toBe(true);
  expect(JSON.stringify(executionToWire(rebuilt))).toBe(JSON.stringify(executionToWire(announced)));
  expect(execRowOf(1, rebuilt)).toEqual(execRowOf(1, announced));
}

function expectSameList(rebuilt: readonly Execution[], announced: readonly Execution[]): void {
  expect(rebuilt.map((e) => e.execId)).toEqual(announced.map((e) => e.execId));
  for (let i = 0; i < announced.length; i++) expectSameExecution(rebuilt[i]!, announced[i]!);
}

/** What the traders and the venue do to three orders, in a random order. */
type Act =
  | { k: 'accept' | 'cancel' | 'venueCanceled' | 'venueCancelRejected' | 'venueReplaced' | 'venueReplaceRejected' | 'expire' | 'reject'; o: number }
  | { k: 'fill'; o: number; lots: number; cents: number }
  | { k: 'amend'; o: number; lots: number; cents: number };

const which = fc.integer({ min: 0, max: 2 });
const act: fc.Arbitrary<Act> = fc.oneof(
  fc.record({ k: fc.constantFrom('accept', 'cancel', 'venueCanceled', 'venueCancelRejected', 'venueReplaced', 'venueReplaceRejected', 'expire', 'reject'), o: which }),
  fc.record({ k: fc.constant('fill' as const), o: which, lots: fc.integer({ min: 1, max: 4 }), cents: fc.integer({ min: 19_900, max: 20_100 }) }),
  fc.record({ k: fc.constant('amend' as const), o: which, lots: fc.integer({ min: 1, max: 10 }), cents: fc.integer({ min: 19_900, max: 20_100 }) }),
);

describe('order history kept small (server/oms/orderHistory.ts)', () => {
  it('rebuilds executions(), history() and the orders snapshot as announced, and a restart as the journal reads', () => {
    fc.assert(
      fc.property(fc.array(act, { minLength: 1, maxLength: 40 }), fc.integer({ min: 0, max: 3 }), (acts, clockSkip) => {
        const h = omsHarness({ start: 1_700_000_000_000 });
        const users = [trader1, trader2, trader1];
        const ids = users.map((u, i) => h.place(u, { clOrdId: `c${i}`, order: limitTicket({ quantity: '500', tif: 'gtc', account: u.accounts[0]! }) }).orderId);
        const pending = new Map<string, { qty: string; px: string }>();
        let n = 0;
        for (const a of acts) {
          const id = ids[a.o]!;
          const user = users[a.o]!;
          const now = h.oms.order(id)!;
          // Some events stamped later than the clock's step, so times vary.
          h.clock.now += clockSkip * (n % 3);
          switch (a.k) {
            case 'accept':
              h.venue.emit({ kind: 'accepted', orderId: id });
              break;
            case 'reject':
              if (now.status === 'pendingNew') h.venue.emit({ kind: 'rejected', orderId: id, reason: 'venue closed' });
              break;
            case 'fill': {
              const qty = dec(a.lots * 100);
              if (qty.gt(now.leavesQty)) break;
              h.venue.emit({ kind: 'fill', orderId: id, venueExecId: `V${++n}`, quantity: qty, price: dec(a.cents).div(100) });
              break;
            }
            case 'cancel':
              h.oms.cancelOrder(user, id, { sessionId: 1 });
              break;
            case 'venueCanceled':
              if (now.status === 'pendingCancel') h.venue.emit({ kind: 'canceled', orderId: id, reason: 'canceled' });
              break;
            case 'venueCancelRejected':
              if (now.status === 'pendingCancel') h.venue.emit({ kind: 'cancelRejected', orderId: id, reason: 'busy' });
              break;
            case 'amend': {
              const terms = { qty: String(a.lots * 100), px: (a.cents / 100).toFixed(2) };
              h.oms.replaceOrder(user, { orderId: id, clOrdId: `r${++n}`, quantity: terms.qty, limitPrice: terms.px }, { sessionId: 1 });
              if (h.oms.order(id)!.status === 'pendingReplace') pending.set(id, terms);
              break;
            }
            case 'venueReplaced': {
              const terms = pending.get(id);
              if (now.status === 'pendingReplace' && terms) h.venue.emit({ kind: 'replaced', orderId: id, quantity: dec(terms.qty), limitPrice: dec(terms.px), stopPrice: null });
              break;
            }
            case 'venueReplaceRejected':
              if (now.status === 'pendingReplace') h.venue.emit({ kind: 'replaceRejected', orderId: id, reason: 'no' });
              break;
            case 'expire':
              h.venue.emit({ kind: 'expired', orderId: id, reason: 'venue expired it' });
              break;
          }
        }
        const announced = h.updates.flatMap((u) => (u.kind === 'execReport' ? [u.execution] : []));
        expectSameList(h.oms.executions(), announced);
        for (const id of ids) expectSameList(h.oms.history(id), announced.filter((e) => e.order.orderId === id));
        for (const user of [trader1, trader2, deskHead]) expectSameList(h.oms.snapshot(user).executions, announced.filter((e) => canSee(user, e.order)));
        for (const id of ids) expect(h.oms.order(id)).toBe(announced.filter((e) => e.order.orderId === id).at(-1)!.order);
        h.oms.stop();

        // A restart keeps what the journal gives the same way: rebuilt, it equals what a fresh read of the journal gives.
        const again = omsHarness({ dir: h.dir, start: h.clock.now });
        const journaled = createJournal(again.db).load().executions;
        const rebuilt = again.oms.executions();
        expect(rebuilt.map((e) => e.execId)).toEqual(journaled.map((e) => e.execId));
        for (let i = 0; i < journaled.length; i++) {
          expect(Object.keys(rebuilt[i]!)).toEqual(Object.keys(journaled[i]!));
          expect(Object.keys(rebuilt[i]!.order)).toEqual(Object.keys(journaled[i]!.order));
          expect(rebuilt[i]).toStrictEqual(journaled[i]);
          expect(JSON.stringify(executionToWire(rebuilt[i]!))).toBe(JSON.stringify(executionToWire(journaled[i]!)));
        }
        for (const id of ids) expect(again.oms.history(id)).toStrictEqual(journaled.filter((e) => e.order.orderId === id));
        again.oms.stop();
      }),
      // Each run journals every step to SQLite with synchronous=FULL, so fewer runs than the pure properties.
      { numRuns: 30 },
    );
  }, 120_000);

  it('drops a resent fill however many events its order has, before and after a restart (fill ids read off the events)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constant(-1), fc.nat(80)), { minLength: 1, maxLength: 120 }), (plan) => {
        const h = omsHarness();
        const id = h.place(trader1, { clOrdId: 'big', order: limitTicket({ quantity: '1000', tif: 'gtc' }) }).orderId;
        h.venue.emit({ kind: 'accepted', orderId: id });
        // -1: a new fill id; n: a resend of the n-th id used so far (mod how many), which must change nothing.
        const used: string[] = [];
        const fill = (venueExecId: string) => h.venue.emit({ kind: 'fill', orderId: id, venueExecId, quantity: dec(1), price: dec('199.50') });
        for (const p of plan) {
          if (p === -1 || used.length === 0) {
            used.push(`V${used.length + 1}`);
            fill(used.at(-1)!);
          } else fill(used[p % used.length]!);
          expect(h.oms.order(id)!.cumQty.toNumber()).toBe(used.length);
        }
        const trades = h.updates.filter((u) => u.kind === 'execReport' && u.execution.execType === 'trade').length;
        expect(trades).toBe(used.length);
        h.oms.stop();
        const again = omsHarness({ dir: h.dir });
        for (const v of used) again.venue.emit({ kind: 'fill', orderId: id, venueExecId: v, quantity: dec(1), price: dec('199.50') });
        expect(again.updates).toEqual([]);
        again.venue.emit({ kind: 'fill', orderId: id, venueExecId: 'V-new', quantity: dec(1), price: dec('199.50') });
        expect(again.oms.order(id)!.cumQty.toNumber()).toBe(used.length + 1);
        again.oms.stop();
      }),
      { numRuns: 15 },
    );
  }, 120_000);

  const spec = { symbol: 'AAPL', side: 'buy', type: 'limit', quantity: dec(300), limitPrice: dec('200.00'), account: 'T1-MAIN', tif: 'gtc' } as const;

  it('keeps whatever does not fit its rules as it was: odd ids and times, a field that should never change, events before their order', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            kind: fc.constantFrom('accept', 'fill', 'cancel', 'amend'),
            ts: fc.oneof(fc.integer({ min: 0, max: 5_000 }), fc.double({ min: 0, max: 1e13, noNaN: true }), fc.constant(2 ** 40)),
            oddId: fc.boolean(),
            oddAccount: fc.boolean(),
          }),
          { minLength: 1, maxLength: 12 },
        ),
        fc.integer({ min: 0, max: 3 }),
        (steps, orphans) => {
          const created = 1_700_000_000_000;
          let order: Order = newOrder(spec, { orderId: 'O1', clOrdId: 'c1', trader: 'trader1', venue: 'SIM' }, created);
          const announced: Execution[] = [];
          let seq = 0;
          const exec = (o: Order, extra: Partial<Execution> = {}, oddId = false): Execution => {
            seq += 1;
            return { execId: oddId ? `X-${seq}` : execIdOf(seq), execType: 'new', lastQty: ZERO, lastPx: ZERO, ts: o.updatedAt, order: o, ...extra };
          };
          // Events of the order journaled before the order itself (a damaged journal): each keeps its state whole.
          const early = new OrderRecord(order, null);
          const all: OrderRecord[] = [];
          for (let i = 0; i < orphans; i++) {
            const e = exec({ ...order, text: `early ${i}` });
            announced.push(e);
            storeEvent(early, e, early.last === null);
            all.push(early);
          }
          const record = new OrderRecord(order, null);
          if (orphans > 0) {
            pinLatest(early);
            record.last = early.last;
          }
          const first = exec(order, { execType: 'pendingNew' });
          announced.push(first);
          storeEvent(record, first, true);
          all.push(record);
          for (const s of steps) {
            const now = created + s.ts;
            let next: Order | undefined;
            let extra: Partial<Execution> = {};
            if (s.kind === 'accept') {
              const r = applyEvent(order, 'accepted', now);
              if (r.ok) next = r.order;
            } else if (s.kind === 'fill') {
              const r = applyFill(order, dec(100), dec('199.99'), now);
              if (r.ok) {
                next = r.order;
                extra = { execType: 'trade', lastQty: dec(100), lastPx: dec('199.99'), venueExecId: `V${seq}` };
              }
            } else if (s.kind === 'cancel') {
              const r = applyEvent(order, 'cancelRequested', now, 'please');
              if (r.ok) next = r.order;
            } else {
              const amend = { clOrdId: `a${seq}`, quantity: dec(400), limitPrice: dec('199.50'), stopPrice: null };
              const asked = applyEvent(order, 'replaceRequested', now);
              if (asked.ok) {
                const done = applyReplace(asked.order, amend, now);
                if (done.ok) {
                  next = done.order;
                  extra = { execType: 'replaced', requested: amend };
                }
              }
            }
            // A time that is not the state's own, and a field that never changes on an order, changed.
            if (next === undefined) next = { ...order, updatedAt: now + 0.5 };
            if (s.oddAccount) next = { ...next, account: 'T1-OTHER' };
            const e = exec(next, { ...extra, ts: s.ts % 2 === 0 ? next.updatedAt : now + 1 }, s.oddId);
            announced.push(e);
            storeEvent(record, e, false);
            all.push(record);
            order = next;
          }
          expectSameList(executionsOf(all), announced);
          expectSameList(historyOf(record), announced);
          expectSameList(executionsOf(all, () => false), []);
        },
      ),
      { numRuns: 300 },
    );
  });
});
