import { Subscription } from 'rxjs';
import type { ClientMessage, ServerMessage } from '../../src/core/protocol.ts';
import type { AlertWire } from '../../src/core/protocol/desk.ts';
import type { CostMethod } from '../../src/core/pnl/inventory.ts';
import type { UserProfile } from '../../src/core/users.ts';
import type { DeskState } from '../portfolio/deskFeed.ts';
import { usageToWire } from '../portfolio/deskFeed.ts';
import { type DeskRow, deskLines } from '../portfolio/deskView.ts';
import type { Usage } from '../portfolio/limits.ts';
import type { HandlerContext } from './handlers.ts';
import type { Session } from './session.ts';

type Msg<T extends ClientMessage['type']> = Extract<ClientMessage, { type: T }>;

/**
 * Who sees what of the desk: a desk head the whole desk, a trader their own
 * positions, limits, alerts and P&L line. An advisor has no desk view.
 */
export interface DeskScope {
  rows(rows: readonly DeskRow[]): readonly DeskRow[];
  usage(u: Pick<Usage, 'scope' | 'name'>): boolean;
  alert(a: Pick<AlertWire, 'scope' | 'name'>): boolean;
  seriesKey(key: string): boolean;
}

export function deskScopeOf(user: UserProfile): DeskScope | undefined {
  if (user.role === 'deskHead') return { rows: (r) => r, usage: () => true, alert: () => true, seriesKey: () => true };
  if (user.role === 'trader') {
    const me = user.username;
    return {
      rows: (r) => r.filter((x) => x.trader === me),
      usage: (u) => u.scope === 'trader' && u.name === me,
      alert: (a) => a.scope === 'trader' && a.name === me,
      seriesKey: (k) => k === `trader:${me}`,
    };
  }
  return undefined;
}

interface DeskSubscription {
  method: CostMethod;
  scope: DeskScope;
  sub: Subscription;
}

const subscriptions = new WeakMap<Session, DeskSubscription>();

function view(state: DeskState, d: Pick<DeskSubscription, 'method' | 'scope'>) {
  return {
    asOf: state.asOf,
    lines: deskLines(d.scope.rows(state.rows(d.method)), state.base),
    limits: state.usages.filter((u) => d.scope.usage(u)).map(usageToWire),
  };
}

function end(s: Session): void {
  subscriptions.get(s)?.sub.unsubscribe();
  subscriptions.delete(s);
}

export function subscribeDesk(ctx: HandlerContext, s: Session, user: UserProfile, msg: Msg<'subscribeDesk'>): void {
  const scope = deskScopeOf(user);
  if (!scope) {
    ctx.send(s, { type: 'error', reqId: msg.reqId, code: 'FORBIDDEN', message: 'the desk monitor is for desk heads and traders' });
    return;
  }
  const feed = ctx.services.desk;
  end(s);
  const method: CostMethod = msg.method ?? 'averageCost';
  const state = feed.state();
  ctx.send(s, {
    type: 'deskSnapshot',
    reqId: msg.reqId,
    base: state.base,
    method,
    ...view(state, { method, scope }),
    alerts: feed.alertHistory().filter((a) => scope.alert(a)),
    pnlSeries: feed.series().filter((x) => scope.seriesKey(x.key)),
  });
  const push = (out: ServerMessage | undefined) => {
    // After a logout the feed stops.
    if (s.auth.state !== 'authenticated') return end(s);
    if (out) ctx.send(s, out);
  };
  const sub = new Subscription();
  sub.add(feed.states$.subscribe((st) => push({ type: 'deskUpdate', ...view(st, { method, scope }) })));
  sub.add(feed.alerts$.subscribe((a) => push(scope.alert(a) ? { type: 'deskAlert', alert: a } : undefined)));
  sub.add(
    feed.points$.subscribe((pts) => {
      const mine = pts.filter((p) => scope.seriesKey(p.key));
      push(mine.length > 0 ? { type: 'pnlPoints', points: [...mine] } : undefined);
    }),
  );
  subscriptions.set(s, { method, scope, sub });
  s.ws.once('close', () => end(s));
}

export function unsubscribeDesk(ctx: HandlerContext, s: Session, _user: UserProfile, msg: Msg<'unsubscribeDesk'>): void {
  end(s);
  ctx.send(s, { type: 'deskUnsubscribed', reqId: msg.reqId });
}
