import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appendBookEntries, loadBookJournal } from '../../../server/venues/fix/bookJournal.ts';
import type { BookEntry } from '../../../server/venues/fix/clOrdIdBook.ts';

const dirs: string[] = [];
function journalFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fix-journal-'));
  dirs.push(dir);
  return join(dir, 'FIX.4.4-T-BROKER.orders.jsonl');
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const entries: BookEntry[] = [
  { t: 'order', orderId: 'O1', clOrdId: 'O1', symbol: 'IBM', side: 'sell', account: '', type: 'market', tif: 'ioc', quantity: '0.5', price: null },
  { t: 'seq', clOrdId: 'O1', seq: 2 },
  { t: 'replace', orderId: 'O1', clOrdId: 'O1-1', origClOrdId: 'O1', quantity: '1', price: null },
  { t: 'replaced', orderId: 'O1', clOrdId: 'O1-1', quantity: '1', price: null },
  { t: 'cancel', orderId: 'O1', clOrdId: 'O1-2', origClOrdId: 'O1-1' },
  { t: 'acked', orderId: 'O1' },
  { t: 'seen', key: '8|O1|17' },
];

describe('the FIX venue journal', () => {
  it('reads back every entry it appended, in order', () => {
    const path = journalFile();
    appendBookEntries(path, entries.slice(0, 2));
    for (const e of entries.slice(2)) appendBookEntries(path, [e]);
    expect(loadBookJournal(path)).toEqual({ entries, problems: [] });
  });

  it('is empty before the first order', () => {
    expect(loadBookJournal(journalFile())).toEqual({ entries: [], problems: [] });
  });

  it('skips a line torn by a crash and a line that is not an entry, naming their line numbers', () => {
    const path = journalFile();
    appendBookEntries(path, [entries[0]!]);
    appendFileSync(path, '{"t":"seq","clOrdId":"O1","seq":-3}\n{"t":"order","orderId":"O2","clO');
    const loaded = loadBookJournal(path);
    expect(loaded.entries).toEqual([entries[0]]);
    expect(loaded.problems).toEqual([expect.stringMatching(/:2: seq /), expect.stringMatching(/:3: not JSON$/)]);
  });

  it('refuses a quantity that is not a plain decimal', () => {
    const path = journalFile();
    appendFileSync(path, `${JSON.stringify({ ...entries[0], quantity: '1e3' })}\n`);
    expect(loadBookJournal(path).problems).toEqual([expect.stringMatching(/:1: quantity not a decimal/)]);
  });
});
