import { describe, expect, it } from 'vitest';
import type { ServerMessageOf } from '../../../src/core/protocol.ts';
import type { AlertWire } from '../../../src/core/protocol/desk.ts';
import type { KillSwitchEventWire } from '../../../src/core/protocol/risk.ts';
import { MAX_ALERTS, addPoints, reduceDesk } from '../../../src/streams/deskState.ts';
import { reduceKillSwitch, scopeKey } from '../../../src/streams/killSwitchState.ts';

const snapshot = (over: Partial<ServerMessageOf<'deskSnapshot'>> = {}): ServerMessageOf<'deskSnapshot'> => ({
  type: 'deskSnapshot',
  base: 'USD',
  method: 'averageCost',
  asOf: 1000,
  lines: [],
  limits: [],
  alerts: [],
  pnlSeries: [{ key: 'desk:Equities', label: 'Equities', points: [{ time: 1, net: '0' }] }],
  ...over,
});
const alert = (id: string, ts: number): AlertWire => ({ id, ts, scope: 'trader', name: 'trader2', metric: 'grossExposure', symbol: null, level: 'breach', utilisation: '120.00', message: 'Breach', action: null });

describe('desk state', () => {
  it('ignores pushes until the snapshot, then takes the whole roll-up from each update', () => {
    expect(reduceDesk(null, { kind: 'update', msg: { type: 'deskUpdate', asOf: 5, lines: [], limits: [] } })).toBeNull();
    const s = reduceDesk(null, { kind: 'snapshot', msg: snapshot() })!;
    const line = { id: 'Equities', parentId: null, level: 'desk', label: 'Equities', positions: 0, quantity: null, priceCurrency: null, averagePrice: null, mark: null, marketValue: '0', grossExposure: '0', netExposure: '0', realized: '0', unrealized: '0', daily: '0', fees: '0', dailyNet: '0' } as const;
    const next = reduceDesk(s, { kind: 'update', msg: { type: 'deskUpdate', asOf: 2000, lines: [line], limits: [] } })!;
    expect(next.lines).toEqual([line]);
    expect(next.asOf).toBe(2000);
    // An older update (from before a resubscription) does not overwrite a newer picture.
    expect(reduceDesk(next, { kind: 'update', msg: { type: 'deskUpdate', asOf: 1500, lines: [], limits: [] } })).toBe(next);
  });

  it('puts new alerts on top, once each, and keeps at most MAX_ALERTS', () => {
    let s = reduceDesk(null, { kind: 'snapshot', msg: snapshot({ alerts: [alert('a1', 1), alert('a2', 2)] }) })!;
    expect(s.alerts.map((a) => a.id)).toEqual(['a2', 'a1']);
    s = reduceDesk(s, { kind: 'alert', alert: alert('a3', 3) })!;
    expect(reduceDesk(s, { kind: 'alert', alert: alert('a3', 3) })).toBe(s);
    expect(s.alerts.map((a) => a.id)).toEqual(['a3', 'a2', 'a1']);
    for (let i = 0; i < MAX_ALERTS + 10; i++) s = reduceDesk(s, { kind: 'alert', alert: alert(`x${i}`, 10 + i) })!;
    expect(s.alerts).toHaveLength(MAX_ALERTS);
    expect(s.alerts[0]!.id).toBe(`x${MAX_ALERTS + 9}`);
  });

  it('appends P&L points, replaces a re-sampled second, and starts a series for a new key', () => {
    const series = addPoints(
      [{ key: 'desk:Equities', label: 'Equities', points: [{ time: 1, net: '0' }] }],
      [
        { key: 'desk:Equities', time: 1, net: '5' },
        { key: 'desk:Equities', time: 11, net: '7.5' },
        { key: 'trader:trader2', time: 11, net: '-3' },
        { key: 'desk:Equities', time: 5, net: '99' },
      ],
    );
    expect(series).toEqual([
      { key: 'desk:Equities', label: 'Equities', points: [{ time: 1, net: '5' }, { time: 11, net: '7.5' }] },
      { key: 'trader:trader2', label: 'trader2', points: [{ time: 11, net: '-3' }] },
    ]);
  });
});

const ev = (seq: number, action: 'set' | 'clear', trader: string, mode: 'halted' | 'reducing' = 'halted'): KillSwitchEventWire => ({
  seq,
  action,
  scope: { kind: 'trader', trader },
  mode,
  reason: `r${seq}`,
  by: 'deskhead',
  at: seq * 1000,
});

describe('kill switch state', () => {
  it('a set adds or replaces the switch on its scope, a clear removes it, and both go into the history once', () => {
    let s = reduceKillSwitch(null, { kind: 'snapshot', switches: [], history: [] })!;
    s = reduceKillSwitch(s, { kind: 'event', event: ev(1, 'set', 'trader2', 'reducing') })!;
    s = reduceKillSwitch(s, { kind: 'event', event: ev(2, 'set', 'trader2', 'halted') })!;
    expect(s.switches).toEqual([{ scope: { kind: 'trader', trader: 'trader2' }, mode: 'halted', reason: 'r2', setBy: 'deskhead', setAt: 2000 }]);
    expect(reduceKillSwitch(s, { kind: 'event', event: ev(2, 'set', 'trader2', 'halted') })).toBe(s);
    s = reduceKillSwitch(s, { kind: 'event', event: ev(3, 'clear', 'trader2') })!;
    expect(s.switches).toEqual([]);
    expect(s.history.map((h) => `${h.seq}:${h.action}`)).toEqual(['1:set', '2:set', '3:clear']);
  });

  it('ignores events before the first snapshot (the snapshot holds them)', () => {
    expect(reduceKillSwitch(null, { kind: 'event', event: ev(1, 'set', 'trader1') })).toBeNull();
  });

  it('keys scopes apart', () => {
    expect(new Set([scopeKey({ kind: 'all' }), scopeKey({ kind: 'desk', desk: 'x' }), scopeKey({ kind: 'trader', trader: 'x' })]).size).toBe(3);
  });
});
