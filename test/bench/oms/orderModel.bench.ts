/**
 * In-process microbenchmark of the gateway's per-order model work (issue 4):
 * parse a placeOrder frame, validate the ticket, build the order, apply the
 * venue's ack and a fill, and serialise the execution reports, each step timed
 * on its own over N orders. "before" is the reference code kept verbatim in
 * test/unit/core/orderPathReference.ts, "after" is the code in src/core and
 * server/oms; both run in this process, in alternating rounds, and the median
 * round is printed as µs of CPU time per call. Prints figures; asserts nothing but that
 * both paths produced the same wire output.
 *
 * Run: npx tsx test/bench/oms/orderModel.bench.ts [--orders=50000] [--rounds=7]
 */
import { pathToFileURL } from 'node:url';
import { type Execution, executionToWire } from '../../../server/oms/execution.ts';
import { loadInstruments } from '../../../server/marketdata/loadInstruments.ts';
import type { Decimal } from '../../../src/core/decimal.ts';
import { type Order, type OrderSpec, applyEvent, applyFill, newOrder } from '../../../src/core/order.ts';
import { type ClientMessage, parseClientMessage } from '../../../src/core/protocol.ts';
import { type TicketContext, type TicketDraft, validateTicket } from '../../../src/core/ticket.ts';
import {
  refApplyEvent,
  refApplyFill,
  refExecutionToWire,
  refNewOrder,
  refParseClientMessage,
  refValidateTicket,
} from '../../unit/core/orderPathReference.ts';

interface Impl {
  parse: typeof parseClientMessage;
  validate: typeof validateTicket;
  newOrder: typeof newOrder;
  applyEvent: typeof applyEvent;
  applyFill: typeof applyFill;
  executionToWire: typeof executionToWire;
}

const BEFORE: Impl = {
  parse: refParseClientMessage,
  validate: refValidateTicket,
  newOrder: refNewOrder,
  applyEvent: refApplyEvent,
  applyFill: refApplyFill,
  executionToWire: refExecutionToWire,
};
const AFTER: Impl = { parse: parseClientMessage, validate: validateTicket, newOrder, applyEvent, applyFill, executionToWire };

const STEPS = ['parse', 'validate', 'newOrder', 'applyEvent', 'applyFill', 'execToWire'] as const;
type StepName = (typeof STEPS)[number];

/** The frames the WS bench sends: resting buy limits over 50 equities, a few price levels and sizes each. */
function makeFrames(n: number): string[] {
  const equities = loadInstruments()
    .all()
    .filter((i) => /^[A-Z]{1,5}$/.test(i.symbol))
    .slice(0, 50);
  const frames: string[] = [];
  for (let k = 0; k < n; k++) {
    const ins = equities[k % equities.length]!;
    const ticksBelow = 2 + (k % 10);
    // Exact: integer ticks times the tick, in Decimal.
    const price = ins.referencePrice.div(ins.tickSize).floor().minus(ticksBelow).times(ins.tickSize).toFixed();
    const quantity = ins.lotSize.times(1 + (k % 5)).toFixed();
    frames.push(
      JSON.stringify({
        type: 'placeOrder',
        reqId: `o${k}`,
        clOrdId: `B1-${k}`,
        order: { symbol: ins.symbol, side: 'buy', type: 'limit', quantity, limitPrice: price, account: 'T1-MAIN', tif: 'day' },
      }),
    );
  }
  return frames;
}

function ctxFor(): TicketContext {
  const catalog = loadInstruments();
  return { instrument: (s) => catalog.get(s), accounts: ['T1-MAIN', 'T1-ALT'], now: Date.UTC(2026, 10, 23, 12) };
}

/**
 * CPU time of this process, ms: the machine is shared, and wall time would
 * count whoever else had the core.
 */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

interface BatchResult {
  /** Milliseconds spent in each step over the batch. */
  ms: Record<StepName, number>;
  wire: string[];
}

/**
 * Runs every step over one batch of frames, each step over the whole batch
 * before the next; a batch is small so what it keeps alive stays small, as in
 * the gateway, where each order's objects are made and dropped a few at a time.
 */
function batch(impl: Impl, frames: readonly string[], ctx: TicketContext, keepWire: boolean): BatchResult {
  const n = frames.length;
  const ms = {} as Record<StepName, number>;
  let t0 = cpuMs();
  const lap = (step: StepName) => {
    const t1 = cpuMs();
    ms[step] = t1 - t0;
    t0 = t1;
  };

  const msgs: ClientMessage[] = new Array(n);
  for (let k = 0; k < n; k++) {
    const r = impl.parse(frames[k]!);
    if (!r.ok) throw new Error(r.message);
    msgs[k] = r.msg;
  }
  lap('parse');
  const specs: OrderSpec[] = new Array(n);
  for (let k = 0; k < n; k++) {
    const m = msgs[k]!;
    if (m.type !== 'placeOrder') throw new Error('not a placeOrder');
    const r = impl.validate(m.order as TicketDraft, ctx);
    if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
    specs[k] = r.order;
  }
  lap('validate');
  const placed: Order[] = new Array(n);
  for (let k = 0; k < n; k++) placed[k] = impl.newOrder(specs[k]!, { orderId: `O${k}`, clOrdId: `B1-${k}`, trader: 'trader1', venue: 'INTERNAL' }, 1_000 + k);
  lap('newOrder');
  const acked: Order[] = new Array(n);
  for (let k = 0; k < n; k++) {
    const r = impl.applyEvent(placed[k]!, 'accepted', 2_000 + k);
    if (!r.ok) throw new Error(r.reason);
    acked[k] = r.order;
  }
  lap('applyEvent');
  // One fill of a fifth of the order (rounded up) at its limit price: partial for most, complete for one-lot orders.
  const fillQty: Decimal[] = acked.map((o) => o.quantity.div(5).ceil());
  t0 = cpuMs();
  const filled: Order[] = new Array(n);
  for (let k = 0; k < n; k++) {
    const o = acked[k]!;
    const r = impl.applyFill(o, fillQty[k]!, o.limitPrice!, 3_000 + k);
    if (!r.ok) throw new Error(r.reason);
    filled[k] = r.order;
  }
  lap('applyFill');
  // Three reports per order: PendingNew, New and the trade.
  const execs: Execution[] = [];
  for (let k = 0; k < n; k++) {
    const zero = placed[k]!.cumQty;
    execs.push({ execId: `E${3 * k}`, execType: 'pendingNew', lastQty: zero, lastPx: zero, ts: 1_000 + k, order: placed[k]! });
    execs.push({ execId: `E${3 * k + 1}`, execType: 'new', lastQty: zero, lastPx: zero, ts: 2_000 + k, order: acked[k]! });
    execs.push({ execId: `E${3 * k + 2}`, execType: 'trade', lastQty: fillQty[k]!, lastPx: acked[k]!.limitPrice!, ts: 3_000 + k, order: filled[k]! });
  }
  t0 = cpuMs();
  const reports = execs.map((e) => impl.executionToWire(e));
  lap('execToWire');
  const wire = keepWire ? reports.map((r) => JSON.stringify(r)) : [];
  return { ms, wire };
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export function runOrderModelBench(orders: number, rounds: number, log: (line: string) => void = console.log): Record<StepName, { before: number; after: number }> {
  const frames = makeFrames(orders);
  const ctx = ctxFor();
  // Warm-up, and the check that both paths say the same thing.
  const b = batch(BEFORE, frames, ctx, true);
  const a = batch(AFTER, frames, ctx, true);
  const mismatch = b.wire.findIndex((w, k) => w !== a.wire[k]);
  if (mismatch >= 0) throw new Error(`wire output differs at report ${mismatch}:\n${b.wire[mismatch]}\n${a.wire[mismatch]}`);
  // Batches of both paths alternate (which goes first alternates too), so a busy
  // neighbour on the shared machine slows both alike; a round is one pass over all frames.
  const BATCH = 1000;
  const perRound: Record<'before' | 'after', Record<StepName, number>[]> = { before: [], after: [] };
  for (let r = 0; r < rounds; r++) {
    const sums = { before: {} as Record<StepName, number>, after: {} as Record<StepName, number> };
    for (const s of STEPS) sums.before[s] = sums.after[s] = 0;
    for (let start = 0, i = 0; start < frames.length; start += BATCH, i++) {
      const slice = frames.slice(start, start + BATCH);
      const order: ('before' | 'after')[] = (i + r) % 2 === 0 ? ['before', 'after'] : ['after', 'before'];
      for (const which of order) {
        const { ms } = batch(which === 'before' ? BEFORE : AFTER, slice, ctx, false);
        for (const s of STEPS) sums[which][s] += ms[s];
      }
    }
    for (const which of ['before', 'after'] as const) {
      const micros = {} as Record<StepName, number>;
      for (const s of STEPS) micros[s] = (sums[which][s] * 1000) / frames.length / (s === 'execToWire' ? 3 : 1);
      perRound[which].push(micros);
    }
  }
  const result = {} as Record<StepName, { before: number; after: number }>;
  log(`order model, ${orders} orders × ${rounds} rounds (median round), µs of CPU per call; execToWire is per report (3 per order)`);
  log(`${'step'.padEnd(12)} ${'before'.padStart(8)} ${'after'.padStart(8)} ${'ratio'.padStart(7)}`);
  let sumBefore = 0;
  let sumAfter = 0;
  for (const step of STEPS) {
    const before = median(perRound.before.map((m) => m[step]));
    const after = median(perRound.after.map((m) => m[step]));
    result[step] = { before, after };
    const weight = step === 'execToWire' ? 3 : 1;
    sumBefore += before * weight;
    sumAfter += after * weight;
    log(`${step.padEnd(12)} ${before.toFixed(2).padStart(8)} ${after.toFixed(2).padStart(8)} ${(before / after).toFixed(1).padStart(6)}x`);
  }
  log(`${'per order'.padEnd(12)} ${sumBefore.toFixed(2).padStart(8)} ${sumAfter.toFixed(2).padStart(8)} ${(sumBefore / sumAfter).toFixed(1).padStart(6)}x  (all steps, 3 reports)`);
  log(`wire output identical for all ${b.wire.length} reports`);
  return result;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const arg = (name: string, fallback: number) => {
    const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
    return hit === undefined ? fallback : Number(hit.slice(name.length + 3));
  };
  runOrderModelBench(arg('orders', 50_000), arg('rounds', 7));
}
