/**
 * What the terminal spends parsing one `quotes` frame (issue 3's watchlist
 * bench sends one of 250 quotes every 50 ms): JSON.parse alone, JSON.parse +
 * the zod schema (the terminal before the fast path), and parseServerFrame as
 * it is now (JSON.parse + the plain check of src/streams/quotesFrame.ts).
 * Thread CPU time (process.cpuUsage), so other work on the machine does not
 * inflate it much. A benchmark, not a test: `npx tsx test/bench/quotesParse.bench.ts`.
 */
import { ServerMessage } from '../../src/core/protocol.ts';
import { parseServerFrame } from '../../src/streams/frames.ts';

const QUOTES = 250;
const ROUNDS = 4000;

function frameText(seq: number): string {
  const quotes = Array.from({ length: QUOTES }, (_, i) => {
    const mid = 5000 + ((i * 37 + seq) % 400);
    const cents = (c: number): string => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;
    return {
      symbol: `W${String(i).padStart(3, '0')}`,
      bid: cents(mid - 1),
      ask: cents(mid + 1),
      last: cents(mid),
      bidSize: '500',
      askSize: '300',
      lastSize: '100',
      open: '50.00',
      high: cents(Math.max(5000, mid)),
      low: cents(Math.min(5000, mid)),
      prevClose: '50.00',
      change: cents(Math.abs(mid - 5000)),
      changePct: '0.12',
      volume: String(10_000 + seq * 100),
      ts: 1_795_000_000_000 + seq,
      seq,
    };
  });
  return JSON.stringify({ type: 'quotes', quotes, seq });
}

const texts = Array.from({ length: 16 }, (_, i) => frameText(i + 1));

function cpuMicros(run: (text: string) => unknown): number {
  // Warm the JIT first, then measure.
  for (let i = 0; i < 300; i++) run(texts[i % texts.length] ?? '');
  const start = process.cpuUsage();
  for (let i = 0; i < ROUNDS; i++) run(texts[i % texts.length] ?? '');
  const used = process.cpuUsage(start);
  return (used.user + used.system) / ROUNDS;
}

const json = cpuMicros((t) => JSON.parse(t));
const zod = cpuMicros((t) => ServerMessage.safeParse(JSON.parse(t)));
const now = cpuMicros((t) => parseServerFrame(t));
console.log(`one quotes frame of ${QUOTES} quotes (${(texts[0]?.length ?? 0) / 1024 | 0} KiB), CPU µs per frame, mean of ${ROUNDS}:`);
console.log(`  JSON.parse only                        ${json.toFixed(0).padStart(6)}`);
console.log(`  JSON.parse + zod ServerMessage (before) ${zod.toFixed(0).padStart(6)}`);
console.log(`  parseServerFrame with the plain check   ${now.toFixed(0).padStart(6)}  (${(((zod - now) / zod) * 100).toFixed(0)}% less; the check itself ${(now - json).toFixed(0)} µs against zod's ${(zod - json).toFixed(0)} µs)`);
