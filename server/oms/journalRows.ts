import type { ExecType, OrderStatus, OrderType, Side, TimeInForce } from '../../src/core/order.ts';

/** An order's static row: what was asked for. */
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
}

/** One journal entry: the event and the order's state after it. */
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
}
