/**
 * Rebalancing through the normal order path: a proposal for some accounts
 * (src/core/rebalance.ts), sent as one block order per instrument and side
 * on the advisor's house block account, and when a block is done (filled, or
 * canceled/expired after part-fills) its filled quantity is allocated to the
 * proposal's accounts at the block's average price, in whole lots by largest
 * remainder (src/core/blockAllocation.ts): each allocation is a trade in that
 * account's holdings, cash and transaction history.
 *
 * Orders for a client account placed directly (not in a block) are booked
 * into that account the same way, fill by fill.
 */
import type { Logger } from 'pino';
import { type Observable, Subject, type Subscription } from 'rxjs';
import { allocateFill } from '../../src/core/blockAllocation.ts';
import { type Decimal, ZERO, dec, toWire } from '../../src/core/decimal.ts';
import type { Instrument } from '../../src/core/instrument.ts';
import { type Order, bookSide, isTerminal } from '../../src/core/order.ts';
import type { BlockOrderWire, RebalanceProposalWire } from '../../src/core/protocol/clientBook.ts';
import { proposeRebalance } from '../../src/core/rebalance.ts';
import type { UserProfile } from '../../src/core/users.ts';
import type { Execution } from '../oms/execution.ts';
import { type AllocationTransfer, blockTransfers } from '../portfolio/allocationTransfer.ts';
import type { CommandOrigin, OmsUpdate, PlaceOrderCommand } from '../oms/orderManager.ts';
import { type Answer, accountFor, bookRefusal, forbidden, notFound, ok, refused } from './clientBookAccess.ts';
import type { ClientBookService } from './clientBookService.ts';
import type { ClientBookStore } from './clientBookStore.ts';
import { todayIso } from './performanceView.ts';
import { blockAccountOf } from './suitabilityHook.ts';

/** Holdings off their model weight by no more than this are left alone. */
export const REBALANCE_DRIFT_TOLERANCE = dec('0.005');
const AVG_COST_PLACES = 8;

export interface RebalanceDeskDeps {
  store: ClientBookStore;
  book: ClientBookService;
  oms: {
    placeOrder(user: UserProfile, cmd: PlaceOrderCommand, origin?: CommandOrigin): Order | undefined;
    order(orderId: string): Order | undefined;
    /** Every journaled execution, oldest first (fills not yet booked are booked at start). */
    executions(): readonly Execution[];
    readonly updates$: Observable<OmsUpdate>;
  };
  instrument(symbol: string): Instrument | undefined;
  price(symbol: string): Decimal | undefined;
  /** Whether an instrument can be traded now (the risk engine's tradable list); true when unknown. */
  tradable?(symbol: string): boolean;
  now(): number;
  log: Logger;
}

type Who = Pick<UserProfile, 'username' | 'role'>;

const clOrdIdPart = (s: string) => s.replace(/[^A-Za-z0-9._:-]/g, '_');

export type RebalanceDesk = ReturnType<typeof createRebalanceDesk>;

export function createRebalanceDesk(deps: RebalanceDeskDeps) {
  const { store, book, log } = deps;
  let subscription: Subscription | undefined;
  const allocations = new Subject<AllocationTransfer>();

  /** The portfolio's view of a block's allocations: transfers out of the block account at the exact average price. */
  const transfersOf = (order: Order, lines: readonly { account: string; quantity: Decimal; at: number }[]): AllocationTransfer[] =>
    blockTransfers(
      { orderId: order.orderId, trader: order.trader, account: order.account, symbol: order.symbol, side: bookSide(order.side), cumQty: order.cumQty, filledNotional: order.filledNotional },
      lines,
    );

  /** One trade into a client account: holdings at average cost, cash, and a transaction. */
  function bookTrade(accountId: string, side: 'buy' | 'sell', symbol: string, quantity: Decimal, price: Decimal, description: string): void {
    const account = store.account(accountId);
    if (!account || quantity.isZero()) return;
    const multiplier = deps.instrument(symbol)?.multiplier ?? dec(1);
    const held = store.holding(accountId, symbol);
    const q0 = held ? dec(held.quantity) : ZERO;
    const avg0 = held ? dec(held.avgCost) : ZERO;
    const value = quantity.times(price).times(multiplier);
    let q1: Decimal;
    let avg1 = avg0;
    if (side === 'buy') {
      q1 = q0.plus(quantity);
      avg1 = q1.isZero() ? ZERO : q0.times(avg0).plus(quantity.times(price)).div(q1).toDecimalPlaces(AVG_COST_PLACES);
    } else {
      q1 = q0.minus(quantity);
    }
    store.setHolding(accountId, symbol, toWire(q1), toWire(avg1));
    store.setCash(accountId, toWire(dec(account.cash).plus(side === 'buy' ? value.neg() : value)));
    store.addTransaction({
      accountId,
      date: todayIso(deps.now()),
      kind: side,
      symbol,
      quantity: toWire(quantity),
      price: toWire(price),
      amount: toWire(side === 'buy' ? value.neg() : value),
      description,
    });
  }

  /** Allocates a finished block once; safe to call again (restart, duplicate report). */
  function allocateBlock(order: Order): void {
    const block = store.blockOrder(order.orderId);
    if (!block || block.allocatedAt !== null || !isTerminal(order.status)) return;
    const proposal = store.proposal(`RB-${block.proposalSeq}`);
    if (!proposal) return;
    const wire = proposal.proposal as RebalanceProposalWire;
    const lines = wire.lines.filter((l) => l.symbol === block.symbol && l.side === block.side);
    const lot = deps.instrument(block.symbol)?.lotSize ?? dec(1);
    const now = deps.now();
    const price = order.avgPx;
    const result = allocateFill(order.cumQty, lot, lines.map((l) => ({ accountId: l.accountId, quantity: dec(l.quantity) })));
    if (!result.ok) {
      log.error({ orderId: order.orderId, reason: result.reason }, 'block allocation refused');
      return;
    }
    const announced: { clientId: string; advisor: string; allocationId: string; accountId: string; quantity: Decimal }[] = [];
    store.allocateOnce(order.orderId, now, () => {
      result.lines.forEach((a, i) => {
        if (a.quantity.isZero()) return;
        const line = lines[i]!;
        bookTrade(a.accountId, block.side, block.symbol, a.quantity, price, `${block.side === 'buy' ? 'Bought' : 'Sold'} ${a.quantity.toFixed()} ${block.symbol} (rebalance ${wire.proposalId}, block ${order.orderId})`);
        const allocationId = store.addAllocation({
          proposalSeq: block.proposalSeq,
          orderId: order.orderId,
          accountId: a.accountId,
          clientId: line.clientId,
          symbol: block.symbol,
          side: block.side,
          quantity: toWire(a.quantity),
          price: toWire(price),
          at: now,
        });
        announced.push({ clientId: line.clientId, advisor: store.client(line.clientId)?.advisor ?? '', allocationId, accountId: a.accountId, quantity: a.quantity });
      });
    });
    // The portfolio moves the same quantities from the block account to the client accounts.
    for (const t of transfersOf(order, announced.map((a) => ({ account: a.accountId, quantity: a.quantity, at: now })))) allocations.next(t);
    for (const a of announced) {
      book.emit(
        { clientId: a.clientId, advisor: a.advisor },
        {
          kind: 'allocation',
          clientId: a.clientId,
          allocation: {
            allocationId: a.allocationId,
            proposalId: wire.proposalId,
            orderId: order.orderId,
            accountId: a.accountId,
            clientId: a.clientId,
            symbol: block.symbol,
            side: block.side,
            quantity: toWire(a.quantity),
            price: toWire(price),
            at: now,
          },
        },
      );
    }
  }

  /** A direct order's fill in a client account, booked once (by execution id). */
  function bookFill(e: Execution): void {
    if (e.execType !== 'trade' || !store.account(e.order.account)) return;
    const side = bookSide(e.order.side);
    store.bookFillOnce(e.execId, e.order.account, deps.now(), () =>
      bookTrade(e.order.account, side, e.order.symbol, e.lastQty, e.lastPx, `${side === 'buy' ? 'Bought' : 'Sold'} ${e.lastQty.toFixed()} ${e.order.symbol} (order ${e.order.orderId})`),
    );
  }

  function onOmsUpdate(u: OmsUpdate): void {
    if (u.kind !== 'execReport') return;
    const e = u.execution;
    if (store.blockOrder(e.order.orderId)) {
      if (isTerminal(e.order.status)) allocateBlock(e.order);
      return;
    }
    bookFill(e);
  }

  return {
    /** Each allocation as it is made, for the portfolio (emitted after the client book has kept it). */
    allocations$: allocations.asObservable() as Observable<AllocationTransfer>,
    /**
     * Every allocation already made, oldest first, as the portfolio books it at start: the kept rows
     * (store.allocationsForPortfolio) with the block's trader, account and exact notional from the order journal.
     */
    pastAllocations(): AllocationTransfer[] {
      const byOrder = new Map<string, { account: string; quantity: Decimal; at: number }[]>();
      for (const r of store.allocationsForPortfolio()) byOrder.set(r.orderId, [...(byOrder.get(r.orderId) ?? []), { account: r.account, quantity: dec(r.quantity), at: r.at }]);
      const out: AllocationTransfer[] = [];
      for (const [orderId, lines] of byOrder) {
        const order = deps.oms.order(orderId);
        if (!order) {
          log.error({ orderId }, 'an allocated block order is not in the journal: its allocations are left out of the positions');
          continue;
        }
        out.push(...transfersOf(order, lines));
      }
      return out.sort((a, b) => a.at - b.at);
    },
    /** Listens to the OMS and allocates blocks that finished while the gateway was down. */
    start(): void {
      subscription = deps.oms.updates$.subscribe((u) => {
        try {
          onOmsUpdate(u);
        } catch (err) {
          log.error({ err }, 'client book could not apply an order update');
        }
      });
      for (const e of deps.oms.executions()) if (e.execType === 'trade' && !store.isBooked(e.execId)) bookFill(e);
      for (const orderId of store.unallocatedBlockOrderIds()) {
        const o = deps.oms.order(orderId);
        if (o) allocateBlock(o);
      }
    },
    stop(): void {
      subscription?.unsubscribe();
      allocations.complete();
    },

    propose(user: Who, accountIds: readonly string[]): Answer<RebalanceProposalWire> {
      const refusal = bookRefusal(user);
      if (refusal) return refusal;
      const ids = [...new Set(accountIds)];
      const accounts = [];
      for (const id of ids) {
        const a = accountFor(store, user, id);
        if (!a.ok) return a;
        accounts.push(a.value);
      }
      const models = new Map(store.models().map((m) => [m.modelId, m]));
      const inputs = accounts.map(({ client, accountId }) => {
        const account = store.account(accountId)!;
        const model = account.modelId ? models.get(account.modelId) : undefined;
        return {
          accountId,
          clientId: client.clientId,
          cash: dec(account.cash),
          holdings: store.holdings(accountId).map((h) => ({ symbol: h.symbol, quantity: dec(h.quantity) })),
          targets: (model?.targets ?? []).map((t) => ({ symbol: t.symbol, weight: dec(t.weight) })),
          excludedSectors: client.excludedSectors,
        };
      });
      const r = proposeRebalance(
        inputs,
        (symbol) => {
          const i = deps.instrument(symbol);
          return i && { symbol, lotSize: i.lotSize, multiplier: i.multiplier, sector: i.sector, price: deps.price(symbol), tradable: deps.tradable?.(symbol) ?? true };
        },
        { driftTolerance: REBALANCE_DRIFT_TOLERANCE },
      );
      const notes = [
        ...inputs.filter((a) => a.targets.length === 0).map((a) => ({ accountId: a.accountId, symbol: null, message: `${a.accountId} has no model; nothing proposed` })),
        ...r.notes,
      ];
      const createdAt = deps.now();
      let built: RebalanceProposalWire | undefined;
      store.addProposal(user.username, createdAt, (proposalId) => {
        const w6 = (d: Decimal) => toWire(d.toDecimalPlaces(6));
        built = {
          proposalId,
          createdBy: user.username,
          createdAt,
          accountIds: ids,
          lines: r.lines.map((l) => ({
            accountId: l.accountId,
            clientId: l.clientId,
            symbol: l.symbol,
            side: l.side,
            quantity: toWire(l.quantity),
            price: toWire(l.price),
            notional: toWire(l.notional.toDecimalPlaces(2)),
            currentWeight: w6(l.currentWeight),
            targetWeight: w6(l.targetWeight),
            weightAfter: w6(l.weightAfter),
          })),
          blocks: r.blocks.map((b) => ({ symbol: b.symbol, side: b.side, quantity: toWire(b.quantity), price: toWire(b.price), notional: toWire(b.notional.toDecimalPlaces(2)), accounts: b.accounts })),
          notes,
        };
        return built;
      });
      return ok(built!);
    },

    /** Places the proposal's blocks as market day orders on the sender's block account; a proposal is sent once. */
    send(user: UserProfile, proposalId: string, origin: CommandOrigin): Answer<{ blockAccount: string; orders: BlockOrderWire[]; placed: string[] }> {
      const refusal = bookRefusal(user);
      if (refusal) return refusal;
      const p = store.proposal(proposalId);
      if (!p) return notFound(`no rebalance proposal ${proposalId}`);
      const wire = p.proposal as RebalanceProposalWire;
      if (p.createdBy !== user.username && user.role !== 'deskHead') return forbidden(`proposal ${proposalId} is another advisor's`);
      // The accounts must still be the sender's (a client may have moved to another advisor since).
      for (const id of wire.accountIds) {
        const a = accountFor(store, user, id);
        if (!a.ok) return a;
      }
      if (wire.blocks.length === 0) return refused(`proposal ${proposalId} has no orders to send`);
      if (!store.markSent(p.seq, deps.now())) return refused(`proposal ${proposalId} was already sent`);
      const blockAccount = blockAccountOf(user.username);
      const trader: UserProfile = { ...user, accounts: [...user.accounts.filter((a) => a !== blockAccount), blockAccount] };
      const orders: BlockOrderWire[] = [];
      const placed: string[] = [];
      for (const b of wire.blocks) {
        const clOrdId = clOrdIdPart(`${proposalId}-${b.symbol}-${b.side}`);
        const order = deps.oms.placeOrder(
          trader,
          // The advisor reviewed the proposal: that is the confirmation of any warning (large order, far price).
          { clOrdId, order: { symbol: b.symbol, side: b.side, type: 'market', quantity: b.quantity, account: blockAccount, tif: 'day' }, confirm: true },
          origin,
        );
        if (!order) {
          orders.push({ symbol: b.symbol, side: b.side, quantity: b.quantity, orderId: '', clOrdId, status: 'held', text: 'held by a warning that needs a justification' });
          continue;
        }
        if (order.status !== 'rejected') {
          store.addBlockOrder({ orderId: order.orderId, proposalSeq: p.seq, symbol: b.symbol, side: b.side, quantity: b.quantity });
          placed.push(order.orderId);
        }
        orders.push({ symbol: b.symbol, side: b.side, quantity: b.quantity, orderId: order.orderId, clOrdId, status: order.status, text: order.text });
        // A block that filled within placeOrder (a synchronous venue) was journaled before it was recorded here.
        const now = deps.oms.order(order.orderId);
        if (now && isTerminal(now.status)) allocateBlock(now);
      }
      return ok({ blockAccount, orders, placed });
    },
  };
}
