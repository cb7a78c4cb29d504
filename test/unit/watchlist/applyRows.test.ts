import { describe, expect, it } from 'vitest';
import { applyRowUpdates, isOrdered } from '../../../src/watchlist/applyRows.ts';

interface Row {
  symbol: string;
  last: string;
  stale: boolean;
}

/** A grid stand-in holding row objects, recording what it was asked to do. */
function fakeGrid(held: Row[]) {
  const calls: string[] = [];
  const nodes = new Map(
    held.map((data) => {
      const node = {
        id: data.symbol,
        data,
        updateData: (r: Row) => {
          node.data = r;
          calls.push(`updateData ${r.symbol} ${r.last}`);
        },
      };
      return [data.symbol, node];
    }),
  );
  const api = {
    getRowNode: (id: string) => nodes.get(id),
    applyTransaction: (t: { update?: Row[] }) => {
      calls.push(`transaction ${(t.update ?? []).map((r) => r.symbol).join(',')}`);
      return null;
    },
    refreshCells: (p: { rowNodes?: { id: string }[] }) => {
      calls.push(`refreshCells ${(p.rowNodes ?? []).map((n) => n.id).join(',')}`);
    },
  };
  return { api: api as unknown as Parameters<typeof applyRowUpdates<Row>>[0], calls, nodes };
}

const idOf = (r: Row): string => r.symbol;
const staleChanged = (was: Row, next: Row): boolean => was.stale !== next.stale;

describe('applyRowUpdates', () => {
  it('puts new values into the objects the grid holds and refreshes the batch’s cells once, while the grid keeps its own order', () => {
    const aapl = { symbol: 'AAPL', last: '190.00', stale: false };
    const msft = { symbol: 'MSFT', last: '400.00', stale: false };
    const { api, calls, nodes } = fakeGrid([aapl, msft]);
    const held = applyRowUpdates(
      api,
      [
        { symbol: 'AAPL', last: '190.01', stale: false },
        { symbol: 'MSFT', last: '400.02', stale: false },
      ],
      idOf,
      false,
      staleChanged,
    );
    expect(calls).toEqual(['refreshCells AAPL,MSFT']);
    expect(nodes.get('AAPL')?.data).toBe(aapl);
    expect(aapl).toEqual({ symbol: 'AAPL', last: '190.01', stale: false });
    expect(held[0]).toBe(aapl);
    expect(held[1]).toBe(msft);
    expect(msft.last).toBe('400.02');
  });

  it('redraws as a row (updateData) a row whose row classes change', () => {
    const { api, calls, nodes } = fakeGrid([
      { symbol: 'AAPL', last: '190.00', stale: false },
      { symbol: 'MSFT', last: '400.00', stale: false },
    ]);
    const staleAapl = { symbol: 'AAPL', last: '190.00', stale: true };
    const held = applyRowUpdates(api, [staleAapl, { symbol: 'MSFT', last: '400.01', stale: false }], idOf, false, staleChanged);
    expect(calls).toEqual(['updateData AAPL 190.00', 'refreshCells MSFT']);
    expect(nodes.get('AAPL')?.data).toBe(staleAapl);
    expect(held[0]).toBe(staleAapl);
  });

  it('sends one transaction when a sort or filter is on, and rows the grid lacks as a transaction', () => {
    const next = [
      { symbol: 'AAPL', last: '190.01', stale: false },
      { symbol: 'MSFT', last: '400.02', stale: false },
    ];
    const sorted = fakeGrid([
      { symbol: 'AAPL', last: '190.00', stale: false },
      { symbol: 'MSFT', last: '400.00', stale: false },
    ]);
    expect(applyRowUpdates(sorted.api, next, idOf, true, staleChanged)).toEqual(next);
    expect(sorted.calls).toEqual(['transaction AAPL,MSFT']);
    const partial = fakeGrid([{ symbol: 'AAPL', last: '190.00', stale: false }]);
    applyRowUpdates(partial.api, next, idOf, false, staleChanged);
    expect(partial.calls).toEqual(['refreshCells AAPL', 'transaction MSFT']);
  });

  it('does nothing for an empty batch', () => {
    const { api, calls } = fakeGrid([]);
    expect(applyRowUpdates(api, [], idOf, true, staleChanged)).toEqual([]);
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
