import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestGateway, startTestGateway } from '../support/gateway.ts';
import { connect } from '../support/wsClient.ts';
import { MAX_FRAME_BYTES } from '../../src/core/protocol.ts';
import { HARD_FRAME_LIMIT_BYTES } from '../../server/transport/wsGateway.ts';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(async () => {
  await gw.dispose();
});

describe('login', () => {
  it('greets with hello, then logs a trader in with their profile and every instrument', async () => {
    const c = await connect(gw.wsUrl);
    const hello = await c.next('hello');
    expect(hello.protocol).toBe(1);
    const ok = await c.login('trader1', 'demo');
    expect(ok.user).toEqual({ username: 'trader1', displayName: 'Tara Quinn', role: 'trader', desk: 'Equities', accounts: ['T1-HEDGE', 'T1-MAIN'] });
    const aapl = ok.instruments.find((i) => i.symbol === 'AAPL');
    expect(aapl).toMatchObject({ tickSize: '0.01', lotSize: '100', currency: 'USD' });
    expect(ok.instruments.length).toBe(gw.marketData.instruments.all().length);
    await c.close();
  });

  it("gives an advisor their clients' accounts", async () => {
    const c = await connect(gw.wsUrl);
    const ok = await c.login('advisor1');
    expect(ok.user.role).toBe('advisor');
    expect(ok.user.accounts.length).toBeGreaterThanOrEqual(6);
    for (const a of ok.user.accounts) expect(a).toMatch(/^A-\d+$/);
    await c.close();
  });

  it('refuses a wrong password and an unknown user with LOGIN_FAILED, and stays open', async () => {
    const c = await connect(gw.wsUrl);
    const wrong = await c.request({ type: 'login', username: 'trader1', password: 'nope' });
    expect(wrong).toMatchObject({ type: 'error', code: 'LOGIN_FAILED', message: 'wrong username or password' });
    const unknown = await c.request({ type: 'login', username: 'mallory', password: 'demo' });
    expect(unknown).toMatchObject({ type: 'error', code: 'LOGIN_FAILED' });
    expect(c.isOpen).toBe(true);
    const ok = await c.login('trader1');
    expect(ok.user.username).toBe('trader1');
    await c.close();
  });

  it('closes the connection after three failed logins', async () => {
    const c = await connect(gw.wsUrl);
    for (let i = 0; i < 3; i++) {
      const r = await c.request({ type: 'login', username: 'trader1', password: `bad${i}` });
      expect(r).toMatchObject({ type: 'error', code: 'LOGIN_FAILED' });
    }
    expect(await c.closed).toMatchObject({ code: 1008 });
  });

  it('answers a valid message before login with NOT_AUTHENTICATED and keeps the connection', async () => {
    const c = await connect(gw.wsUrl);
    const r = await c.request({ type: 'subscribe', symbols: ['AAPL'] });
    expect(r).toMatchObject({ type: 'error', code: 'NOT_AUTHENTICATED' });
    const pong = await c.request({ type: 'ping', ts: 5 });
    expect(pong).toMatchObject({ type: 'pong', ts: 5 });
    await c.login('trader2');
    await c.close();
  });

  it('answers a bad frame before login with its error, then closes with 1008', async () => {
    const c = await connect(gw.wsUrl);
    c.sendRaw('{not json');
    expect(await c.next('error')).toMatchObject({ code: 'BAD_JSON' });
    expect(await c.closed).toMatchObject({ code: 1008 });
  });

  it('after login, names the problem of a bad frame, echoes its reqId and goes on', async () => {
    const c = await connect(gw.wsUrl);
    await c.login('trader1');
    c.sendRaw(JSON.stringify({ type: 'subscribe', reqId: 'x1', symbols: [] }));
    const err = await c.next('error');
    expect(err).toMatchObject({ code: 'BAD_MESSAGE', reqId: 'x1' });
    expect(err.message).toContain('symbols');
    c.sendRaw(Buffer.from([1, 2, 3]));
    expect(await c.next('error')).toMatchObject({ code: 'BAD_MESSAGE' });
    const again = await c.request({ type: 'login', username: 'trader1', password: 'demo' });
    expect(again).toMatchObject({ type: 'error', code: 'ALREADY_AUTHENTICATED' });
    expect(await c.request({ type: 'ping' })).toMatchObject({ type: 'pong' });
    await c.close();
  });

  it('answers a frame over the size limit with TOO_LARGE, and drops a connection that sends one past the hard cap', async () => {
    const c = await connect(gw.wsUrl);
    await c.login('trader1');
    c.sendRaw(JSON.stringify({ type: 'ping', pad: 'x'.repeat(MAX_FRAME_BYTES) }));
    expect(await c.next('error')).toMatchObject({ code: 'TOO_LARGE' });
    expect(await c.request({ type: 'ping' })).toMatchObject({ type: 'pong' });
    c.sendRaw('x'.repeat(HARD_FRAME_LIMIT_BYTES + 1));
    expect(await c.closed).toMatchObject({ code: 1009 });
  });

  it('logs out and then needs a login again', async () => {
    const c = await connect(gw.wsUrl);
    await c.login('deskhead');
    expect(await c.request({ type: 'logout' })).toMatchObject({ type: 'loggedOut' });
    expect(await c.request({ type: 'subscribeOrders' })).toMatchObject({ type: 'error', code: 'NOT_AUTHENTICATED' });
    await c.close();
  });
});
