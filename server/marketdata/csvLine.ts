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
