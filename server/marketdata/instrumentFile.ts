/**
 * The instrument file: a CSV a user may replace. It is parsed through a zod
 * schema and refused as a whole, with the line and field of each fault, so a
 * bad edit stops the gateway at start instead of producing odd prices later.
 * The tick-table and session columns are optional, as are their cells: a file
 * without them reads as before (FIXED ticks, the asset class's US hours).
 */
import { z } from 'zod';
import { DECIMAL_PATTERN, Decimal, isMultipleOf } from '../../src/core/decimal.ts';
import { ASSET_CLASSES, type AssetClass, type Instrument, type InstrumentWire, instrumentFromWire } from '../../src/core/instrument.ts';
import { TICK_TABLES, baseTickOf, isTickTableName, tickSizeAt } from '../../src/core/tickTable.ts';
import { type SessionField, type SessionWire, parseSession } from '../../src/core/tradingSession.ts';
import { csvItems } from './csvLine.ts';
import { DEFAULT_SESSIONS, DEFAULT_SESSION_DAYS } from './sessionDefaults.ts';

export const INSTRUMENT_COLUMNS = ['symbol', 'name', 'assetClass', 'sector', 'currency', 'tickSize', 'lotSize', 'multiplier', 'referencePrice'] as const;
export const OPTIONAL_INSTRUMENT_COLUMNS = ['tickTable', 'sessionOpen', 'sessionClose', 'timeZone', 'sessionDays', 'preOpen'] as const;
type Column = (typeof INSTRUMENT_COLUMNS)[number] | (typeof OPTIONAL_INSTRUMENT_COLUMNS)[number];
const ALL_COLUMNS: readonly string[] = [...INSTRUMENT_COLUMNS, ...OPTIONAL_INSTRUMENT_COLUMNS];
const SESSION_COLUMN: Record<SessionField, Column> = { open: 'sessionOpen', close: 'sessionClose', timeZone: 'timeZone', days: 'sessionDays', preOpen: 'preOpen' };

/** The simulator holds prices as JS integers of ticks; far below 2^53 so sums and products stay exact. */
export const MAX_REFERENCE_TICKS = 1_000_000_000;
/** More faults than this are not worth listing: the file is plainly the wrong one. */
const MAX_REPORTED_FAULTS = 10;

const positiveDecimal = (example: string) =>
  z
    .string()
    .regex(DECIMAL_PATTERN, `must be a decimal number such as ${example}`)
    .refine((s) => new Decimal(s).gt(0), 'must be greater than 0');

const InstrumentRow = z
  .strictObject({
    symbol: z
      .string()
      .min(1, 'must not be empty')
      .max(32, 'is longer than 32 characters')
      .regex(/^[A-Z0-9._\-/=^]+$/, 'may hold only upper-case letters, digits and . _ - / = ^'),
    name: z.string().min(1, 'must not be empty').max(120, 'is longer than 120 characters'),
    assetClass: z.enum(ASSET_CLASSES, { error: `must be one of ${ASSET_CLASSES.join(', ')}` }),
    sector: z.string().min(1, 'must not be empty').max(60, 'is longer than 60 characters'),
    currency: z.string().regex(/^[A-Z]{3}$/, 'must be a three-letter ISO code such as USD'),
    tickSize: positiveDecimal('0.01'),
    lotSize: positiveDecimal('100'),
    multiplier: positiveDecimal('1'),
    referencePrice: positiveDecimal('101.25'),
    tickTable: z
      .string()
      .refine((s) => s === '' || isTickTableName(s), `must be one of ${TICK_TABLES.join(', ')}, or blank for FIXED`)
      .optional(),
    sessionOpen: z.string().optional(),
    sessionClose: z.string().optional(),
    timeZone: z.string().optional(),
    sessionDays: z.string().optional(),
    preOpen: z.string().optional(),
  })
  .superRefine((row, ctx) => {
    // Only checked once both numbers are well formed; their own issues are reported above.
    if (!DECIMAL_PATTERN.test(row.tickSize) || !DECIMAL_PATTERN.test(row.referencePrice)) return;
    const tick = new Decimal(row.tickSize);
    const price = new Decimal(row.referencePrice);
    if (tick.lte(0) || price.lte(0)) return;
    const table = row.tickTable !== undefined && isTickTableName(row.tickTable) ? row.tickTable : undefined;
    const rule = { tickSize: tick, tickTable: table };
    const tableTick = tickSizeAt(rule, price);
    if (!tableTick.equals(tick)) {
      ctx.addIssue({ code: 'custom', path: ['tickSize'], message: `must be ${tableTick.toFixed()}, the ${table} tick at the reference price ${row.referencePrice}` });
    } else if (!isMultipleOf(price, tick)) {
      ctx.addIssue({ code: 'custom', path: ['referencePrice'], message: `must be a multiple of the tick size ${row.tickSize}` });
    } else if (price.div(baseTickOf(rule)).gt(MAX_REFERENCE_TICKS)) {
      ctx.addIssue({ code: 'custom', path: ['referencePrice'], message: `is more than ${MAX_REFERENCE_TICKS} ticks of ${baseTickOf(rule).toFixed()}` });
    }
  });

type SessionCells = Partial<Record<Column, string>>;
type SessionResult = { ok: true; session: SessionWire } | { ok: false; faults: { column: Column; message: string }[] };

/** The row's session: all blank → the asset class's default; hours given → checked field by field. */
function sessionOfRow(cells: SessionCells, assetClass: AssetClass): SessionResult {
  const open = cells.sessionOpen ?? '';
  const close = cells.sessionClose ?? '';
  const timeZone = cells.timeZone ?? '';
  const days = cells.sessionDays ?? '';
  const preOpen = cells.preOpen ?? '';
  if (open === '' && close === '' && timeZone === '') {
    if (days !== '' || preOpen !== '') {
      return { ok: false, faults: [{ column: days !== '' ? 'sessionDays' : 'preOpen', message: 'needs sessionOpen, sessionClose and timeZone in the same row' }] };
    }
    return { ok: true, session: DEFAULT_SESSIONS[assetClass] };
  }
  const missing = (['sessionOpen', 'sessionClose', 'timeZone'] as const).filter((c) => (cells[c] ?? '') === '');
  if (missing.length > 0) return { ok: false, faults: missing.map((column) => ({ column, message: 'must be set when the row gives trading hours' })) };
  const wire: SessionWire = { open, close, timeZone, days: days === '' ? DEFAULT_SESSION_DAYS : days };
  if (preOpen !== '') wire.preOpen = preOpen;
  const parsed = parseSession(wire);
  if (!parsed.ok) return { ok: false, faults: parsed.faults.map((f) => ({ column: SESSION_COLUMN[f.field], message: f.message })) };
  // Store the canonical form (time zone as Intl spells it, days as ranges) so the wire says one thing.
  return { ok: true, session: { ...wire, timeZone: parsed.session.timeZone } };
}

export class InstrumentFileError extends Error {
  constructor(
    readonly source: string,
    readonly faults: readonly string[],
  ) {
    super(`instrument file ${source} is not valid:\n  ${faults.join('\n  ')}`);
    this.name = 'InstrumentFileError';
  }
}

function quoteRaw(value: string | undefined): string {
  return value === undefined ? '' : ` (found "${value.length > 40 ? `${value.slice(0, 40)}…` : value}")`;
}

function headerFaults(header: readonly string[]): string[] {
  const faults: string[] = [];
  for (const col of header) {
    if (!ALL_COLUMNS.includes(col)) {
      faults.push(`line 1: unknown column "${col}"; the columns are ${INSTRUMENT_COLUMNS.join(',')} and optionally ${OPTIONAL_INSTRUMENT_COLUMNS.join(',')}`);
    }
  }
  for (const col of INSTRUMENT_COLUMNS) {
    if (!header.includes(col)) faults.push(`line 1: column "${col}" is missing`);
  }
  const seen = new Set<string>();
  for (const col of header) {
    if (seen.has(col)) faults.push(`line 1: column "${col}" appears twice`);
    seen.add(col);
  }
  return faults;
}

/**
 * Parses the text of an instrument file. Blank lines and lines starting with
 * `#` are ignored; the first other line is the header (columns in any order).
 * Throws InstrumentFileError naming the source, line and field of each fault.
 */
export function parseInstrumentFile(text: string, source: string): Instrument[] {
  const faults: string[] = [];
  const instruments: Instrument[] = [];
  const lineOfSymbol = new Map<string, number>();
  let sawHeader = false;

  for (const item of csvItems(text, faults, MAX_REPORTED_FAULTS)) {
    const lineNo = item.lineNo;
    if (item.kind === 'header') {
      sawHeader = true;
      const bad = headerFaults(item.columns).map((f) => f.replace(/^line 1/, `line ${lineNo}`));
      if (bad.length > 0) throw new InstrumentFileError(source, bad);
      continue;
    }
    // The header was checked to hold only known columns.
    const record = item.cells as Partial<Record<Column, string>>;
    const parsed = InstrumentRow.safeParse(record);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? 'row');
        faults.push(`line ${lineNo}, field ${field}: ${issue.message}${quoteRaw(record[field as Column])}`);
      }
      continue;
    }
    const session = sessionOfRow(record, parsed.data.assetClass);
    if (!session.ok) {
      for (const f of session.faults) faults.push(`line ${lineNo}, field ${f.column}: ${f.message}${quoteRaw(record[f.column])}`);
      continue;
    }
    const { tickTable, sessionOpen: _o, sessionClose: _c, timeZone: _z, sessionDays: _d, preOpen: _p, ...base } = parsed.data;
    const wire: InstrumentWire = { ...base, session: session.session };
    if (tickTable !== undefined && isTickTableName(tickTable)) wire.tickTable = tickTable;
    const earlier = lineOfSymbol.get(wire.symbol);
    if (earlier !== undefined) {
      faults.push(`line ${lineNo}, field symbol: ${wire.symbol} is already defined on line ${earlier}`);
      continue;
    }
    lineOfSymbol.set(wire.symbol, lineNo);
    instruments.push(instrumentFromWire(wire));
  }

  if (!sawHeader) throw new InstrumentFileError(source, [`has no header line (${INSTRUMENT_COLUMNS.join(',')})`]);
  if (faults.length > 0) throw new InstrumentFileError(source, faults.slice(0, MAX_REPORTED_FAULTS));
  if (instruments.length === 0) throw new InstrumentFileError(source, ['has a header but no instruments']);
  return instruments;
}
