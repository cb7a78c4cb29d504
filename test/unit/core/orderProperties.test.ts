import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, ZERO, dec } from '../../../src/core/decimal.ts';
import { type ApplyResult, type Order, applyEvent, applyFill, applyReplace, isTerminal, newOrder } from '../../../src/core/order.ts';

/** One thing that can happen to an order; quantities in lots of 100, prices in cents. */
type Step =
  | { k: 'accept' }
  | { k: 'fill'; lots: number; cents: number }
  | { k: 'cancelRequest' }
  | { k: 'canceled' }
  | { k: 'cancelRejected' }
  | { k: 'replaceRequest'; lots: number; cents: number }
  | { k: 'replaced' }
  | { k: 'replaceRejected' }
  | { k: 'triggered' }
  | { k: 'expired' }
  | { k: 'rejected' };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 2, arbitrary: fc.constant({ k: 'accept' } as const) },
  { weight: 6, arbitrary: fc.record({ k: fc.constant('fill' as const), lots: fc.integer({ min: 1, max: 6 }), cents: fc.integer({ min: 9_900, max: 10_100 }) }) },
  { weight: 1, arbitrary: fc.constant({ k: 'cancelRequest' } as const) },
  { weight: 1, arbitrary: fc.constant({ k: 'canceled' } as const) },
  { weight: 1, arbitrary: fc.constant({ k: 'cancelRejected' } as const) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('replaceRequest' as const), lots: fc.integer({ min: 1, max: 12 }), cents: fc.integer({ min: 9_900, max: 10_100 }) }) },
  { weight: 2, arbitrary: fc.constant({ k: 'replaced' } as const) },
  { weight: 1, arbitrary: fc.constant({ k: 'replaceRejected' } as const) },
  { weight: 1, arbitrary: fc.constant({ k: 'triggered' } as const) },
  { weight: 1, arbitrary: fc.constant({ k: 'expired' } as const) },
  { weight: 1, arbitrary: fc.constant({ k: 'rejected' } as const) },
);

const LOT = dec(100);
const px = (cents: number) => dec(cents).div(100);

/** Runs a flow the way the OMS does: a step the state machine refuses leaves the order as it was. */
function run(initialLots: number, steps: readonly Step[], check: (before: Order, after: Order, fills: { qty: Decimal; px: Decimal }[]) => void): void {
  const spec = { type: 'limit' as const, symbol: 'X', side: 'buy' as const, quantity: LOT.times(initialLots), limitPrice: dec('100.00'), account: 'A', tif: 'gtc' as const };
  let order = newOrder(spec, { orderId: 'O1', clOrdId: 'C0', trader: 't' }, 0);
  let pendingAmend: { lots: number; cents: number } | null = null;
  let amends = 0;
  const fills: { qty: Decimal; px: Decimal }[] = [];
  steps.forEach((s, i) => {
    const before = order;
    let r: ApplyResult | undefined;
    switch (s.k) {
      case 'accept':
        r = applyEvent(order, 'accepted', i);
        break;
      case 'fill': {
        // A venue never fills more than is left; the OMS refuses an overfill, which the core tests cover.
        const qty = Decimal.min(LOT.times(s.lots), order.leavesQty);
        if (qty.gt(0)) {
          r = applyFill(order, qty, px(s.cents), i);
          if (r.ok) fills.push({ qty, px: px(s.cents) });
        }
        break;
      }
      case 'cancelRequest':
        r = applyEvent(order, 'cancelRequested', i);
        break;
      case 'canceled':
        r = applyEvent(order, 'canceled', i);
        break;
      case 'cancelRejected':
        r = applyEvent(order, 'cancelRejected', i);
        break;
      case 'replaceRequest':
        // The OMS refuses an amend at or below CumQty before it asks (validateAmend).
        if (LOT.times(s.lots).gt(order.cumQty)) {
          r = applyEvent(order, 'replaceRequested', i);
          if (r.ok) pendingAmend = s;
        }
        break;
      case 'replaced':
        if (pendingAmend) {
          amends += 1;
          r = applyReplace(order, { clOrdId: `C${amends}`, quantity: LOT.times(pendingAmend.lots), limitPrice: px(pendingAmend.cents), stopPrice: null }, i);
          if (!r.ok && order.status === 'pendingReplace') r = applyEvent(order, 'replaceRejected', i); // the OMS's answer to a replace overtaken by fills
        }
        break;
      case 'replaceRejected':
        r = applyEvent(order, 'replaceRejected', i);
        break;
      case 'triggered':
        r = applyEvent(order, 'triggered', i);
        break;
      case 'expired':
        r = applyEvent(order, 'expired', i);
        break;
      case 'rejected':
        r = applyEvent(order, 'rejected', i);
        break;
    }
    if (r?.ok) order = r.order;
    if (order.status !== 'pendingReplace') pendingAmend = null;
    check(before, order, fills);
  });
}

describe('order invariants over random flows', () => {
  it('refuses a replace that fills overtook (the flow the properties must reach)', () => {
    const seen: string[] = [];
    run(10, [{ k: 'accept' }, { k: 'fill', lots: 1, cents: 10_000 }, { k: 'replaceRequest', lots: 2, cents: 10_000 }, { k: 'fill', lots: 3, cents: 10_000 }, { k: 'replaced' }], (_b, o) =>
      seen.push(`${o.status} ${o.quantity.toFixed()} ${o.cumQty.toFixed()}`),
    );
    expect(seen).toEqual(['new 1000 0', 'partiallyFilled 1000 100', 'pendingReplace 1000 100', 'pendingReplace 1000 400', 'partiallyFilled 1000 400']);
  });

  const flows = fc.tuple(fc.integer({ min: 1, max: 10 }), fc.array(step, { minLength: 1, maxLength: 40 }));

  it('CumQty + LeavesQty = OrderQty until the order is done, and LeavesQty is 0 once it is', () => {
    fc.assert(
      fc.property(flows, ([lots, steps]) => {
        run(lots, steps, (_b, o) => {
          if (!isTerminal(o.status)) expect(o.cumQty.plus(o.leavesQty).eq(o.quantity)).toBe(true);
          else expect(o.leavesQty.isZero()).toBe(true);
          if (o.status === 'filled') expect(o.cumQty.eq(o.quantity)).toBe(true);
          expect(o.cumQty.lte(o.quantity)).toBe(true);
          expect(o.leavesQty.gte(0)).toBe(true);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('CumQty never falls, and a done order never changes again', () => {
    fc.assert(
      fc.property(flows, ([lots, steps]) => {
        run(lots, steps, (b, o) => {
          expect(o.cumQty.gte(b.cumQty)).toBe(true);
          if (isTerminal(b.status)) expect(o).toBe(b);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('AvgPx lies within the fill prices and is Σ qty×px / CumQty exactly before rounding', () => {
    fc.assert(
      fc.property(flows, ([lots, steps]) => {
        run(lots, steps, (_b, o, fills) => {
          if (fills.length === 0) {
            expect(o.avgPx.eq(ZERO)).toBe(true);
            return;
          }
          const prices = fills.map((f) => f.px);
          expect(o.avgPx.gte(Decimal.min(...prices))).toBe(true);
          expect(o.avgPx.lte(Decimal.max(...prices))).toBe(true);
          const notional = fills.reduce((sum, f) => sum.plus(f.qty.times(f.px)), ZERO);
          expect(o.filledNotional.eq(notional)).toBe(true);
          expect(o.cumQty.eq(fills.reduce((sum, f) => sum.plus(f.qty), ZERO))).toBe(true);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('keeps the OrderID and chains ClOrdIDs through replaces', () => {
    fc.assert(
      fc.property(flows, ([lots, steps]) => {
        run(lots, steps, (b, o) => {
          expect(o.orderId).toBe('O1');
          if (o.clOrdId !== b.clOrdId) expect(o.origClOrdId).toBe(b.clOrdId);
        });
      }),
      { numRuns: 300 },
    );
  });
});
