/**
 * Portfolio benchmark (issue 5).
 *
 * 1. Re-marking: 10,000 positions over the instrument file's symbols, a burst
 *    of one quote per symbol. Ours: the desk feed's way — quotes only mark the
 *    book dirty, one re-valuation of every position (deskRows: exact decimals,
 *    FX to base) and one roll-up per burst. Baseline, same run: the naive way
 *    a desk monitor is often first written — on every quote, re-value every
 *    position (no cache) and rebuild the roll-up. Prints positions re-valued per second,
 *    the cost of one burst each way, and the ratio.
 * 2. Fill to roll-up: a real gateway in this process, a desk head subscribed,
 *    a trader's marketable orders; the delay from the fill's execution report
 *    reaching the trader to the desk head's deskUpdate showing it (the feed
 *    conflates to 250 ms windows, so that is the expected order of magnitude).
 *
 * A benchmark, not a test: `npm run bench:portfolio`.
 */
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { Decimal, dec } from '../../src/core/decimal.ts';
import type { Instrument } from '../../src/core/instrument.ts';
import { fxRates } from '../../src/core/pnl/fx.ts';
import { loadInstruments } from '../../server/marketdata/loadInstruments.ts';
import { createRowCache, deskLines, deskRows } from '../../server/portfolio/deskView.ts';
import { type BookPosition, applyBookedFill, openBookPosition } from '../../server/portfolio/ledgerBook.ts';
import { commissionFor, DEFAULT_COMMISSIONS } from '../../server/portfolio/commissions.ts';
import { Session } from 'node:inspector/promises';
import { startTestGateway } from '../support/gateway.ts';
import { applyBookedFillBefore } from '../unit/portfolio/reference/ledgerBookBefore.ts';
import { connect } from '../support/wsClient.ts';

const POSITIONS = 10_000;
const TRADERS = ['trader1', 'trader2', 'trader3', 'trader4', 'trader5'];

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function buildBook(instruments: readonly Instrument[]): { positions: BookPosition[]; marks: Map<string, Decimal> } {
  const rnd = mulberry32(7);
  const positions: BookPosition[] = [];
  const seen = new Set<string>();
  while (positions.length < POSITIONS) {
    const ins = instruments[Math.floor(rnd() * instruments.length)]!;
    const trader = TRADERS[Math.floor(rnd() * TRADERS.length)]!;
    const account = `${trader.toUpperCase()}-${1 + Math.floor(rnd() * 4)}`;
    const key = `${trader}/${account}/${ins.symbol}`;
    if (seen.has(key)) continue;
    seen.add(key);
    let p = openBookPosition({ trader, account, symbol: ins.symbol }, ins);
    for (let k = 0; k < 3; k++) {
      const lots = 1 + Math.floor(rnd() * 20);
      const price = ins.referencePrice.plus(ins.tickSize.times(Math.floor(rnd() * 40) - 20));
      p = applyBookedFill(p, { trader, account, symbol: ins.symbol, side: rnd() < 0.6 ? 'buy' : 'sell', quantity: ins.lotSize.times(lots), price, fee: dec('1.25') });
    }
    positions.push(p);
  }
  const marks = new Map(instruments.map((i) => [i.symbol, i.referencePrice]));
  return { positions, marks };
}

function remarkSection() {
  const catalog = loadInstruments();
  const instruments = catalog.all().filter((i) => i.referencePrice.gt(0));
  const { positions, marks } = buildBook(instruments);
  const symbols = [...new Set(positions.map((p) => p.symbol))];
  const rates = fxRates('USD', { EUR: '1.158', GBP: '1.3154', JPY: '0.006447', CHF: '1.25', SEK: '0.105', NOK: '0.098', CAD: '0.72', NZD: '0.58', AUD: '0.6507', ZAR: '0.057' });
  const rnd = mulberry32(11);
  const burst = () => {
    for (const s of symbols) {
      const ins = catalog.get(s)!;
      marks.set(s, ins.referencePrice.plus(ins.tickSize.times(Math.floor(rnd() * 10) - 5)));
    }
  };
  const inputs = { positions, method: 'averageCost' as const, rates, markOf: (s: string) => marks.get(s), deskOf: () => 'Equities' };
  const cache = createRowCache();
  const revalueAll = () => deskLines(deskRows(inputs, cache).rows, 'USD').length;

  // Ours: one re-valuation per burst.
  revalueAll(); // warm-up
  const runs: number[] = [];
  for (let r = 0; r < 5; r++) {
    burst();
    const t0 = performance.now();
    revalueAll();
    runs.push(performance.now() - t0);
  }
  runs.sort((a, b) => a - b);
  const oursBurstMs = runs[2]!;

  // Ours on a quieter window: a tenth of the symbols move; unchanged positions come from the cache.
  const quiet: number[] = [];
  for (let r = 0; r < 5; r++) {
    for (const s of symbols.slice(0, Math.ceil(symbols.length / 10))) marks.set(s, marks.get(s)!.plus(catalog.get(s)!.tickSize));
    const t = performance.now();
    revalueAll();
    quiet.push(performance.now() - t);
  }
  quiet.sort((a, b) => a - b);
  const quietBurstMs = quiet[2]!;

  // Baseline: on each quote, re-value every position and rebuild the roll-up (timed over a sample of quotes, scaled to the burst).
  const sampleQuotes = 20;
  const revalueNaively = () => deskLines(deskRows(inputs).rows, 'USD').length; // no cache: every position, every time
  const t0 = performance.now();
  for (let k = 0; k < sampleQuotes; k++) {
    const s = symbols[k % symbols.length]!;
    marks.set(s, marks.get(s)!.plus(catalog.get(s)!.tickSize));
    revalueNaively();
  }
  const perQuoteMs = (performance.now() - t0) / sampleQuotes;
  const naiveBurstMs = perQuoteMs * symbols.length;
  return {
    positions: positions.length,
    symbols: symbols.length,
    oursBurstMs,
    oursPositionsPerSec: (positions.length / oursBurstMs) * 1000,
    naiveBurstMs,
    naivePositionsPerSec: ((positions.length * symbols.length) / naiveBurstMs) * 1000,
    ratio: naiveBurstMs / oursBurstMs,
    runs,
    quietBurstMs,
  };
}

async function fillToRollupSection(fills: number) {
  const gw = await startTestGateway({ tickIntervalMs: 3_600_000, startOfDayFile: 'none' });
  const head = await connect(gw.wsUrl);
  const trader = await connect(gw.wsUrl);
  try {
    await head.login('deskhead');
    await trader.login('trader1');
    await head.request({ type: 'subscribeDesk' });
    const delays: number[] = [];
    let held = 0;
    for (let i = 0; i < fills; i++) {
      const q = gw.marketData.latest('AAPL')!;
      const limit = dec(q.ask).plus(1).toFixed(2);
      const ack = await trader.request({ type: 'placeOrder', clOrdId: `pb-${i}`, order: { symbol: 'AAPL', side: 'buy', type: 'limit', quantity: '100', limitPrice: limit, account: 'T1-MAIN' }, confirm: true });
      if (ack.type !== 'execReport') throw new Error(JSON.stringify(ack));
      const id = ack.report.order.orderId;
      await trader.next('execReport', (m) => m.report.order.orderId === id && m.report.order.status === 'filled');
      const filledAt = performance.now();
      held += 100;
      const want = String(held);
      await head.next('deskUpdate', (m) => m.lines.some((l) => l.id === 'Equities/trader1/T1-MAIN/AAPL' && l.quantity === want));
      delays.push(performance.now() - filledAt);
    }
    delays.sort((a, b) => a - b);
    return { fills, p50: delays[Math.floor(delays.length / 2)]!, max: delays[delays.length - 1]! };
  } finally {
    await head.close();
    await trader.close();
    await gw.dispose();
  }
}

type BookFill = typeof applyBookedFill;

/**
 * 3. A fill booked (issue 4): applyBookedFill (the day totals in lean exact
 *    decimals) against its copy from before (test/unit/portfolio/reference),
 *    with the fill's commission as the service charges it, on the same fills
 *    in interleaved rounds; CPU µs per fill (median round) and bytes allocated
 *    per fill (V8's sampling heap profiler, garbage included).
 */
async function fillSection(fills: number, rounds: number) {
  const instruments = loadInstruments().all().filter((i) => i.referencePrice.gt(0) && /^[A-Z]{1,5}$/.test(i.symbol));
  const rnd = mulberry32(11);
  const plan = Array.from({ length: fills }, () => {
    const ins = instruments[Math.floor(rnd() * instruments.length)]!;
    const price = ins.referencePrice.plus(ins.tickSize.times(Math.floor(rnd() * 40) - 20));
    return { ins, side: rnd() < 0.6 ? ('buy' as const) : ('sell' as const), quantity: ins.lotSize.times(1 + Math.floor(rnd() * 20)), price };
  });
  const book = (apply: BookFill): number => {
    const open = new Map<string, BookPosition>();
    let n = 0;
    for (const f of plan) {
      const p = open.get(f.ins.symbol) ?? openBookPosition({ trader: 'trader1', account: 'T1-MAIN', symbol: f.ins.symbol }, f.ins);
      const fee = commissionFor(DEFAULT_COMMISSIONS, f.ins, f.quantity, f.price);
      const next = apply(p, { trader: 'trader1', account: 'T1-MAIN', symbol: f.ins.symbol, side: f.side, quantity: f.quantity, price: f.price, fee });
      open.set(f.ins.symbol, next);
      n += next.todayQuantity.e;
    }
    return n;
  };
  const cpu = (apply: BookFill): number => {
    const t = process.cpuUsage();
    book(apply);
    const u = process.cpuUsage(t);
    return (u.user + u.system) / fills;
  };
  const times = { before: [] as number[], after: [] as number[] };
  book(applyBookedFillBefore);
  book(applyBookedFill);
  for (let r = 0; r < rounds; r++) {
    times.before.push(cpu(applyBookedFillBefore));
    times.after.push(cpu(applyBookedFill));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const session = new Session();
  session.connect();
  const bytes = async (apply: BookFill): Promise<number> => {
    await session.post('HeapProfiler.startSampling', { samplingInterval: 256, includeObjectsCollectedByMinorGC: true, includeObjectsCollectedByMajorGC: true });
    book(apply);
    const { profile } = await session.post('HeapProfiler.stopSampling');
    let total = 0;
    const walk = (n: { selfSize: number; children: unknown[] }) => {
      total += n.selfSize;
      for (const c of n.children) walk(c as typeof n);
    };
    walk(profile.head as unknown as { selfSize: number; children: unknown[] });
    return total / fills;
  };
  const bytesBefore = await bytes(applyBookedFillBefore);
  const bytesAfter = await bytes(applyBookedFill);
  session.disconnect();
  return { fills, rounds, before: median(times.before), after: median(times.after), bytesBefore, bytesAfter };
}

async function main(): Promise<void> {
  console.log(`machine: ${os.availableParallelism()} cpus, ${os.cpus()[0]?.model ?? 'unknown'}, node ${process.version}`);
  const r = remarkSection();
  const n = (x: number) => Math.round(x).toLocaleString('en');
  console.log(`Re-marking ${n(r.positions)} positions on a burst of ${n(r.symbols)} quotes (one per symbol), exact decimals, FX to USD, with the roll-up`);
  console.log(`  ours (conflated: one re-valuation per burst): ${r.oursBurstMs.toFixed(1)} ms per burst = ${n(r.oursPositionsPerSec)} positions re-valued/s (runs ${r.runs.map((x) => x.toFixed(1)).join(', ')} ms)`);
  console.log(`  ours when a tenth of the symbols move (cached valuations for the rest): ${r.quietBurstMs.toFixed(1)} ms per window`);
  console.log(`  baseline (every quote re-values every position, no cache, and rebuilds the roll-up): ${n(r.naiveBurstMs)} ms per burst (${n(r.naivePositionsPerSec)} positions re-valued/s, most of them unchanged)`);
  console.log(`  ratio, burst cost baseline ÷ ours: ${r.ratio.toFixed(0)}×`);
  const b = await fillSection(100_000, 7);
  console.log(
    `A fill booked (applyBookedFill; the commission, charged as today, in both; ${n(b.fills)} fills, median of ${b.rounds} rounds): before ${b.before.toFixed(2)} µs, after ${b.after.toFixed(2)} µs CPU per fill; ` +
      `allocated ${n(b.bytesBefore)} → ${n(b.bytesAfter)} bytes per fill`,
  );
  const f = await fillToRollupSection(20);
  console.log(`Fill to desk roll-up (real gateway, 250 ms conflation window): p50 ${f.p50.toFixed(1)} ms, max ${f.max.toFixed(1)} ms over ${f.fills} fills`);
  console.log(
    JSON.stringify({
      benchmark: 'portfolio',
      positions: r.positions,
      symbols: r.symbols,
      oursBurstMs: Number(r.oursBurstMs.toFixed(2)),
      oursPositionsPerSec: Math.round(r.oursPositionsPerSec),
      quietWindowMs: Number(r.quietBurstMs.toFixed(2)),
      naiveBurstMs: Math.round(r.naiveBurstMs),
      ratio: Number(r.ratio.toFixed(1)),
      fillToRollupP50Ms: Number(f.p50.toFixed(1)),
      fillToRollupMaxMs: Number(f.max.toFixed(1)),
    }),
  );
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) void main();
