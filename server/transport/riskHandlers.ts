/**
 * The kill switch and riskLimits messages. Desk heads set, clear and watch
 * kill switches; anyone may ask for their own limits. The rules live in
 * server/risk; this module only checks the role and turns answers into frames.
 */
import type { Subscription } from 'rxjs';
import { toWire } from '../../src/core/decimal.ts';
import type { ClientMessage, ServerMessage } from '../../src/core/protocol.ts';
import type { KillSwitchEventWire, KillSwitchWire } from '../../src/core/protocol/risk.ts';
import type { UserProfile } from '../../src/core/users.ts';
import type { KillSwitch, KillSwitchEvent } from '../risk/index.ts';
import type { HandlerContext } from './handlers.ts';
import type { Session } from './session.ts';

type Msg<T extends ClientMessage['type']> = Extract<ClientMessage, { type: T }>;

/** One kill-switch feed per connection; it ends with the connection. */
const feeds = new WeakMap<Session, Subscription>();
/** The connection being answered directly right now: it gets the event with its reqId, not a second push. */
let answering: Session | undefined;

const eventToWire = (e: KillSwitchEvent): KillSwitchEventWire => ({ ...e, scope: { ...e.scope } });
const switchToWire = (k: KillSwitch): KillSwitchWire => ({ ...k, scope: { ...k.scope } });

function deskHeadOnly(ctx: HandlerContext, s: Session, user: UserProfile, msg: ClientMessage): boolean {
  if (user.role === 'deskHead') return true;
  ctx.send(s, { type: 'error', reqId: msg.reqId, code: 'FORBIDDEN', message: `only a desk head may ${describe(msg.type)}` });
  return false;
}

function describe(type: ClientMessage['type']): string {
  return type === 'setKillSwitch' ? 'set a kill switch' : type === 'clearKillSwitch' ? 'clear a kill switch' : 'watch the kill switches';
}

export function setKillSwitch(ctx: HandlerContext, s: Session, user: UserProfile, msg: Msg<'setKillSwitch'>): void {
  if (!deskHeadOnly(ctx, s, user, msg)) return;
  answering = s;
  try {
    const answer = ctx.services.risk.killSwitch.set(user.username, msg.scope, msg.mode, msg.reason);
    if (!answer.ok) return ctx.send(s, { type: 'error', reqId: msg.reqId, code: 'BAD_MESSAGE', message: answer.reason });
    ctx.log.warn({ by: user.username, scope: msg.scope, mode: msg.mode, canceled: answer.canceled }, 'kill switch set');
    ctx.send(s, { type: 'killSwitchEvent', reqId: msg.reqId, event: eventToWire(answer.event), canceled: answer.canceled });
  } finally {
    answering = undefined;
  }
}

export function clearKillSwitch(ctx: HandlerContext, s: Session, user: UserProfile, msg: Msg<'clearKillSwitch'>): void {
  if (!deskHeadOnly(ctx, s, user, msg)) return;
  answering = s;
  try {
    const answer = ctx.services.risk.killSwitch.clear(user.username, msg.scope, msg.reason);
    if (!answer.ok) return ctx.send(s, { type: 'error', reqId: msg.reqId, code: 'NOT_FOUND', message: answer.reason });
    ctx.log.warn({ by: user.username, scope: msg.scope }, 'kill switch cleared');
    ctx.send(s, { type: 'killSwitchEvent', reqId: msg.reqId, event: eventToWire(answer.event), canceled: 0 });
  } finally {
    answering = undefined;
  }
}

export function subscribeKillSwitch(ctx: HandlerContext, s: Session, user: UserProfile, msg: Msg<'subscribeKillSwitch'>): void {
  if (!deskHeadOnly(ctx, s, user, msg)) return;
  const ks = ctx.services.risk.killSwitch;
  ctx.send(s, { type: 'killSwitchState', reqId: msg.reqId, switches: ks.switches().map(switchToWire), history: ks.history().map(eventToWire) });
  if (feeds.has(s)) return;
  const sub = ks.changes$.subscribe((e) => {
    // After a logout (and perhaps a login as someone else) the feed stops.
    if (s.auth.state !== 'authenticated' || s.auth.user.role !== 'deskHead') {
      feeds.get(s)?.unsubscribe();
      feeds.delete(s);
      return;
    }
    if (answering === s) return;
    const push: ServerMessage = { type: 'killSwitchEvent', event: eventToWire(e) };
    ctx.send(s, push);
  });
  feeds.set(s, sub);
  s.ws.once('close', () => {
    sub.unsubscribe();
    feeds.delete(s);
  });
}

export function riskLimits(ctx: HandlerContext, s: Session, user: UserProfile, msg: Msg<'riskLimits'>): void {
  const v = ctx.services.risk.limitsView(user);
  ctx.send(s, {
    type: 'riskLimits',
    reqId: msg.reqId,
    accounts: v.accounts.map((a) => ({ account: a.account, currency: a.currency, buyingPower: toWire(a.buyingPower), used: a.used.toFixed(2) })),
    orderLimits: v.orderLimits.map((l) => ({ account: l.account, maxOrderQty: toWire(l.maxOrderQty), maxOrderNotional: toWire(l.maxOrderNotional) })),
    warnNotional: toWire(v.warnNotional),
    warnCollarPercent: toWire(v.warnCollarPercent),
    collarPercent: toWire(v.collarPercent),
    mode: v.mode,
    baseCurrency: v.baseCurrency,
    fxRates: v.fxRates,
  });
}
