import { firstValueFrom, lastValueFrom } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Connection, GatewayError, NotConnectedError } from '../../../src/streams/connection.ts';
import type { ConnectionStatus } from '../../../src/streams/connectionStatus.ts';
import { fakeSockets, loginOk } from './fakeSocket.ts';

function setup() {
  const fake = fakeSockets();
  const logs: string[] = [];
  const conn = new Connection({
    url: 'ws://gw/ws',
    createSocket: fake.factory,
    requestTimeoutMs: 1_000,
    backoff: { initialMs: 100, maxMs: 400 },
    log: (m) => logs.push(m),
  });
  const statuses: ConnectionStatus[] = [];
  conn.status$.subscribe((s) => statuses.push(s));
  return { conn, fake, logs, statuses };
}

/** Logs in through a fresh socket, answering as the gateway would. */
async function loggedIn() {
  const t = setup();
  const done = firstValueFrom(t.conn.login('trader1', 'demo'));
  const socket = t.fake.latest();
  socket.open();
  socket.receive(loginOk(socket.lastSent('login')?.reqId));
  await done;
  return t;
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('Connection login', () => {
  it('opens the socket on login and goes online when the gateway accepts', async () => {
    const { conn, fake, statuses } = await loggedIn();
    expect(fake.latest().url).toBe('ws://gw/ws');
    expect(fake.latest().lastSent('login')).toMatchObject({ username: 'trader1', password: 'demo' });
    expect(statuses).toEqual(['offline', 'connecting', 'connected', 'authenticating', 'online']);
    expect(conn.status).toBe('online');
  });

  it('passes the gateway refusal to the caller and stays connected for another try', async () => {
    const { conn, fake } = setup();
    const attempt = firstValueFrom(conn.login('trader1', 'wrong'));
    const socket = fake.latest();
    socket.open();
    socket.receive({ type: 'error', reqId: socket.lastSent('login')?.reqId, code: 'LOGIN_FAILED', message: 'unknown user or wrong password' });
    await expect(attempt).rejects.toEqual(new GatewayError('LOGIN_FAILED', 'unknown user or wrong password'));
    expect(conn.status).toBe('connected');
    expect(fake.sockets).toHaveLength(1);
  });

  it('reports an unreachable gateway and does not retry without a session', async () => {
    const { conn, fake } = setup();
    const attempt = firstValueFrom(conn.login('trader1', 'demo'));
    fake.latest().drop();
    await expect(attempt).rejects.toThrow('cannot reach the gateway');
    vi.advanceTimersByTime(10_000);
    expect(fake.sockets).toHaveLength(1);
    expect(conn.status).toBe('offline');
  });
});

describe('Connection reconnect', () => {
  it('reconnects with back-off and logs in again with the same credentials', async () => {
    const { conn, fake, statuses } = await loggedIn();
    statuses.length = 0;
    fake.latest().drop();
    expect(conn.status).toBe('reconnecting');
    vi.advanceTimersByTime(99);
    expect(fake.sockets).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(fake.sockets).toHaveLength(2);

    // The second attempt fails too: the wait doubles.
    fake.latest().drop();
    vi.advanceTimersByTime(199);
    expect(fake.sockets).toHaveLength(2);
    vi.advanceTimersByTime(1);
    const third = fake.latest();
    third.open();
    expect(third.lastSent('login')).toMatchObject({ username: 'trader1', password: 'demo' });
    third.receive(loginOk(third.lastSent('login')?.reqId));
    expect(statuses).toEqual(['reconnecting', 'reconnecting', 'reconnecting', 'reconnecting', 'authenticating', 'online']);
  });

  it('ends the session when the gateway refuses the re-login', async () => {
    const { conn, fake } = await loggedIn();
    const ends: unknown[] = [];
    conn.sessionEnd$.subscribe((e) => ends.push(e));
    fake.latest().drop();
    vi.advanceTimersByTime(100);
    const socket = fake.latest();
    socket.open();
    socket.receive({ type: 'error', reqId: socket.lastSent('login')?.reqId, code: 'LOGIN_FAILED', message: 'account disabled' });
    expect(ends).toEqual([{ reason: 'rejected', message: 'account disabled' }]);
    expect(conn.status).toBe('offline');
    vi.advanceTimersByTime(10_000);
    expect(fake.sockets).toHaveLength(2);
  });

  it('logout forgets the session: no reconnect afterwards', async () => {
    const { conn, fake } = await loggedIn();
    conn.logout();
    expect(fake.latest().lastSent('logout')).toBeDefined();
    expect(conn.status).toBe('offline');
    vi.advanceTimersByTime(10_000);
    expect(fake.sockets).toHaveLength(1);
  });
});

describe('Connection request', () => {
  it('matches the response by reqId and ignores others', async () => {
    const { conn, fake } = await loggedIn();
    const socket = fake.latest();
    const answer = lastValueFrom(conn.request<'clientBook'>({ type: 'clientBook' }));
    const reqId = socket.lastSent('clientBook')?.reqId;
    socket.receive({ type: 'clientBook', reqId: 'someone-else', clients: [] });
    socket.receive({ type: 'clientBook', reqId, clients: [] });
    await expect(answer).resolves.toEqual({ type: 'clientBook', reqId, clients: [] });
  });

  it('gives each request its own reqId', async () => {
    const { conn, fake } = await loggedIn();
    conn.request<'clientBook'>({ type: 'clientBook' }).subscribe({ error: () => undefined });
    conn.request<'clientBook'>({ type: 'clientBook' }).subscribe({ error: () => undefined });
    const ids = fake.latest().sent.map((m) => m.reqId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('fails after the timeout when nothing answers', async () => {
    const { conn } = await loggedIn();
    const answer = lastValueFrom(conn.request<'clientBook'>({ type: 'clientBook' }));
    vi.advanceTimersByTime(1_000);
    await expect(answer).rejects.toThrow('clientBook got no answer within 1 s');
  });

  it('fails at once when the socket is not open', async () => {
    const { conn } = setup();
    await expect(lastValueFrom(conn.request<'clientBook'>({ type: 'clientBook' }))).rejects.toBeInstanceOf(NotConnectedError);
  });

  it('drops and logs a frame that does not match the protocol', async () => {
    const { conn, fake, logs } = await loggedIn();
    const seen: string[] = [];
    conn.messages$.subscribe((m) => seen.push(m.type));
    fake.latest().receive({ type: 'quotes', quotes: [{ symbol: 'AAPL', bid: 1 }] });
    fake.latest().receive('not json');
    fake.latest().receive({ type: 'pong', serverTime: 1 });
    expect(seen).toEqual(['pong']);
    expect(logs.filter((l) => l.startsWith('dropped a frame'))).toHaveLength(2);
  });
});
