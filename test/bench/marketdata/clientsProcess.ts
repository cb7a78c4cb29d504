/**
 * The load: many real WebSocket clients in one process apart from the
 * gateway. Each logs in, subscribes to its symbols and counts every quote it
 * receives; tick-to-client latency is arrival time minus the quote's `ts`.
 * Frames are scanned for `"ts":` rather than JSON.parsed: each quote has one,
 * the frame none, and a full parse of hundreds of MB/s would make this process,
 * not the gateway, the thing measured.
 */
import WebSocket from 'ws';
import { LatencyHistogram } from './latencyHistogram.ts';

export type ClientsCommand =
  | { cmd: 'connect'; url: string; clients: number; symbols: number; stalled: number }
  | { cmd: 'measure' }
  | { cmd: 'report' }
  | { cmd: 'stop' };
export interface ClientsReport {
  wallMs: number;
  delivered: number;
  frames: number;
  p50: number;
  p99: number;
  max: number;
  /** CPU of this process, in percent of one core: near 100 means the load generator, not the gateway, set the pace. */
  cpuPercent: number;
  /** How the stalled clients' connections ended, if they did. */
  stalledClosed: string[];
}

const send = (m: unknown) => process.send?.(m);
const TS = Buffer.from('"ts":');
const hist = new LatencyHistogram();
let measuring = false;
let delivered = 0;
let frames = 0;
let startedAt = 0;
let cpuAt = process.cpuUsage();
const sockets: WebSocket[] = [];
const stalledClosed: string[] = [];

function onFrame(data: Buffer): void {
  if (!measuring) return;
  const now = performance.timeOrigin + performance.now();
  frames += 1;
  let i = data.indexOf(TS);
  while (i >= 0) {
    let j = i + 5;
    let ts = 0;
    for (let c = data[j]!; c >= 48 && c <= 57; c = data[++j]!) ts = ts * 10 + (c - 48);
    hist.add(now - ts);
    delivered += 1;
    i = data.indexOf(TS, j);
  }
}

function open(url: string, symbols: string[], stalled: boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    sockets.push(ws);
    let step = 0;
    ws.on('error', reject);
    ws.on('close', (code, reason) => {
      if (stalled) stalledClosed.push(`${code} ${reason.toString()}`);
    });
    ws.on('message', (data: Buffer) => {
      if (step === 2) return onFrame(data);
      const m = JSON.parse(data.toString()) as { type: string; instruments?: { symbol: string }[] };
      if (m.type === 'hello') ws.send(JSON.stringify({ type: 'login', reqId: 'l', username: 'trader1', password: 'demo' }));
      else if (m.type === 'loginOk') {
        step = 1;
        ws.send(JSON.stringify({ type: 'subscribe', reqId: 's', symbols }));
      } else if (m.type === 'quoteSnapshot') {
        step = 2;
        // A stalled client stops reading: the kernel buffers fill and the gateway's send buffer grows.
        if (stalled) ws.pause();
        resolve();
      } else if (m.type === 'error') reject(new Error(data.toString()));
    });
  });
}

async function connect(url: string, clients: number, symbolCount: number, stalled: number): Promise<void> {
  // The first client learns the symbols from loginOk; every client then takes the first `symbolCount`.
  const probe = await new Promise<string[]>((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.on('error', reject);
    ws.on('message', (data: Buffer) => {
      const m = JSON.parse(data.toString()) as { type: string; instruments?: { symbol: string }[] };
      if (m.type === 'hello') ws.send(JSON.stringify({ type: 'login', username: 'trader1', password: 'demo' }));
      if (m.type === 'loginOk') {
        resolve(m.instruments!.map((x) => x.symbol));
        ws.close();
      }
    });
  });
  const symbols = probe.slice(0, symbolCount);
  const batch = 25;
  for (let k = 0; k < clients; k += batch) {
    await Promise.all(Array.from({ length: Math.min(batch, clients - k) }, () => open(url, symbols, false)));
  }
  for (let k = 0; k < stalled; k++) await open(url, symbols, true);
}

process.on('message', (m: ClientsCommand) => {
  void (async () => {
    if (m.cmd === 'connect') {
      await connect(m.url, m.clients, m.symbols, m.stalled);
      send({ connected: sockets.length });
    } else if (m.cmd === 'measure') {
      hist.reset();
      delivered = 0;
      frames = 0;
      startedAt = performance.now();
      cpuAt = process.cpuUsage();
      measuring = true;
      send({ measuring: true });
    } else if (m.cmd === 'report') {
      measuring = false;
      const wallMs = performance.now() - startedAt;
      const cpu = process.cpuUsage(cpuAt);
      const report: ClientsReport = {
        wallMs,
        cpuPercent: ((cpu.user + cpu.system) / 1000 / wallMs) * 100,
        delivered,
        frames,
        p50: hist.percentile(0.5),
        p99: hist.percentile(0.99),
        max: hist.max,
        stalledClosed: [...stalledClosed],
      };
      send({ report });
    } else if (m.cmd === 'stop') {
      for (const ws of sockets) ws.terminate();
      send({ stopped: true });
      process.disconnect();
    }
  })().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
});
