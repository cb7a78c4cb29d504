/**
 * Market-data fan-out benchmark (issue 3). The real gateway runs alone in a
 * child process; many real WebSocket clients run in another. Phases:
 *   1. conflated fan-out, full load (CLIENTS × SYMBOLS)   → delivered symbol-updates/s, CPU, RSS
 *   2. conflated, half load (simulator slowed to offer half of 1's rate) → tick-to-client latency
 *   3. as 2, plus one client that stops reading           → the others' p99, and the staller cut off
 *   4. naive baseline, full load: one JSON.stringify and send per update per client, no conflation
 * Prints figures; asserts nothing. `npm run bench:marketdata`.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Config } from '../../server/config/config.ts';
import type { ClientsCommand, ClientsReport } from './marketdata/clientsProcess.ts';
import type { GatewayCommand, GatewayReport } from './marketdata/gatewayProcess.ts';
import { GATEWAY_NODE_FLAGS } from './gatewayFlags.ts';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 200);
const SYMBOLS = Number(process.env.BENCH_SYMBOLS ?? 500);
const MEASURE_MS = Number(process.env.BENCH_MEASURE_MS ?? 6000);
const WARMUP_MS = 1500;
/** Instruments in the shipped file: the simulator spreads its updates over all of them. */
const INSTRUMENTS = 613;
/** Simulated updates per second over all 613 instruments, and the simulator's cycle. */
const UPDATES_PER_SECOND = Number(process.env.BENCH_UPDATES ?? 30_000);
const GATEWAY: Partial<Config> = {
  tickIntervalMs: 5,
  // Throughput and latency phases keep every client: the load generator shares the machine and may fall behind.
  slowClientMs: 600_000,
  updatesPerSecond: UPDATES_PER_SECOND,
  seed: 7,
  quoteFlushMs: Number(process.env.BENCH_FLUSH_MS ?? 10),
};

const here = (f: string) => fileURLToPath(new URL(f, import.meta.url));

/** A forked helper and a way to send it a command and wait for the answer carrying `key`. */
function helper<C>(file: string, nodeFlags: readonly string[] = []) {
  const child: ChildProcess = fork(here(file), [], { execArgv: [...nodeFlags, '--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return {
    child,
    ask<T>(cmd: C, key: string): Promise<T> {
      return new Promise((resolve, reject) => {
        const onMessage = (m: Record<string, unknown>) => {
          if (key in m) {
            child.off('message', onMessage);
            child.off('exit', onExit);
            resolve(m[key] as T);
          }
        };
        const onExit = (code: number | null) => reject(new Error(`${file} exited (${code}) while waiting for ${key}`));
        // A helper that does not answer within two minutes has hung: stop rather than wait for ever.
        setTimeout(() => reject(new Error(`${file} gave no ${key} within 120 s`)), 120_000).unref();
        child.on('message', onMessage);
        child.once('exit', onExit);
        child.send(cmd as object);
      });
    },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface PhaseResult {
  name: string;
  gateway: GatewayReport;
  clients: ClientsReport;
}

async function phase(name: string, config: Partial<Config>, clients: number, symbols: number, stalled: number): Promise<PhaseResult> {
  // The gateway with the node flags `npm run serve` gives it (package.json); BENCH_GATEWAY_FLAGS overrides them.
  const gatewayFlags = process.env.BENCH_GATEWAY_FLAGS === undefined ? GATEWAY_NODE_FLAGS : process.env.BENCH_GATEWAY_FLAGS.split(' ').filter(Boolean);
  const gw = helper<GatewayCommand>('./marketdata/gatewayProcess.ts', gatewayFlags);
  const cl = helper<ClientsCommand>('./marketdata/clientsProcess.ts');
  try {
    const url = await gw.ask<string>({ cmd: 'start', config }, 'started');
    await cl.ask({ cmd: 'connect', url, clients, symbols, stalled }, 'connected');
    await gw.ask({ cmd: 'go' }, 'going');
    await sleep(WARMUP_MS);
    await gw.ask({ cmd: 'measure' }, 'measuring');
    await cl.ask({ cmd: 'measure' }, 'measuring');
    await sleep(MEASURE_MS);
    const clients_ = await cl.ask<ClientsReport>({ cmd: 'report' }, 'report');
    const gateway = await gw.ask<GatewayReport>({ cmd: 'report' }, 'report');
    const result = { name, gateway, clients: clients_ };
    print(result);
    return result;
  } finally {
    await cl.ask({ cmd: 'stop' }, 'stopped').catch(() => cl.child.kill());
    await gw.ask({ cmd: 'stop' }, 'stopped').catch(() => gw.child.kill());
  }
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const rate = (r: PhaseResult) => (r.clients.delivered / r.clients.wallMs) * 1000;
/** Gateway CPU time per delivered symbol-update: what the rate would be worth on a core of its own. */
const cpuPerUpdate = (r: PhaseResult) => ((r.gateway.cpuPercent / 100) * 1e6) / rate(r);

function print(r: PhaseResult): void {
  const g = r.gateway;
  const c = r.clients;
  console.log(
    `${r.name.padEnd(34)} ${fmt(rate(r)).padStart(10)} updates/s  ` +
      `latency p50 ${c.p50.toFixed(1)} ms, p99 ${c.p99.toFixed(1)} ms, max ${c.max.toFixed(1)} ms  ` +
      `gateway CPU ${g.cpuPercent.toFixed(0)}% (${cpuPerUpdate(r).toFixed(2)} µs/update), RSS ${g.rssStartMb.toFixed(0)} → peak ${g.rssPeakMb.toFixed(0)} MB  ` +
      `(clients' CPU ${c.cpuPercent.toFixed(0)}%, ${fmt(g.simulatedUpdates / (g.wallMs / 1000))} simulated/s, ${fmt(c.frames / (c.wallMs / 1000))} frames/s` +
      (g.slowDisconnects > 0 || c.stalledClosed.length > 0 ? `, slow clients cut: ${g.slowDisconnects} [${c.stalledClosed.join('; ')}]` : '') +
      ')',
  );
}

async function main(): Promise<void> {
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
  console.log(
    `load: ${CLIENTS} clients × ${SYMBOLS} symbols, ${fmt(UPDATES_PER_SECOND)} simulated updates/s over 613 instruments, ` +
      `${GATEWAY.quoteFlushMs} ms conflation window, ${MEASURE_MS / 1000} s measured per phase\n`,
  );
  const full = await phase('conflated, full load', GATEWAY, CLIENTS, SYMBOLS, 0);
  // Half load: the simulator slowed so that what the clients are offered is half of what they took at full load
  // (each update of a subscribed symbol goes to every client), so they keep up and latency is the gateway's.
  const halfRate = Math.max(1, Math.round(rate(full) / 2 / (CLIENTS * (SYMBOLS / INSTRUMENTS))));
  const halfGateway = { ...GATEWAY, updatesPerSecond: halfRate };
  console.log(`(half load: ${fmt(halfRate)} simulated updates/s, offering about ${fmt(rate(full) / 2)} symbol-updates/s)`);
  const half = await phase('conflated, half load', halfGateway, CLIENTS, SYMBOLS, 0);
  const stalled = await phase('conflated, half load + 1 stalled', { ...halfGateway, slowClientMs: 3000 }, CLIENTS, SYMBOLS, 1);
  const naive = await phase('naive baseline, full load', { ...GATEWAY, fanoutMode: 'naive' }, CLIENTS, SYMBOLS, 0);

  console.log('\nsummary');
  console.log(`  delivered symbol-updates/s, one gateway process: ${fmt(rate(full))} (target ≥ 1,000,000)`);
  console.log(`  gateway CPU per delivered update: ${cpuPerUpdate(full).toFixed(2)} µs, i.e. ${fmt(1e6 / cpuPerUpdate(full))} updates/s if it had a core to itself`);
  console.log(`  p99 tick-to-client latency at half load: ${half.clients.p99.toFixed(1)} ms (target < 20 ms)`);
  console.log(`  conflated ÷ naive baseline: ${(rate(full) / rate(naive)).toFixed(1)}× (target ≥ 5×)`);
  const moved = ((stalled.clients.p99 - half.clients.p99) / half.clients.p99) * 100;
  console.log(`  one stalled client moved the others' p99 by ${moved.toFixed(0)}% (target < 10%); it was cut: ${stalled.gateway.slowDisconnects > 0 ? 'yes' : 'no'}`);
}

void main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
