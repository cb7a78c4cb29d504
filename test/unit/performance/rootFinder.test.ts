// The bracketed Newton–bisection root finder on exact decimals.
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../../src/core/decimal.ts';
import { findRoot } from '../../../src/core/performance/rootFinder.ts';

const d = (s: string | number) => new Decimal(s);

describe('findRoot', () => {
  it('finds √2 to thirty places', () => {
    const r = findRoot((x) => ({ value: x.times(x).minus(2), slope: x.times(2) }), d(0), d(2));
    expect(r.ok && r.root.toDecimalPlaces(30).toFixed()).toBe(d(2).sqrt().toDecimalPlaces(30).toFixed());
  });

  it('bisects where Newton has no slope: x³ − 8 starting at 0', () => {
    const r = findRoot((x) => ({ value: x.pow(3).minus(8), slope: x.times(x).times(3) }), d(-10), d(10));
    expect(r.ok && r.root.toDecimalPlaces(15).toFixed()).toBe('2');
  });

  it('survives a slope that lies: bisection keeps the bracket', () => {
    const r = findRoot((x) => ({ value: x.minus(3), slope: d(-1) }), d(0), d(5));
    expect(r.ok && r.root.toDecimalPlaces(15).toFixed()).toBe('3');
  });

  it('returns a bound that is itself the root', () => {
    const r = findRoot((x) => ({ value: x, slope: d(1) }), d(0), d(1));
    expect(r.ok && r.root.toFixed()).toBe('0');
  });

  it('refuses bounds without a sign change', () => {
    expect(findRoot((x) => ({ value: x.times(x).plus(1), slope: x.times(2) }), d(-1), d(1))).toEqual({
      ok: false,
      reason: 'no sign change between the bounds',
    });
  });

  it('gives up after the iteration limit', () => {
    const r = findRoot((x) => ({ value: x.minus('0.3'), slope: d(0) }), d(0), d(1), { tolerance: d('1e-30'), maxIterations: 5 });
    expect(r).toEqual({ ok: false, reason: 'no convergence in 5 iterations' });
  });
});
