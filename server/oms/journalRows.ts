import type { ExecType, OrderStatus, OrderType, Side, TimeInForce } from '../../src/core/order.ts';

/** An order's static row: what was first asked for. */
export interface OrderRow {
  seq: number;
  order_id: string;
  cl_ord_id: string;
  trader: string;
  account: string;
  symbol: string;
  side: Side;
  type: OrderType;
  tif: TimeInForce;
  quantity: string;
  limit_price: string | null;
  created_at: number;
  /** Migration 2; null on rows written before it. */
  stop_price: string | null;
  expire_at: number | null;
  locate: string | null;
  venue: string | null;
}

/**
 * One journal entry: the event and the order's state after it. The terms a
 * replace changes (ClOrdID, quantity, prices) are on every row since
 * migration 2; null on older rows means "as in the orders row".
 */
export interface ExecRow {
  seq: number;
  exec_id: string;
  order_id: string;
  exec_type: ExecType;
  last_qty: string;
  last_px: string;
  ts: number;
  status: OrderStatus;
  cum_qty: string;
  leaves_qty: string;
  filled_notional: string;
  avg_px: string;
  text: string;
  cl_ord_id: string | null;
  orig_cl_ord_id: string | null;
  quantity: string | null;
  limit_price: string | null;
  stop_price: string | null;
  /** A fill's id at its venue (de-duplication). */
  venue_exec_id: string | null;
  /** The terms a pendingReplace asked for. */
  req_cl_ord_id: string | null;
  req_quantity: string | null;
  req_limit_price: string | null;
  req_stop_price: string | null;
}
