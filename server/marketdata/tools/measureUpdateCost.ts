/**
 * Measures what one quote update costs, on the shipped instruments:
 *
 *   npx tsx server/marketdata/tools/measureUpdateCost.ts [updates]
 *
 * Prints nanoseconds per update for the simulator alone (move, trade, quote
 * strings), for createMarketData.step (plus bars and the quotes$ emit), and
 * for building a ten-level book on demand. Wall-clock figures: run on a quiet
 * machine; the first million updates warm the JIT and are not counted.
 */
import { createMarketData } from '../marketData.ts';
import { loadInstruments } from '../loadInstruments.ts';
import { Simulator } from '../simulator.ts';

const TICK_MS = 50;

function measure(label: string, updates: number, run: (budget: number) => number): void {
  run(Math.min(1_000_000, updates));
  const t0 = process.hrtime.bigint();
  const done = run(updates);
  const ns = Number(process.hrtime.bigint() - t0);
  console.log(`${label.padEnd(44)} ${(ns / done).toFixed(0).padStart(6)} ns/update  (${((done / ns) * 1e9).toFixed(0)} updates/s on one core)`);
}

const updates = Number(process.argv[2] ?? 3_000_000);
const catalog = loadInstruments();
const n = catalog.all().length;
let now = Date.UTC(2025, 10, 24, 14, 30);
const clock = () => now;

measure(`simulator.step, ${n} symbols`, updates, (budget) => {
  const sim = new Simulator(catalog.all(), { seed: 1, tickIntervalMs: TICK_MS, updatesPerSecond: 50_000, clock });
  let done = 0;
  while (done < budget) {
    now += TICK_MS;
    done += sim.step().length;
  }
  return done;
});

measure('createMarketData.step (+ bars, quotes$)', updates, (budget) => {
  const md = createMarketData({ seed: 1, catalog, tickIntervalMs: TICK_MS, updatesPerSecond: 50_000, clock });
  md.quotes$.subscribe(() => undefined);
  let done = 0;
  while (done < budget) {
    now += TICK_MS;
    done += md.step().length;
  }
  return done;
});

measure('the same, plus a 10-level book per update', Math.floor(updates / 4), (budget) => {
  const md = createMarketData({ seed: 1, catalog, tickIntervalMs: TICK_MS, updatesPerSecond: 50_000, clock });
  let done = 0;
  while (done < budget) {
    now += TICK_MS;
    const quotes = md.step();
    for (const q of quotes) md.depth(q.symbol);
    done += quotes.length;
  }
  return done;
});
