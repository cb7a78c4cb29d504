import { dec } from '../../src/core/decimal.ts';
import type { Amend, Order } from '../../src/core/order.ts';
import type { Execution } from './execution.ts';
import type { ExecRow, OrderRow } from './journalRows.ts';

export interface ReplayedJournal {
  /** Every order in its latest state, by order id, in the order they were placed. */
  readonly orders: Map<string, Order>;
  /** Every execution in journal order. */
  readonly executions: Execution[];
  /** Highest sequence numbers used; new ids continue after them. */
  readonly lastOrderSeq: number;
  readonly lastExecSeq: number;
  /** Orders whose latest state is pendingReplace, with the terms asked for (a restart sends them again). */
  readonly pendingReplaces: Map<string, Amend>;
  /** `orderId|venueExecId` of every fill applied: a resent fill is dropped after a restart too. */
  readonly seenFills: Set<string>;
  /** Rows that could not be applied, for the log; start-up goes on without them. */
  readonly problems: string[];
}

/** The key under which a venue's fill is remembered. */
export const fillKey = (orderId: string, venueExecId: string) => `${orderId}|${venueExecId}`;

const decOrNull = (s: string | null | undefined) => (s === null || s === undefined ? null : dec(s));

/**
 * Rebuilds the OMS's state from its journal. Pure, so start-up and crash
 * recovery are the same tested path: an order's state is its static row plus
 * the state recorded by its latest execution (whose terms, since migration 2,
 * include what a replace changed).
 */
export function replayJournal(orderRows: readonly OrderRow[], execRows: readonly ExecRow[]): ReplayedJournal {
  const statics = new Map<string, OrderRow>();
  let lastOrderSeq = 0;
  for (const r of orderRows) {
    statics.set(r.order_id, r);
    lastOrderSeq = Math.max(lastOrderSeq, r.seq);
  }
  const orders = new Map<string, Order>();
  const executions: Execution[] = [];
  const pendingReplaces = new Map<string, Amend>();
  const seenFills = new Set<string>();
  const problems: string[] = [];
  let lastExecSeq = 0;
  const sorted = [...execRows].sort((a, b) => a.seq - b.seq);
  for (const e of sorted) {
    lastExecSeq = Math.max(lastExecSeq, e.seq);
    const s = statics.get(e.order_id);
    if (!s) {
      problems.push(`execution ${e.exec_id} names unknown order ${e.order_id}`);
      continue;
    }
    const older = e.quantity === null || e.quantity === undefined; // a row from before migration 2
    const order: Order = {
      orderId: s.order_id,
      clOrdId: e.cl_ord_id ?? s.cl_ord_id,
      origClOrdId: e.orig_cl_ord_id ?? null,
      trader: s.trader,
      account: s.account,
      symbol: s.symbol,
      side: s.side,
      type: s.type,
      tif: s.tif,
      quantity: dec(older ? s.quantity : e.quantity!),
      limitPrice: older ? decOrNull(s.limit_price) : decOrNull(e.limit_price),
      stopPrice: older ? decOrNull(s.stop_price) : decOrNull(e.stop_price),
      expireAt: s.expire_at ?? null,
      locate: s.locate ?? null,
      ...(s.venue ? { venue: s.venue } : {}),
      status: e.status,
      cumQty: dec(e.cum_qty),
      leavesQty: dec(e.leaves_qty),
      filledNotional: dec(e.filled_notional),
      avgPx: dec(e.avg_px),
      text: e.text,
      createdAt: s.created_at,
      updatedAt: e.ts,
    };
    const venueExecId = e.venue_exec_id ?? undefined;
    if (venueExecId !== undefined) seenFills.add(fillKey(order.orderId, venueExecId));
    const requested: Amend | undefined =
      e.req_cl_ord_id && e.req_quantity
        ? { clOrdId: e.req_cl_ord_id, quantity: dec(e.req_quantity), limitPrice: decOrNull(e.req_limit_price), stopPrice: decOrNull(e.req_stop_price) }
        : undefined;
    if (order.status === 'pendingReplace') {
      if (requested) pendingReplaces.set(order.orderId, requested);
    } else {
      pendingReplaces.delete(order.orderId);
    }
    orders.set(order.orderId, order);
    executions.push({
      execId: e.exec_id,
      execType: e.exec_type,
      lastQty: dec(e.last_qty),
      lastPx: dec(e.last_px),
      ts: e.ts,
      order,
      ...(venueExecId === undefined ? {} : { venueExecId }),
      ...(requested === undefined ? {} : { requested }),
    });
  }
  for (const id of statics.keys()) if (!orders.has(id)) problems.push(`order ${id} has no execution and is ignored`);
  // Map iteration follows insertion; re-insert in placement order so snapshots read oldest first.
  const placed = new Map([...orders.values()].sort((a, b) => statics.get(a.orderId)!.seq - statics.get(b.orderId)!.seq).map((o) => [o.orderId, o]));
  return { orders: placed, executions, lastOrderSeq, lastExecSeq, pendingReplaces, seenFills, problems };
}
