import { type Decimal, toWire } from '../../src/core/decimal.ts';
import type { Order } from '../../src/core/order.ts';
import type { Db } from '../storage/database.ts';
import type { Execution } from './execution.ts';
import type { ExecRow, OrderRow } from './journalRows.ts';
import { type ReplayedJournal, replayJournal } from './replay.ts';

/**
 * The order journal in SQLite. Each write is one synchronous transaction,
 * committed before the caller publishes anything about it.
 */
export interface Journal {
  /** A new order and its first event (pendingNew, or rejected). */
  recordNewOrder(orderSeq: number, order: Order, execSeq: number, first: Execution): void;
  recordExecution(execSeq: number, e: Execution): void;
  load(): ReplayedJournal;
}

const wireOrNull = (d: Decimal | null | undefined): string | null => (d === null || d === undefined ? null : toWire(d));

export function execRowOf(seq: number, e: Execution): ExecRow {
  const o = e.order;
  return {
    seq,
    exec_id: e.execId,
    order_id: o.orderId,
    exec_type: e.execType,
    last_qty: toWire(e.lastQty),
    last_px: toWire(e.lastPx),
    ts: e.ts,
    status: o.status,
    cum_qty: toWire(o.cumQty),
    leaves_qty: toWire(o.leavesQty),
    filled_notional: toWire(o.filledNotional),
    avg_px: toWire(o.avgPx),
    text: o.text,
    cl_ord_id: o.clOrdId,
    orig_cl_ord_id: o.origClOrdId,
    quantity: toWire(o.quantity),
    limit_price: wireOrNull(o.limitPrice),
    stop_price: wireOrNull(o.stopPrice),
    venue_exec_id: e.venueExecId ?? null,
    req_cl_ord_id: e.requested?.clOrdId ?? null,
    req_quantity: wireOrNull(e.requested?.quantity),
    req_limit_price: wireOrNull(e.requested?.limitPrice),
    req_stop_price: wireOrNull(e.requested?.stopPrice),
  };
}

export function orderRowOf(seq: number, o: Order): OrderRow {
  return {
    seq,
    order_id: o.orderId,
    cl_ord_id: o.clOrdId,
    trader: o.trader,
    account: o.account,
    symbol: o.symbol,
    side: o.side,
    type: o.type,
    tif: o.tif,
    quantity: toWire(o.quantity),
    limit_price: wireOrNull(o.limitPrice),
    created_at: o.createdAt,
    stop_price: wireOrNull(o.stopPrice),
    expire_at: o.expireAt,
    locate: o.locate,
    venue: o.venue ?? null,
  };
}

export function createJournal(db: Db): Journal {
  const insOrder = db.prepare(`INSERT INTO orders
    (seq, order_id, cl_ord_id, trader, account, symbol, side, type, tif, quantity, limit_price, created_at, stop_price, expire_at, locate, venue)
    VALUES (@seq, @order_id, @cl_ord_id, @trader, @account, @symbol, @side, @type, @tif, @quantity, @limit_price, @created_at,
            @stop_price, @expire_at, @locate, @venue)`);
  const insExec = db.prepare(`INSERT INTO executions
    (seq, exec_id, order_id, exec_type, last_qty, last_px, ts, status, cum_qty, leaves_qty, filled_notional, avg_px, text,
     cl_ord_id, orig_cl_ord_id, quantity, limit_price, stop_price, venue_exec_id, req_cl_ord_id, req_quantity, req_limit_price, req_stop_price)
    VALUES (@seq, @exec_id, @order_id, @exec_type, @last_qty, @last_px, @ts, @status, @cum_qty, @leaves_qty, @filled_notional, @avg_px, @text,
            @cl_ord_id, @orig_cl_ord_id, @quantity, @limit_price, @stop_price, @venue_exec_id, @req_cl_ord_id, @req_quantity, @req_limit_price, @req_stop_price)`);
  const allOrders = db.prepare('SELECT * FROM orders ORDER BY seq');
  const allExecs = db.prepare('SELECT * FROM executions ORDER BY seq');

  const newOrderTx = db.transaction((orderSeq: number, o: Order, execSeq: number, first: Execution) => {
    insOrder.run(orderRowOf(orderSeq, o));
    insExec.run(execRowOf(execSeq, first));
  });

  return {
    recordNewOrder: (orderSeq, order, execSeq, first) => {
      // Under group commit this runs inside the batch's transaction already: a nested one would only add a savepoint per order.
      if (db.inTransaction) {
        insOrder.run(orderRowOf(orderSeq, order));
        insExec.run(execRowOf(execSeq, first));
      } else newOrderTx(orderSeq, order, execSeq, first);
    },
    recordExecution: (execSeq, e) => {
      insExec.run(execRowOf(execSeq, e));
    },
    load: () => replayJournal(allOrders.all() as OrderRow[], allExecs.all() as ExecRow[]),
  };
}
