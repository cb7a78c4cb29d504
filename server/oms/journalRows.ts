import { z } from 'zod';
import { DECIMAL_PATTERN } from '../../src/core/decimal.ts';
import {
  EXEC_TYPES,
  ORDER_STATUSES,
  ORDER_TYPES,
  SIDES,
  TIME_IN_FORCE,
  type ExecType,
  type OrderStatus,
  type OrderType,
  type Side,
  type TimeInForce,
} from '../../src/core/order.ts';

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

const decimal = z.string().regex(DECIMAL_PATTERN);
const decimalOrNull = decimal.nullable();
const textOrNull = z.string().nullable();
const seq = z.number().int().positive();
const time = z.number().int().nonnegative();

/** An order row as the journal file holds it: checked on load like any other file. */
export const OrderRowSchema: z.ZodType<OrderRow> = z.object({
  seq,
  order_id: z.string().min(1),
  cl_ord_id: z.string().min(1),
  trader: z.string().min(1),
  account: z.string(),
  symbol: z.string().min(1),
  side: z.enum(SIDES),
  type: z.enum(ORDER_TYPES),
  tif: z.enum(TIME_IN_FORCE),
  quantity: decimal,
  limit_price: decimalOrNull,
  created_at: time,
  stop_price: decimalOrNull,
  expire_at: time.nullable(),
  locate: textOrNull,
  venue: textOrNull,
});

export const ExecRowSchema: z.ZodType<ExecRow> = z.object({
  seq,
  exec_id: z.string().min(1),
  order_id: z.string().min(1),
  exec_type: z.enum(EXEC_TYPES),
  last_qty: decimal,
  last_px: decimal,
  ts: time,
  status: z.enum(ORDER_STATUSES),
  cum_qty: decimal,
  leaves_qty: decimal,
  filled_notional: decimal,
  avg_px: decimal,
  text: z.string(),
  cl_ord_id: textOrNull,
  orig_cl_ord_id: textOrNull,
  quantity: decimalOrNull,
  limit_price: decimalOrNull,
  stop_price: decimalOrNull,
  venue_exec_id: textOrNull,
  req_cl_ord_id: textOrNull,
  req_quantity: decimalOrNull,
  req_limit_price: decimalOrNull,
  req_stop_price: decimalOrNull,
});

/** Column order of the journal file's lines; a file names its own in its header, so columns can be added later. */
export const ORDER_COLUMNS = [
  'seq', 'order_id', 'cl_ord_id', 'trader', 'account', 'symbol', 'side', 'type', 'tif', 'quantity', 'limit_price',
  'created_at', 'stop_price', 'expire_at', 'locate', 'venue',
] as const satisfies readonly (keyof OrderRow)[];

export const EXEC_COLUMNS = [
  'seq', 'exec_id', 'order_id', 'exec_type', 'last_qty', 'last_px', 'ts', 'status', 'cum_qty', 'leaves_qty', 'filled_notional',
  'avg_px', 'text', 'cl_ord_id', 'orig_cl_ord_id', 'quantity', 'limit_price', 'stop_price', 'venue_exec_id', 'req_cl_ord_id',
  'req_quantity', 'req_limit_price', 'req_stop_price',
] as const satisfies readonly (keyof ExecRow)[];
