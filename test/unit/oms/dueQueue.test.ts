import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDueQueue } from '../../../server/oms/dueQueue.ts';

describe('due queue (the expiry sweep asks it whether any open order is due)', () => {
  it('answers as a walk over every open order would, whatever orders were added and closed', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: fc.integer({ min: 0, max: 1000 }), closed: fc.boolean() }), { maxLength: 60 }),
        fc.array(fc.integer({ min: 0, max: 1100 }), { minLength: 1, maxLength: 10 }),
        (orders, nows) => {
          const q = createDueQueue();
          orders.forEach((o, i) => q.add(o.at, `O-${i}`));
          const open = (id: string) => !orders[Number(id.slice(2))]!.closed;
          for (const now of [...nows].sort((a, b) => a - b)) {
            expect(q.anyDue(now, open)).toBe(orders.some((o) => !o.closed && o.at <= now));
          }
        },
      ),
    );
  });

  it('drops the entries of closed orders it meets, and keeps the open ones', () => {
    const q = createDueQueue();
    q.add(10, 'A');
    q.add(5, 'B');
    q.add(20, 'C');
    expect(q.anyDue(15, (id) => id === 'A')).toBe(true);
    expect(q.size).toBe(2); // B was closed and due: dropped; A stays until it is closed
    expect(q.anyDue(15, () => false)).toBe(false);
    expect(q.size).toBe(1);
    expect(q.anyDue(25, (id) => id === 'C')).toBe(true);
  });
});
