import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Decimal, ZERO, dec } from '../../../src/core/decimal.ts';
import { notional } from '../../../src/core/instrument.ts';
import { type Order, isTerminal } from '../../../src/core/order.ts';
import { valuationPrice } from '../../../src/core/risk/notional.ts';
import { isBuy, workingExposure } from '../../../server/risk/rules.ts';
import type { RiskRequest } from '../../../server/risk/types.ts';
import { type BuyValuation, workingBuysValue } from '../../../server/risk/workingOrders.ts';
import { AAPL, ES, trader1, trader2 } from './fixtures.ts';
import { omsHarness } from './omsHarness.ts';

/**
 * The OMS hands the risk engine running totals of working orders instead of
 * the list. Whatever the orders went through (fills, cancels, replaces,
 * expiries, refusals), every check must see what a walk over the OMS's own
 * orders gives, without the order a replace is for.
 */

const ACCOUNTS = ['T1-MAIN', 'T2-MAIN'];
const SYMBOLS = ['AAPL', 'ES'];
const instrument = (s: string) => [AAPL, ES].find((i) => i.symbol === s);
const TOUCH = { bid: dec('199.99'), ask: dec('200.01') };
const valuation: BuyValuation = { instrument, touch: () => TOUCH, toBase: (amount) => amount };

function usedByWalkingTheList(working: readonly Order[], account: string): Decimal {
  let used = ZERO;
  for (const o of working) {
    if (o.account !== account || !isBuy(o.side)) continue;
    const ins = instrument(o.symbol)!;
    const price = o.limitPrice ?? o.stopPrice ?? valuationPrice(o, TOUCH) ?? ins.referencePrice;
    used = used.plus(notional(o.leavesQty, price, ins));
  }
  return used;
}

type Act =
  | { k: 'place'; trader: 0 | 1; symbol: string; side: 'buy' | 'sell'; lots: number; market: boolean; cents: number }
  | { k: 'accept' | 'cancel' | 'venueCanceled' | 'venueCancelRejected' | 'venueReplaced' | 'venueReplaceRejected' | 'expire'; pick: number }
  | { k: 'fill'; pick: number; lots: number }
  | { k: 'amend'; pick: number; lots: number; cents: number };

const pick = fc.nat();
const act: fc.Arbitrary<Act> = fc.oneof(
  fc.record({
    k: fc.constant('place' as const),
    trader: fc.constantFrom(0 as const, 1 as const),
    symbol: fc.constantFrom(...SYMBOLS),
    side: fc.constantFrom('buy' as const, 'sell' as const),
    lots: fc.integer({ min: 1, max: 5 }),
    market: fc.boolean(),
    cents: fc.integer({ min: 19_000, max: 21_000 }),
  }),
  fc.record({
    k: fc.constantFrom('accept' as const, 'cancel' as const, 'venueCanceled' as const, 'venueCancelRejected' as const, 'venueReplaced' as const, 'venueReplaceRejected' as const, 'expire' as const),
    pick,
  }),
  fc.record({ k: fc.constant('fill' as const), pick, lots: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ k: fc.constant('amend' as const), pick, lots: fc.integer({ min: 1, max: 6 }), cents: fc.integer({ min: 19_000, max: 21_000 }) }),
);

describe('the OMS keeps the working-order totals the risk engine reads', () => {
  it('equal to a walk over its open orders at every check, after any flow of order events', () => {
    fc.assert(
      fc.property(fc.array(act, { minLength: 1, maxLength: 40 }), (acts) => {
        const ids: string[] = [];
        let checks = 0;
        const h = omsHarness({
          instruments: [AAPL, ES],
          deps: {
            risk: {
              check(req: RiskRequest) {
                checks += 1;
                const working = ids.map((id) => h.oms.order(id)!).filter((o) => !isTerminal(o.status) && o.orderId !== req.replacing?.orderId);
                for (const account of ACCOUNTS) {
                  for (const symbol of SYMBOLS) {
                    const kept = req.working.exposure(account, symbol);
                    const fresh = workingExposure(working, account, symbol);
                    expect([kept.buys, kept.longSells, kept.allSells].map((x) => x.toFixed())).toEqual([fresh.buys, fresh.longSells, fresh.allSells].map((x) => x.toFixed()));
                  }
                  expect(workingBuysValue(req.working.buys(account), valuation).toFixed()).toBe(usedByWalkingTheList(working, account).toFixed());
                }
                return { ok: true, warnings: [] };
              },
            },
          },
        });
        const amends = new Map<string, { quantity: Decimal; limitPrice: Decimal | null }>();
        let n = 0;
        for (const a of [...acts, { k: 'place', trader: 0, symbol: 'AAPL', side: 'buy', lots: 1, market: false, cents: 20_000 } as const]) {
          if (a.k === 'place') {
            const user = a.trader === 0 ? trader1 : trader2;
            const order = {
              symbol: a.symbol, side: a.side, quantity: String(a.symbol === 'ES' ? a.lots : a.lots * 100), account: user.accounts[0]!, tif: 'gtc',
              ...(a.market ? { type: 'market' } : { type: 'limit', limitPrice: a.symbol === 'ES' ? dec(5800).plus(dec(a.cents % 40).times('0.25')).toFixed(2) : dec(a.cents).div(100).toFixed(2) }),
            };
            const placed = h.oms.placeOrder(user, { clOrdId: `c${++n}`, order }, { sessionId: 1 });
            if (placed) ids.push(placed.orderId);
            continue;
          }
          if (ids.length === 0) continue;
          const id = ids[a.pick % ids.length]!;
          const o = h.oms.order(id)!;
          const owner = o.trader === 'trader1' ? trader1 : trader2;
          switch (a.k) {
            case 'accept':
              h.venue.emit({ kind: 'accepted', orderId: id });
              break;
            case 'fill': {
              const lot = o.symbol === 'ES' ? dec(1) : dec(100);
              const qty = dec(a.lots).times(lot);
              if (o.leavesQty.gte(qty)) h.venue.emit({ kind: 'fill', orderId: id, venueExecId: `F${++n}`, quantity: qty, price: o.limitPrice ?? dec('200.00') });
              break;
            }
            case 'cancel':
              h.oms.cancelOrder(owner, id, { sessionId: 1 });
              break;
            case 'venueCanceled':
              if (o.status === 'pendingCancel') h.venue.emit({ kind: 'canceled', orderId: id, reason: 'canceled' });
              break;
            case 'venueCancelRejected':
              if (o.status === 'pendingCancel') h.venue.emit({ kind: 'cancelRejected', orderId: id, reason: 'busy' });
              break;
            case 'amend': {
              if (o.type !== 'limit') break;
              const quantity = dec(a.lots).times(o.symbol === 'ES' ? 1 : 100);
              const limitPrice = o.symbol === 'ES' ? o.limitPrice! : dec(a.cents).div(100);
              amends.set(id, { quantity, limitPrice });
              h.oms.replaceOrder(owner, { orderId: id, clOrdId: `c${++n}`, quantity: quantity.toFixed(), limitPrice: limitPrice.toFixed(2) }, { sessionId: 1 });
              break;
            }
            case 'venueReplaced': {
              const amend = amends.get(id);
              if (o.status === 'pendingReplace' && amend) h.venue.emit({ kind: 'replaced', orderId: id, quantity: amend.quantity, limitPrice: amend.limitPrice, stopPrice: null });
              break;
            }
            case 'venueReplaceRejected':
              if (o.status === 'pendingReplace') h.venue.emit({ kind: 'replaceRejected', orderId: id, reason: 'no' });
              break;
            case 'expire':
              h.venue.emit({ kind: 'expired', orderId: id, reason: 'venue expired it' });
              break;
          }
        }
        // Every place and every amend asked the engine, the last place after the whole flow.
        expect(checks).toBeGreaterThan(0);
      }),
      { numRuns: 100 },
    );
    // Each run opens a journal on disk: generous on a shared machine.
  }, 60_000);
});
