/**
 * The instrument file: a CSV a user may replace. It is parsed through a zod
 * schema and refused as a whole, with the line and field of each fault, so a
 * bad edit stops the gateway at start instead of producing odd prices later.
 */
import { z } from 'zod';
import { DECIMAL_PATTERN, Decimal, isMultipleOf } from '../../src/core/decimal.ts';
import { ASSET_CLASSES, type Instrument, type InstrumentWire, instrumentFromWire } from '../../src/core/instrument.ts';
import { splitCsvLine } from './csvLine.ts';

export const INSTRUMENT_COLUMNS = ['symbol', 'name', 'assetClass', 'sector', 'currency', 'tickSize', 'lotSize', 'multiplier', 'referencePrice'] as const;
type Column = (typeof INSTRUMENT_COLUMNS)[number];

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
  })
  .superRefine((row, ctx) => {
    // Only checked once both numbers are well formed; their own issues are reported above.
    if (!DECIMAL_PATTERN.test(row.tickSize) || !DECIMAL_PATTERN.test(row.referencePrice)) return;
    const tick = new Decimal(row.tickSize);
    const price = new Decimal(row.referencePrice);
    if (tick.lte(0) || price.lte(0)) return;
    if (!isMultipleOf(price, tick)) {
      ctx.addIssue({ code: 'custom', path: ['referencePrice'], message: `must be a multiple of the tick size ${row.tickSize}` });
    } else if (price.div(tick).gt(MAX_REFERENCE_TICKS)) {
      ctx.addIssue({ code: 'custom', path: ['referencePrice'], message: `is more than ${MAX_REFERENCE_TICKS} ticks of ${row.tickSize}` });
    }
  });

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
    if (!(INSTRUMENT_COLUMNS as readonly string[]).includes(col)) faults.push(`line 1: unknown column "${col}"; the columns are ${INSTRUMENT_COLUMNS.join(',')}`);
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
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const faults: string[] = [];
  const instruments: Instrument[] = [];
  const lineOfSymbol = new Map<string, number>();
  let header: string[] | undefined;

  for (let index = 0; index < lines.length && faults.length < MAX_REPORTED_FAULTS; index++) {
    const lineNo = index + 1;
    const line = lines[index] ?? '';
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const split = splitCsvLine(line);
    if (!split.ok) {
      faults.push(`line ${lineNo}: ${split.message}`);
      continue;
    }
    if (header === undefined) {
      header = split.fields;
      const bad = headerFaults(header).map((f) => f.replace(/^line 1/, `line ${lineNo}`));
      if (bad.length > 0) throw new InstrumentFileError(source, bad);
      continue;
    }
    if (split.fields.length !== header.length) {
      faults.push(`line ${lineNo}: has ${split.fields.length} fields; the header has ${header.length}`);
      continue;
    }
    const record: Partial<Record<Column, string>> = {};
    header.forEach((col, i) => {
      record[col as Column] = split.fields[i];
    });
    const parsed = InstrumentRow.safeParse(record);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? 'row');
        faults.push(`line ${lineNo}, field ${field}: ${issue.message}${quoteRaw(record[field as Column])}`);
      }
      continue;
    }
    const wire: InstrumentWire = parsed.data;
    const earlier = lineOfSymbol.get(wire.symbol);
    if (earlier !== undefined) {
      faults.push(`line ${lineNo}, field symbol: ${wire.symbol} is already defined on line ${earlier}`);
      continue;
    }
    lineOfSymbol.set(wire.symbol, lineNo);
    instruments.push(instrumentFromWire(wire));
  }

  if (header === undefined) throw new InstrumentFileError(source, [`has no header line (${INSTRUMENT_COLUMNS.join(',')})`]);
  if (faults.length > 0) throw new InstrumentFileError(source, faults.slice(0, MAX_REPORTED_FAULTS));
  if (instruments.length === 0) throw new InstrumentFileError(source, ['has a header but no instruments']);
  return instruments;
}
