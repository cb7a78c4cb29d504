import type { Logger } from 'pino';
import { Subject, type Observable, type Subscription } from 'rxjs';
import { type Decimal, ZERO } from '../../src/core/decimal.ts';
import { type ApplyResult, type ExecType, type Order, STATUS_LABEL, applyEvent, applyFill, isWorking, newOrder } from '../../src/core/order.ts';
import { type TicketDraft, describeErrors, validateTicket } from '../../src/core/ticket.ts';
import type { UserProfile } from '../../src/core/users.ts';
import type { InstrumentCatalog } from '../marketdata/types.ts';
import type { VenueEvent } from '../venues/types.ts';
import { canSee } from './entitlements.ts';
import { type Execution, execIdOf, orderIdOf } from './execution.ts';
import type { Journal } from './journal.ts';
import { rejectedOrder } from './rejectedTicket.ts';
import { DEFAULT_RISK_LIMITS, type RiskLimits, type Touch, checkPreTrade } from './risk.ts';
import type { Router } from './router.ts';

/**
 * Who asked: echoed on the updates a command causes so the transport can
 * answer the right connection with its reqId. The OMS never looks inside.
 */
export interface CommandOrigin {
  readonly sessionId: number;
  readonly reqId?: string | undefined;
}

export type OmsUpdate =
  | { kind: 'execReport'; execution: Execution; origin?: CommandOrigin | undefined }
  | { kind: 'cancelReject'; orderId: string; reason: string; origin: CommandOrigin };

export interface PlaceOrderCommand {
  clOrdId: string;
  order: TicketDraft;
}

export interface OrderManagerDeps {
  journal: Journal;
  router: Router;
  instruments: InstrumentCatalog;
  /** The live touch of a symbol, for risk on market orders. */
  touch(symbol: string): Touch | undefined;
  limits?: RiskLimits;
  now(): number;
  log: Logger;
}

export interface OrdersView {
  orders: Order[];
  executions: Execution[];
}

export interface OrderManager {
  /** Every journaled change, in journal order; hot. */
  readonly updates$: Observable<OmsUpdate>;
  placeOrder(user: UserProfile, cmd: PlaceOrderCommand, origin?: CommandOrigin): Order;
  cancelOrder(user: UserProfile, orderId: string, origin: CommandOrigin): void;
  /** What a user is entitled to see, oldest first. */
  snapshot(user: UserProfile): OrdersView;
  canSee(user: UserProfile, order: Order): boolean;
  order(orderId: string): Order | undefined;
  /** Every journaled execution, oldest first (positions are rebuilt from them). */
  executions(): readonly Execution[];
  /** Hands working orders from the journal back to their venue (restart); call once. */
  resubmitWorking(): number;
  stop(): void;
}

/**
 * The single writer of order state. Commands and venue events are applied one
 * at a time (JavaScript runs them to completion); each change is journaled in
 * its own synchronous SQLite transaction and only then published.
 */
export function createOrderManager(deps: OrderManagerDeps): OrderManager {
  const { journal, router, instruments, log } = deps;
  const limits = deps.limits ?? DEFAULT_RISK_LIMITS;
  const replayed = journal.load();
  for (const p of replayed.problems) log.warn({ problem: p }, 'journal replay');
  const orders = replayed.orders;
  const executions = replayed.executions;
  let lastOrderSeq = replayed.lastOrderSeq;
  let lastExecSeq = replayed.lastExecSeq;
  /** trader → clOrdId → orderId: ClOrdIDs are unique per trader for the life of the journal. */
  const clOrdIds = new Map<string, Map<string, string>>();
  for (const o of orders.values()) rememberClOrdId(o);
  const cancelOrigins = new Map<string, CommandOrigin>();
  const updates = new Subject<OmsUpdate>();

  const subscriptions: Subscription[] = router.venues.map((v) =>
    v.events$.subscribe((e) => {
      try {
        onVenueEvent(e);
      } catch (err) {
        log.error({ err, event: e.kind, orderId: e.orderId }, 'venue event could not be applied');
      }
    }),
  );

  function rememberClOrdId(o: Order): void {
    let m = clOrdIds.get(o.trader);
    if (!m) clOrdIds.set(o.trader, (m = new Map()));
    if (!m.has(o.clOrdId)) m.set(o.clOrdId, o.orderId);
  }

  function makeExecution(order: Order, execType: ExecType, lastQty: Decimal = ZERO, lastPx: Decimal = ZERO): { seq: number; e: Execution } {
    const seq = lastExecSeq + 1;
    return { seq, e: { execId: execIdOf(seq), execType, lastQty, lastPx, ts: order.updatedAt, order } };
  }

  /** Journal, then adopt, then publish: a crash between steps loses nothing that was announced. */
  function commitNew(order: Order, execType: 'pendingNew' | 'rejected', origin: CommandOrigin | undefined): void {
    const orderSeq = lastOrderSeq + 1;
    const { seq, e } = makeExecution(order, execType);
    journal.recordNewOrder(orderSeq, order, seq, e);
    lastOrderSeq = orderSeq;
    lastExecSeq = seq;
    orders.set(order.orderId, order);
    executions.push(e);
    rememberClOrdId(order);
    updates.next({ kind: 'execReport', execution: e, origin });
  }

  function commit(order: Order, execType: ExecType, origin?: CommandOrigin, lastQty?: Decimal, lastPx?: Decimal): void {
    const { seq, e } = makeExecution(order, execType, lastQty, lastPx);
    journal.recordExecution(seq, e);
    lastExecSeq = seq;
    orders.set(order.orderId, order);
    executions.push(e);
    updates.next({ kind: 'execReport', execution: e, origin });
  }

  function applied(result: ApplyResult, context: string): Order | undefined {
    if (result.ok) return result.order;
    // A venue event the state machine refuses is a venue bug or a race we already resolved; keep the order as it is.
    log.warn({ reason: result.reason }, context);
    return undefined;
  }

  function onVenueEvent(e: VenueEvent): void {
    const order = orders.get(e.orderId);
    if (!order) {
      log.warn({ orderId: e.orderId, event: e.kind }, 'venue event for an unknown order');
      return;
    }
    const now = deps.now();
    switch (e.kind) {
      case 'accepted': {
        // A re-submitted order (restart) is acknowledged again: nothing changes.
        if (order.status !== 'pendingNew') return;
        const next = applied(applyEvent(order, 'accepted', now), 'accepted');
        if (next) commit(next, 'new');
        return;
      }
      case 'rejected': {
        const next = applied(applyEvent(order, 'rejected', now, e.reason), 'rejected');
        if (next) commit(next, 'rejected');
        return;
      }
      case 'fill': {
        const next = applied(applyFill(order, e.quantity, e.price, now), 'fill');
        if (next) commit(next, 'trade', undefined, e.quantity, e.price);
        return;
      }
      case 'canceled': {
        const origin = cancelOrigins.get(order.orderId);
        cancelOrigins.delete(order.orderId);
        const next = applied(applyEvent(order, 'canceled', now, e.reason), 'canceled');
        if (next) commit(next, 'canceled', origin);
        return;
      }
      case 'cancelRejected': {
        const origin = cancelOrigins.get(order.orderId);
        cancelOrigins.delete(order.orderId);
        if (order.status === 'pendingCancel') {
          // FIX answers with an OrderCancelReject; the order itself is restated as working (execType new).
          const next = applied(applyEvent(order, 'cancelRejected', now, `cancel rejected: ${e.reason}`), 'cancelRejected');
          if (next) commit(next, 'new', origin);
        }
        if (origin) updates.next({ kind: 'cancelReject', orderId: order.orderId, reason: e.reason, origin });
        return;
      }
    }
  }

  function reject(user: UserProfile, cmd: PlaceOrderCommand, origin: CommandOrigin | undefined, reason: string): Order {
    const now = deps.now();
    const order = rejectedOrder(cmd.order, { orderId: orderIdOf(lastOrderSeq + 1), clOrdId: cmd.clOrdId, trader: user.username }, now, reason);
    commitNew(order, 'rejected', origin);
    return order;
  }

  return {
    updates$: updates.asObservable(),

    placeOrder(user, cmd, origin) {
      const earlier = clOrdIds.get(user.username)?.get(cmd.clOrdId);
      if (earlier !== undefined) return reject(user, cmd, origin, `duplicate ClOrdID ${cmd.clOrdId}: already used for order ${earlier}`);
      const ticket = validateTicket(cmd.order, { instrument: (s) => instruments.get(s), accounts: user.accounts });
      if (!ticket.ok) return reject(user, cmd, origin, describeErrors(ticket.errors));
      const spec = ticket.order;
      const instrument = instruments.get(spec.symbol)!; // validateTicket found it
      const risk = checkPreTrade(spec, instrument, deps.touch(spec.symbol), limits);
      if (!risk.ok) return reject(user, cmd, origin, risk.reason);
      const order = newOrder(spec, { orderId: orderIdOf(lastOrderSeq + 1), clOrdId: cmd.clOrdId, trader: user.username }, deps.now());
      commitNew(order, 'pendingNew', origin);
      router.venueFor(order).submit(order);
      return order;
    },

    cancelOrder(user, orderId, origin) {
      const order = orders.get(orderId);
      const refuse = (reason: string) => updates.next({ kind: 'cancelReject', orderId, reason, origin });
      // An order the user may not see is "unknown" to them: its existence is not theirs to learn.
      if (!order || !canSee(user, order)) return refuse(`unknown order ${orderId}`);
      if (order.trader !== user.username && user.role !== 'deskHead') return refuse(`order ${orderId} is not yours (it belongs to ${order.trader})`);
      if (order.status === 'pendingCancel') return refuse(`a cancel is already pending for order ${orderId}`);
      if (!isWorking(order)) return refuse(`order ${orderId} is already ${STATUS_LABEL[order.status]}`);
      const next = applied(applyEvent(order, 'cancelRequested', deps.now()), 'cancelRequested');
      if (!next) return refuse(`order ${orderId} cannot be canceled now`);
      commit(next, 'pendingCancel', origin);
      cancelOrigins.set(orderId, origin);
      router.venueFor(next).cancel(next);
    },

    snapshot(user) {
      return {
        orders: [...orders.values()].filter((o) => canSee(user, o)),
        executions: executions.filter((e) => canSee(user, e.order)),
      };
    },

    canSee: (user, order) => canSee(user, order),
    order: (orderId) => orders.get(orderId),
    executions: () => executions,

    resubmitWorking() {
      let n = 0;
      for (const o of orders.values()) {
        if (!isWorking(o) && o.status !== 'pendingCancel') continue;
        const venue = router.venueFor(o);
        venue.submit(o);
        if (o.status === 'pendingCancel') venue.cancel(o);
        n += 1;
      }
      return n;
    },

    stop() {
      for (const s of subscriptions) s.unsubscribe();
      updates.complete();
    },
  };
}
