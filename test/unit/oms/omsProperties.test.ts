import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, ZERO, dec } from '../../../src/core/decimal.ts';
import { isTerminal } from '../../../src/core/order.ts';
import { trader1 } from './fixtures.ts';
import { limitTicket, omsHarness } from './omsHarness.ts';

/** What the trader and the venue do, in a random order; fills may be resent. */
type Act =
  | { k: 'accept' }
  | { k: 'fill'; lots: number; cents: number; resend: boolean }
  | { k: 'cancel' }
  | { k: 'venueCanceled' }
  | { k: 'venueCancelRejected' }
  | { k: 'amend'; lots: number }
  | { k: 'venueReplaced' }
  | { k: 'venueReplaceRejected' }
  | { k: 'expire' };

const act: fc.Arbitrary<Act> = fc.oneof(
  fc.constant({ k: 'accept' } as const),
  fc.record({ k: fc.constant('fill' as const), lots: fc.integer({ min: 1, max: 4 }), cents: fc.integer({ min: 19_900, max: 20_100 }), resend: fc.boolean() }),
  fc.constant({ k: 'cancel' } as const),
  fc.constant({ k: 'venueCanceled' } as const),
  fc.constant({ k: 'venueCancelRejected' } as const),
  fc.record({ k: fc.constant('amend' as const), lots: fc.integer({ min: 1, max: 10 }) }),
  fc.constant({ k: 'venueReplaced' } as const),
  fc.constant({ k: 'venueReplaceRejected' } as const),
  fc.constant({ k: 'expire' } as const),
);

describe('OMS invariants over random order flows (journal, de-dup and races included)', () => {
  it('keeps CumQty + LeavesQty = OrderQty until done, CumQty never falling, AvgPx within the fills, and each venue fill applied once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.array(act, { minLength: 1, maxLength: 30 }), (lots, acts) => {
        const h = omsHarness();
        const o = h.place(trader1, { clOrdId: 'c0', order: limitTicket({ quantity: String(lots * 100), tif: 'gtc' }) });
        const id = o.orderId;
        let execNo = 0;
        let amendNo = 0;
        let lastAmend: Decimal | null = null;
        const applied = new Map<string, { qty: Decimal; px: Decimal }>();
        let prevCum = ZERO;
        for (const a of acts) {
          const now = h.oms.order(id)!;
          switch (a.k) {
            case 'accept':
              h.venue.emit({ kind: 'accepted', orderId: id });
              break;
            case 'fill': {
              const qty = Decimal.min(dec(a.lots * 100), now.leavesQty);
              if (qty.lte(0)) break;
              const venueExecId = a.resend && execNo > 0 ? `V${execNo}` : `V${++execNo}`;
              const before = now.cumQty;
              h.venue.emit({ kind: 'fill', orderId: id, venueExecId, quantity: qty, price: dec(a.cents).div(100) });
              const after = h.oms.order(id)!.cumQty;
              if (after.gt(before)) {
                expect(applied.has(venueExecId)).toBe(false);
                applied.set(venueExecId, { qty, px: dec(a.cents).div(100) });
              }
              break;
            }
            case 'cancel':
              h.oms.cancelOrder(trader1, id, { sessionId: 1 });
              break;
            case 'venueCanceled':
              if (now.status === 'pendingCancel') h.venue.emit({ kind: 'canceled', orderId: id, reason: 'canceled' });
              break;
            case 'venueCancelRejected':
              if (now.status === 'pendingCancel') h.venue.emit({ kind: 'cancelRejected', orderId: id, reason: 'busy' });
              break;
            case 'amend':
              lastAmend = dec(a.lots * 100);
              h.oms.replaceOrder(trader1, { orderId: id, clOrdId: `c${++amendNo}`, quantity: String(a.lots * 100) }, { sessionId: 1 });
              break;
            case 'venueReplaced':
              if (now.status === 'pendingReplace' && lastAmend) h.venue.emit({ kind: 'replaced', orderId: id, quantity: lastAmend, limitPrice: dec('200.00'), stopPrice: null });
              break;
            case 'venueReplaceRejected':
              if (now.status === 'pendingReplace') h.venue.emit({ kind: 'replaceRejected', orderId: id, reason: 'no' });
              break;
            case 'expire':
              h.venue.emit({ kind: 'expired', orderId: id, reason: 'venue expired it' });
              break;
          }
          const cur = h.oms.order(id)!;
          if (!isTerminal(cur.status)) expect(cur.cumQty.plus(cur.leavesQty).eq(cur.quantity)).toBe(true);
          else expect(cur.leavesQty.isZero()).toBe(true);
          expect(cur.cumQty.gte(prevCum)).toBe(true);
          expect(cur.cumQty.lte(cur.quantity)).toBe(true);
          prevCum = cur.cumQty;
          const fills = [...applied.values()];
          expect(cur.cumQty.eq(fills.reduce((s, f) => s.plus(f.qty), ZERO))).toBe(true);
          if (fills.length > 0) {
            expect(cur.avgPx.gte(Decimal.min(...fills.map((f) => f.px)))).toBe(true);
            expect(cur.avgPx.lte(Decimal.max(...fills.map((f) => f.px)))).toBe(true);
          }
        }
        // The journal agrees with memory: a restart reads the same order.
        const fromJournal = h.oms.executions().filter((e) => e.order.orderId === id).at(-1)!.order;
        expect(fromJournal).toBe(h.oms.order(id));
        h.oms.stop();
      }),
      // Each run journals every step to SQLite with synchronous=FULL, so fewer runs than the pure properties.
      { numRuns: 40 },
    );
  }, 120_000);
});
