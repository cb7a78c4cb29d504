import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { Decimal, dec } from '../../../src/core/decimal.ts';
import type { QuoteWire } from '../../../src/core/protocol.ts';
import { type MarketDataSource, loadInstruments } from '../../../server/marketdata/index.ts';
import { ReplayFileError } from '../../../server/marketdata/replayFile.ts';
import { SAMPLE_REPLAY_FILE, createReplayMarketData } from '../../../server/marketdata/replayMarketData.ts';
import { sampleReplayText } from '../../../server/marketdata/tools/recordReplay.ts';

const catalog = loadInstruments();
const dir = mkdtempSync(join(tmpdir(), 'replay-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.useRealTimers());

function writeReplay(name: string, lines: readonly string[]): string {
  const file = join(dir, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** The sample's rows read with nothing but split(','), to hold the replay to its file. */
const sampleRows = readFileSync(SAMPLE_REPLAY_FILE, 'utf8')
  .split('\n')
  .filter((l) => l !== '' && !l.startsWith('#'))
  .slice(1)
  .map((l) => {
    const [time, symbol, bid, ask, bidSize, askSize, last, lastSize] = l.split(',') as [string, string, string, string, string, string, string, string];
    return { ts: Date.parse(time), symbol, bid, ask, bidSize, askSize, last, lastSize };
  });

function drain(md: { step(): QuoteWire[]; readonly done: boolean }): QuoteWire[] {
  const out: QuoteWire[] = [];
  while (!md.done) out.push(...md.step());
  return out;
}

describe('replaying the shipped sample', () => {
  const md = createReplayMarketData({ catalog });
  const seen: QuoteWire[] = [];
  md.quotes$.subscribe((q) => seen.push(q));
  const quotes = drain(md);

  it('emits one quote per row, in file order, with the file’s prices, sizes, trades and times', () => {
    expect(sampleRows.length).toBeGreaterThan(500);
    expect(md.length).toBe(sampleRows.length);
    expect(quotes).toHaveLength(sampleRows.length);
    expect(seen).toEqual(quotes);
    const lastTrade = new Map<string, { last: string; lastSize: string }>();
    quotes.forEach((q, k) => {
      const row = sampleRows[k]!;
      expect({ ts: q.ts, symbol: q.symbol, bid: q.bid, ask: q.ask, bidSize: q.bidSize, askSize: q.askSize }, `row ${k}`).toEqual({
        ts: row.ts,
        symbol: row.symbol,
        bid: row.bid,
        ask: row.ask,
        bidSize: row.bidSize,
        askSize: row.askSize,
      });
      if (row.last !== '') lastTrade.set(row.symbol, { last: row.last, lastSize: row.lastSize });
      const traded = lastTrade.get(row.symbol);
      if (traded !== undefined) expect({ last: q.last, lastSize: q.lastSize }, `row ${k}`).toEqual(traded);
    });
  });

  it('is the simulator’s own output: recording again writes the same file', () => {
    expect(sampleReplayText(catalog)).toBe(readFileSync(SAMPLE_REPLAY_FILE, 'utf8'));
  });

  it('counts a per-symbol seq and a volume that is the sum of the file’s trade sizes', () => {
    for (const symbol of ['AAPL', 'MSFT', 'SIIN', 'EURUSD', 'ES']) {
      const rows = sampleRows.filter((r) => r.symbol === symbol);
      const volume = rows.reduce((s, r) => (r.lastSize === '' ? s : s.plus(r.lastSize)), new Decimal(0));
      const latest = md.latest(symbol)!;
      expect(latest.seq).toBe(rows.length);
      expect(dec(latest.volume).equals(volume), symbol).toBe(true);
    }
    expect(md.latest('NVDA')).toBeUndefined();
  });

  it('builds bars that match a hand aggregation of the file’s trades', () => {
    for (const [symbol, interval, seconds] of [
      ['AAPL', '1m', 60],
      ['ES', '1m', 60],
      ['SIIN', '1s', 1],
      ['EURUSD', '5m', 300],
    ] as const) {
      const byBar = new Map<number, { open: string; high: Decimal; low: Decimal; close: string; volume: Decimal }>();
      for (const r of sampleRows) {
        if (r.symbol !== symbol || r.last === '') continue;
        const time = Math.floor(r.ts / 1000 / seconds) * seconds;
        const price = dec(r.last);
        const bar = byBar.get(time);
        if (bar === undefined) byBar.set(time, { open: r.last, high: price, low: price, close: r.last, volume: dec(r.lastSize) });
        else {
          bar.high = Decimal.max(bar.high, price);
          bar.low = Decimal.min(bar.low, price);
          bar.close = r.last;
          bar.volume = bar.volume.plus(r.lastSize);
        }
      }
      const bars = md.history(symbol, interval, 5000);
      expect(bars.length, symbol).toBe(byBar.size);
      expect(
        bars.map((b) => ({ time: b.time, open: b.open, high: dec(b.high), low: dec(b.low), close: b.close, volume: dec(b.volume) })),
        `${symbol} ${interval}`,
      ).toEqual([...byBar].map(([time, b]) => ({ time, ...b })));
    }
  });

  it('serves a range of its bars and one level of depth, the quote’s', () => {
    const all = md.history('AAPL', '1s', 5000);
    expect(md.history('AAPL', '1s', 10, { to: all[50]!.time })).toEqual(all.slice(40, 50));
    expect(md.history('AAPL', '1s', 5000, { from: all[50]!.time, to: all[60]!.time })).toEqual(all.slice(50, 60));
    const q = md.latest('ES')!;
    expect(md.depth('ES')).toEqual({ symbol: 'ES', seq: q.seq, ts: q.ts, bids: [{ price: q.bid, size: q.bidSize }], asks: [{ price: q.ask, size: q.askSize }] });
    expect(md.depth('NVDA')).toBeUndefined();
    const source: MarketDataSource = md;
    expect(source.history('NOPE', '1m', 10)).toEqual([]);
  });
});

describe('replaying at a chosen speed', () => {
  it('keeps the recorded gaps divided by the speed, pauses on stop and resumes on start', () => {
    vi.useFakeTimers({ now: Date.UTC(2030, 0, 1) });
    const md = createReplayMarketData({ catalog, speed: 60 });
    let emitted = 0;
    md.quotes$.subscribe(() => (emitted += 1));
    const t0 = sampleRows[0]!.ts;
    const dueBy = (recordedMs: number) => sampleRows.filter((r) => r.ts - t0 <= recordedMs).length;

    md.start();
    expect(emitted).toBe(dueBy(0));
    vi.advanceTimersByTime(1_000); // a minute of the file
    expect(emitted).toBe(dueBy(60_000));
    md.stop();
    vi.advanceTimersByTime(10_000);
    expect(emitted).toBe(dueBy(60_000));
    md.start();
    vi.advanceTimersByTime(60_000);
    expect(emitted).toBe(sampleRows.length);
    expect(md.done).toBe(true);
    md.stop();
  });

  it('refuses a speed that is not positive', () => {
    expect(() => createReplayMarketData({ catalog, speed: 0 })).toThrow('replay speed must be a positive number');
  });
});

describe('a hand-written replay file', () => {
  const HEADER = 'time,symbol,bid,ask,bidSize,askSize,last,lastSize';

  it('follows the file’s trades for open, high, low, last, volume and change from the reference price', () => {
    const file = writeReplay('hand.csv', [
      '# four rows of AAPL (reference price 268.47)',
      HEADER,
      '2025-11-24T14:30:00Z,AAPL,268.40,268.45,500,300,,',
      '2025-11-24T14:30:01.5Z,AAPL,268.400,268.45,500,300,268.45,200',
      '2025-11-24T14:30:02Z,AAPL,268.60,268.62,100,100,268.62,100',
      '2025-11-24T14:30:02Z,AAPL,268.30,268.31,100,100,268.30,300',
    ]);
    const md = createReplayMarketData({ catalog, file });
    const first = md.step();
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ bid: '268.40', last: '268.47', open: '268.47', volume: '0', lastSize: '0', change: '0.00', seq: 1 });
    expect(md.step()[0]).toMatchObject({ bid: '268.40', last: '268.45', open: '268.45', high: '268.45', low: '268.45', volume: '200', change: '-0.02', changePct: '-0.01' });
    const both = md.step();
    expect(both.map((q) => q.last)).toEqual(['268.62', '268.30']);
    expect(both[1]).toMatchObject({ open: '268.45', high: '268.62', low: '268.30', volume: '600', lastSize: '300', change: '-0.17', changePct: '-0.06', seq: 4, ts: Date.UTC(2025, 10, 24, 14, 30, 2) });
    expect(md.done).toBe(true);
    expect(md.step()).toEqual([]);
  });

  it('names the line and field of every fault', () => {
    const file = writeReplay('bad.csv', [
      HEADER,
      '2025-11-24T14:30:00Z,AAPL,268.405,268.45,500,300,,',
      '2025-11-24 14:30:01,NOPE,1,2,1,1,,',
      '2025-11-24T14:30:02Z,ES,6702.25,6702.00,1,1,6702.25,',
      '2025-11-24T14:30:03Z,EURUSD,1.15820,1.15821,1500,1000,,',
      '2025-11-24T14:29:00Z,MSFT,507.49,507.50,100,100,,',
    ]);
    expect(() => createReplayMarketData({ catalog, file })).toThrow(ReplayFileError);
    try {
      createReplayMarketData({ catalog, file });
    } catch (err) {
      expect((err as ReplayFileError).faults).toEqual([
        'line 2, field bid: 268.405 is off the tick grid of AAPL',
        'line 3, field time: must be a UTC time such as 2025-11-24T14:30:00.250Z (found "2025-11-24 14:30:01")',
        'line 3, field symbol: "NOPE" is not in the instrument file',
        'line 4, field ask: must be above the bid 6702.25 (found "6702.00")',
        'line 4, field lastSize: must be a positive whole number of lots of 1 (found "")',
        'line 5, field bidSize: must be a positive whole number of lots of 1000 (found "1500")',
        'line 6, field time: 2025-11-24T14:29:00Z is earlier than the line before; rows must be in time order',
      ]);
    }
  });

  it('refuses a wrong header, an empty file and a file it cannot read', () => {
    expect(() => createReplayMarketData({ catalog, file: writeReplay('h.csv', ['time,symbol,bid,ask,size']) })).toThrow(
      /the columns must be time,symbol,bid,ask,bidSize,askSize,last,lastSize \(missing: bidSize,askSize,last,lastSize; unknown: size\)/,
    );
    expect(() => createReplayMarketData({ catalog, file: writeReplay('e.csv', [HEADER]) })).toThrow('has a header but no rows');
    expect(() => createReplayMarketData({ catalog, file: join(dir, 'missing.csv') })).toThrow(/cannot be read: ENOENT/);
  });
});
