/**
 * Pre-trade risk per order, in process: the engine built as server/main.ts
 * builds it (shipped instruments, the simulator's quotes, the shipped limits
 * loosened as wsOrderPath.ts loosens them, DailySpend, running working-order
 * totals), timed against the code as it was before the per-order cost cut
 * (test/unit/risk/reference/*Before.ts), in the same run and on the same
 * orders, rounds interleaved so a busy machine slows both alike.
 *
 *   node --expose-gc --import tsx test/bench/oms/riskCheck.bench.ts [--checks=50000] [--tracks=100000] [--rounds=5]
 *
 * The orders are the WS bench's (limit buys two ticks under the reference,
 * resting) with one in five a buy one tick above the mid (an aggressive price:
 * the collar and the far-from-market warning do their sums); every accepted
 * order is then tracked as resting (its cost taken off), so the totals move
 * between checks as in the gateway. Times are CPU time of the process (the
 * machine is shared; GC included). The track calls are timed on two event mixes:
 * the WS bench's (pendingNew then new, resting) and a whole life (pendingNew,
 * new, a partial fill, a cancel).
 * Prints µs per call (median of the rounds) and the ratio; figures, no asserts
 * (the decisions are compared in test/unit/risk/riskFastPath.test.ts).
 */
import { readFileSync } from 'node:fs';
import { type Decimal, ZERO, dec } from '../../../src/core/decimal.ts';
import type { Instrument } from '../../../src/core/instrument.ts';
import { type Order, type OrderSpec, newOrder } from '../../../src/core/order.ts';
import type { QuoteWire } from '../../../src/core/protocol.ts';
import type { UserProfile } from '../../../src/core/users.ts';
import { loadInstruments } from '../../../server/marketdata/loadInstruments.ts';
import { Simulator } from '../../../server/marketdata/simulator.ts';
import { DailySpend } from '../../../server/risk/dailySpend.ts';
import { type PreTradeRiskDeps, createPreTradeRisk } from '../../../server/risk/engine.ts';
import { parseRiskLimits } from '../../../server/risk/limitsConfig.ts';
import type { PreTradeRisk, RiskRequest } from '../../../server/risk/types.ts';
import { createWorkingOrderTotals } from '../../../server/risk/workingOrders.ts';
import { DailySpend as DailySpendBefore } from '../../unit/risk/reference/dailySpendBefore.ts';
import { createPreTradeRisk as createPreTradeRiskBefore } from '../../unit/risk/reference/engineBefore.ts';
import { createWorkingOrderTotals as createWorkingOrderTotalsBefore } from '../../unit/risk/reference/workingOrdersBefore.ts';

const arg = (name: string): string | undefined => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const CHECKS = Number(arg('checks') ?? 50_000);
const TRACKS = Number(arg('tracks') ?? 100_000);
const ROUNDS = Number(arg('rounds') ?? 5);
/** before | after: time one code only (its own process: no JIT or heap shared with the other); both by default. */
const ONLY = arg('only');

const catalog = loadInstruments();
const now = Date.now();
let clock = now;
const sim = new Simulator(catalog.all(), { seed: 7, tickIntervalMs: 100, clock: () => clock });
for (let k = 0; k < 20; k++) sim.step();

// The shipped limits, loosened exactly as the WS order-path bench loosens them.
const limitsFile = JSON.parse(readFileSync('server/risk/risk-limits.json', 'utf8')) as Record<string, Record<string, unknown>>;
limitsFile.defaults = { ...limitsFile.defaults, throttle: { maxOrders: 1_000_000, perMs: 1000 }, restricted: {}, positionLimit: { default: '1000000000' } };
limitsFile.desks = {};
limitsFile.nonTradable = {};
limitsFile.accounts = Object.fromEntries(['T1-MAIN', 'T1-HEDGE', 'T2-MAIN'].map((a) => [a, { buyingPower: '1000000000000' }]));
const book = parseRiskLimits(limitsFile);

const USERS: UserProfile[] = [
  { username: 'trader1', displayName: 'T1', role: 'trader', desk: 'Equities', accounts: ['T1-MAIN', 'T1-HEDGE'] },
  { username: 'trader2', displayName: 'T2', role: 'trader', desk: 'Equities', accounts: ['T2-MAIN'] },
];
const equities = catalog.all().filter((i) => /^[A-Z]{1,5}$/.test(i.symbol)).slice(0, 50);
/** The quotes the engines see: a snapshot of the simulator, moved on every 100 orders (the same snapshots for both engines). */
let quotesNow = new Map<string, QuoteWire>();
const snapshots: Map<string, QuoteWire>[] = [];
const snapshot = () => new Map(equities.map((i) => [i.symbol, sim.latest(i.symbol)!] as const));

function deps(spend: { spentToday(account: string, now: number): Decimal }): PreTradeRiskDeps {
  return {
    limits: book,
    spentToday: (account) => spend.spentToday(account, clock),
    instrument: (s) => catalog.get(s),
    quote: (s) => quotesNow.get(s),
    positionOf: () => ZERO,
    killSwitch: { governing: () => undefined },
    now: () => clock,
  };
}

/** Two ticks under the reference (resting), or one tick over the mid (aggressive): on the tick grid of the quote now. */
function orderFor(k: number, ins: Instrument): OrderSpec {
  const q = sim.latest(ins.symbol)!;
  const mid = dec(q.bid).plus(dec(q.ask)).div(2);
  const ticks = mid.div(ins.tickSize).floor();
  const price = k % 5 === 4 ? ticks.plus(1).times(ins.tickSize) : ticks.minus(2).times(ins.tickSize);
  const user = USERS[k % USERS.length]!;
  return { type: 'limit', symbol: ins.symbol, side: 'buy', quantity: ins.lotSize, limitPrice: price, account: user.accounts[0]!, tif: 'day' } as OrderSpec;
}

interface Engine {
  risk: PreTradeRisk;
  working: { track(o: Order): void };
  /** Another engine of the same code. */
  fresh(): Engine;
}

function build(before: boolean): Engine {
  if (before) {
    const spend = new DailySpendBefore({ instrument: (s) => catalog.get(s), rateToBase: (c) => book.rateToBase(c) });
    return { risk: createPreTradeRiskBefore(deps(spend)), working: createWorkingOrderTotalsBefore((s) => catalog.get(s)), fresh: () => build(true) };
  }
  const spend = new DailySpend({ instrument: (s) => catalog.get(s), rateToBase: (c) => book.rateToBase(c) });
  return { risk: createPreTradeRisk(deps(spend)), working: createWorkingOrderTotals((s) => catalog.get(s)), fresh: () => build(false) };
}

/** The order specs of a round, made once: both engines see the same orders and quotes. */
function makeSpecs(n: number): OrderSpec[] {
  const specs: OrderSpec[] = [];
  for (let k = 0; k < n; k++) {
    if (k % 100 === 0) {
      clock += 20;
      sim.step();
      snapshots.push(snapshot());
    }
    specs.push(orderFor(k, equities[k % equities.length]!));
  }
  return specs;
}

/** One order's life as the OMS tracks it: pendingNew, new, a partial fill, a cancel. */
function lifeOf(spec: OrderSpec, k: number): Order[] {
  const o = newOrder(spec, { orderId: `O${k}`, clOrdId: `C${k}`, trader: 'trader1' }, now);
  const half = spec.quantity.div(2).floor();
  const nw: Order = { ...o, status: 'new' };
  const part: Order = { ...nw, status: 'partiallyFilled', cumQty: half, leavesQty: spec.quantity.minus(half) };
  return [o, nw, part, { ...part, status: 'canceled', leavesQty: ZERO }];
}

/**
 * CPU µs per order of check() then track(pendingNew) of the accepted order,
 * as the gateway does them (the machine is shared: CPU time is steadier than
 * the clock's), and of check() alone: the same tracking timed by itself on a
 * fresh engine, taken off (which charges check() with the track's saving of
 * the contract value the check just computed, a little in its favour).
 */
function timeChecks(e: Engine, specs: readonly OrderSpec[], outcomes: Map<string, number>): { check: number; withTrack: number } {
  const totals = e.working as unknown as RiskRequest['working'];
  const accepted: Order[] = [];
  const c0 = process.cpuUsage();
  for (let k = 0; k < specs.length; k++) {
    if (k % 100 === 0) quotesNow = snapshots[k / 100]!;
    const spec = specs[k]!;
    const d = e.risk.check({ user: USERS[k % USERS.length]!, spec, clOrdId: `C${k}`, sessionId: k % 4, working: totals, confirmed: true });
    if (d.ok) {
      const o = restingOrders[k]!;
      e.working.track(o);
      accepted.push(o);
    }
    const outcome = d.ok ? (d.warnings.length === 0 ? 'ok' : `ok, warned: ${d.warnings.map((w) => w.rule).join(' ')}`) : `refused: ${d.rule}`;
    outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
  }
  const c = process.cpuUsage(c0);
  const tracking = e.fresh().working;
  const t0 = process.cpuUsage();
  for (const o of accepted) tracking.track(o);
  const t = process.cpuUsage(t0);
  return { check: (c.user + c.system - (t.user + t.system)) / specs.length, withTrack: (c.user + c.system) / specs.length };
}

/** CPU µs per track call (the machine is shared: CPU time is steadier than the clock's). */
function timeTracks(e: Engine, events: readonly Order[]): number {
  const c0 = process.cpuUsage();
  for (const o of events) e.working.track(o);
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / events.length;
}

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const specs = makeSpecs(CHECKS);
const restingOrders = specs.map((spec, k) => newOrder(spec, { orderId: `R${k}`, clOrdId: `R${k}`, trader: 'trader1' }, now));
/** Every event of each order's life: pendingNew, new, a partial fill, a cancel. */
const lives: Order[] = [];
for (let k = 0; lives.length < TRACKS; k++) lives.push(...lifeOf(specs[k % specs.length]!, k));
lives.length = TRACKS;
/** What the WS bench's orders see: pendingNew then new, and they rest. */
const resting: Order[] = [];
for (let k = 0; resting.length < TRACKS; k++) resting.push(...lifeOf(specs[k % specs.length]!, k).slice(0, 2));
resting.length = TRACKS;

const results = { pairBefore: [] as number[], pairAfter: [] as number[], checkBefore: [] as number[], checkAfter: [] as number[], restBefore: [] as number[], restAfter: [] as number[], lifeBefore: [] as number[], lifeAfter: [] as number[] };
for (let r = 0; r < ROUNDS + 1; r++) {
  // Fresh engines each round, after a collection when --expose-gc is given; the first round warms the JIT and is not counted.
  const ob = new Map<string, number>();
  const oa = new Map<string, number>();
  const runs = (before: boolean) => ONLY === undefined || ONLY === (before ? 'before' : 'after');
  const skip = () => Number.NaN;
  const none = { check: Number.NaN, withTrack: Number.NaN };
  gc();
  const cb = runs(true) ? timeChecks(build(true), specs, ob) : none;
  gc();
  const ca = runs(false) ? timeChecks(build(false), specs, oa) : none;
  if (r === 0) {
    const text = (m: Map<string, number>) => [...m].map(([o, n]) => `${o} ${n}`).join(', ');
    console.log(`outcomes before: ${text(ob)}`);
    console.log(`outcomes after:  ${text(oa)}`);
  }
  gc();
  const rb = runs(true) ? timeTracks(build(true), resting) : skip();
  gc();
  const ra = runs(false) ? timeTracks(build(false), resting) : skip();
  gc();
  const lb = runs(true) ? timeTracks(build(true), lives) : skip();
  gc();
  const la = runs(false) ? timeTracks(build(false), lives) : skip();
  if (r === 0) continue;
  results.checkBefore.push(cb.check);
  results.checkAfter.push(ca.check);
  results.pairBefore.push(cb.withTrack);
  results.pairAfter.push(ca.withTrack);
  results.restBefore.push(rb);
  results.restAfter.push(ra);
  results.lifeBefore.push(lb);
  results.lifeAfter.push(la);
}

const line = (name: string, b: number[], a: number[]) =>
  `${name.padEnd(34)} before ${median(b).toFixed(2).padStart(6)} µs/call   after ${median(a).toFixed(2).padStart(6)} µs/call   ×${(median(b) / median(a)).toFixed(1)}`;
console.log(`pre-trade risk, ${CHECKS} checks and ${TRACKS} track calls a run, median of ${ROUNDS} rounds (node ${process.version})`);
console.log(line('check() + track(pendingNew) (CPU)', results.pairBefore, results.pairAfter));
console.log(line('check() (CPU)', results.checkBefore, results.checkAfter));
console.log(line('track() pendingNew, new (CPU)', results.restBefore, results.restAfter));
console.log(line('track() new, new, fill, cancel (CPU)', results.lifeBefore, results.lifeAfter));
