import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { DECIMAL_PATTERN, dec } from '../../src/core/decimal.ts';
import { isWholeLots } from '../../src/core/instrument.ts';
import type { InstrumentCatalog } from '../marketdata/types.ts';
import { csvItems } from '../marketdata/csvLine.ts';
import type { StartOfDayPosition } from './ledgerBook.ts';

export const DEFAULT_START_OF_DAY_FILE = new URL('./start-of-day.csv', import.meta.url).pathname;

const decimal = z.string().trim().regex(DECIMAL_PATTERN, 'must be a decimal number such as 100 or 12.5');
const Row = z.object({
  trader: z.string().trim().min(1, 'is empty'),
  account: z.string().trim().min(1, 'is empty'),
  symbol: z.string().trim().min(1, 'is empty'),
  quantity: decimal,
  cost: decimal,
  mark: decimal,
});

export class StartOfDayError extends Error {
  override readonly name = 'StartOfDayError';
}

/** Reads the start-of-day positions; any fault stops the gateway at start with the line that holds it. */
export function parseStartOfDay(text: string, instruments: Pick<InstrumentCatalog, 'get'>, source: string): StartOfDayPosition[] {
  const faults: string[] = [];
  const out: StartOfDayPosition[] = [];
  const seen = new Set<string>();
  for (const item of csvItems(text, faults, 20)) {
    if (item.kind === 'header') {
      const missing = Object.keys(Row.shape).filter((c) => !item.columns.includes(c));
      if (missing.length > 0) faults.push(`line ${item.lineNo}: the header lacks ${missing.join(', ')}`);
      continue;
    }
    const parsed = Row.safeParse(item.cells);
    if (!parsed.success) {
      faults.push(`line ${item.lineNo}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
      continue;
    }
    const r = parsed.data;
    const instrument = instruments.get(r.symbol);
    if (!instrument) {
      faults.push(`line ${item.lineNo}: unknown symbol ${r.symbol}`);
      continue;
    }
    const quantity = dec(r.quantity);
    if (!isWholeLots(quantity.abs(), instrument)) faults.push(`line ${item.lineNo}: quantity ${r.quantity} is not whole lots of ${instrument.lotSize.toFixed()}`);
    const key = `${r.trader}/${r.account}/${r.symbol}`;
    if (seen.has(key)) faults.push(`line ${item.lineNo}: ${key} appears twice`);
    seen.add(key);
    out.push({ trader: r.trader, account: r.account, symbol: instrument.symbol, quantity, cost: dec(r.cost), mark: dec(r.mark) });
  }
  if (faults.length > 0) throw new StartOfDayError(`bad start-of-day file ${source}:\n  ${faults.join('\n  ')}`);
  return out;
}

export function loadStartOfDay(path: string, instruments: Pick<InstrumentCatalog, 'get'>): StartOfDayPosition[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new StartOfDayError(`cannot read the start-of-day file ${path}: ${(err as Error).message}`);
  }
  return parseStartOfDay(text, instruments, path);
}
