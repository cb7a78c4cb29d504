import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterAll, describe, expect, it } from 'vitest';
import { readJournalFile } from '../../server/oms/journal.ts';
import { freshDataDir } from '../support/gateway.ts';

/**
 * Journal first, then acknowledge, under a real crash: the gateway runs as its
 * own process (node with tsx as a loader, so SIGKILL reaches the gateway itself),
 * takes a stream of orders, and is killed mid-stream. Every order it
 * acknowledged must be there after a restart on the same data directory.
 * (A killed process keeps what it wrote in the page cache; a power cut is what
 * the fdatasync before each ack is for, and no test here can pull the plug.)
 */
const children: ChildProcess[] = [];
const dirs: string[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function startGateway(dataDir: string, riskFile: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent', STATIC_DIR: join(dataDir, 'none'), RISK_LIMITS_FILE: riskFile, START_OF_DAY_FILE: 'none' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = out.match(/Terminal ready at http:\/\/([^/\s]+)\//);
      if (m) resolve({ child, url: `ws://${m[1]}/ws` });
    });
    child.once('exit', (code) => reject(new Error(`gateway exited (${code}) before it was ready: ${err}`)));
  });
}

interface Session {
  ws: WebSocket;
  messages: Array<{ type: string; reqId?: string; report?: { execType: string; order: { orderId: string; clOrdId: string } }; orders?: Array<{ orderId: string; clOrdId: string; status: string }> }>;
  instruments: Array<{ symbol: string; tickSize: string; referencePrice: string; lotSize: string }>;
  accounts: string[];
}

function login(url: string): Promise<Session> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    const s: Session = { ws, messages: [], instruments: [], accounts: [] };
    ws.once('error', reject);
    ws.on('message', (data) => {
      const msg = JSON.parse(String(data)) as Session['messages'][number] & { instruments?: Session['instruments']; user?: { accounts: string[] } };
      if (msg.type === 'loginOk') {
        s.instruments = msg.instruments ?? [];
        s.accounts = msg.user?.accounts ?? [];
        resolve(s);
      }
      s.messages.push(msg);
    });
    ws.once('open', () => ws.send(JSON.stringify({ type: 'login', reqId: 'login', username: 'trader1', password: 'demo' })));
  });
}

async function until(cond: () => boolean): Promise<void> {
  while (!cond()) await new Promise((r) => setTimeout(r, 5));
}

describe('crash recovery', { timeout: 120_000 }, () => {
  it('after a SIGKILL mid-stream, every order the gateway acknowledged is there on restart, once', async () => {
    const dataDir = freshDataDir();
    dirs.push(dataDir);
    // The shipped limits with the per-connection throttle and buying power opened up: this test is about the journal.
    const limits = JSON.parse(readFileSync('server/risk/risk-limits.json', 'utf8')) as Record<string, Record<string, unknown>>;
    limits.defaults = { ...limits.defaults, throttle: { maxOrders: 1_000_000, perMs: 1000 } };
    limits.accounts = { 'T1-MAIN': { buyingPower: '1000000000000' } };
    const riskFile = join(dataDir, 'risk-limits.json');
    writeFileSync(riskFile, JSON.stringify(limits));

    const first = await startGateway(dataDir, riskFile);
    const s = await login(first.url);
    const ins = s.instruments.find((i) => i.symbol === 'AAPL')!;
    const tick = Number(ins.tickSize);
    const places = (ins.tickSize.split('.')[1] ?? '').length;
    // Resting buys well under the market (display arithmetic only; the gateway checks the grid exactly).
    const price = (Math.floor(Number(ins.referencePrice) / tick) * tick * 0.98).toFixed(places);
    const acked = () => s.messages.filter((m) => m.type === 'execReport' && m.reqId?.startsWith('o') && m.report?.execType === 'pendingNew');
    let sent = 0;
    const burst = () => {
      for (let k = 0; k < 50; k++) {
        sent += 1;
        s.ws.send(
          JSON.stringify({ type: 'placeOrder', reqId: `o${sent}`, clOrdId: `crash-${sent}`, order: { symbol: 'AAPL', side: 'buy', type: 'limit', quantity: ins.lotSize, limitPrice: price, account: 'T1-MAIN', tif: 'gtc' } }),
        );
      }
    };
    // Keep orders flowing, and kill the gateway while some are acknowledged and more are still in flight.
    while (acked().length < 300) {
      burst();
      await new Promise((r) => setTimeout(r, 2));
    }
    burst();
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));
    const ackedIds = new Map(acked().map((m) => [m.report!.order.orderId, m.report!.order.clOrdId]));
    expect(ackedIds.size).toBeGreaterThanOrEqual(300);
    expect(sent).toBeGreaterThan(ackedIds.size);

    // The journal reads back whole: at most a torn last line, which no ack can depend on.
    const journal = readJournalFile(join(dataDir, 'orders.journal'));
    expect(journal.problems.filter((p) => !/unfinished last line/.test(p))).toEqual([]);

    const second = await startGateway(dataDir, riskFile);
    const again = await login(second.url);
    again.ws.send(JSON.stringify({ type: 'subscribeOrders', reqId: 'orders' }));
    await until(() => again.messages.some((m) => m.type === 'ordersSnapshot'));
    const snapshot = again.messages.find((m) => m.type === 'ordersSnapshot')!.orders!;
    const byId = new Map(snapshot.map((o) => [o.orderId, o]));
    // Every acknowledged order is back, with its own ClOrdID, working (GTC orders survive a restart).
    for (const [orderId, clOrdId] of ackedIds) {
      const o = byId.get(orderId);
      expect(o, `acknowledged order ${orderId} missing after the crash`).toBeDefined();
      expect(o!.clOrdId).toBe(clOrdId);
      expect(['pendingNew', 'new']).toContain(o!.status);
    }
    // Nothing twice: one order per ClOrdID.
    const clOrdIds = snapshot.map((o) => o.clOrdId);
    expect(new Set(clOrdIds).size).toBe(clOrdIds.length);
    again.ws.close();
    second.child.kill('SIGTERM');
    await new Promise((r) => second.child.once('exit', r));
  });
});
