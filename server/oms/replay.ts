import { dec } from '../../src/core/decimal.ts';
import type { Order } from '../../src/core/order.ts';
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
  /** Rows that could not be applied, for the log; start-up goes on without them. */
  readonly problems: string[];
}

/**
 * Rebuilds the OMS's state from its journal. Pure, so start-up and crash
 * recovery are the same tested path: an order's state is its static row plus
 * the state recorded by its latest execution.
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
    const order: Order = {
      orderId: s.order_id,
      clOrdId: s.cl_ord_id,
      trader: s.trader,
      account: s.account,
      symbol: s.symbol,
      side: s.side,
      type: s.type,
      tif: s.tif,
      quantity: dec(s.quantity),
      limitPrice: s.limit_price === null ? null : dec(s.limit_price),
      status: e.status,
      cumQty: dec(e.cum_qty),
      leavesQty: dec(e.leaves_qty),
      filledNotional: dec(e.filled_notional),
      avgPx: dec(e.avg_px),
      text: e.text,
      createdAt: s.created_at,
      updatedAt: e.ts,
    };
    orders.set(order.orderId, order);
    executions.push({ execId: e.exec_id, execType: e.exec_type, lastQty: dec(e.last_qty), lastPx: dec(e.last_px), ts: e.ts, order });
  }
  for (const id of statics.keys()) if (!orders.has(id)) problems.push(`order ${id} has no execution and is ignored`);
  // Map iteration follows insertion; re-insert in placement order so snapshots read oldest first.
  const placed = new Map([...orders.values()].sort((a, b) => statics.get(a.orderId)!.seq - statics.get(b.orderId)!.seq).map((o) => [o.orderId, o]));
  return { orders: placed, executions, lastOrderSeq, lastExecSeq, problems };
}
