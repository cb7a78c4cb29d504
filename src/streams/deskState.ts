import type { ServerMessageOf } from '../core/protocol.ts';
import type { AlertWire, DeskLineWire, LimitUsageWire } from '../core/protocol/desk.ts';
import type { CostMethod } from '../core/pnl/inventory.ts';

/** One intraday P&L line (a trader or the desk): net P&L in base currency, one point per sample. */
export interface PnlSeries {
  readonly key: string;
  readonly label: string;
  readonly points: readonly { readonly time: number; readonly net: string }[];
}

/** The desk monitor as the gateway last described it; null until the first snapshot. */
export interface DeskState {
  readonly base: string;
  readonly method: CostMethod;
  readonly asOf: number;
  readonly lines: readonly DeskLineWire[];
  readonly limits: readonly LimitUsageWire[];
  /** Newest first, at most MAX_ALERTS. */
  readonly alerts: readonly AlertWire[];
  readonly series: readonly PnlSeries[];
}

export type DeskEvent =
  | { kind: 'snapshot'; msg: ServerMessageOf<'deskSnapshot'> }
  | { kind: 'update'; msg: ServerMessageOf<'deskUpdate'> }
  | { kind: 'alert'; alert: AlertWire }
  | { kind: 'points'; points: ServerMessageOf<'pnlPoints'>['points'] };

/** A feed is for reading what happens now: older alerts than this are dropped from the screen. */
export const MAX_ALERTS = 200;
/** A day of 10 s samples, as the gateway keeps. */
export const MAX_POINTS = 24 * 360;

/**
 * Folds the gateway's desk messages into one state. Pushes before the first
 * snapshot (left over from a previous subscription) are ignored: the
 * snapshot that follows carries them.
 */
export function reduceDesk(state: DeskState | null, event: DeskEvent): DeskState | null {
  if (event.kind === 'snapshot') {
    const m = event.msg;
    return {
      base: m.base,
      method: m.method,
      asOf: m.asOf,
      lines: m.lines,
      limits: m.limits,
      alerts: [...m.alerts].sort((a, b) => b.ts - a.ts).slice(0, MAX_ALERTS),
      series: m.pnlSeries.map((s) => ({ key: s.key, label: s.label, points: s.points })),
    };
  }
  if (state === null) return null;
  switch (event.kind) {
    case 'update':
      // A late update from before a reconnect must not overwrite a newer picture.
      if (event.msg.asOf < state.asOf) return state;
      return { ...state, asOf: event.msg.asOf, lines: event.msg.lines, limits: event.msg.limits };
    case 'alert':
      if (state.alerts.some((a) => a.id === event.alert.id)) return state;
      return { ...state, alerts: [event.alert, ...state.alerts].slice(0, MAX_ALERTS) };
    case 'points':
      return { ...state, series: addPoints(state.series, event.points) };
  }
}

/** A point at a time already held replaces it (the gateway re-samples within a second); a new key starts a series. */
export function addPoints(series: readonly PnlSeries[], points: readonly { key: string; time: number; net: string }[]): PnlSeries[] {
  const byKey = new Map(series.map((s) => [s.key, { ...s, points: [...s.points] }]));
  for (const p of points) {
    let s = byKey.get(p.key);
    if (!s) {
      s = { key: p.key, label: labelOfKey(p.key), points: [] };
      byKey.set(p.key, s);
    }
    const last = s.points.at(-1);
    if (last && last.time === p.time) s.points[s.points.length - 1] = { time: p.time, net: p.net };
    else if (!last || last.time < p.time) s.points.push({ time: p.time, net: p.net });
    if (s.points.length > MAX_POINTS) s.points.shift();
  }
  return [...byKey.values()];
}

/** "trader:trader1" → "trader1": the label of a series first seen in a push. */
export function labelOfKey(key: string): string {
  const colon = key.indexOf(':');
  return colon === -1 ? key : key.slice(colon + 1);
}
