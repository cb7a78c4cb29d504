import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Decimal, ZERO, dec } from '../../../src/core/decimal.ts';
import { notional } from '../../../src/core/instrument.ts';
import type { Order, OrderStatus } from '../../../src/core/order.ts';
import { type Touch, valuationPrice } from '../../../src/core/risk/notional.ts';
import { isBuy, workingExposure } from '../../../server/risk/rules.ts';
import { type BuyValuation, type WorkingOrders, createWorkingOrderTotals, workingBuysValue } from '../../../server/risk/workingOrders.ts';
import { INSTRUMENTS, NOW } from './fixtures.ts';

/**
 * The OMS keeps running totals of working orders for the risk engine; they
 * must equal, after any flow of order states, what the engine used to compute
 * by walking the whole list on every check.
 */

const ACCOUNTS = ['T1-MAIN', 'T1-HEDGE', 'T2-MAIN'];
const SYMBOLS = [...INSTRUMENTS.map((i) => i.symbol), 'GONE']; // GONE: not in the catalogue, counted nowhere for buying power
const instrument = (s: string) => INSTRUMENTS.find((i) => i.symbol === s);
const RATES = new Map<string, Decimal>([['USD', dec(1)], ['EUR', dec('1.2')]]); // ZAR has no rate: it counts as nothing
const TOUCHES = new Map<string, Touch>([['AAPL', { bid: dec('99.99'), ask: dec('100.01') }], ['SAP', { bid: dec('199.5'), ask: dec('0') }]]);
const valuation: BuyValuation = {
  instrument,
  touch: (s) => TOUCHES.get(s),
  toBase: (amount, currency) => {
    const rate = RATES.get(currency);
    return rate === undefined ? undefined : amount.times(rate);
  },
};

/** What the engine summed before the totals: each working buy of the account, valued and converted on its own. */
function usedByWalkingTheList(working: readonly Order[], account: string): Decimal {
  let used = ZERO;
  for (const o of working) {
    if (o.account !== account || !isBuy(o.side)) continue;
    const ins = instrument(o.symbol);
    if (!ins) continue;
    const price = o.limitPrice ?? o.stopPrice ?? valuationPrice(o, TOUCHES.get(o.symbol)) ?? ins.referencePrice;
    used = used.plus(valuation.toBase(notional(o.leavesQty, price, ins), ins.currency) ?? ZERO);
  }
  return used;
}

const OPEN: OrderStatus[] = ['pendingNew', 'new', 'partiallyFilled', 'pendingCancel', 'pendingReplace'];
const DONE: OrderStatus[] = ['filled', 'canceled', 'rejected', 'expired'];

/** A decimal from integer units: `units` × 10^-places (exact by construction). */
const decimal = (maxUnits: number, places: number) => fc.integer({ min: 1, max: maxUnits }).map((u) => dec(u).div(10 ** places));

const create = fc.record({
  kind: fc.constant('create' as const),
  account: fc.constantFrom(...ACCOUNTS),
  symbol: fc.constantFrom(...SYMBOLS),
  side: fc.constantFrom('buy' as const, 'sell' as const, 'sellShort' as const),
  type: fc.constantFrom('limit' as const, 'market' as const, 'stop' as const, 'stopLimit' as const),
  quantity: decimal(1_000_000, 2),
  price: decimal(10_000_000, 4),
});
type Create = typeof create extends fc.Arbitrary<infer C> ? C : never;
/** A later state of the order at `pick` (modulo the orders made so far). */
const change = fc.record({
  kind: fc.constantFrom('fill' as const, 'replace' as const, 'status' as const, 'done' as const),
  pick: fc.nat(),
  fraction: fc.integer({ min: 1, max: 99 }),
  price: decimal(10_000_000, 4),
  status: fc.constantFrom(...OPEN),
});
type Change = typeof change extends fc.Arbitrary<infer C> ? C : never;
/** A flow starts with an order and then mixes new orders with later states of earlier ones. */
const flow = fc
  .tuple(create, fc.array(fc.oneof({ arbitrary: create, weight: 2 }, { arbitrary: change, weight: 3 }), { maxLength: 60 }))
  .map(([first, rest]): (Create | Change)[] => [first, ...rest]);

function orderFrom(c: Create, n: number): Order {
  const priced = c.type === 'limit' || c.type === 'stopLimit';
  const stopped = c.type === 'stop' || c.type === 'stopLimit';
  return {
    orderId: `O-${n}`, clOrdId: `C-${n}`, origClOrdId: null, trader: 'trader1', account: c.account, symbol: c.symbol, side: c.side,
    type: c.type, tif: 'day', quantity: c.quantity, limitPrice: priced ? c.price : null, stopPrice: stopped ? c.price.plus(1) : null,
    expireAt: null, locate: null, status: 'pendingNew', cumQty: ZERO, leavesQty: c.quantity, filledNotional: ZERO, avgPx: ZERO, text: '',
    createdAt: NOW, updatedAt: NOW,
  };
}

/** Applies a flow to a plain map of orders, telling `track` every new state as the OMS does. */
function run(steps: readonly (Create | Change)[], track: (o: Order) => void): Map<string, Order> {
  const orders = new Map<string, Order>();
  for (const step of steps) {
    let next: Order;
    if (step.kind === 'create') next = orderFrom(step, orders.size + 1);
    else {
      const all = [...orders.values()];
      if (all.length === 0) continue;
      const o = all[step.pick % all.length]!;
      switch (step.kind) {
        case 'fill': {
          const qty = o.leavesQty.times(step.fraction).div(100).toDecimalPlaces(2);
          next = { ...o, cumQty: o.cumQty.plus(qty), leavesQty: o.leavesQty.minus(qty), status: o.leavesQty.minus(qty).isZero() ? 'filled' : 'partiallyFilled' };
          break;
        }
        case 'replace':
          next = { ...o, quantity: o.quantity.plus(step.fraction), leavesQty: o.leavesQty.plus(step.fraction), limitPrice: o.limitPrice && step.price, stopPrice: o.stopPrice && step.price.plus(2) };
          break;
        case 'status':
          // Terminal stays terminal, as in the order state machine.
          next = DONE.includes(o.status) ? o : { ...o, status: step.status };
          break;
        case 'done':
          next = { ...o, status: DONE[step.fraction % DONE.length]! };
          break;
      }
    }
    orders.set(next.orderId, next);
    track(next);
  }
  return orders;
}

const text = (d: Decimal) => d.toFixed();

function expectSameAsTheList(view: WorkingOrders, working: readonly Order[]): void {
  for (const account of ACCOUNTS) {
    for (const symbol of SYMBOLS) {
      const fresh = workingExposure(working, account, symbol);
      const kept = view.exposure(account, symbol);
      expect([text(kept.buys), text(kept.longSells), text(kept.allSells)]).toEqual([text(fresh.buys), text(fresh.longSells), text(fresh.allSells)]);
    }
    expect(text(workingBuysValue(view.buys(account), valuation))).toBe(text(usedByWalkingTheList(working, account)));
  }
}

describe('working-order totals', () => {
  it('equal a fresh walk over the working orders after any flow of order states', () => {
    fc.assert(
      fc.property(flow, (steps) => {
        const totals = createWorkingOrderTotals(instrument);
        const orders = run(steps, (o) => totals.track(o));
        const working = [...orders.values()].filter((o) => !DONE.includes(o.status));
        expectSameAsTheList(totals, working);
      }),
      { numRuns: 300 },
    );
  });

  it('without one order (a replace judged without the order it replaces) equal a fresh walk leaving it out', () => {
    fc.assert(
      fc.property(flow, fc.nat(), (steps, pick) => {
        const totals = createWorkingOrderTotals(instrument);
        const orders = run(steps, (o) => totals.track(o));
        const all = [...orders.values()];
        const left = all[pick % all.length]!;
        const working = all.filter((o) => !DONE.includes(o.status) && o.orderId !== left.orderId);
        expectSameAsTheList(totals.excluding(left.orderId), working);
      }),
      { numRuns: 300 },
    );
  });

  it('read zero when every order is done, exactly as an empty list', () => {
    const totals = createWorkingOrderTotals(instrument);
    const o = orderFrom({ kind: 'create', account: 'T1-MAIN', symbol: 'AAPL', side: 'buy', type: 'limit', quantity: dec('100'), price: dec('100.5') }, 1);
    totals.track(o);
    expect(text(totals.exposure('T1-MAIN', 'AAPL').buys)).toBe('100');
    expect([...totals.buys('T1-MAIN').pricedByCurrency]).toEqual([['USD', dec('10050')]]);
    totals.track({ ...o, status: 'canceled' });
    expect(text(totals.exposure('T1-MAIN', 'AAPL').buys)).toBe('0');
    expect(totals.buys('T1-MAIN').pricedByCurrency.size).toBe(0);
  });
});
