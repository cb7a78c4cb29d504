import { describe, expect, it } from 'vitest';
import { tifText } from '../../../src/blotters/orderRow.ts';
import { order } from '../ticket/fixtures.ts';

/** A local wall-clock time, as the ticket's datetime-local field takes it. */
const local = (y: number, m: number, d: number, h: number, min: number): number => new Date(y, m - 1, d, h, min).getTime();

describe('tifText (the blotter’s time in force)', () => {
  it('writes DAY, GTC, IOC and FOK as they are', () => {
    for (const tif of ['day', 'gtc', 'ioc', 'fok'] as const) expect(tifText(order('O', { tif }))).toBe(tif.toUpperCase());
  });

  it('says when a GTD order goes: the time on the day it was placed, the date as well on a later day', () => {
    const placed = local(2026, 11, 23, 10, 5);
    expect(tifText(order('O', { tif: 'gtd', createdAt: placed, expireAt: local(2026, 11, 23, 16, 30) }))).toBe('GTD 16:30');
    expect(tifText(order('O', { tif: 'gtd', createdAt: placed, expireAt: local(2026, 11, 25, 9, 0) }))).toBe('GTD 11-25 09:00');
    expect(tifText(order('O', { tif: 'gtd', createdAt: placed, expireAt: null }))).toBe('GTD');
  });
});
