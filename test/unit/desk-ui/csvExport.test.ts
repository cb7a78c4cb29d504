import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dec } from '../../../src/core/decimal.ts';
import { formatFixed, formatSigned } from '../../../src/format/numbers.ts';
import { csvCell, csvFileName } from '../../../src/grid/csvExport.ts';

describe('CSV cells', () => {
  it('writes formatted numbers plain, for a spreadsheet to read as numbers', () => {
    expect(csvCell('+1,234,567.50')).toBe('1234567.50');
    expect(csvCell('-12.25')).toBe('-12.25');
    expect(csvCell('140.50%')).toBe('140.50');
    expect(csvCell('1,000')).toBe('1000');
    expect(csvCell(42)).toBe('42');
  });

  it('keeps text as it is and defuses what a spreadsheet would run as a formula', () => {
    expect(csvCell('AAPL')).toBe('AAPL');
    expect(csvCell('T1-MAIN')).toBe('T1-MAIN');
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`'=HYPERLINK("http://x")`);
    expect(csvCell('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(csvCell('-x')).toBe(`'-x`);
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it('round-trips every signed, grouped figure the grids show to the same decimal', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.integer({ min: 0, max: 6 }), (units, places) => {
        const d = dec(units.toString()).div(dec(10).pow(places));
        expect(dec(csvCell(formatSigned(d, places))).eq(dec(d.toFixed(places)))).toBe(true);
        expect(dec(csvCell(formatFixed(d, places))).eq(dec(d.toFixed(places)))).toBe(true);
      }),
    );
  });
});

describe('CSV file names', () => {
  it('say what and when, safe for any file system', () => {
    expect(csvFileName('desk-rollup', new Date(2026, 10, 23, 14, 5))).toBe('desk-rollup-2026-11-23-1405.csv');
    expect(csvFileName('a/b: c', new Date(2026, 0, 2, 3, 4))).toBe('a-b-c-2026-01-02-0304.csv');
    expect(csvFileName('///', new Date(2026, 0, 2, 3, 4))).toBe('grid-2026-01-02-0304.csv');
  });
});
