import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createCatalog } from './catalog.ts';
import { InstrumentFileError, parseInstrumentFile } from './instrumentFile.ts';
import type { InstrumentCatalog } from './types.ts';

/** The file kept in the repository; resolved from this module so the working directory does not matter. */
export const DEFAULT_INSTRUMENTS_FILE = fileURLToPath(new URL('./instruments.csv', import.meta.url));

/** Reads and validates the instrument file; throws InstrumentFileError (line and field) when it is bad. */
export function loadInstruments(file: string = DEFAULT_INSTRUMENTS_FILE): InstrumentCatalog {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new InstrumentFileError(file, [`cannot be read: ${reason}`]);
  }
  return createCatalog(parseInstrumentFile(text, file));
}
