import type { ClientMessage, ServerMessage } from '../../src/core/protocol.ts';
import type { UserProfile } from '../../src/core/users.ts';
import type { CancelAllScope, OmsUpdate } from '../oms/orderManager.ts';
import type { HandlerContext } from './handlers.ts';
import type { Session } from './session.ts';

type Msg<T extends ClientMessage['type']> = Extract<ClientMessage, { type: T }>;

/** The wire form of an OMS answer meant for the one connection that asked. */
export function directReplyOf(u: Exclude<OmsUpdate, { kind: 'execReport' }>): ServerMessage {
  if (u.kind === 'orderWarning') {
    return {
      type: 'orderWarning',
      reqId: u.origin.reqId,
      clOrdId: u.clOrdId,
      warnings: u.warnings.map((w) => ({ rule: w.rule, message: w.message, requiresJustification: w.requiresJustification })),
    };
  }
  return {
    type: 'cancelReject',
    reqId: u.origin.reqId,
    orderId: u.orderId,
    ...(u.clOrdId === undefined ? {} : { clOrdId: u.clOrdId }),
    responseTo: u.responseTo,
    reason: u.reason,
  };
}

export function placeOrder(ctx: HandlerContext, s: Session, user: UserProfile, msg: Msg<'placeOrder'>): void {
  // The order's reports reach this session by its origin: the fan-out notes the order in s.placedOrders at its first
  // report and drops it at its last (not here: a rejected order would be noted too, and an order whose last report
  // went out within placeOrder, as without a journal queue, would never be dropped).
  ctx.services.oms.placeOrder(
    user,
    { clOrdId: msg.clOrdId, order: msg.order, confirm: msg.confirm, justification: msg.justification },
    { sessionId: s.id, reqId: msg.reqId },
  );
}

export function replaceOrder(ctx: HandlerContext, s: Session, user: UserProfile, msg: Msg<'replaceOrder'>): void {
  ctx.services.oms.replaceOrder(
    user,
    { orderId: msg.orderId, clOrdId: msg.clOrdId, quantity: msg.quantity, limitPrice: msg.limitPrice, stopPrice: msg.stopPrice },
    { sessionId: s.id, reqId: msg.reqId },
  );
}

/**
 * Who may cancel whose orders in bulk: anyone their own; a desk head anyone's.
 * A trader naming another trader is refused rather than silently given nothing.
 */
export function cancelAllRefusal(user: UserProfile, scope: CancelAllScope): string | undefined {
  if (user.role === 'deskHead') return undefined;
  if (scope.trader !== undefined && scope.trader !== user.username) return `only a desk head may cancel ${scope.trader}'s orders`;
  if (scope.account !== undefined && user.role !== 'advisor' && !user.accounts.includes(scope.account)) {
    return `you may not trade for account ${scope.account}`;
  }
  return undefined;
}

export function cancelAll(ctx: HandlerContext, s: Session, user: UserProfile, msg: Msg<'cancelAll'>): void {
  const scope: CancelAllScope = { trader: msg.trader, account: msg.account };
  const refusal = cancelAllRefusal(user, scope);
  if (refusal !== undefined) {
    ctx.send(s, { type: 'error', reqId: msg.reqId, code: 'FORBIDDEN', message: refusal });
    return;
  }
  const canceled = ctx.services.oms.cancelAll(user, scope, { sessionId: s.id, reqId: msg.reqId });
  ctx.send(s, { type: 'cancelAllDone', reqId: msg.reqId, canceled });
}
