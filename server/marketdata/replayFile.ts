/**
 * The replay file: top-of-book quotes and trades, one line per update, in
 * time order. A row with `last` and `lastSize` printed a trade; a row with
 * both blank only moved the quote.
 *
 *   time,symbol,bid,ask,bidSize,askSize,last,lastSize
 *   2025-11-24T14:30:00.250Z,AAPL,268.46,268.47,1200,300,268.47,100
 *
 * Times are UTC ISO 8601 with a Z; prices must sit on the instrument's tick
 * grid (its tick table included) and sizes be whole lots, checked against the
 * instrument file: a bad file is refused with the line and field of each fault.
 */
import { DECIMAL_PATTERN, Decimal, isMultipleOf } from '../../src/core/decimal.ts';
import type { Instrument } from '../../src/core/instrument.ts';
import { type TickLadder, priceToUnits, tickLadder } from '../../src/core/tickLadder.ts';
import { isOnPriceGrid } from '../../src/core/tickTable.ts';
import { csvItems } from './csvLine.ts';
import type { InstrumentCatalog } from './types.ts';

export const REPLAY_COLUMNS = ['time', 'symbol', 'bid', 'ask', 'bidSize', 'askSize', 'last', 'lastSize'] as const;
type Column = (typeof REPLAY_COLUMNS)[number];
const MAX_REPORTED_FAULTS = 10;
const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?Z$/;

/** One update of the file, in integers: prices in units of the instrument's finest tick, sizes in lots. */
export interface ReplayEvent {
  readonly line: number;
  readonly tsMs: number;
  readonly symbol: string;
  readonly bidUnits: number;
  readonly askUnits: number;
  readonly bidLots: number;
  readonly askLots: number;
  /** Absent on a quote-only row. */
  readonly trade?: { readonly priceUnits: number; readonly lots: number } | undefined;
}

export class ReplayFileError extends Error {
  constructor(
    readonly source: string,
    readonly faults: readonly string[],
  ) {
    super(`replay file ${source} is not valid:\n  ${faults.join('\n  ')}`);
    this.name = 'ReplayFileError';
  }
}

type Cells = Record<Column, string>;

/** Checks one row; returns its event or the faults as "field: message". */
function readRow(cells: Cells, line: number, catalog: InstrumentCatalog, ladders: Map<string, TickLadder>): ReplayEvent | string[] {
  const faults: string[] = [];
  const tsMs = ISO_UTC.test(cells.time) ? Date.parse(cells.time) : Number.NaN;
  if (Number.isNaN(tsMs)) faults.push(`time: must be a UTC time such as 2025-11-24T14:30:00.250Z (found "${cells.time}")`);
  const instrument = catalog.get(cells.symbol);
  if (instrument === undefined) return [...faults, `symbol: ${cells.symbol === '' ? 'is empty' : `"${cells.symbol}" is not in the instrument file`}`];
  let ladder = ladders.get(instrument.symbol);
  if (ladder === undefined) ladders.set(instrument.symbol, (ladder = tickLadder(instrument)));

  const price = (field: Column): number | undefined => {
    const text = cells[field];
    if (!DECIMAL_PATTERN.test(text) || !new Decimal(text).gt(0)) {
      faults.push(`${field}: must be a positive decimal such as 101.25 (found "${text}")`);
      return undefined;
    }
    if (!isOnPriceGrid(new Decimal(text), instrument)) {
      faults.push(`${field}: ${text} is off the tick grid of ${instrument.symbol}`);
      return undefined;
    }
    return priceToUnits(ladder, new Decimal(text));
  };
  const lots = (field: Column, i: Instrument): number | undefined => {
    const text = cells[field];
    if (!DECIMAL_PATTERN.test(text) || !new Decimal(text).gt(0) || !isMultipleOf(new Decimal(text), i.lotSize)) {
      faults.push(`${field}: must be a positive whole number of lots of ${i.lotSize.toFixed()} (found "${text}")`);
      return undefined;
    }
    return new Decimal(text).div(i.lotSize).toNumber();
  };

  const bidUnits = price('bid');
  const askUnits = price('ask');
  const bidLots = lots('bidSize', instrument);
  const askLots = lots('askSize', instrument);
  if (bidUnits !== undefined && askUnits !== undefined && bidUnits >= askUnits) faults.push(`ask: must be above the bid ${cells.bid} (found "${cells.ask}")`);
  let trade: ReplayEvent['trade'];
  if (cells.last !== '' || cells.lastSize !== '') {
    const priceUnits = price('last');
    const tradeLots = lots('lastSize', instrument);
    if (priceUnits !== undefined && tradeLots !== undefined) trade = { priceUnits, lots: tradeLots };
  }
  if (faults.length > 0 || bidUnits === undefined || askUnits === undefined || bidLots === undefined || askLots === undefined) return faults;
  return { line, tsMs, symbol: instrument.symbol, bidUnits, askUnits, bidLots, askLots, trade };
}

/** Parses a replay file against the instruments; throws ReplayFileError naming the line and field of each fault. */
export function parseReplayFile(text: string, source: string, catalog: InstrumentCatalog): ReplayEvent[] {
  const faults: string[] = [];
  const events: ReplayEvent[] = [];
  const ladders = new Map<string, TickLadder>();
  let sawHeader = false;
  let previousTs = Number.NEGATIVE_INFINITY;

  for (const item of csvItems(text, faults, MAX_REPORTED_FAULTS)) {
    const lineNo = item.lineNo;
    if (item.kind === 'header') {
      sawHeader = true;
      const header = item.columns;
      const missing = REPLAY_COLUMNS.filter((c) => !header.includes(c));
      const unknown = header.filter((c) => !(REPLAY_COLUMNS as readonly string[]).includes(c));
      if (missing.length > 0 || unknown.length > 0) {
        throw new ReplayFileError(source, [`line ${lineNo}: the columns must be ${REPLAY_COLUMNS.join(',')} (missing: ${missing.join(',') || 'none'}; unknown: ${unknown.join(',') || 'none'})`]);
      }
      continue;
    }
    // The header was checked to hold exactly the replay columns.
    const cells = item.cells as Cells;
    const read = readRow(cells, lineNo, catalog, ladders);
    const rowFaults = Array.isArray(read) ? read.map((f) => `line ${lineNo}, field ${f}`) : [];
    // Order is checked against every earlier readable time, so one bad row does not hide the next.
    const ts = ISO_UTC.test(cells.time) ? Date.parse(cells.time) : Number.NaN;
    if (ts < previousTs) rowFaults.push(`line ${lineNo}, field time: ${cells.time} is earlier than the line before; rows must be in time order`);
    if (!Number.isNaN(ts)) previousTs = Math.max(previousTs, ts);
    if (rowFaults.length > 0 || Array.isArray(read)) faults.push(...rowFaults);
    else events.push(read);
  }
  if (!sawHeader) throw new ReplayFileError(source, [`has no header line (${REPLAY_COLUMNS.join(',')})`]);
  if (faults.length > 0) throw new ReplayFileError(source, faults.slice(0, MAX_REPORTED_FAULTS));
  if (events.length === 0) throw new ReplayFileError(source, ['has a header but no rows']);
  return events;
}

/** One row as the recorder writes it: the same strings a quote carries. */
export interface ReplayRow {
  time: string;
  symbol: string;
  bid: string;
  ask: string;
  bidSize: string;
  askSize: string;
  last: string;
  lastSize: string;
}

export function replayCsv(rows: readonly ReplayRow[], comments: readonly string[] = []): string {
  const lines = [...comments.map((c) => `# ${c}`), REPLAY_COLUMNS.join(',')];
  for (const r of rows) lines.push(REPLAY_COLUMNS.map((c) => r[c]).join(','));
  return `${lines.join('\n')}\n`;
}
