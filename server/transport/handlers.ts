import type { Logger } from 'pino';
import { instrumentToWire } from '../../src/core/instrument.ts';
import { type ClientMessage, PROTOCOL_VERSION, type ServerMessage } from '../../src/core/protocol.ts';
import type { UserProfile } from '../../src/core/users.ts';
import { executionToWire, orderToWire } from '../oms/execution.ts';
import { positionToWire } from '../portfolio/positionBook.ts';
import { handleClientBook } from './clientBookHandlers.ts';
import { subscribeDesk, unsubscribeDesk } from './deskHandlers.ts';
import { history, subscribe, subscribeDepth, unsubscribe, unsubscribeDepth } from './marketDataHandlers.ts';
import { cancelAll, placeOrder, replaceOrder } from './orderHandlers.ts';
import type { QuoteFanout } from './quoteFanout.ts';
import { clearKillSwitch, riskLimits, setKillSwitch, subscribeKillSwitch } from './riskHandlers.ts';
import type { GatewayServices } from './services.ts';
import { type Session, resetSession } from './session.ts';

/** Failed logins a connection may make; the next closes it. */
export const MAX_FAILED_LOGINS = 3;
/** WebSocket close code for a policy violation (RFC 6455). */
export const CLOSE_POLICY = 1008;

export interface HandlerContext {
  services: GatewayServices;
  quotes: QuoteFanout;
  send(s: Session, msg: ServerMessage): void;
  close(s: Session, code: number, reason: string): void;
  log: Logger;
}

type Authed<T extends ClientMessage['type']> = (ctx: HandlerContext, s: Session, user: UserProfile, msg: Extract<ClientMessage, { type: T }>) => void;

export function helloMessage(): ServerMessage {
  return { type: 'hello', protocol: PROTOCOL_VERSION, server: 'front-office-gateway', serverTime: Date.now() };
}

async function login(ctx: HandlerContext, s: Session, msg: Extract<ClientMessage, { type: 'login' }>): Promise<void> {
  if (s.auth.state === 'authenticated') {
    ctx.send(s, { type: 'error', reqId: msg.reqId, code: 'ALREADY_AUTHENTICATED', message: `already logged in as ${s.auth.user.username}; log out first` });
    return;
  }
  const result = await ctx.services.login(msg.username, msg.password);
  if (s.auth.state !== 'anonymous') return; // cannot happen: frames are handled one at a time
  if (!result.ok) {
    s.auth.failedLogins += 1;
    const left = MAX_FAILED_LOGINS - s.auth.failedLogins;
    ctx.log.info({ session: s.id, username: msg.username, failed: s.auth.failedLogins }, 'login failed');
    ctx.send(s, { type: 'error', reqId: msg.reqId, code: 'LOGIN_FAILED', message: left > 0 ? result.reason : `${result.reason}; too many failed logins, closing` });
    if (left <= 0) ctx.close(s, CLOSE_POLICY, 'too many failed logins');
    return;
  }
  s.auth = { state: 'authenticated', user: result.user };
  ctx.log.info({ session: s.id, username: result.user.username }, 'logged in');
  ctx.send(s, { type: 'loginOk', reqId: msg.reqId, user: result.user, instruments: ctx.services.marketData.instruments.all().map(instrumentToWire) });
}

const cancelOrder: Authed<'cancelOrder'> = (ctx, s, user, msg) => {
  ctx.services.oms.cancelOrder(user, msg.orderId, { sessionId: s.id, reqId: msg.reqId });
};

const subscribeOrders: Authed<'subscribeOrders'> = (ctx, s, user, msg) => {
  s.ordersSubscribed = true;
  const view = ctx.services.oms.snapshot(user);
  ctx.send(s, {
    type: 'ordersSnapshot',
    reqId: msg.reqId,
    orders: view.orders.map(orderToWire),
    executions: view.executions.map(executionToWire),
  });
};

const subscribePositions: Authed<'subscribePositions'> = (ctx, s, user, msg) => {
  s.positionsSubscribed = true;
  ctx.send(s, { type: 'positionsSnapshot', reqId: msg.reqId, positions: ctx.services.portfolio.snapshot(user).map(positionToWire) });
};

const clientBook: Authed<'clientBook'> = (ctx, s, user, msg) => {
  const answer = ctx.services.clientBook.legacy(user);
  if (!answer.ok) ctx.send(s, { type: 'error', reqId: msg.reqId, code: 'FORBIDDEN', message: answer.reason });
  else ctx.send(s, { type: 'clientBook', reqId: msg.reqId, clients: answer.clients });
};

/**
 * Routes one parsed message; the session gate (login first) is applied here and nowhere else.
 * Synchronous but for login (a password hash): the order path must not pay a promise per frame.
 */
export function dispatch(ctx: HandlerContext, s: Session, msg: ClientMessage): void | Promise<void> {
  switch (msg.type) {
    case 'ping':
      ctx.send(s, { type: 'pong', reqId: msg.reqId, ts: msg.ts, serverTime: Date.now() });
      return;
    case 'login':
      return login(ctx, s, msg);
  }
  if (s.auth.state !== 'authenticated') {
    ctx.send(s, { type: 'error', reqId: msg.reqId, code: 'NOT_AUTHENTICATED', message: `log in before sending ${msg.type}` });
    return;
  }
  const user = s.auth.user;
  switch (msg.type) {
    case 'logout':
      ctx.quotes.drop(s);
      resetSession(s);
      ctx.send(s, { type: 'loggedOut', reqId: msg.reqId });
      return;
    case 'subscribe':
      return subscribe(ctx, s, user, msg);
    case 'unsubscribe':
      return unsubscribe(ctx, s, user, msg);
    case 'history':
      return history(ctx, s, user, msg);
    case 'subscribeDepth':
      return subscribeDepth(ctx, s, user, msg);
    case 'unsubscribeDepth':
      return unsubscribeDepth(ctx, s, user, msg);
    case 'placeOrder':
      return placeOrder(ctx, s, user, msg);
    case 'cancelOrder':
      return cancelOrder(ctx, s, user, msg);
    case 'replaceOrder':
      return replaceOrder(ctx, s, user, msg);
    case 'cancelAll':
      return cancelAll(ctx, s, user, msg);
    case 'subscribeOrders':
      return subscribeOrders(ctx, s, user, msg);
    case 'subscribePositions':
      return subscribePositions(ctx, s, user, msg);
    case 'clientBook':
      return clientBook(ctx, s, user, msg);
    case 'clientList':
    case 'clientDetail':
    case 'modelPortfolios':
    case 'logInteraction':
    case 'addTask':
    case 'completeTask':
    case 'scheduleAppointment':
    case 'agenda':
    case 'sendCorrespondence':
    case 'createServiceRequest':
    case 'updateServiceRequest':
    case 'publishResearch':
    case 'researchNotes':
    case 'sendResearch':
    case 'addProspect':
    case 'prospects':
    case 'convertProspect':
    case 'searchBook':
    case 'rebalanceProposal':
    case 'sendRebalance':
      return handleClientBook(ctx, s, user, msg);
    case 'setKillSwitch':
      return setKillSwitch(ctx, s, user, msg);
    case 'clearKillSwitch':
      return clearKillSwitch(ctx, s, user, msg);
    case 'subscribeKillSwitch':
      return subscribeKillSwitch(ctx, s, user, msg);
    case 'riskLimits':
      return riskLimits(ctx, s, user, msg);
    case 'subscribeDesk':
      return subscribeDesk(ctx, s, user, msg);
    case 'unsubscribeDesk':
      return unsubscribeDesk(ctx, s, user, msg);
  }
}
