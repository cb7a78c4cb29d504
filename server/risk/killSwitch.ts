/**
 * The kill switch: a desk head stops a trader, a desk or everyone, either
 * outright (HALTED) or down to orders that reduce positions (REDUCING). Every
 * set and clear is kept in SQLite with who, when and why; the switches in
 * force are the fold of that history, so a restart restores them.
 */
import { Subject, type Observable } from 'rxjs';
import type { UserProfile } from '../../src/core/users.ts';
import type { Db } from '../storage/database.ts';
import type { KillSwitch, KillSwitchEvent, KillSwitchMode, KillSwitchScope, TradingMode } from './types.ts';

/** What the OMS cancel-all is given for a scope; empty means every working order. */
export type CancelScope = { trader?: string; desk?: string };
/** Cancels the working orders of a scope on behalf of `by`; returns how many cancels were sent. */
export type CancelWorking = (by: string, scope: CancelScope) => number;

export type KillSwitchAnswer = { ok: true; event: KillSwitchEvent; canceled: number } | { ok: false; reason: string };

export interface KillSwitchService {
  /** Each set and clear, after it is stored. */
  readonly changes$: Observable<KillSwitchEvent>;
  /** Sets (or changes the mode of) the switch of a scope and cancels the scope's working orders. */
  set(by: string, scope: KillSwitchScope, mode: KillSwitchMode, reason: string): KillSwitchAnswer;
  clear(by: string, scope: KillSwitchScope, reason?: string): KillSwitchAnswer;
  modeFor(user: Pick<UserProfile, 'username' | 'desk'>): TradingMode;
  /** The switch that decides for a user: HALTED over REDUCING; among equals the most specific scope. */
  governing(user: Pick<UserProfile, 'username' | 'desk'>): KillSwitch | undefined;
  switches(): KillSwitch[];
  /** Newest last. */
  history(limit?: number): KillSwitchEvent[];
  /** main.ts hands in the OMS cancel-all once the OMS exists (it needs the risk engine, which needs this). */
  setCanceller(cancel: CancelWorking): void;
}

interface EventRow {
  seq: number;
  action: 'set' | 'clear';
  scope_kind: KillSwitchScope['kind'];
  scope_value: string;
  mode: KillSwitchMode;
  reason: string;
  by_user: string;
  at: number;
}

export const HISTORY_KEPT_IN_MEMORY = 500;

export function scopeKey(scope: KillSwitchScope): string {
  return scope.kind === 'all' ? 'all' : scope.kind === 'trader' ? `trader:${scope.trader}` : `desk:${scope.desk}`;
}

export function describeScope(scope: KillSwitchScope): string {
  return scope.kind === 'all' ? 'all trading' : scope.kind === 'trader' ? `trader ${scope.trader}` : `desk ${scope.desk}`;
}

function scopeOf(kind: KillSwitchScope['kind'], value: string): KillSwitchScope {
  return kind === 'all' ? { kind } : kind === 'trader' ? { kind, trader: value } : { kind, desk: value };
}

function scopeValue(scope: KillSwitchScope): string {
  return scope.kind === 'all' ? '' : scope.kind === 'trader' ? scope.trader : scope.desk;
}

const SPECIFICITY: Record<KillSwitchScope['kind'], number> = { trader: 2, desk: 1, all: 0 };

export function createKillSwitch(db: Db, options: { now?: () => number } = {}): KillSwitchService {
  const now = options.now ?? Date.now;
  const insert = db.prepare(
    'INSERT INTO kill_switch_events (action, scope_kind, scope_value, mode, reason, by_user, at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const active = new Map<string, KillSwitch>();
  const history: KillSwitchEvent[] = [];
  const changes = new Subject<KillSwitchEvent>();
  let cancel: CancelWorking | undefined;

  function adopt(e: KillSwitchEvent): void {
    const key = scopeKey(e.scope);
    if (e.action === 'set') active.set(key, { scope: e.scope, mode: e.mode, reason: e.reason, setBy: e.by, setAt: e.at });
    else active.delete(key);
    history.push(e);
    if (history.length > HISTORY_KEPT_IN_MEMORY) history.splice(0, history.length - HISTORY_KEPT_IN_MEMORY);
  }

  const rows = db.prepare('SELECT seq, action, scope_kind, scope_value, mode, reason, by_user, at FROM kill_switch_events ORDER BY seq').all() as EventRow[];
  for (const r of rows) {
    adopt({ seq: r.seq, action: r.action, scope: scopeOf(r.scope_kind, r.scope_value), mode: r.mode, reason: r.reason, by: r.by_user, at: r.at });
  }

  function record(action: 'set' | 'clear', by: string, scope: KillSwitchScope, mode: KillSwitchMode, reason: string): KillSwitchEvent {
    const at = now();
    const info = insert.run(action, scope.kind, scopeValue(scope), mode, reason, by, at);
    const event: KillSwitchEvent = { seq: Number(info.lastInsertRowid), action, scope, mode, reason, by, at };
    adopt(event);
    return event;
  }

  function applies(k: KillSwitch, user: Pick<UserProfile, 'username' | 'desk'>): boolean {
    return k.scope.kind === 'all' || (k.scope.kind === 'trader' ? k.scope.trader === user.username : k.scope.desk === user.desk);
  }

  function governing(user: Pick<UserProfile, 'username' | 'desk'>): KillSwitch | undefined {
    let best: KillSwitch | undefined;
    for (const k of active.values()) {
      if (!applies(k, user)) continue;
      if (
        best === undefined ||
        (k.mode === 'halted' && best.mode !== 'halted') ||
        (k.mode === best.mode && SPECIFICITY[k.scope.kind] > SPECIFICITY[best.scope.kind])
      ) {
        best = k;
      }
    }
    return best;
  }

  return {
    changes$: changes.asObservable(),

    set(by, scope, mode, reason) {
      const why = reason.trim();
      if (why === '') return { ok: false, reason: 'a kill switch needs a reason' };
      const event = record('set', by, scope, mode, why);
      // Stored first, so an order racing the cancels is already refused by the engine.
      const canceled = cancel?.(by, scope.kind === 'all' ? {} : scope.kind === 'trader' ? { trader: scope.trader } : { desk: scope.desk }) ?? 0;
      changes.next(event);
      return { ok: true, event, canceled };
    },

    clear(by, scope, reason = '') {
      const current = active.get(scopeKey(scope));
      if (!current) return { ok: false, reason: `there is no kill switch set for ${describeScope(scope)}` };
      const event = record('clear', by, scope, current.mode, reason.trim());
      changes.next(event);
      return { ok: true, event, canceled: 0 };
    },

    modeFor: (user) => governing(user)?.mode ?? 'active',
    governing,
    switches: () => [...active.values()],
    history: (limit = HISTORY_KEPT_IN_MEMORY) => history.slice(-limit),
    setCanceller(fn) {
      cancel = fn;
    },
  };
}
