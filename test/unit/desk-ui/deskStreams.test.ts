import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Connection } from '../../../src/streams/connection.ts';
import { createDeskSource } from '../../../src/streams/desk.ts';
import type { DeskState } from '../../../src/streams/deskState.ts';
import { createKillSwitchApi } from '../../../src/streams/killSwitch.ts';
import type { KillSwitchState } from '../../../src/streams/killSwitchState.ts';
import { type FakeSocket, fakeSockets, loginOk } from '../streams/fakeSocket.ts';

async function loggedIn() {
  const fake = fakeSockets();
  const conn = new Connection({ url: 'ws://gw/ws', createSocket: fake.factory, backoff: { initialMs: 100, maxMs: 100 }, log: () => undefined });
  conn.login('deskhead', 'demo').subscribe();
  const socket = fake.latest();
  socket.open();
  socket.receive(loginOk(socket.lastSent('login')?.reqId));
  await Promise.resolve();
  return { conn, fake };
}

const snapshot = (socket: FakeSocket, asOf: number, method = 'averageCost') =>
  socket.receive({ type: 'deskSnapshot', reqId: socket.lastSent('subscribeDesk')?.reqId, base: 'USD', method, asOf, lines: [], limits: [], alerts: [], pnlSeries: [] });

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('desk stream', () => {
  it('subscribes with the cost method, folds pushes after the snapshot, and unsubscribes when the last listener leaves', async () => {
    const { conn, fake } = await loggedIn();
    const socket = fake.latest();
    const seen: (DeskState | null)[] = [];
    const sub = createDeskSource(conn)('fifo').subscribe((s) => seen.push(s));
    expect(socket.lastSent('subscribeDesk')).toMatchObject({ type: 'subscribeDesk', method: 'fifo' });
    snapshot(socket, 1000, 'fifo');
    socket.receive({ type: 'deskAlert', alert: { id: 'a1', ts: 1, scope: 'trader', name: 'trader2', metric: 'grossExposure', symbol: null, level: 'breach', utilisation: '120.00', message: 'Breach', action: null } });
    socket.receive({ type: 'pnlPoints', points: [{ key: 'desk:Equities', time: 10, net: '-5.5' }] });
    const last = seen.at(-1)!;
    expect(last.method).toBe('fifo');
    expect(last.alerts.map((a) => a.id)).toEqual(['a1']);
    expect(last.series).toEqual([{ key: 'desk:Equities', label: 'Equities', points: [{ time: 10, net: '-5.5' }] }]);
    sub.unsubscribe();
    expect(socket.lastSent('unsubscribeDesk')).toMatchObject({ type: 'unsubscribeDesk' });
  });

  it('subscribes again after a reconnect and takes the fresh snapshot', async () => {
    const { conn, fake } = await loggedIn();
    const seen: (DeskState | null)[] = [];
    createDeskSource(conn)('averageCost').subscribe((s) => seen.push(s));
    snapshot(fake.latest(), 1000);
    fake.latest().drop();
    vi.advanceTimersByTime(100);
    const second = fake.latest();
    second.open();
    second.receive(loginOk(second.lastSent('login')?.reqId));
    expect(second.lastSent('subscribeDesk')).toMatchObject({ method: 'averageCost' });
    snapshot(second, 5000);
    expect(seen.at(-1)?.asOf).toBe(5000);
  });
});

describe('kill switch stream', () => {
  it('takes the snapshot, then both its own answers and others’ pushes, and sends a set with the trimmed reason', async () => {
    const { conn, fake } = await loggedIn();
    const socket = fake.latest();
    const api = createKillSwitchApi(conn);
    const seen: (KillSwitchState | null)[] = [];
    api.state$.subscribe((s) => seen.push(s));
    socket.receive({ type: 'killSwitchState', reqId: socket.lastSent('subscribeKillSwitch')?.reqId, switches: [], history: [] });

    let answered = 0;
    api.set({ kind: 'trader', trader: 'trader2' }, 'halted', '  runaway algo  ').subscribe(() => answered++);
    const set = socket.lastSent('setKillSwitch')!;
    expect(set).toMatchObject({ scope: { kind: 'trader', trader: 'trader2' }, mode: 'halted', reason: 'runaway algo' });
    socket.receive({ type: 'killSwitchEvent', reqId: set.reqId, event: { seq: 1, action: 'set', scope: { kind: 'trader', trader: 'trader2' }, mode: 'halted', reason: 'runaway algo', by: 'deskhead', at: 1 }, canceled: 2 });
    expect(answered).toBe(1);
    expect(seen.at(-1)?.switches).toHaveLength(1);

    // Another desk head clears it: a push without reqId.
    socket.receive({ type: 'killSwitchEvent', event: { seq: 2, action: 'clear', scope: { kind: 'trader', trader: 'trader2' }, mode: 'halted', reason: '', by: 'deskhead2', at: 2 } });
    expect(seen.at(-1)?.switches).toEqual([]);
    expect(seen.at(-1)?.history.map((h) => h.by)).toEqual(['deskhead', 'deskhead2']);
  });

  it('clears without a reason field when none is given', async () => {
    const { conn, fake } = await loggedIn();
    createKillSwitchApi(conn).clear({ kind: 'desk', desk: 'Equities' }, '   ').subscribe({ error: () => undefined });
    const sent = fake.latest().lastSent('clearKillSwitch')!;
    expect(sent).toMatchObject({ type: 'clearKillSwitch', scope: { kind: 'desk', desk: 'Equities' } });
    expect('reason' in sent).toBe(false);
  });
});
