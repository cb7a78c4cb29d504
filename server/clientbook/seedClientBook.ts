import type { Instrument } from '../../src/core/instrument.ts';
import type { Db } from '../storage/database.ts';
import { generateBook } from './seed/generateBook.ts';
import { writeSeed } from './seed/writeSeed.ts';

/** Generates and writes the demo book when the database holds no client yet; later starts keep what is there. */
export function seedClientBook(db: Db, opts: { seed: number; instruments: readonly Instrument[]; now: number }): boolean {
  const count = (db.prepare('SELECT count(*) AS n FROM clients').get() as { n: number }).n;
  if (count > 0) return false;
  writeSeed(db, generateBook(opts));
  return true;
}
