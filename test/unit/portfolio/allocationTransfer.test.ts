import fc from 'fast-check';
import { Subject } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { type Decimal, ZERO, dec, sum } from '../../../src/core/decimal.ts';
import type { CostMethod } from '../../../src/core/pnl/inventory.ts';
import { averagePrice, openCost, positionQuantity } from '../../../src/core/pnl/position.ts';
import { canSee } from '../../../server/oms/entitlements.ts';
import { type AllocationTransfer, type FinishedBlock, blockTransfers } from '../../../server/portfolio/allocationTransfer.ts';
import type { BookPosition } from '../../../server/portfolio/ledgerBook.ts';
import { createPortfolioService } from '../../../server/portfolio/portfolioService.ts';
import { type Fill, positionToWire } from '../../../server/portfolio/positionBook.ts';
import { AAPL, ES, catalog } from '../oms/fixtures.ts';

const instruments = catalog(AAPL, ES);
const BLOCK = 'BLOCK-advisor1';
type PastFill = Fill & { orderId: string };

/** A block order's fills on the advisor's block account, and the finished block they make. */
function block(orderId: string, side: 'buy' | 'sell', fills: readonly [string, string][], symbol = 'AAPL'): { fills: PastFill[]; done: FinishedBlock } {
  const list = fills.map(([q, px]) => ({ orderId, trader: 'advisor1', account: BLOCK, symbol, side, quantity: dec(q), price: dec(px) }));
  return {
    fills: list,
    done: {
      orderId,
      trader: 'advisor1',
      account: BLOCK,
      symbol,
      side,
      cumQty: sum(list.map((f) => f.quantity)),
      filledNotional: sum(list.map((f) => f.quantity.times(f.price))),
    },
  };
}

const split = (...parts: [string, string][]) => parts.map(([account, q]) => ({ account, quantity: dec(q), at: 1 }));

function service(pastFills: PastFill[] = [], pastAllocations: AllocationTransfer[] = [], allocatable?: (f: Fill) => boolean) {
  const fills$ = new Subject<Fill>();
  const allocations$ = new Subject<AllocationTransfer>();
  const svc = createPortfolioService({ pastFills, fills$, pastAllocations, allocations$, instrument: (s) => instruments.get(s), canSee, ...(allocatable ? { allocatable } : {}) });
  return { svc, fills$, allocations$ };
}

const find = (svc: ReturnType<typeof service>['svc'], account: string, symbol = 'AAPL'): BookPosition | undefined =>
  [...svc.positions()].find((p) => p.account === account && p.symbol === symbol && p.trader === 'advisor1');
const METHODS: CostMethod[] = ['averageCost', 'fifo'];

describe('block allocation transfers: shares of the notional', () => {
  it('splits the filled notional so the shares sum to it exactly, at the exact average price, leaving out zero allocations', () => {
    const { done } = block('O-1', 'buy', [['1', '150.01'], ['1', '150.02'], ['1', '150.04']]);
    const t = blockTransfers(done, split(['A-1', '1'], ['A-0', '0'], ['A-2', '2']));
    expect(t.map((x) => x.account)).toEqual(['A-1', 'A-2']);
    // 450.07 / 3 repeats: kept at 40 digits, never cut to the wire's 8 places.
    expect(t[0]!.price.eq(dec('450.07').div(3))).toBe(true);
    expect(t[0]!.price.decimalPlaces()).toBeGreaterThan(30);
    expect(sum(t.map((x) => x.notional)).toFixed()).toBe('450.07');
    expect(t[0]!.notional.toFixed()).toBe('150.023333333333');
    expect(t[1]!.notional.toFixed()).toBe('300.046666666667');
    expect(t.every((x) => x.trader === 'advisor1' && x.blockAccount === BLOCK && x.side === 'buy')).toBe(true);
  });

  it('leaves the unallocated rest of the notional in the block account when less than the fill is allocated', () => {
    const { done } = block('O-2', 'buy', [['10', '20.00']]);
    const t = blockTransfers(done, split(['A-1', '4']));
    expect(t[0]!.notional.toFixed()).toBe('80');
  });
});

describe('block allocation transfers in the portfolio', () => {
  it('moves the block into the client accounts at its average price: the block account ends flat with zero realized, fees stay with the block', () => {
    const b = block('O-1', 'buy', [['100', '150.00']]);
    const { svc, fills$, allocations$ } = service();
    for (const f of b.fills) fills$.next(f);
    const seen: BookPosition[] = [];
    svc.updates$.subscribe((p) => seen.push(p));
    for (const t of blockTransfers(b.done, split(['A-1', '60'], ['A-2', '40']))) allocations$.next(t);

    const blockPos = find(svc, BLOCK)!;
    for (const m of METHODS) {
      expect(positionQuantity(blockPos.byMethod[m]).isZero()).toBe(true);
      expect(blockPos.byMethod[m].realized.isZero()).toBe(true);
    }
    expect(blockPos.byMethod.averageCost.fees.toFixed()).toBe('1'); // the block's commission, charged once on its fill
    for (const [account, q] of [['A-1', '60'], ['A-2', '40']] as const) {
      const p = find(svc, account)!;
      expect(positionToWire(p)).toMatchObject({ trader: 'advisor1', account, quantity: q, avgCost: '150', realizedPnl: '0', fees: '0', todayQuantity: q });
      expect(p.todayNotional.eq(dec(q).times(150))).toBe(true);
    }
    // Each transfer announces both legs; the desk sees the block account flat and the clients holding.
    expect(seen.map((p) => p.account)).toEqual([BLOCK, 'A-1', BLOCK, 'A-2']);
    // Today's trading P&L over the block and client accounts is still the block's fills' alone.
    const todayNotional = sum([BLOCK, 'A-1', 'A-2'].map((a) => find(svc, a)!.todayNotional));
    expect(todayNotional.toFixed()).toBe('15000');
    expect(svc.quantity(BLOCK, 'AAPL').isZero()).toBe(true);
    expect(svc.quantity('A-1', 'AAPL').toFixed()).toBe('60');
  });

  it('keeps realized exactly zero when the block filled at several prices and its average repeats', () => {
    // 700.17 / 7 = 100.024285714285714… : no finite price is exact; the notional shares are.
    const b = block('O-7', 'buy', [['1', '100.01'], ['2', '100.02'], ['4', '100.03']]);
    const { svc, fills$, allocations$ } = service();
    for (const f of b.fills) fills$.next(f);
    const transfers = blockTransfers(b.done, split(['A-1', '3'], ['A-2', '3'], ['A-3', '1']));
    for (const t of transfers) allocations$.next(t);
    const blockPos = find(svc, BLOCK)!;
    for (const m of METHODS) {
      expect(blockPos.byMethod[m].inventory.open).toBeNull();
      expect(blockPos.byMethod[m].realized.toFixed()).toBe('0');
    }
    // Under average cost the clients' open cost is exactly the block's notional, each at the average to the cost places.
    const clients = ['A-1', 'A-2', 'A-3'].map((a) => find(svc, a)!);
    expect(sum(clients.map((p) => openCost(p.byMethod.averageCost))).toFixed()).toBe('700.17');
    for (const p of clients) {
      expect(p.byMethod.averageCost.realized.isZero()).toBe(true);
      expect(averagePrice(p.byMethod.averageCost)!.minus(b.done.filledNotional.div(7)).abs().lt(dec('0.000000000001'))).toBe(true);
      expect(positionToWire(p).avgCost).toBe('100.02428571');
      expect(positionQuantity(p.byMethod.fifo).eq(positionQuantity(p.byMethod.averageCost))).toBe(true);
    }
  });

  it('a sell block: the block account buys back its short from the clients and ends flat with zero realized', () => {
    const b = block('O-S', 'sell', [['30', '151.10'], ['20', '151.25'], ['50', '151.17']]);
    const { svc, fills$, allocations$ } = service();
    for (const f of b.fills) fills$.next(f);
    for (const t of blockTransfers(b.done, split(['A-1', '33'], ['A-2', '67']))) allocations$.next(t);
    const blockPos = find(svc, BLOCK)!;
    for (const m of METHODS) {
      expect(blockPos.byMethod[m].inventory.open).toBeNull();
      expect(blockPos.byMethod[m].realized.isZero()).toBe(true);
    }
    expect(svc.quantity('A-1', 'AAPL').toFixed()).toBe('-33');
    expect(svc.quantity('A-2', 'AAPL').toFixed()).toBe('-67');
  });

  it('for any fills and any split, the block account ends flat with zero realized under both cost methods (futures multiplier too)', () => {
    const px = fc.integer({ min: 1, max: 10_000_000 }).map((c) => dec(c).div(100));
    fc.assert(
      fc.property(
        fc.constantFrom('AAPL', 'ES'),
        fc.constantFrom<'buy' | 'sell'>('buy', 'sell'),
        fc.array(fc.tuple(fc.integer({ min: 1, max: 500 }), px), { minLength: 1, maxLength: 8 }),
        fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 6 }),
        (symbol, side, fills, weights) => {
          const b = block('O-P', side, fills.map(([q, p]) => [String(q), p.toFixed()]), symbol);
          // Whole units pro rata, the rest to the last account: sums to the filled quantity exactly.
          const total = weights.reduce((s, w) => s + w, 0);
          const qs: Decimal[] = weights.map((w) => b.done.cumQty.times(w).div(total).floor());
          qs[qs.length - 1] = b.done.cumQty.minus(sum(qs.slice(0, -1)));
          const { svc, fills$, allocations$ } = service();
          for (const f of b.fills) fills$.next(f);
          for (const t of blockTransfers(b.done, qs.map((q, i) => ({ account: `A-${i}`, quantity: q, at: 1 })))) allocations$.next(t);
          const blockPos = find(svc, BLOCK, symbol)!;
          for (const m of METHODS) {
            expect(blockPos.byMethod[m].inventory.open).toBeNull();
            expect(blockPos.byMethod[m].realized.isZero()).toBe(true);
          }
          const clientCost = sum(qs.map((_, i) => (find(svc, `A-${i}`, symbol) ? openCost(find(svc, `A-${i}`, symbol)!.byMethod.averageCost) : ZERO)));
          expect(clientCost.eq(b.done.filledNotional.times(symbol === 'ES' ? ES.multiplier : AAPL.multiplier))).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("waits for the block's last fill when the allocation is heard first (the OMS tells the rebalance desk before the portfolio)", () => {
    const b = block('O-W', 'buy', [['60', '150.01'], ['40', '150.02']]);
    const { svc, fills$, allocations$ } = service();
    const seen: string[] = [];
    svc.updates$.subscribe((p) => seen.push(`${p.account} ${positionQuantity(p.byMethod.averageCost).toFixed()}`));
    fills$.next(b.fills[0]!);
    for (const t of blockTransfers(b.done, split(['A-1', '70'], ['A-2', '30']))) allocations$.next(t);
    // Nothing moved yet: the block holds its 60, the client accounts nothing.
    expect(svc.quantity(BLOCK, 'AAPL').toFixed()).toBe('60');
    expect(find(svc, 'A-1')).toBeUndefined();
    fills$.next(b.fills[1]!);
    expect(seen).toEqual([`${BLOCK} 60`, `${BLOCK} 100`, `${BLOCK} 30`, 'A-1 70', `${BLOCK} 0`, 'A-2 30']);
    const blockPos = find(svc, BLOCK)!;
    for (const m of METHODS) expect(blockPos.byMethod[m].realized.isZero()).toBe(true);
    expect(positionToWire(find(svc, 'A-2')!).avgCost).toBe('150.014');
  });

  it('counts only allocatable fills (the gateway: block accounts), and a block still waits for its last fill', () => {
    const b = block('O-A', 'buy', [['60', '150.01'], ['40', '150.02']]);
    const { svc, fills$, allocations$ } = service([], [], (f) => f.account.startsWith('BLOCK-'));
    fills$.next(b.fills[0]!);
    // A trader's own order in a client account: booked, never counted towards a block.
    fills$.next({ orderId: 'O-T', trader: 'advisor1', account: 'A-9', symbol: 'AAPL', side: 'buy', quantity: dec(5), price: dec('150') } as Fill);
    for (const t of blockTransfers(b.done, split(['A-1', '70'], ['A-2', '30']))) allocations$.next(t);
    expect(find(svc, 'A-1')).toBeUndefined();
    fills$.next(b.fills[1]!);
    expect(svc.quantity(BLOCK, 'AAPL').toFixed()).toBe('0');
    expect(svc.quantity('A-1', 'AAPL').toFixed()).toBe('70');
    expect(svc.quantity('A-9', 'AAPL').toFixed()).toBe('5');
  });

  it('rebuilt at start from the journal and the kept allocations, each after its own block: the same positions as live', () => {
    // Two blocks in the same symbol, the second filling before the first was allocated (a partial then a cancel).
    const b1 = block('O-1', 'buy', [['60', '150.01']]);
    const b2 = block('O-2', 'buy', [['50', '150.50']]);
    const b1Late = block('O-1', 'buy', [['40', '150.02']]);
    const done1: FinishedBlock = { ...b1.done, cumQty: dec(100), filledNotional: dec('60').times('150.01').plus(dec(40).times('150.02')) };
    const t1 = blockTransfers(done1, split(['A-1', '70'], ['A-2', '30']));
    const t2 = blockTransfers(b2.done, split(['A-3', '50']));
    const history: PastFill[] = [...b1.fills, ...b2.fills, ...b1Late.fills];

    const live = service();
    for (const f of history.slice(0, 2)) live.fills$.next(f);
    for (const t of t2) live.allocations$.next(t);
    live.fills$.next(history[2]!);
    for (const t of t1) live.allocations$.next(t);

    // The client book lists allocations oldest first: O-2's before O-1's.
    const rebuilt = service(history, [...t2, ...t1]).svc;
    const wire = (svc: ReturnType<typeof service>['svc']) =>
      [...svc.positions()].map(positionToWire).sort((a, b) => a.account.localeCompare(b.account));
    expect(wire(rebuilt)).toEqual(wire(live.svc));
    const blockPos = find(rebuilt, BLOCK)!;
    expect(blockPos.byMethod.averageCost.inventory.open).toBeNull();
    expect(blockPos.byMethod.averageCost.realized.isZero()).toBe(true);
    expect(blockPos.byMethod.fifo.realized.isZero()).toBe(true);
    expect(wire(rebuilt).filter((p) => p.account !== BLOCK).map((p) => [p.account, p.quantity])).toEqual([
      ['A-1', '70'],
      ['A-2', '30'],
      ['A-3', '50'],
    ]);
  });
});
