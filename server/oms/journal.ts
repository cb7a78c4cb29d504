import { toWire } from '../../src/core/decimal.ts';
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

export function createJournal(db: Db): Journal {
  const insOrder = db.prepare(`INSERT INTO orders
    (seq, order_id, cl_ord_id, trader, account, symbol, side, type, tif, quantity, limit_price, created_at)
    VALUES (@seq, @order_id, @cl_ord_id, @trader, @account, @symbol, @side, @type, @tif, @quantity, @limit_price, @created_at)`);
  const insExec = db.prepare(`INSERT INTO executions
    (seq, exec_id, order_id, exec_type, last_qty, last_px, ts, status, cum_qty, leaves_qty, filled_notional, avg_px, text)
    VALUES (@seq, @exec_id, @order_id, @exec_type, @last_qty, @last_px, @ts, @status, @cum_qty, @leaves_qty, @filled_notional, @avg_px, @text)`);
  const allOrders = db.prepare('SELECT * FROM orders ORDER BY seq');
  const allExecs = db.prepare('SELECT * FROM executions ORDER BY seq');

  const execRow = (seq: number, e: Execution): ExecRow => ({
    seq,
    exec_id: e.execId,
    order_id: e.order.orderId,
    exec_type: e.execType,
    last_qty: toWire(e.lastQty),
    last_px: toWire(e.lastPx),
    ts: e.ts,
    status: e.order.status,
    cum_qty: toWire(e.order.cumQty),
    leaves_qty: toWire(e.order.leavesQty),
    filled_notional: toWire(e.order.filledNotional),
    avg_px: toWire(e.order.avgPx),
    text: e.order.text,
  });

  const newOrderTx = db.transaction((orderSeq: number, o: Order, execSeq: number, first: Execution) => {
    const row: OrderRow = {
      seq: orderSeq,
      order_id: o.orderId,
      cl_ord_id: o.clOrdId,
      trader: o.trader,
      account: o.account,
      symbol: o.symbol,
      side: o.side,
      type: o.type,
      tif: o.tif,
      quantity: toWire(o.quantity),
      limit_price: o.limitPrice === null ? null : toWire(o.limitPrice),
      created_at: o.createdAt,
    };
    insOrder.run(row);
    insExec.run(execRow(execSeq, first));
  });

  return {
    recordNewOrder: (orderSeq, order, execSeq, first) => newOrderTx(orderSeq, order, execSeq, first),
    recordExecution: (execSeq, e) => {
      insExec.run(execRow(execSeq, e));
    },
    load: () => replayJournal(allOrders.all() as OrderRow[], allExecs.all() as ExecRow[]),
  };
}
