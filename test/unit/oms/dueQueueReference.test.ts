import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDueQueue } from '../../../server/oms/dueQueue.ts';
import { createReferenceDueQueue } from './referenceDueQueue.ts';

/** Adds, closes and sweeps in a random order; many orders share a due time, as a day's orders share its close. */
type Step = { k: 'add'; at: number } | { k: 'close'; which: number } | { k: 'sweep'; now: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: fc.record({ k: fc.constant('add' as const), at: fc.oneof(fc.constantFrom(100, 200, 300), fc.integer({ min: 0, max: 400 })) }), weight: 4 },
  { arbitrary: fc.record({ k: fc.constant('close' as const), which: fc.nat() }), weight: 3 },
  { arbitrary: fc.record({ k: fc.constant('sweep' as const), now: fc.integer({ min: 0, max: 450 }) }), weight: 2 },
);

describe('due queue with one heap entry per due time (server/oms/dueQueue.ts)', () => {
  it('answers every sweep as the heap of one entry per order did (test/unit/oms/referenceDueQueue.ts)', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 300 }), (steps) => {
        const q = createDueQueue();
        const ref = createReferenceDueQueue();
        const closed = new Set<string>();
        const open = (id: string) => !closed.has(id);
        let n = 0;
        let now = 0;
        for (const s of steps) {
          if (s.k === 'add') {
            const id = `O-${++n}`;
            q.add(s.at, id);
            ref.add(s.at, id);
          } else if (s.k === 'close') {
            if (n > 0) closed.add(`O-${(s.which % n) + 1}`);
          } else {
            // The sweep's clock only moves on.
            now = Math.max(now, s.now);
            expect(q.anyDue(now, open)).toBe(ref.anyDue(now, open));
          }
        }
        // Whatever was dropped, both still hold every open order not yet due.
        expect(q.anyDue(1_000, open)).toBe(ref.anyDue(1_000, open));
      }),
      { numRuns: 500 },
    );
  });

  it('drops the closed orders of a shared due time from the front and counts what it still holds', () => {
    const q = createDueQueue();
    for (let i = 0; i < 1_000; i++) q.add(500, `O-${i}`);
    for (let done = 0; done < 999; done += 100) expect(q.anyDue(600, (id) => Number(id.slice(2)) >= done)).toBe(true);
    expect(q.size).toBe(1_000 - 900);
    expect(q.anyDue(600, () => false)).toBe(false);
    expect(q.size).toBe(0);
  });
});
