import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdTable } from '../../../server/venues/matching/idTable.ts';

describe('IdTable', () => {
  it('behaves as a Map under random inserts and deletes, through growth and wrap-around', () => {
    const key = fc.oneof(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }));
    const op = fc.tuple(fc.constantFrom('set', 'delete', 'get'), key);
    fc.assert(
      fc.property(fc.array(op, { maxLength: 400 }), (ops) => {
        const table = new IdTable<number>(16);
        const map = new Map<number, number>();
        ops.forEach(([kind, k], i) => {
          if (kind === 'set') {
            table.set(k, i);
            map.set(k, i);
          } else if (kind === 'delete') {
            expect(table.delete(k)).toBe(map.delete(k));
          }
          expect(table.get(k)).toBe(map.get(k));
          expect(table.size).toBe(map.size);
        });
        for (const [k, v] of map) expect(table.get(k)).toBe(v);
        expect(table.toArray().sort((a, b) => a - b)).toEqual([...map.values()].sort((a, b) => a - b));
      }),
      { numRuns: 300 },
    );
  });

  it('finds every key of a long sequential run after deleting every other one', () => {
    const table = new IdTable<string>();
    for (let id = 0; id < 10_000; id++) table.set(id, `o${id}`);
    for (let id = 0; id < 10_000; id += 2) table.delete(id);
    expect(table.size).toBe(5_000);
    expect(table.get(4_001)).toBe('o4001');
    expect(table.has(4_000)).toBe(false);
  });
});
