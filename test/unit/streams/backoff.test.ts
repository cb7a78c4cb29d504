import { describe, expect, it } from 'vitest';
import { reconnectDelay } from '../../../src/streams/backoff.ts';

describe('reconnectDelay', () => {
  it('doubles from the initial delay and stops at the cap', () => {
    const policy = { initialMs: 250, maxMs: 2_000 };
    expect([0, 1, 2, 3, 4, 10, 1_000].map((n) => reconnectDelay(n, policy))).toEqual([250, 500, 1_000, 2_000, 2_000, 2_000, 2_000]);
  });
});
