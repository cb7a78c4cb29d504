/**
 * Splits one CSV line into fields. Enough of RFC 4180 for an instrument file
 * a person edits: fields may be quoted (to hold a comma), "" is a quote inside
 * a quoted field; a record never spans lines.
 */
export type CsvLineResult = { ok: true; fields: string[] } | { ok: false; message: string };

export function splitCsvLine(line: string): CsvLineResult {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    while (line[i] === ' ' || line[i] === '\t') i++;
    if (line[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        if (i >= line.length) return { ok: false, message: 'a quoted field is not closed' };
        const c = line[i];
        if (c === '"') {
          if (line[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += c;
        i++;
      }
      while (line[i] === ' ' || line[i] === '\t') i++;
      fields.push(value);
      if (i >= line.length) return { ok: true, fields };
      if (line[i] !== ',') return { ok: false, message: `unexpected text after a quoted field at column ${i + 1}` };
      i++;
      continue;
    }
    const comma = line.indexOf(',', i);
    const end = comma === -1 ? line.length : comma;
    fields.push(line.slice(i, end).trim());
    if (comma === -1) return { ok: true, fields };
    i = comma + 1;
  }
}

/** What walking a data file yields: its header once, then each data row keyed by column. */
export type CsvItem =
  | { kind: 'header'; lineNo: number; columns: string[] }
  | { kind: 'row'; lineNo: number; cells: Record<string, string> };

/**
 * Walks the lines of a CSV file a person may edit: a leading BOM, blank lines
 * and `#` comments are skipped; the first other line is the header. A line that
 * cannot be split, or has another number of fields than the header, is pushed
 * to `faults` (naming its line) and skipped. Stops once `maxFaults` are found,
 * so a wrong file is reported in full enough to fix, not in thousands of lines.
 */
export function* csvItems(text: string, faults: string[], maxFaults: number): Generator<CsvItem> {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let header: string[] | undefined;
  for (let index = 0; index < lines.length && faults.length < maxFaults; index++) {
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
      yield { kind: 'header', lineNo, columns: header };
      continue;
    }
    if (split.fields.length !== header.length) {
      faults.push(`line ${lineNo}: has ${split.fields.length} fields; the header has ${header.length}`);
      continue;
    }
    const fields = split.fields;
    // fromEntries makes own properties, so a column named like an Object member stays data.
    yield { kind: 'row', lineNo, cells: Object.fromEntries(header.map((c, i) => [c, fields[i] ?? ''])) };
  }
}
