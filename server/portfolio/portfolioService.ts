import { Subject, type Observable, type Subscription } from 'rxjs';
import { type Decimal, ZERO } from '../../src/core/decimal.ts';
import type { Instrument } from '../../src/core/instrument.ts';
import type { FxRates } from '../../src/core/pnl/fx.ts';
import type { QuoteWire } from '../../src/core/protocol.ts';
import { add } from '../../src/core/risk/decimalCompare.ts';
import type { UserProfile } from '../../src/core/users.ts';
import type { AllocationTransfer } from './allocationTransfer.ts';
import { type CommissionSchedule, DEFAULT_COMMISSIONS, commissionFor } from './commissions.ts';
import { createFxRatesMemo, createMarkMemo } from './fxMarks.ts';
import { type BookPosition, type BookedFill, type StartOfDayPosition, applyBookedFill, applyTransfer, openBookPosition, positionKey, positionQuantity, withStartOfDay } from './ledgerBook.ts';
import type { Fill, Position } from './positionBook.ts';

export interface PortfolioDeps {
  /**
   * Every fill already journaled, oldest first: the positions are rebuilt from them. A fill carries its order id
   * when allocations are wired: a block's allocations are booked after its fills.
   */
  pastFills: Iterable<Fill & { readonly orderId?: string }>;
  /** Fills as they are journaled from now on (with their order id, as pastFills). */
  fills$: Observable<Fill & { readonly orderId?: string }>;
  /** Block allocations already made (the client book keeps them), oldest first: booked as transfers block account → client account. */
  pastAllocations?: Iterable<AllocationTransfer>;
  /** Block allocations as they are made from now on. */
  allocations$?: Observable<AllocationTransfer>;
  /**
   * Whether a fill may be allocated later (a block order's): only those fills' quantities are counted per order,
   * so an allocation can tell when its block is in. Default: every fill that carries an order id.
   */
  allocatable?(fill: Fill): boolean;
  /** Holdings at the start of the day (loaded from a file at start). */
  startOfDay?: readonly StartOfDayPosition[];
  instrument(symbol: string): Instrument | undefined;
  /** The entitlement rule shared with the order blotter. */
  canSee(user: UserProfile, item: { trader: string; account: string }): boolean;
  /** Marks: every quote re-values the positions in its symbol. */
  quotes$?: Observable<QuoteWire>;
  latest?(symbol: string): QuoteWire | undefined;
  /** The FX pairs rates to the base currency come from. */
  fxPairs?: readonly Instrument[];
  base?: string;
  commissions?: CommissionSchedule;
}

export interface PortfolioService {
  /** The position each fill changed, after the fill. */
  readonly updates$: Observable<Position>;
  /** A symbol whose mark moved (and that someone holds or traded). */
  readonly marks$: Observable<string>;
  snapshot(user: UserProfile): Position[];
  canSee(user: UserProfile, p: Position): boolean;
  /** Net quantity of an account in a symbol over every trader booking to it (pre-trade risk). */
  quantity(account: string, symbol: string): Decimal;
  /** Every position, for the desk roll-up. */
  positions(): Iterable<BookPosition>;
  markOf(symbol: string): Decimal | undefined;
  fxRates(): FxRates;
  readonly base: string;
  stop(): void;
}

/**
 * Positions per (trader, account, symbol) on the core P&L ledger, under both
 * cost methods, with fees charged per fill from the commission schedule and
 * start-of-day holdings loaded first. Marks come from the quote stream.
 */
export function createPortfolioService(deps: PortfolioDeps): PortfolioService {
  const base = deps.base ?? 'USD';
  const schedule = deps.commissions ?? DEFAULT_COMMISSIONS;
  const positions = new Map<string, BookPosition>();
  const bySymbol = new Map<string, Set<string>>();
  const marks = new Map<string, Decimal>();
  const updates = new Subject<Position>();
  const markChanges = new Subject<string>();

  /** The position of (trader, account, symbol), opened flat when new; `key` is its positionKey when the caller has it. */
  const get = (k: { trader: string; account: string; symbol: string }, key: string = positionKey(k)): BookPosition => {
    let p = positions.get(key);
    if (!p) {
      p = openBookPosition({ trader: k.trader, account: k.account, symbol: k.symbol }, deps.instrument(k.symbol));
      positions.set(key, p);
      let keys = bySymbol.get(k.symbol);
      if (!keys) bySymbol.set(k.symbol, (keys = new Set()));
      keys.add(key);
    }
    return p;
  };

  /**
   * The position key of (trader, account, symbol) without building it: a key
   * string made per fill is a fresh string to hash, where the three names are
   * the same few strings over and over, each hashed once.
   */
  const keys = new Map<string, Map<string, Map<string, string>>>();
  const keyOf = (f: Fill): string => {
    let byAccount = keys.get(f.trader);
    if (!byAccount) keys.set(f.trader, (byAccount = new Map()));
    let bySymbol = byAccount.get(f.account);
    if (!bySymbol) byAccount.set(f.account, (bySymbol = new Map()));
    let key = bySymbol.get(f.symbol);
    if (key === undefined) bySymbol.set(f.symbol, (key = positionKey(f)));
    return key;
  };

  const apply = (f: Fill): BookPosition => {
    const instrument = deps.instrument(f.symbol);
    const fee = instrument ? commissionFor(schedule, instrument, f.quantity, f.price) : ZERO;
    // The booked fill without copying the whole fill.
    const key = keyOf(f);
    const booked: BookedFill = { trader: f.trader, account: f.account, symbol: f.symbol, side: f.side, quantity: f.quantity, price: f.price, fee };
    const next = applyBookedFill(get(f, key), booked);
    positions.set(key, next);
    return next;
  };

  /** An allocation moves the quantity out of the block account and into the client account at the block's average price. */
  const transfer = (a: AllocationTransfer): BookPosition[] => {
    const leg = { quantity: a.quantity, price: a.price, notional: a.notional };
    const out = { trader: a.trader, account: a.blockAccount, symbol: a.symbol };
    const into = { trader: a.trader, account: a.account, symbol: a.symbol };
    const from = applyTransfer(get(out), { ...leg, side: a.side === 'buy' ? 'sell' : 'buy' });
    positions.set(positionKey(out), from);
    const to = applyTransfer(get(into), { ...leg, side: a.side });
    positions.set(positionKey(into), to);
    return [from, to];
  };

  // An allocation is booked only after the block's fills are (the OMS announces the last fill to its listeners one
  // after another, and the rebalance desk may hear it first): so the block account never goes short in between.
  const filledByOrder = new Map<string, Decimal>();
  const pendingByOrder = new Map<string, AllocationTransfer[]>();
  const ready = (a: AllocationTransfer) => (filledByOrder.get(a.orderId) ?? ZERO).gte(a.blockFilled);
  /** Books the allocation now, or holds it until its block's fills are in; returns what it changed. */
  const allocate = (a: AllocationTransfer): BookPosition[] => {
    if (ready(a)) return transfer(a);
    pendingByOrder.set(a.orderId, [...(pendingByOrder.get(a.orderId) ?? []), a]);
    return [];
  };
  // Without allocations wired, nothing ever asks how much of an order is filled.
  const allocating = deps.allocations$ !== undefined || deps.pastAllocations !== undefined;
  /** Books a fill, then any allocation of its order that was waiting for it; returns the allocations' changes (the fill's own position is the caller's from apply). */
  const afterFill = (f: Fill & { readonly orderId?: string }): BookPosition[] | undefined => {
    if (f.orderId === undefined || !allocating || (deps.allocatable !== undefined && !deps.allocatable(f))) return undefined;
    const before = filledByOrder.get(f.orderId);
    filledByOrder.set(f.orderId, before === undefined ? f.quantity : before.plus(f.quantity));
    const waiting = pendingByOrder.get(f.orderId);
    if (!waiting || !ready(waiting[0]!)) return undefined;
    pendingByOrder.delete(f.orderId);
    const changed: BookPosition[] = [];
    for (const a of waiting) changed.push(...transfer(a));
    return changed;
  };
  const fill = (f: Fill & { readonly orderId?: string }): void => {
    apply(f);
    afterFill(f);
  };
  /** A live fill: booked with what waited for it, then every position it changed announced, the fill's own first. */
  const onFill = (f: Fill & { readonly orderId?: string }): void => {
    const booked = apply(f);
    const transfers = afterFill(f);
    updates.next(booked);
    if (transfers) for (const p of transfers) updates.next(p);
  };
  const onAllocation = (a: AllocationTransfer): void => {
    for (const p of allocate(a)) updates.next(p);
  };

  for (const sod of deps.startOfDay ?? []) {
    positions.set(positionKey(sod), withStartOfDay(get(sod), sod));
    if (!marks.has(sod.symbol)) marks.set(sod.symbol, sod.mark);
  }
  // Each past allocation waits, like a live one, for the last fill of its block; any whose fills are not in the journal is booked at the end.
  for (const a of deps.pastAllocations ?? []) allocate(a);
  for (const f of deps.pastFills) fill(f);
  for (const [orderId, waiting] of pendingByOrder) {
    pendingByOrder.delete(orderId);
    for (const a of waiting) transfer(a);
  }
  const markOf = createMarkMemo();
  const latestOf = (symbol: string) => deps.latest?.(symbol);
  const fxRates = createFxRatesMemo(base, deps.fxPairs ?? [], latestOf);
  if (deps.latest) {
    for (const symbol of bySymbol.keys()) {
      const q = deps.latest(symbol);
      const m = q && markOf(q);
      if (m) marks.set(symbol, m);
    }
  }

  const subs: Subscription[] = [deps.fills$.subscribe(onFill)];
  if (deps.allocations$) subs.push(deps.allocations$.subscribe(onAllocation));
  if (deps.quotes$) {
    subs.push(
      deps.quotes$.subscribe((q) => {
        // Most quotes are for symbols nobody holds: no decimal work for them (markOf reads the live quote anyway).
        if (!bySymbol.has(q.symbol)) return;
        const m = markOf(q);
        if (!m) return;
        const before = marks.get(q.symbol);
        marks.set(q.symbol, m);
        if (before === undefined || (before !== m && !before.eq(m))) markChanges.next(q.symbol);
      }),
    );
  }

  return {
    base,
    updates$: updates.asObservable(),
    marks$: markChanges.asObservable(),
    snapshot: (user) => [...positions.values()].filter((p) => deps.canSee(user, p)),
    canSee: (user, p) => deps.canSee(user, p),
    quantity(account, symbol) {
      let q = ZERO;
      for (const key of bySymbol.get(symbol) ?? []) {
        const p = positions.get(key);
        // add: the first (mostly the only) position is its own sum, no copy made.
        if (p && p.account === account) q = add(q, positionQuantity(p.byMethod.averageCost));
      }
      return q;
    },
    positions: () => positions.values(),
    markOf: (symbol) => {
      const live = deps.latest?.(symbol);
      return (live && markOf(live)) ?? marks.get(symbol);
    },
    fxRates,
    stop() {
      for (const s of subs) s.unsubscribe();
      updates.complete();
      markChanges.complete();
    },
  };
}
