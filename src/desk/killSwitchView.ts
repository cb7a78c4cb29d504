import type { DeskLineWire } from '../core/protocol/desk.ts';
import type { KillSwitchEventWire, KillSwitchScopeWire, KillSwitchWire } from '../core/protocol/risk.ts';
import { scopeKey } from '../streams/killSwitchState.ts';

/** A desk, a trader or everyone: what a desk head can halt, with the switch on it now, if any. */
export interface KillTarget {
  readonly key: string;
  readonly scope: KillSwitchScopeWire;
  readonly label: string;
  readonly current: KillSwitchWire | undefined;
}

export const MODE_LABEL = { halted: 'HALTED', reducing: 'REDUCING' } as const;

export function scopeLabel(scope: KillSwitchScopeWire): string {
  switch (scope.kind) {
    case 'trader':
      return scope.trader;
    case 'desk':
      return `Desk ${scope.desk}`;
    case 'all':
      return 'Everyone';
  }
}

/**
 * Everyone, each desk, then each trader: those in the roll-up, those with
 * orders today, and any already switched off (a halted trader who has gone
 * flat is still listed so the switch can be cleared).
 */
export function killTargets(lines: readonly DeskLineWire[], traders: Iterable<string>, desk: string, switches: readonly KillSwitchWire[]): KillTarget[] {
  const desks = new Set<string>([desk, ...lines.filter((l) => l.level === 'desk').map((l) => l.label)]);
  const people = new Set<string>([...traders, ...lines.filter((l) => l.level === 'trader').map((l) => l.label)]);
  for (const s of switches) {
    if (s.scope.kind === 'desk') desks.add(s.scope.desk);
    if (s.scope.kind === 'trader') people.add(s.scope.trader);
  }
  const scopes: KillSwitchScopeWire[] = [
    { kind: 'all' },
    ...[...desks].sort().map((d): KillSwitchScopeWire => ({ kind: 'desk', desk: d })),
    ...[...people].sort().map((t): KillSwitchScopeWire => ({ kind: 'trader', trader: t })),
  ];
  const byKey = new Map(switches.map((s) => [scopeKey(s.scope), s]));
  return scopes.map((scope) => ({ key: scopeKey(scope), scope, label: scopeLabel(scope), current: byKey.get(scopeKey(scope)) }));
}

const time = (ms: number): string => new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });

/** "HALTED by deskhead at 14:02:11: runaway algo". */
export function describeSwitch(s: KillSwitchWire, clock: (ms: number) => string = time): string {
  return `${MODE_LABEL[s.mode]} by ${s.setBy} at ${clock(s.setAt)}: ${s.reason}`;
}

/** One line of the history: who did what to whom, when and why. */
export function describeEvent(e: KillSwitchEventWire, clock: (ms: number) => string = time): string {
  const what = e.action === 'set' ? `set ${MODE_LABEL[e.mode]} on ${scopeLabel(e.scope)}` : `cleared ${MODE_LABEL[e.mode]} on ${scopeLabel(e.scope)}`;
  return `${clock(e.at)} ${e.by} ${what}${e.reason ? `: ${e.reason}` : ''}`;
}

export const MAX_REASON = 500;

/** The words the dialog shows under the reason, or null when it may be sent; the gateway checks the same. */
export function reasonProblem(reason: string, required: boolean): string | null {
  const text = reason.trim();
  if (required && text === '') return 'Say why: the reason is kept with the switch and shown to the trader.';
  if (text.length > MAX_REASON) return `The reason is longer than ${MAX_REASON} characters.`;
  return null;
}

/** What setting a switch does, in the words of the confirmation dialog. */
export function consequence(mode: 'halted' | 'reducing', scope: KillSwitchScopeWire): string {
  const whose = scope.kind === 'all' ? 'every trader' : scope.kind === 'desk' ? `every trader on ${scope.desk}` : scope.trader;
  return mode === 'halted'
    ? `Cancels the working orders of ${whose} and refuses every new order until a desk head clears it.`
    : `Cancels the working orders of ${whose}; until cleared, only orders that bring a position towards flat are accepted.`;
}
