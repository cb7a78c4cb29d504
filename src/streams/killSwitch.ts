import { type Observable, ReplaySubject, filter, map, merge, scan, share } from 'rxjs';
import type { KillSwitchScopeWire } from '../core/protocol/risk.ts';
import type { Connection, ResponseOf } from './connection.ts';
import { type KillSwitchState, type KillSwitchStreamEvent, reduceKillSwitch } from './killSwitchState.ts';
import { skipFailure } from './skipFailure.ts';
import { whenOnline } from './whenOnline.ts';

export type KillSwitchMode = 'halted' | 'reducing';

export interface KillSwitchApi {
  /** The switches in force and their history (desk heads only); null until the first answer. */
  readonly state$: Observable<KillSwitchState | null>;
  /** Answered by the kept event and how many working orders were canceled. */
  set(scope: KillSwitchScopeWire, mode: KillSwitchMode, reason: string): Observable<ResponseOf<'setKillSwitch'>>;
  clear(scope: KillSwitchScopeWire, reason?: string): Observable<ResponseOf<'clearKillSwitch'>>;
}

/**
 * The kill switches, live. Every `killSwitchEvent` on the connection counts:
 * the gateway answers this desk head's own set or clear with its reqId and
 * pushes everyone else's without one.
 */
export function killSwitchOf(conn: Connection): Observable<KillSwitchState | null> {
  return conn.status$.pipe(
    whenOnline(() =>
      merge(
        conn.messages$.pipe(
          filter((m) => m.type === 'killSwitchEvent'),
          map((m): KillSwitchStreamEvent => ({ kind: 'event', event: m.event })),
        ),
        conn.request<'subscribeKillSwitch'>({ type: 'subscribeKillSwitch' }).pipe(
          map((m): KillSwitchStreamEvent => ({ kind: 'snapshot', switches: m.switches, history: m.history })),
          skipFailure('kill switch'),
        ),
      ),
    ),
    scan(reduceKillSwitch, null),
    share({ connector: () => new ReplaySubject<KillSwitchState | null>(1), resetOnRefCountZero: true }),
  );
}

export function createKillSwitchApi(conn: Connection): KillSwitchApi {
  return {
    state$: killSwitchOf(conn),
    set: (scope, mode, reason) => conn.request<'setKillSwitch'>({ type: 'setKillSwitch', scope, mode, reason: reason.trim() }),
    clear: (scope, reason) => {
      const text = reason?.trim();
      return conn.request<'clearKillSwitch'>(text ? { type: 'clearKillSwitch', scope, reason: text } : { type: 'clearKillSwitch', scope });
    },
  };
}
