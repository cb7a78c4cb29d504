/**
 * OMS benchmark. Section 1, the matching engine: one recorded order flow run
 * through our engine (server/venues/matching) and, in the same process,
 * through the npm package nodejs-order-book, with warm-up and repetitions;
 * prints operations/s of each, the ratio, and the trades each produced (a
 * sanity check that both did the same work: on this flow both engines apply
 * price-time priority and "cancel resting" self-trade prevention, so the
 * trades should agree exactly).
 *
 * A benchmark, not a test: run with `npm run bench:oms [-- --ops=2000000]`.
 * Each section is an exported function so more (submit-to-ack latency over
 * the WebSocket) can be added next to it.
 */
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { OrderBook as TheirBook, SelfTradePreventionMode, Side as TheirSide } from 'nodejs-order-book';
import { OrderBook } from '../../server/venues/matching/orderBook.ts';
import { measureFsyncFloor } from './oms/fsyncFloor.ts';
import { DEFAULT_WS_OPTIONS, formatWsSection, runWsSection } from './oms/wsOrderPath.ts';
import { generateOrderFlow, OP_CANCEL, OP_LIMIT, SIDE_BUY, type OrderFlow } from './recorded/orderFlow.ts';

export interface EngineSectionOptions {
  operations: number;
  seed: number;
  /** Timed runs of our engine (after four warm-up runs). */
  repetitions: number;
  /** Timed runs of nodejs-order-book (after one warm-up run). */
  theirRepetitions: number;
  /** Operations fed to nodejs-order-book: the whole flow unless it is too slow to wait for. */
  theirOperations: number;
}

export interface EngineRun {
  engine: string;
  operations: number;
  /** Median of the timed runs. */
  opsPerSecond: number;
  runs: number[];
  trades: number;
  tradedLots: number;
}

export interface EngineSectionResult {
  section: 'matching-engine';
  seed: number;
  mix: OrderFlow['counts'];
  restingAtEnd: number;
  ours: EngineRun;
  theirs: EngineRun;
  /** Ours over theirs, operations per second. */
  ratio: number;
  /** Trades of both engines over the same operations (theirs may run a prefix). */
  tradesAgree: boolean;
}

export const DEFAULT_ENGINE_OPTIONS: EngineSectionOptions = {
  operations: 1_000_000,
  seed: 20_240_601,
  repetitions: 5,
  theirRepetitions: 3,
  theirOperations: 1_000_000,
};

const SIDES = ['buy', 'sell'] as const;

interface Tally {
  seconds: number;
  trades: number;
  tradedLots: number;
}

/** Replays the first `count` operations of the flow through our engine. */
function replayOurs(flow: OrderFlow, count: number): Tally {
  const book = new OrderBook();
  const { op, side, id, owner, tick, lots } = flow;
  let trades = 0;
  let tradedLots = 0;
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const kind = op[i];
    const events =
      kind === OP_LIMIT
        ? book.limit(id[i]!, owner[i]!, SIDES[side[i]!]!, tick[i]!, lots[i]!)
        : kind === OP_CANCEL
          ? book.cancel(id[i]!)
          : book.market(id[i]!, owner[i]!, SIDES[side[i]!]!, lots[i]!);
    trades += events.trades;
    tradedLots += events.tradedLots;
  }
  return { seconds: (performance.now() - started) / 1000, trades, tradedLots };
}

/**
 * The same operations through nodejs-order-book. Its ids are strings (built
 * before the clock starts), its accounts carry the same self-trade rule as
 * ours (EXPIRE_MAKER). Counting its trades means reading the arrays it
 * returns, so that is done only on the warm-up run, off the clock.
 */
function replayTheirs(flow: OrderFlow, count: number, ids: readonly string[], accounts: readonly string[], countTrades: boolean): Tally {
  const book = new TheirBook();
  const { op, side, id, owner, tick, lots } = flow;
  const stp = SelfTradePreventionMode.EXPIRE_MAKER;
  let trades = 0;
  let tradedLots = 0;
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const kind = op[i];
    const s = side[i] === SIDE_BUY ? TheirSide.BUY : TheirSide.SELL;
    if (kind === OP_CANCEL) {
      book.cancel(ids[id[i]!]!);
      continue;
    }
    const size = lots[i]!;
    const accountId = accounts[owner[i]!]!;
    const takerId = ids[id[i]!]!;
    const result =
      kind === OP_LIMIT
        ? book.limit({ side: s, id: takerId, size, price: tick[i]!, accountId, stpMode: stp })
        : book.market({ side: s, size, accountId, stpMode: stp });
    if (countTrades) {
      tradedLots += size - result.quantityLeft;
      // Fully filled makers are in `done` (with the taker itself when it filled); a partly filled maker is `partial`.
      for (const o of result.done) if (o.id !== takerId) trades += 1;
      if (result.partial !== null && result.partial.id !== takerId && result.partialQuantityProcessed > 0) trades += 1;
    }
  }
  return { seconds: (performance.now() - started) / 1000, trades, tradedLots };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function runEngineSection(options: EngineSectionOptions = DEFAULT_ENGINE_OPTIONS, log: (line: string) => void = () => {}): EngineSectionResult {
  log(`generating ${options.operations.toLocaleString('en')} operations (seed ${options.seed})…`);
  const flow = generateOrderFlow({ operations: options.operations, seed: options.seed });
  const theirCount = Math.min(options.theirOperations, flow.length);

  log('our engine: warm-up and timed runs…');
  // Four warm-up runs: V8 keeps re-optimising the hot path and the heap keeps growing through the first few; after
  // two, the timed runs still climbed (3.9, 4.9, 6.5, 6.7, 6.8 M ops/s on 2026-11-23) and the median caught the climb.
  const oursWarm = replayOurs(flow, flow.length);
  for (let w = 0; w < 3; w++) replayOurs(flow, flow.length);
  const oursOnTheirPrefix = theirCount === flow.length ? oursWarm : replayOurs(flow, theirCount);
  const ourRuns: number[] = [];
  for (let r = 0; r < options.repetitions; r++) ourRuns.push(flow.length / replayOurs(flow, flow.length).seconds);

  log(`nodejs-order-book: warm-up and timed runs over ${theirCount.toLocaleString('en')} operations…`);
  const ids = Array.from({ length: flow.length }, (_, i) => `o${i}`);
  const accounts = Array.from({ length: 1 + flow.owner.reduce((a, b) => Math.max(a, b), 0) }, (_, i) => `acct${i}`);
  const theirsWarm = replayTheirs(flow, theirCount, ids, accounts, true);
  const theirRuns: number[] = [];
  for (let r = 0; r < options.theirRepetitions; r++) theirRuns.push(theirCount / replayTheirs(flow, theirCount, ids, accounts, false).seconds);

  const ours: EngineRun = {
    engine: 'ours (server/venues/matching)',
    operations: flow.length,
    opsPerSecond: median(ourRuns),
    runs: ourRuns,
    trades: oursWarm.trades,
    tradedLots: oursWarm.tradedLots,
  };
  const theirs: EngineRun = {
    engine: 'nodejs-order-book',
    operations: theirCount,
    opsPerSecond: median(theirRuns),
    runs: theirRuns,
    trades: theirsWarm.trades,
    tradedLots: theirsWarm.tradedLots,
  };
  return {
    section: 'matching-engine',
    seed: options.seed,
    mix: flow.counts,
    restingAtEnd: flow.restingAtEnd,
    ours,
    theirs,
    ratio: ours.opsPerSecond / theirs.opsPerSecond,
    tradesAgree: oursOnTheirPrefix.trades === theirsWarm.trades && oursOnTheirPrefix.tradedLots === theirsWarm.tradedLots,
  };
}

function pad(text: string, width: number, right = false): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

export function formatEngineSection(r: EngineSectionResult): string {
  const n = (x: number) => Math.round(x).toLocaleString('en');
  const rows = [r.ours, r.theirs].map((e) =>
    [pad(e.engine, 32), pad(n(e.operations), 11, true), pad(n(e.opsPerSecond), 13, true), pad(n(e.trades), 10, true), pad(n(e.tradedLots), 12, true)].join('  '),
  );
  const header = [pad('engine', 32), pad('operations', 11, true), pad('ops/s (median)', 13, true), pad('trades', 10, true), pad('traded lots', 12, true)].join('  ');
  const prefixNote =
    r.theirs.operations < r.ours.operations
      ? `\nnodejs-order-book ran the first ${n(r.theirs.operations)} operations only (too slow for the whole flow); trades compared on that prefix.`
      : '';
  return [
    `Matching engine: ${n(r.ours.operations)} operations (limit ${n(r.mix.limit)}, cancel ${n(r.mix.cancel)}, market ${n(r.mix.market)}), seed ${r.seed}, ${n(r.restingAtEnd)} orders resting at the end`,
    header,
    '-'.repeat(header.length),
    ...rows,
    '-'.repeat(header.length),
    `ratio ours ÷ theirs: ${r.ratio.toFixed(1)}×    trades agree: ${r.tradesAgree ? 'yes' : 'NO'}${prefixNote}`,
    `runs ours (ops/s): ${r.ours.runs.map(n).join(', ')}`,
    `runs theirs (ops/s): ${r.theirs.runs.map(n).join(', ')}`,
  ].join('\n');
}

function machine(): { cpus: number; cpu: string; node: string } {
  return { cpus: os.availableParallelism(), cpu: os.cpus()[0]?.model ?? 'unknown', node: process.version };
}

function optionsFromArgs(argv: readonly string[]): EngineSectionOptions {
  const options = { ...DEFAULT_ENGINE_OPTIONS };
  for (const arg of argv) {
    const m = /^--(ops|seed|reps|their-reps|their-ops)=(\d+)$/.exec(arg);
    if (!m) continue;
    const value = Number(m[2]);
    if (m[1] === 'ops') options.operations = value;
    else if (m[1] === 'seed') options.seed = value;
    else if (m[1] === 'reps') options.repetitions = value;
    else if (m[1] === 'their-reps') options.theirRepetitions = value;
    else options.theirOperations = value;
  }
  if (!argv.some((a) => a.startsWith('--their-ops='))) options.theirOperations = options.operations;
  return options;
}

async function main(): Promise<void> {
  const m = machine();
  const argv = process.argv.slice(2);
  const only = argv.find((a) => a.startsWith('--section='))?.slice('--section='.length);
  console.log(`machine: ${m.cpus} cpus, ${m.cpu}, node ${m.node}`);
  const summary: Record<string, unknown> = { benchmark: 'oms', machine: m };
  if (only === undefined || only === 'engine') {
    const engine = runEngineSection(optionsFromArgs(argv), (line) => console.log(line));
    console.log('');
    console.log(formatEngineSection(engine));
    console.log('');
    summary.engine = {
      operations: engine.ours.operations,
      seed: engine.seed,
      oursOpsPerSec: Math.round(engine.ours.opsPerSecond),
      theirsOpsPerSec: Math.round(engine.theirs.opsPerSecond),
      theirsOperations: engine.theirs.operations,
      ratio: Number(engine.ratio.toFixed(2)),
      oursTrades: engine.ours.trades,
      theirsTrades: engine.theirs.trades,
      tradesAgree: engine.tradesAgree,
    };
  }
  if (only === undefined || only === 'ws') {
    const log = (line: string) => console.log(line);
    const floor = measureFsyncFloor();
    log(`disk floor: one journal write and its fdatasync take p50 ${floor.p50.toFixed(2)} ms, p99 ${floor.p99.toFixed(2)} ms (min ${floor.min.toFixed(2)}) over ${floor.commits}: no durable ack can beat it`);
    summary.fsyncFloor = { p50Ms: Number(floor.p50.toFixed(3)), p99Ms: Number(floor.p99.toFixed(3)) };
    log('order path over WebSocket, group commit (the gateway as it runs):');
    // The engine section leaves this process (the benchmark's client) a large heap of garbage: collected now, not
    // as a major GC in the middle of the latency runs (npm run bench:oms passes --expose-gc).
    (globalThis as { gc?: () => void }).gc?.();
    const ws = await runWsSection(DEFAULT_WS_OPTIONS, log);
    log(formatWsSection(ws));
    log('baseline: the same with one fsync per event (JOURNAL_GROUP_COMMIT=0):');
    (globalThis as { gc?: () => void }).gc?.();
    const base = await runWsSection({ ...DEFAULT_WS_OPTIONS, env: { JOURNAL_GROUP_COMMIT: '0' } }, log);
    log(formatWsSection(base));
    console.log('');
    console.log(formatWsSection(ws, base));
    console.log('');
    const r2 = (x: number) => Number(x.toFixed(3));
    summary.ws = {
      pacedRate: ws.paced.rate,
      p50Ms: r2(ws.paced.p50),
      p99Ms: r2(ws.paced.p99),
      maxMs: r2(ws.paced.max),
      sustainedOrdersPerSec: Math.round(ws.sustained.ordersPerSecond),
      pingP99Ms: r2(ws.pingBaseline.p99),
      pingCeilingPerSec: Math.round(ws.pingCeiling),
      echoFloorP99Ms: r2(ws.echoFloor.p99),
      baselineP99Ms: r2(base.paced.p99),
      baselineSustainedOrdersPerSec: Math.round(base.sustained.ordersPerSecond),
      ratio: Number((ws.sustained.ordersPerSecond / base.sustained.ordersPerSecond).toFixed(2)),
      rejected: ws.paced.rejected + ws.sustained.rejected,
    };
  }
  console.log(JSON.stringify(summary));
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) void main();
