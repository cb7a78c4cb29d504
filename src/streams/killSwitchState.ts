import type { KillSwitchEventWire, KillSwitchScopeWire, KillSwitchWire } from '../core/protocol/risk.ts';

/** The switches in force and every set and clear so far (oldest first), as the gateway keeps them. */
export interface KillSwitchState {
  readonly switches: readonly KillSwitchWire[];
  readonly history: readonly KillSwitchEventWire[];
}

export type KillSwitchStreamEvent = { kind: 'snapshot'; switches: readonly KillSwitchWire[]; history: readonly KillSwitchEventWire[] } | { kind: 'event'; event: KillSwitchEventWire };

/** "trader:trader1", "desk:Equities", "all": one key per scope, for lists and look-ups. */
export function scopeKey(scope: KillSwitchScopeWire): string {
  switch (scope.kind) {
    case 'trader':
      return `trader:${scope.trader}`;
    case 'desk':
      return `desk:${scope.desk}`;
    case 'all':
      return 'all';
  }
}

/**
 * Folds a set or clear into the state: a set replaces any switch on the same
 * scope (the gateway keeps one per scope), a clear removes it. Each event is
 * applied once, by its sequence number, whichever way it arrived (the answer
 * to this desk head's own request, or a push for another's).
 */
export function reduceKillSwitch(state: KillSwitchState | null, e: KillSwitchStreamEvent): KillSwitchState | null {
  if (e.kind === 'snapshot') return { switches: e.switches, history: e.history };
  if (state === null) return null;
  const event = e.event;
  if (state.history.some((h) => h.seq === event.seq)) return state;
  const key = scopeKey(event.scope);
  const others = state.switches.filter((s) => scopeKey(s.scope) !== key);
  const switches =
    event.action === 'set' ? [...others, { scope: event.scope, mode: event.mode, reason: event.reason, setBy: event.by, setAt: event.at }] : others;
  const history = [...state.history, event].sort((a, b) => a.seq - b.seq);
  return { switches, history };
}
