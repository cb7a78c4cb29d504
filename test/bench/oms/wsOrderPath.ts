/**
 * The order path over the real WebSocket: a gateway in its own process (so the
 * clients' work is not charged to it), real `ws` clients on loopback, every
 * event journaled to SQLite (WAL, synchronous=FULL) before the ack.
 *
 * After 1,000 warm-up orders (not measured) and a ping/pong baseline, two measurements:
 *  - sustained: each session keeps a window of orders outstanding; acks per
 *    second over the run. It comes first: an overloaded gateway would still be
 *    answering the paced backlog.
 *  - paced: orders sent at a fixed rate (5,000/s by default) spread over a few
 *    sessions; submit-to-ack latency p50/p99/max, where the ack is the first
 *    execReport answering the placeOrder's reqId (PendingNew, or Rejected);
 *    orders still unanswered 10 s after the last is sent are counted apart.
 * The orders are limit buys two ticks under each instrument's reference price:
 * meant to rest, so working orders pile up into the tens of thousands over a
 * run; but the simulated market drifts from the reference, and some of them
 * trade at once against the market maker (fills, position updates, re-quotes).
 * The run counts the trade reports its sessions receive, so each figure says
 * what mix it was measured on.
 * The baselines of the same run: a ping/pong round trip on the same sockets
 * at the same pace (the gateway's transport, no order work), and the same
 * client at the same pace against a bare `ws` echo server in its own process
 * (the machine's floor under any round trip: loopback, scheduler, `ws`).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { createTurnCork } from '../../../server/transport/turnCork.ts';
import { GATEWAY_NODE_FLAGS } from '../gatewayFlags.ts';

export interface WsSectionOptions {
  /** Orders per second in the paced run. */
  rate: number;
  pacedSeconds: number;
  sustainedSeconds: number;
  /** Orders outstanding per session in the sustained run. */
  window: number;
  sessions: number;
  /** Extra environment for the gateway (e.g. JOURNAL_GROUP_COMMIT=0 for the per-event-fsync baseline). */
  env?: Record<string, string>;
  /** Orders sent (and answered) before anything is measured; 1,000 when not given. */
  warmupOrders?: number;
  /** Extra node flags for the gateway process (e.g. --cpu-prof to profile it under this load). */
  nodeArgs?: string[];
}

export const DEFAULT_WS_OPTIONS: WsSectionOptions = { rate: 5000, pacedSeconds: 5, sustainedSeconds: 5, window: 256, sessions: 4 };

export interface LatencyFigures {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

export interface WsSectionResult {
  section: 'ws-order-path';
  /** `unanswered`: orders with no ack when the drain gave up (an overloaded gateway); they are not in the latencies. */
  paced: LatencyFigures & { rate: number; achievedRate: number; rejected: number; unanswered: number; cpuMicrosPerOrder: number; tradesPerOrder: number };
  pingBaseline: LatencyFigures;
  /** The same pings against a bare ws echo server (test/bench/oms/echoServer.ts): what this machine allows any round trip. */
  echoFloor: LatencyFigures;
  /** Pongs per second with the sustained window of pings outstanding: what the transport and this client manage without any order work. */
  pingCeiling: number;
  /** cpuMicrosPerOrder: the gateway process's CPU time (user + system, all threads) over the window ÷ acks; a machine busy with other work does not inflate it. */
  /** tradesPerOrder: trade reports received over the window ÷ acks (an order can trade in several fills, or later). */
  sustained: { ordersPerSecond: number; acks: number; seconds: number; rejected: number; cpuMicrosPerOrder: number; clientCpuMicrosPerOrder: number; tradesPerOrder: number };
  rejectReasons: string[];
}

/** CPU time a process has used so far, in µs (Linux /proc; NaN elsewhere). */
function processCpuMicros(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime are fields 14 and 15 of stat, in clock ticks (100 a second on Linux).
    return ((Number(fields[11]) + Number(fields[12])) / 100) * 1e6;
  } catch {
    return Number.NaN;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

function figures(samples: number[]): LatencyFigures {
  const s = [...samples].sort((a, b) => a - b);
  return { count: s.length, p50: percentile(s, 50), p99: percentile(s, 99), max: s[s.length - 1] ?? Number.NaN };
}

export async function startGatewayProcess(env: Record<string, string>, nodeArgs: readonly string[] = []): Promise<{ child: ChildProcess; port: number; dataDir: string }> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'fot-bench-oms-'));
  // The shipped limits, loosened so the benchmark measures the path and not the throttle: the order-rate
  // throttle (20/s a connection), buying power and the restricted lists would refuse most of the load.
  const limits = JSON.parse(readFileSync('server/risk/risk-limits.json', 'utf8')) as Record<string, Record<string, unknown>>;
  limits.defaults = { ...limits.defaults, throttle: { maxOrders: 1_000_000, perMs: 1000 }, restricted: {}, positionLimit: { default: '1000000000' } };
  limits.desks = {};
  limits.nonTradable = {};
  limits.accounts = Object.fromEntries(['T1-MAIN', 'T1-HEDGE', 'T2-MAIN'].map((a) => [a, { buyingPower: '1000000000000' }]));
  const riskFile = join(dataDir, 'bench-risk-limits.json');
  writeFileSync(riskFile, JSON.stringify(limits));
  // Likewise the desk's monitored limits: a breach would put the benchmark's traders into REDUCING.
  const deskFile = join(dataDir, 'bench-desk-limits.json');
  writeFileSync(deskFile, JSON.stringify({ traders: { default: { grossExposure: '1000000000000' } }, desks: { default: { grossExposure: '1000000000000' } } }));
  // As `npm run serve` starts it (package.json).
  const child = spawn(process.execPath, [...GATEWAY_NODE_FLAGS, ...nodeArgs, '--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', STATIC_DIR: join(dataDir, 'none'), RISK_LIMITS_FILE: riskFile, DESK_LIMITS_FILE: deskFile, START_OF_DAY_FILE: 'none', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr?.on('data', (d) => (err += String(d)));
  // BENCH_GATEWAY_OUT=<file>: keep everything the gateway prints (e.g. with --trace-gc in nodeArgs) for a closer look.
  const keep = process.env.BENCH_GATEWAY_OUT;
  if (keep) child.stdout?.on('data', (d) => appendFileSync(keep, String(d)));
  child.stdout?.on('data', (d) => {
    // The gateway logs JSON lines at warn and above: keep the last few to explain a bad run.
    for (const line of String(d).split('\n')) if (line.startsWith('{')) err += `${line}\n`;
  });
  child.once('exit', (code, signal) => {
    if (signal !== 'SIGTERM' && code !== 0) console.error(`the gateway exited during the benchmark (${code ?? signal}):\n${err.slice(-3000)}`);
  });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`gateway did not start in 60 s: ${err}`)), 60_000);
    child.stdout?.on('data', (d) => {
      out += String(d);
      if (out.includes('Terminal ready')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`gateway exited (${code}): ${err}`)));
  });
  return { child, port, dataDir };
}

/** The same client and pace against a bare echo server: the floor under every round trip on this machine. */
async function measureEchoFloor(rate: number, seconds: number, sessionCount: number): Promise<LatencyFigures> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/bench/oms/echoServer.ts'], { env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the echo server did not start in 30 s')), 30_000);
      child.stdout?.on('data', (d) => {
        if (String(d).includes('echo ready')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    const sockets = await Promise.all(
      Array.from({ length: sessionCount }, () => new Promise<WebSocket>((resolve, reject) => {
        const ws = new WebSocket(`ws://127.0.0.1:${port}`);
        ws.once('open', () => resolve(ws));
        ws.once('error', reject);
      })),
    );
    const pending = new Map<string, number>();
    const samples: number[] = [];
    for (const ws of sockets)
      ws.on('message', (data) => {
        const { reqId } = JSON.parse(String(data)) as { reqId: string };
        const at = pending.get(reqId);
        if (at === undefined) return;
        pending.delete(reqId);
        samples.push(performance.now() - at);
      });
    // A second of warm-up (JIT, socket buffers), not measured.
    await pace(rate, 1, (i) => sockets[i % sockets.length]!.send(JSON.stringify({ type: 'ping', reqId: `w${i}` })));
    await sleep(200);
    await pace(rate, seconds, (i) => {
      const reqId = `e${i}`;
      pending.set(reqId, performance.now());
      sockets[i % sockets.length]!.send(JSON.stringify({ type: 'ping', reqId }));
    });
    const end = performance.now() + 5000;
    while (pending.size > 0 && performance.now() < end) await sleep(20);
    for (const ws of sockets) ws.terminate();
    return figures(samples);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

interface Session {
  ws: WebSocket;
  pending: Map<string, number>;
  /** Trade reports received (fills of this session's orders), counted without parsing. */
  trades: number;
  onAck?: (reqId: string, sentAt: number, msg: { type: string; report?: { execType: string; order: { text: string } } }) => void;
}

const REQ_ID_KEY = Buffer.from('"reqId"');
const TRADE_KEY = Buffer.from('"execType":"trade"');

/**
 * The orders a session sends in one turn of this client's event loop leave in one write, as a busy trading client
 * coalesces them: one socket write per order cost this client more CPU than the gateway's helper threads could spare
 * on the machine's two cores. The gateway still receives, parses and answers every order as its own frame.
 */
const corkForThisTurn = createTurnCork();

export function openSession(port: number, username: string): Promise<{ session: Session; instruments: Array<{ symbol: string; tickSize: string; referencePrice: string; lotSize: string }>; accounts: string[] }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`);
    const session: Session = { ws, pending: new Map(), trades: 0 };
    ws.once('error', reject);
    let loggedIn = false;
    ws.on('message', (data: Buffer) => {
      // Once logged in, only a frame answering a request (it carries a reqId) is read: the reports that follow an ack
      // (New, fills) and heartbeats are skipped unparsed, so this client leaves the machine's cores to the gateway.
      if (loggedIn && data.indexOf(TRADE_KEY) >= 0) session.trades += 1;
      if (loggedIn && data.indexOf(REQ_ID_KEY) < 0) return;
      const msg = JSON.parse(String(data)) as { type: string; reqId?: string; user?: { accounts: string[] }; instruments?: never };
      if (msg.type === 'loginOk') {
        loggedIn = true;
        resolve({ session, instruments: msg.instruments ?? [], accounts: msg.user?.accounts ?? [] });
        return;
      }
      const id = msg.reqId;
      if (id === undefined) return;
      const sentAt = session.pending.get(id);
      if (sentAt === undefined) return;
      session.pending.delete(id);
      session.onAck?.(id, sentAt, msg as never);
    });
    ws.once('open', () => ws.send(JSON.stringify({ type: 'login', reqId: 'login', username, password: 'demo' })));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A limit price well inside any collar but unlikely to trade at once: two ticks under the reference. */
function restingBuyPrice(ins: { tickSize: string; referencePrice: string }): string {
  const tick = Number(ins.tickSize);
  const ref = Number(ins.referencePrice);
  const decimals = (ins.tickSize.split('.')[1] ?? '').length;
  // Display only: the gateway checks the tick grid exactly, and this arithmetic stays far from float limits.
  return (Math.floor(ref / tick) * tick - 2 * tick).toFixed(decimals);
}

export async function runWsSection(options: WsSectionOptions = DEFAULT_WS_OPTIONS, log: (line: string) => void = () => {}): Promise<WsSectionResult> {
  log(`floor: a bare ws echo server at ${options.rate}/s for ${options.pacedSeconds} s…`);
  const echoFloor = await measureEchoFloor(options.rate, options.pacedSeconds, options.sessions);
  const gw = await startGatewayProcess(options.env ?? {}, options.nodeArgs);
  const users = ['trader1', 'trader2'];
  const sessions: Session[] = [];
  const templates = new Map<string, Array<{ symbol: string; price: string; lot: string; account: string }>>();
  try {
    for (let i = 0; i < options.sessions; i++) {
      const user = users[i % users.length]!;
      const { session, instruments, accounts } = await openSession(gw.port, user);
      sessions.push(session);
      const equities = instruments.filter((x) => /^[A-Z]{1,5}$/.test(x.symbol)).slice(0, 50);
      if (!templates.has(user)) {
        templates.set(user, equities.map((ins) => ({ symbol: ins.symbol, price: restingBuyPrice(ins), lot: ins.lotSize, account: accounts[0] ?? '' })));
      }
    }
    const templateFor = (sessionIndex: number, n: number) => {
      const mine = templates.get(users[sessionIndex % users.length]!)!;
      return mine[n % mine.length]!;
    };
    let seq = 0;
    const rejectReasons = new Set<string>();
    const send = (si: number) => {
      const s = sessions[si]!;
      const t = templateFor(si, seq);
      const reqId = `o${++seq}`;
      s.pending.set(reqId, performance.now());
      corkForThisTurn(s.ws);
      s.ws.send(JSON.stringify({ type: 'placeOrder', reqId, clOrdId: `B${process.pid}-${seq}`, order: { symbol: t.symbol, side: 'buy', type: 'limit', quantity: t.lot, limitPrice: t.price, account: t.account, tif: 'day' } }));
    };

    // Warm-up, not measured: the first orders pay for compiling the order path (tsx, then the JIT); the issue's targets are about a running gateway.
    const warmup = options.warmupOrders ?? 1000;
    if (warmup > 0) {
      log(`warm-up: ${warmup} orders, not measured…`);
      let left = warmup;
      sessions.forEach((s, si) => {
        s.onAck = () => {
          if (left > 0) {
            left -= 1;
            send(si);
          }
        };
      });
      sessions.forEach((_s, si) => {
        for (let k = 0; k < 16 && left > 0; k++, left--) send(si);
      });
      while (left > 0) await sleep(20);
      await drain(sessions, 30_000);
      for (const s of sessions) s.pending.clear();
    }

    // Ping baseline at the same pace, same sockets.
    const pings: number[] = [];
    for (const s of sessions) s.onAck = (_id, at, msg) => msg.type === 'pong' && pings.push(performance.now() - at);
    await pace(options.rate, 2, (i) => {
      const s = sessions[i % sessions.length]!;
      const reqId = `p${i}`;
      s.pending.set(reqId, performance.now());
      s.ws.send(JSON.stringify({ type: 'ping', reqId }));
    });
    // Every pong is in before the orders start: a late one must not count as an order's ack.
    await drain(sessions, 10_000);
    for (const s of sessions) s.pending.clear();

    // The transport's ceiling on these sockets with this client: pings with the sustained run's window, for 3 s.
    // An order costs at least this much (a frame in, a frame out) and then two reports, so no order rate can pass it.
    let pongs = 0;
    let pinging = true;
    let pingSeq = 0;
    const ping = (s: Session) => {
      const reqId = `c${++pingSeq}`;
      s.pending.set(reqId, performance.now());
      s.ws.send(JSON.stringify({ type: 'ping', reqId }));
    };
    for (const s of sessions)
      s.onAck = () => {
        pongs += 1;
        if (pinging) ping(s);
      };
    const c0 = performance.now();
    for (const s of sessions) for (let k = 0; k < options.window; k++) ping(s);
    await sleep(3000);
    pinging = false;
    const pingCeiling = pongs / ((performance.now() - c0) / 1000);
    await drain(sessions, 10_000);
    for (const s of sessions) s.pending.clear();

    // Sustained first, a window per session: run after the paced load, an overloaded gateway (one fsync per event) would
    // still be answering the paced backlog and the window would measure nothing.
    log(`sustained: ${options.window} outstanding per session for ${options.sustainedSeconds} s…`);
    let acks = 0;
    let sustainedRejected = 0;
    let running = true;
    sessions.forEach((s, si) => {
      s.onAck = (_id, _at, msg) => {
        acks += 1;
        if (msg.type !== 'execReport' || msg.report?.execType === 'rejected') {
          sustainedRejected += 1;
          rejectReasons.add(msg.report?.order.text ?? msg.type);
        }
        if (running) send(si);
      };
    });
    const s0 = performance.now();
    const cpu0 = processCpuMicros(gw.child.pid);
    // The client shares this machine's two cores with the gateway: what it uses, the gateway's helper threads cannot.
    const clientCpu0 = process.cpuUsage();
    const trades0 = tradesSoFar(sessions);
    sessions.forEach((_s, si) => {
      for (let k = 0; k < options.window; k++) send(si);
    });
    await sleep(options.sustainedSeconds * 1000);
    running = false;
    const seconds = (performance.now() - s0) / 1000;
    const acksInWindow = acks;
    const cpuMicrosPerOrder = (processCpuMicros(gw.child.pid) - cpu0) / Math.max(1, acksInWindow);
    const clientCpu = process.cpuUsage(clientCpu0);
    const clientCpuMicrosPerOrder = (clientCpu.user + clientCpu.system) / Math.max(1, acksInWindow);
    const sustainedTradesPerOrder = (tradesSoFar(sessions) - trades0) / Math.max(1, acksInWindow);
    await drain(sessions, 20_000);
    for (const s of sessions) s.pending.clear();

    // Paced orders.
    const latencies: number[] = [];
    // BENCH_SAMPLES_OUT=<file>: each paced order's send time and latency (ms), to see whether the tail comes in clusters (pauses) or spread (queueing).
    const samples: string[] = [];
    let pacedRejected = 0;
    for (const s of sessions)
      s.onAck = (_id, at, msg) => {
        latencies.push(performance.now() - at);
        samples.push(`${at.toFixed(3)} ${(performance.now() - at).toFixed(3)}`);
        if (msg.type !== 'execReport' || msg.report?.execType === 'rejected') {
          pacedRejected += 1;
          rejectReasons.add(msg.report?.order.text ?? msg.type);
        }
      };
    log(`paced: ${options.rate} orders/s for ${options.pacedSeconds} s over ${sessions.length} sessions…`);
    const t0 = performance.now();
    const pacedCpu0 = processCpuMicros(gw.child.pid);
    const pacedTrades0 = tradesSoFar(sessions);
    const sent = await pace(options.rate, options.pacedSeconds, (i) => send(i % sessions.length));
    const sendSeconds = (performance.now() - t0) / 1000;
    await drain(sessions, 10_000);
    const pacedCpuMicrosPerOrder = (processCpuMicros(gw.child.pid) - pacedCpu0) / Math.max(1, latencies.length);
    const pacedTradesPerOrder = (tradesSoFar(sessions) - pacedTrades0) / Math.max(1, latencies.length);
    const unanswered = sessions.reduce((n, s) => n + s.pending.size, 0);
    if (process.env.BENCH_SAMPLES_OUT) writeFileSync(process.env.BENCH_SAMPLES_OUT, `${samples.join('\n')}\n`);
    for (const s of sessions) s.pending.clear();

    return {
      section: 'ws-order-path',
      paced: { ...figures(latencies), rate: options.rate, achievedRate: sent / sendSeconds, rejected: pacedRejected, unanswered, cpuMicrosPerOrder: pacedCpuMicrosPerOrder, tradesPerOrder: pacedTradesPerOrder },
      pingBaseline: figures(pings),
      echoFloor,
      pingCeiling,
      sustained: { ordersPerSecond: acksInWindow / seconds, acks: acksInWindow, seconds, rejected: sustainedRejected, cpuMicrosPerOrder, clientCpuMicrosPerOrder, tradesPerOrder: sustainedTradesPerOrder },
      rejectReasons: [...rejectReasons].slice(0, 5),
    };
  } finally {
    for (const s of sessions) s.ws.terminate();
    gw.child.kill('SIGTERM');
    await new Promise((r) => gw.child.once('exit', r));
    rmSync(gw.dataDir, { recursive: true, force: true });
  }
}

/**
 * Calls fire(i) `rate` times a second for `seconds`, in bursts of what fell due
 * since the last (about a millisecond apart); returns how many it fired. It
 * sleeps between bursts: spinning on setImmediate kept one of this machine's
 * two cores busy in the client, which the gateway then did not have.
 */
async function pace(rate: number, seconds: number, fire: (i: number) => void): Promise<number> {
  const total = Math.round(rate * seconds);
  const start = performance.now();
  let i = 0;
  while (i < total) {
    const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * rate) + 1);
    while (i < due) fire(i++);
    await new Promise((r) => setTimeout(r, 1));
  }
  return total;
}

const tradesSoFar = (sessions: readonly Session[]): number => sessions.reduce((n, s) => n + s.trades, 0);

async function drain(sessions: readonly Session[], timeoutMs: number): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (sessions.some((s) => s.pending.size > 0) && performance.now() < end) await sleep(20);
}

export function formatWsSection(r: WsSectionResult, baseline?: WsSectionResult): string {
  const ms = (x: number) => `${x.toFixed(2)} ms`;
  const n = (x: number) => Math.round(x).toLocaleString('en');
  const lines = [
    `Order path over WebSocket (gateway in its own process, every event journaled before the ack)`,
    `  paced ${n(r.paced.rate)}/s (achieved ${n(r.paced.achievedRate)}/s): submit-to-ack p50 ${ms(r.paced.p50)}, p99 ${ms(r.paced.p99)}, max ${ms(r.paced.max)} over ${n(r.paced.count)} orders (${n(r.paced.rejected)} rejected${r.paced.unanswered > 0 ? `, ${n(r.paced.unanswered)} unanswered after 10 s` : ''}, ${r.paced.tradesPerOrder.toFixed(2)} trade reports per order); gateway CPU ${n(r.paced.cpuMicrosPerOrder)} µs per order`,
    `  ping/pong baseline, same pace: p50 ${ms(r.pingBaseline.p50)}, p99 ${ms(r.pingBaseline.p99)}, max ${ms(r.pingBaseline.max)}; with the sustained window: ${n(r.pingCeiling)} pongs/s (the transport's ceiling here)`,
    `  machine floor, the same client and pace against a bare ws echo server: p50 ${ms(r.echoFloor.p50)}, p99 ${ms(r.echoFloor.p99)}, max ${ms(r.echoFloor.max)}`,
    `  sustained: ${n(r.sustained.ordersPerSecond)} orders/s acknowledged (${n(r.sustained.acks)} in ${r.sustained.seconds.toFixed(1)} s, ${n(r.sustained.rejected)} rejected, ${r.sustained.tradesPerOrder.toFixed(2)} trade reports per order); gateway CPU ${n(r.sustained.cpuMicrosPerOrder)} µs per order (all its threads), this client ${n(r.sustained.clientCpuMicrosPerOrder)} µs`,
  ];
  if (baseline) {
    lines.push(
      `  baseline, one fsync per event: paced p50 ${ms(baseline.paced.p50)}, p99 ${ms(baseline.paced.p99)}; sustained ${n(baseline.sustained.ordersPerSecond)} orders/s`,
      baseline.sustained.ordersPerSecond > 0
        ? `  ratio sustained orders/s, group commit ÷ per-event fsync: ${(r.sustained.ordersPerSecond / baseline.sustained.ordersPerSecond).toFixed(1)}×`
        : `  ratio sustained orders/s: none (the per-event-fsync gateway acknowledged nothing in its sustained window)`,
    );
  }
  if (r.rejectReasons.length > 0) lines.push(`  reject reasons seen: ${r.rejectReasons.join(' | ')}`);
  return lines.join('\n');
}
