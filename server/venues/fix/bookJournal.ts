import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { isDecimalString } from '../../../src/core/decimal.ts';
import { ORDER_TYPES, SIDES, TIME_IN_FORCE } from '../../../src/core/order.ts';
import type { BookEntry } from './clOrdIdBook.ts';

const decimal = z.string().refine(isDecimalString, 'not a decimal');
const id = z.string().min(1);

const EntrySchema = z.discriminatedUnion('t', [
  z.object({
    t: z.literal('order'),
    orderId: id,
    clOrdId: id,
    symbol: id,
    side: z.enum(SIDES),
    account: z.string(),
    type: z.enum(ORDER_TYPES),
    tif: z.enum(TIME_IN_FORCE),
    quantity: decimal,
    price: decimal.nullable(),
  }),
  z.object({ t: z.literal('cancel'), orderId: id, clOrdId: id, origClOrdId: id }),
  z.object({ t: z.literal('replace'), orderId: id, clOrdId: id, origClOrdId: id, quantity: decimal, price: decimal.nullable() }),
  z.object({ t: z.literal('seq'), clOrdId: id, seq: z.number().int().positive() }),
  z.object({ t: z.literal('acked'), orderId: id }),
  z.object({ t: z.literal('replaced'), orderId: id, clOrdId: id, quantity: decimal, price: decimal.nullable() }),
  z.object({ t: z.literal('seen'), key: id }),
]);

export interface LoadedJournal {
  readonly entries: BookEntry[];
  /** Lines that could not be read, by line number; a torn last line after a crash lands here. */
  readonly problems: string[];
}

/** Reads the venue's journal: one JSON entry per line. A missing file is an empty journal. */
export function loadBookJournal(path: string): LoadedJournal {
  if (!existsSync(path)) return { entries: [], problems: [] };
  const entries: BookEntry[] = [];
  const problems: string[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '') return;
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        problems.push(`${path}:${i + 1}: not JSON`);
        return;
      }
      const parsed = EntrySchema.safeParse(json);
      if (parsed.success) entries.push(parsed.data);
      else problems.push(`${path}:${i + 1}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}`);
    });
  return { entries, problems };
}

/**
 * Appends synchronously, so entries are on disk before the message they
 * describe is sent or announced; the entries of one answer go in one write.
 */
export function appendBookEntries(path: string, entries: readonly BookEntry[]): void {
  if (entries.length > 0) appendFileSync(path, entries.map((e) => `${JSON.stringify(e)}\n`).join(''));
}
