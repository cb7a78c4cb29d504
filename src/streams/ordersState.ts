import type { ExecReportWire, OrderWire } from '../core/protocol.ts';

/** The trader's orders by orderId and their executions by execId, as the gateway last described them. */
export interface OrdersState {
  readonly orders: ReadonlyMap<string, OrderWire>;
  readonly executions: ReadonlyMap<string, ExecReportWire>;
}

export type OrdersEvent =
  | { kind: 'snapshot'; orders: readonly OrderWire[]; executions: readonly ExecReportWire[] }
  | { kind: 'execReport'; report: ExecReportWire };

export const NO_ORDERS: OrdersState = { orders: new Map(), executions: new Map() };

/**
 * A snapshot replaces everything (it follows every (re)subscription); an
 * execution report carries the whole order after the event, so it replaces
 * that order. A report seen before (the reply to our own request and its
 * fan-out copy) changes nothing.
 */
export function reduceOrders(state: OrdersState, event: OrdersEvent): OrdersState {
  if (event.kind === 'snapshot') {
    return {
      orders: new Map(event.orders.map((o) => [o.orderId, o])),
      executions: new Map(event.executions.map((e) => [e.execId, e])),
    };
  }
  const { report } = event;
  if (state.executions.has(report.execId)) return state;
  const orders = new Map(state.orders);
  orders.set(report.order.orderId, report.order);
  const executions = new Map(state.executions);
  executions.set(report.execId, report);
  return { orders, executions };
}

/** Newest first, as a blotter reads. */
export function ordersNewestFirst(state: OrdersState): OrderWire[] {
  return [...state.orders.values()].sort((a, b) => b.createdAt - a.createdAt || b.orderId.localeCompare(a.orderId));
}

/** Fills only, newest first: what an execution blotter lists. */
export function fillsNewestFirst(state: OrdersState): ExecReportWire[] {
  return [...state.executions.values()].filter((e) => e.execType === 'trade').sort((a, b) => b.ts - a.ts || b.execId.localeCompare(a.execId));
}

export function orderByClOrdId(state: OrdersState, clOrdId: string): OrderWire | undefined {
  for (const o of state.orders.values()) if (o.clOrdId === clOrdId) return o;
  return undefined;
}

/**
 * One order's history: every execution report the gateway sent for it, oldest
 * first (each state change: sent, accepted, fills, amend and cancel requests
 * and their answers). OrderId is stable across replaces, so an amended order's
 * history is one list across its ClOrdIDs.
 */
export function executionsOf(state: OrdersState, orderId: string): ExecReportWire[] {
  const out: ExecReportWire[] = [];
  for (const e of state.executions.values()) if (e.order.orderId === orderId) out.push(e);
  // execIds grow with the journal (E00000012 after E00000011), so they order events of the same millisecond.
  return out.sort((a, b) => a.ts - b.ts || a.execId.localeCompare(b.execId));
}
