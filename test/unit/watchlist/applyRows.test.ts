import { describe, expect, it } from 'vitest';
import { applyRowUpdates, isOrdered } from '../../../src/watchlist/applyRows.ts';

interface Row {
  symbol: string;
  last: string;
}

/** A grid stand-in that records what it was asked to do. */
function fakeGrid(held: string[]) {
  const calls: string[] = [];
  const api = {
    getRowNode: (id: string) => (held.includes(id) ? { updateData: (r: Row) => calls.push(`node ${id} ${r.last}`) } : undefined),
    applyTransaction: (t: { update?: Row[] }) => {
      calls.push(`transaction ${(t.update ?? []).map((r) => r.symbol).join(',')}`);
      return null;
    },
  };
  return { api: api as unknown as Parameters<typeof applyRowUpdates<Row>>[0], calls };
}

const rows: Row[] = [
  { symbol: 'AAPL', last: '190.01' },
  { symbol: 'MSFT', last: '400.02' },
];

describe('applyRowUpdates', () => {
  it('updates each held row node in place while the grid keeps its own order', () => {
    const { api, calls } = fakeGrid(['AAPL', 'MSFT']);
    applyRowUpdates(api, rows, (r) => r.symbol, false);
    expect(calls).toEqual(['node AAPL 190.01', 'node MSFT 400.02']);
  });

  it('sends one transaction when a sort or filter is on, and rows the grid lacks as a transaction', () => {
    const sorted = fakeGrid(['AAPL', 'MSFT']);
    applyRowUpdates(sorted.api, rows, (r) => r.symbol, true);
    expect(sorted.calls).toEqual(['transaction AAPL,MSFT']);
    const partial = fakeGrid(['AAPL']);
    applyRowUpdates(partial.api, rows, (r) => r.symbol, false);
    expect(partial.calls).toEqual(['node AAPL 190.01', 'transaction MSFT']);
  });

  it('does nothing for an empty batch', () => {
    const { api, calls } = fakeGrid([]);
    applyRowUpdates(api, [], (r: Row) => r.symbol, true);
    expect(calls).toEqual([]);
  });
});

describe('isOrdered', () => {
  it('is on with a sorted column or any filter', () => {
    const api = (sort: 'asc' | null, filter: boolean) =>
      ({ isAnyFilterPresent: () => filter, getColumnState: () => [{ colId: 'last', sort }] }) as unknown as Parameters<typeof isOrdered>[0];
    expect(isOrdered(api(null, false))).toBe(false);
    expect(isOrdered(api('asc', false))).toBe(true);
    expect(isOrdered(api(null, true))).toBe(true);
  });
});
