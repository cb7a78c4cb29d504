/**
 * In-process microbenchmark of what each execution report costs from the OMS
 * to the socket (issue 4): the event's journal line (and a new order's line),
 * and its execReport frame as the bytes handed to ws. Before: the wire object
 * (executionToWire, once per event, shared by the line and the report), the
 * lines and the report by JSON.stringify, the frame by concatenation, and
 * ws's Buffer.byteLength of it (which flattens the concatenation). After: the
 * JSON writer (server/oms/jsonWriter.ts) with remembered decimal texts.
 *
 * The "to the socket" cases add the send on a real loopback WebSocket
 * (ws server and client in this process; the socket corked for each batch
 * of 20 reports and uncorked, as the gateway does per turn): before,
 * ws.send of the frame string; after, the whole text frame written to the
 * socket (sendTextFrame). Their figures include the write syscalls.
 *
 * Events as the WS benchmark makes them: resting limit buys on 50 equities
 * (PendingNew, New), half of them then filled at their limit (Trade).
 * Prints CPU ns per event (best and median of 7 runs, after a warm-up) and
 * bytes allocated per event (V8's sampling heap profiler, garbage included).
 * A benchmark, not a test: `npx tsx test/bench/oms/reportWire.bench.ts`.
 */
import { createServer } from 'node:http';
import { Session } from 'node:inspector';
import type { AddressInfo } from 'node:net';
import type { Writable } from 'node:stream';
import WebSocket, { WebSocketServer } from 'ws';
import { type Decimal, ZERO, dec, toWire } from '../../../src/core/decimal.ts';
import { type Order, applyEvent, applyFill, newOrder } from '../../../src/core/order.ts';
import { loadInstruments } from '../../../server/marketdata/loadInstruments.ts';
import { type Execution, executionToWire, orderIdOf, execIdOf } from '../../../server/oms/execution.ts';
import { execLine, orderLine } from '../../../server/oms/journal.ts';
import { execReportFrame } from '../../../server/transport/execReportFrame.ts';
import { payloadOf, sendTextFrame } from '../../../server/transport/wsTextFrame.ts';
import { refExecIdOf, refOrderIdOf } from '../../unit/oms/referenceSerialisers.ts';

const ORDERS = Number(process.argv.find((a) => a.startsWith('--orders='))?.slice(9) ?? 4_000);
const RUNS = 7;
const T0 = Date.UTC(2026, 10, 23, 15, 0, 0);

const equities = loadInstruments()
  .all()
  .filter((i) => i.assetClass === 'equity')
  .slice(0, 50);

interface Event {
  e: Execution;
  /** The new order's line goes with its first event. */
  first: boolean;
}

function events(): Event[] {
  const out: Event[] = [];
  let seq = 0;
  for (let k = 0; k < ORDERS; k++) {
    const ins = equities[k % equities.length]!;
    const places = ins.tickSize.decimalPlaces();
    const limitPrice = dec(ins.referencePrice.minus(ins.tickSize.times(2)).toFixed(places));
    const ids = { orderId: orderIdOf(k + 1), clOrdId: `T-${k + 1}`, trader: k % 2 ? 'trader2' : 'trader1', venue: 'INTERNAL' };
    const o0 = newOrder({ symbol: ins.symbol, side: 'buy', type: 'limit', quantity: ins.lotSize, limitPrice, account: 'T1-MAIN', tif: 'day' }, ids, T0 + 3 * k);
    const o1 = (applyEvent(o0, 'accepted', T0 + 3 * k + 1) as { order: Order }).order;
    out.push({ e: { execId: execIdOf(++seq), execType: 'pendingNew', lastQty: ZERO, lastPx: ZERO, ts: o0.updatedAt, order: o0 }, first: true });
    out.push({ e: { execId: execIdOf(++seq), execType: 'new', lastQty: ZERO, lastPx: ZERO, ts: o1.updatedAt, order: o1 }, first: false });
    if (k % 2 === 1) {
      const o2 = (applyFill(o1, o1.quantity, o1.limitPrice!, T0 + 3 * k + 2) as { order: Order }).order;
      out.push({ e: { execId: execIdOf(++seq), execType: 'trade', lastQty: o1.quantity, lastPx: o1.limitPrice!, ts: o2.updatedAt, order: o2 }, first: false });
    }
  }
  return out;
}

// ---------------------------------------------------------------- before (the code this replaced)

const wireOrNull = (d: Decimal | null | undefined): string | null => (d === null || d === undefined ? null : toWire(d));

function beforeLines(seq: number, ev: Event, w: ReturnType<typeof executionToWire>): number {
  const { e } = ev;
  const o = e.order;
  const r = e.requested;
  const ow = w.order;
  let bytes = 0;
  if (ev.first) {
    bytes += JSON.stringify([
      'o', seq, o.orderId, o.clOrdId, o.trader, o.account, o.symbol, o.side, o.type, o.tif, ow.quantity, ow.limitPrice,
      o.createdAt, ow.stopPrice, o.expireAt, o.locate, o.venue ?? null,
    ]).length;
  }
  bytes += JSON.stringify([
    'e', seq, e.execId, o.orderId, e.execType, w.lastQty, w.lastPx, e.ts, o.status, ow.cumQty, ow.leavesQty,
    toWire(o.filledNotional), ow.avgPx, o.text, o.clOrdId, o.origClOrdId, ow.quantity, ow.limitPrice,
    ow.stopPrice, e.venueExecId ?? null, r?.clOrdId ?? null, wireOrNull(r?.quantity), wireOrNull(r?.limitPrice), wireOrNull(r?.stopPrice),
  ]).length;
  return bytes;
}

function beforeFrameText(w: ReturnType<typeof executionToWire>, reqId: string): string {
  const reportJson = JSON.stringify(w);
  return `{"type":"execReport","reqId":${JSON.stringify(reqId)},"report":${reportJson}}`;
}

function beforeFrame(w: ReturnType<typeof executionToWire>, reqId: string): number {
  // What ws.send does first with a string.
  return Buffer.byteLength(beforeFrameText(w, reqId));
}

// ---------------------------------------------------------------- a loopback connection

interface Link {
  server: WebSocket;
  socket: Writable;
  close(): Promise<void>;
}

async function openLink(): Promise<Link> {
  const http = createServer();
  const wss = new WebSocketServer({ server: http });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', () => r()));
  const connected = new Promise<WebSocket>((r) => wss.once('connection', r));
  const client = new WebSocket(`ws://127.0.0.1:${(http.address() as AddressInfo).port}`);
  client.on('message', () => {});
  const server = await connected;
  await new Promise((r) => client.once('open', r));
  const socket = (server as unknown as { _socket: Writable })._socket;
  return { server, socket, close: () => new Promise<void>((r) => (client.close(), wss.close(() => http.close(() => r())))) };
}

const BATCH = 20;
let link: Link;

// ---------------------------------------------------------------- the cases

type Case = (evs: readonly Event[]) => number;

const CASES: Record<string, Case> = {
  'before: lines + frame': (evs) => {
    let n = 0;
    for (let i = 0; i < evs.length; i++) {
      const w = executionToWire(evs[i]!.e);
      n += beforeLines(i + 1, evs[i]!, w) + beforeFrame(w, 'o12345');
    }
    return n;
  },
  'after:  lines + frame': (evs) => {
    let n = 0;
    for (let i = 0; i < evs.length; i++) {
      const ev = evs[i]!;
      if (ev.first) n += orderLine(i + 1, ev.e.order).length;
      n += execLine(i + 1, ev.e).length + execReportFrame(ev.e, 'o12345').length;
    }
    return n;
  },
  'before: frame only': (evs) => {
    let n = 0;
    for (const ev of evs) n += beforeFrame(executionToWire(ev.e), 'o12345');
    return n;
  },
  'after:  frame only': (evs) => {
    let n = 0;
    for (const ev of evs) n += execReportFrame(ev.e, 'o12345').length;
    return n;
  },
  'before: frame to the socket': (evs) => {
    let n = 0;
    for (let i = 0; i < evs.length; i++) {
      if (i % BATCH === 0) link.socket.cork();
      const text = beforeFrameText(executionToWire(evs[i]!.e), 'o12345');
      link.server.send(text);
      n += text.length;
      if (i % BATCH === BATCH - 1 || i === evs.length - 1) link.socket.uncork();
    }
    return n;
  },
  'after:  frame to the socket': (evs) => {
    let n = 0;
    for (let i = 0; i < evs.length; i++) {
      if (i % BATCH === 0) link.socket.cork();
      const frame = execReportFrame(evs[i]!.e, 'o12345');
      sendTextFrame(link.server, frame);
      n += frame.length;
      if (i % BATCH === BATCH - 1 || i === evs.length - 1) link.socket.uncork();
    }
    return n;
  },
  'before: ids (padStart)': (evs) => {
    let n = 0;
    for (let i = 0; i < evs.length; i++) n += refExecIdOf(1_000_000 + i).length + refOrderIdOf(i + 1).length;
    return n;
  },
  'after:  ids': (evs) => {
    let n = 0;
    for (let i = 0; i < evs.length; i++) n += execIdOf(1_000_000 + i).length + orderIdOf(i + 1).length;
    return n;
  },
};

// ---------------------------------------------------------------- measuring

const session = new Session();
session.connect();
const post = <T>(method: string, params: object = {}) => new Promise<T>((resolve, reject) => session.post(method, params, (err, r) => (err ? reject(err) : resolve(r as T))));
interface ProfileNode {
  selfSize: number;
  children: ProfileNode[];
}
const sumSizes = (n: ProfileNode): number => n.children.reduce((t, c) => t + sumSizes(c), n.selfSize);

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Until the client has read everything sent (the next run starts on an empty socket). */
async function drained(): Promise<void> {
  while (link.socket.writableLength > 0) await new Promise((r) => setTimeout(r, 2));
  await new Promise((r) => setTimeout(r, 20));
}

async function main(): Promise<void> {
  link = await openLink();
  const evs = events();
  console.log(`${ORDERS} orders, ${evs.length} events (execution reports); CPU ns and bytes allocated per event`);
  // Same answers first: the frame's bytes and the lines, before and after.
  for (let i = 0; i < evs.length; i++) {
    const w = executionToWire(evs[i]!.e);
    const old = Buffer.from(`{"type":"execReport","reqId":"o1","report":${JSON.stringify(w)}}`);
    if (!payloadOf(execReportFrame(evs[i]!.e, 'o1')).equals(old)) throw new Error(`frame ${i} differs`);
  }
  await post('HeapProfiler.enable');
  for (const [name, run] of Object.entries(CASES)) {
    run(evs);
    await drained();
    const per: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const t = cpuMs();
      run(evs);
      per.push(((cpuMs() - t) * 1e6) / evs.length);
      await drained();
    }
    await post('HeapProfiler.startSampling', { samplingInterval: 64, includeObjectsCollectedByMinorGC: true, includeObjectsCollectedByMajorGC: true });
    run(evs);
    const { profile } = await post<{ profile: { head: ProfileNode } }>('HeapProfiler.stopSampling');
    await drained();
    const bytes = sumSizes(profile.head) / evs.length;
    console.log(`${name.padEnd(30)} best ${Math.min(...per).toFixed(0).padStart(6)} ns  median ${median(per).toFixed(0).padStart(6)} ns  ${bytes.toFixed(0).padStart(6)} B`);
  }
  session.disconnect();
  await link.close();
}

void main();
