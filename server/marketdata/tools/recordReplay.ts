/**
 * Writes a replay file from the simulator, so the sample shipped under
 * server/marketdata/samples/ is in the format the replay reads:
 *
 *   npx tsx server/marketdata/tools/recordReplay.ts [out.csv] [seconds]
 *
 * Records the SAMPLE_SYMBOLS from 09:30 New York on 24 November 2025 with
 * sessions enforced, seed SAMPLE_SEED, 250 ms cycles.
 */
import { writeFileSync } from 'node:fs';
import type { QuoteWire } from '../../../src/core/protocol.ts';
import { loadInstruments } from '../loadInstruments.ts';
import { type ReplayRow, replayCsv } from '../replayFile.ts';
import { SAMPLE_REPLAY_FILE } from '../replayMarketData.ts';
import { Simulator } from '../simulator.ts';
import type { InstrumentCatalog } from '../types.ts';

export const SAMPLE_SYMBOLS = ['AAPL', 'MSFT', 'SIIN', 'EURUSD', 'ES'] as const;
export const SAMPLE_SEED = 20251124;
export const SAMPLE_START_MS = Date.UTC(2025, 10, 24, 14, 30);

function rowOf(q: QuoteWire, traded: boolean): ReplayRow {
  return {
    time: new Date(q.ts).toISOString(),
    symbol: q.symbol,
    bid: q.bid,
    ask: q.ask,
    bidSize: q.bidSize,
    askSize: q.askSize,
    last: traded ? q.last : '',
    lastSize: traded ? q.lastSize : '',
  };
}

/** The rows of `seconds` of simulated market for the symbols, in the order the simulator made them. */
export function recordRows(catalog: InstrumentCatalog, symbols: readonly string[], seconds: number, seed = SAMPLE_SEED, startMs = SAMPLE_START_MS): ReplayRow[] {
  let now = startMs;
  const sim = new Simulator(
    symbols.map((s) => catalog.get(s)!),
    { seed, tickIntervalMs: 250, sessions: 'enforce', clock: () => now },
  );
  const rows: ReplayRow[] = [];
  for (let k = 0; k < (seconds * 1000) / 250; k++) {
    now += 250;
    for (const { quote, trade } of sim.step()) rows.push(rowOf(quote, trade !== undefined));
  }
  return rows;
}

/** The text of the shipped sample: `seconds` of the sample symbols, with the comment saying how it was made. */
export function sampleReplayText(catalog: InstrumentCatalog, seconds = 180): string {
  return replayCsv(recordRows(catalog, SAMPLE_SYMBOLS, seconds), [
    `${seconds} s of simulated market from 09:30 New York, 24 November 2025 (seed ${SAMPLE_SEED}), written by server/marketdata/tools/recordReplay.ts.`,
    'One row per update; a row with last and lastSize printed a trade, one without only moved the quote.',
  ]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = process.argv[2] ?? SAMPLE_REPLAY_FILE;
  const text = sampleReplayText(loadInstruments(), Number(process.argv[3] ?? 180));
  writeFileSync(out, text);
  console.log(`wrote ${text.split('\n').length - 4} rows to ${out}`);
}
