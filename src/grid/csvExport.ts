/**
 * CSV export of any grid (ag-grid Community's exportDataAsCsv, from the
 * CsvExportModule inside AllCommunityModule). The grids hold text already
 * formatted for the eye ("+1,234.50", "12.50%"); a spreadsheet wants
 * numbers, so a cell that is a formatted number goes out plain ("1234.50"),
 * and a text cell that a spreadsheet would run as a formula is defused.
 */
import type { Column, CsvExportParams, GridApi, ProcessCellForExportParams } from 'ag-grid-community';

const FORMATTED_NUMBER = /^[+\-\u2212]?\d{1,3}(,\d{3})*(\.\d+)?%?$|^[+\-\u2212]?\d+(\.\d+)?%?$/;
const FORMULA_START = /^[=+\-@\t\r]/;

/** The text a cell becomes in the file. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
  const trimmed = text.trim();
  if (FORMATTED_NUMBER.test(trimmed)) {
    const plain = trimmed.replace(/,/g, '').replace('\u2212', '-').replace(/%$/, '');
    return plain.startsWith('+') ? plain.slice(1) : plain;
  }
  // "=HYPERLINK(…)" typed into a client note must not run when the file is opened.
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** "desk-rollup-2026-11-23-1405.csv": what it is and when, in local time, so a day's exports sort. */
export function csvFileName(name: string, now: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}-${two(now.getHours())}${two(now.getMinutes())}`;
  const safe = name.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'grid';
  return `${safe}-${stamp}.csv`;
}

/** Columns with something to export: buttons (actions, flatten) have no field and stay out. */
export function exportedColumns(columns: readonly Column[]): Column[] {
  return columns.filter((c) => {
    const def = c.getColDef();
    return def.field !== undefined || def.valueGetter !== undefined;
  });
}

export function csvParams(api: GridApi, name: string, now: Date = new Date()): CsvExportParams {
  return {
    fileName: csvFileName(name, now),
    columnKeys: exportedColumns(api.getAllDisplayedColumns()),
    processCellCallback: (p: ProcessCellForExportParams) => csvCell(p.column.getColDef().valueFormatter ? p.formatValue(p.value) : p.value),
  };
}

/** Downloads what the grid shows now (its filter and sort, every row, not only those scrolled into view). */
export function exportGridCsv(api: GridApi, name: string): void {
  api.exportDataAsCsv(csvParams(api, name));
}
