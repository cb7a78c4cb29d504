import { describe, expect, it } from 'vitest';
import { BOOK_COLUMNS, CLIENT_COLUMNS } from '../../../src/clientbook/clientColumns.ts';
import { advisorCounts, clientRow, filterRows } from '../../../src/clientbook/clientRows.ts';
import { summary } from './fixtures.ts';

const NOW = new Date(2026, 10, 23, 12, 0).getTime();

describe("the desk head's list of the whole book", () => {
  const rows = [
    clientRow(summary({ clientId: 'C1', name: 'Ann Able', advisor: 'advisor2', flags: [] }), NOW),
    clientRow(summary({ clientId: 'C2', name: 'Bob Baker', advisor: 'advisor10', flags: ['kycExpired'] }), NOW),
    clientRow(summary({ clientId: 'C3', name: 'Ann Cole', advisor: 'advisor1', flags: ['kycExpired'] }), NOW),
    clientRow(summary({ clientId: 'C4', name: 'Dan Dorn', advisor: 'advisor2', flags: ['kycExpired'] }), NOW),
  ];

  it('carries each client advisor on the row', () => {
    expect(rows.map((r) => r.advisor)).toEqual(['advisor2', 'advisor10', 'advisor1', 'advisor2']);
  });

  it('counts clients per advisor, advisors in natural order (advisor2 before advisor10)', () => {
    expect(advisorCounts(rows)).toEqual([
      { advisor: 'advisor1', count: 1 },
      { advisor: 'advisor2', count: 2 },
      { advisor: 'advisor10', count: 1 },
    ]);
    expect(advisorCounts([])).toEqual([]);
  });

  it('filters by advisor together with the search and the attention filter; no advisor or "" means every advisor', () => {
    expect(filterRows(rows, { query: '', attention: 'all', advisor: 'advisor2' }).map((r) => r.clientId)).toEqual(['C1', 'C4']);
    expect(filterRows(rows, { query: '', attention: 'kycExpired', advisor: 'advisor2' }).map((r) => r.clientId)).toEqual(['C4']);
    expect(filterRows(rows, { query: 'ann', attention: 'all', advisor: 'advisor1' }).map((r) => r.clientId)).toEqual(['C3']);
    expect(filterRows(rows, { query: '', attention: 'all', advisor: '' }).map((r) => r.clientId)).toEqual(['C1', 'C2', 'C3', 'C4']);
    expect(filterRows(rows, { query: '', attention: 'all' }).map((r) => r.clientId)).toEqual(['C1', 'C2', 'C3', 'C4']);
  });

  it('shows the Advisor column next to the client name, the advisor list unchanged', () => {
    expect(BOOK_COLUMNS.map((c) => c.field).slice(0, 3)).toEqual(['name', 'advisor', 'flagText']);
    expect(BOOK_COLUMNS.length).toBe(CLIENT_COLUMNS.length + 1);
    expect(CLIENT_COLUMNS.some((c) => c.field === 'advisor')).toBe(false);
  });
});
