import { describe, expect, it } from 'vitest';
import { barLength, donutSegmentPath, segmentsOf } from '../../../src/clientbook/charts/chartGeometry.ts';

describe('chart geometry', () => {
  it('lays segments end to end around the turn, clamped to a full turn', () => {
    expect(segmentsOf([0.5, 0.25, 0.25])).toEqual([
      { start: 0, end: 0.5 },
      { start: 0.5, end: 0.75 },
      { start: 0.75, end: 1 },
    ]);
    expect(segmentsOf([0.7, 0.7])[1]).toEqual({ start: 0.7, end: 1 });
    expect(segmentsOf([-0.1, 0.3])).toEqual([
      { start: 0, end: 0 },
      { start: 0, end: 0.3 },
    ]);
  });

  it('draws a quarter from twelve to three o’clock, and a whole turn as two halves', () => {
    expect(donutSegmentPath(0, 0.25, 50, 50, 40, 20)).toBe('M 50.00 10.00 A 40.00 40.00 0 0 1 90.00 50.00 L 70.00 50.00 A 20.00 20.00 0 0 0 50.00 30.00 Z');
    expect(donutSegmentPath(0, 1, 50, 50, 40, 20).match(/M /g)).toHaveLength(2);
    expect(donutSegmentPath(0.3, 0.3, 50, 50, 40, 20)).toBe('');
    expect(donutSegmentPath(0, 0.75, 50, 50, 40, 20)).toContain(' 0 1 1 ');
  });

  it('sizes bars against the largest, with a visible minimum', () => {
    expect(barLength(0.5, 0.5, 150)).toBe(150);
    expect(barLength(0.25, 0.5, 150)).toBe(75);
    expect(barLength(0.0001, 0.5, 150)).toBe(1);
    expect(barLength(0, 0.5, 150)).toBe(0);
  });
});
