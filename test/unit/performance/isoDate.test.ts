// Calendar dates and the period boundaries built on them.
import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  endOfPreviousMonth,
  endOfPreviousQuarter,
  endOfPreviousYear,
  isoDate,
  oneYearBefore,
} from '../../../src/core/performance/isoDate.ts';

describe('isoDate', () => {
  it('accepts real dates, leap days included', () => {
    expect(isoDate('2024-02-29')).toBe('2024-02-29');
  });

  it.each(['2023-02-29', '2024-13-01', '2024-04-31', '24-01-01', '2024-1-1', ''])('refuses %j', (s) => {
    expect(() => isoDate(s)).toThrow();
  });

  it('counts actual days', () => {
    expect(daysBetween(isoDate('2023-12-31'), isoDate('2024-12-31'))).toBe(366);
    expect(daysBetween(isoDate('2024-03-01'), isoDate('2024-02-28'))).toBe(-2);
    expect(addDays(isoDate('2024-02-28'), 2)).toBe('2024-03-01');
  });
});

describe('period boundaries', () => {
  it.each([
    ['2024-05-15', '2024-04-30', '2024-03-31', '2023-12-31', '2023-05-15'],
    ['2024-01-01', '2023-12-31', '2023-12-31', '2023-12-31', '2023-01-01'],
    ['2024-03-31', '2024-02-29', '2023-12-31', '2023-12-31', '2023-03-31'],
    ['2024-04-01', '2024-03-31', '2024-03-31', '2023-12-31', '2023-04-01'],
    ['2024-02-29', '2024-01-31', '2023-12-31', '2023-12-31', '2023-02-28'],
    ['2024-12-31', '2024-11-30', '2024-09-30', '2023-12-31', '2023-12-31'],
  ])('as of %s: month from %s, quarter from %s, year from %s, one year from %s', (asOf, month, quarter, year, oneYear) => {
    const d = isoDate(asOf);
    expect([endOfPreviousMonth(d), endOfPreviousQuarter(d), endOfPreviousYear(d), oneYearBefore(d)]).toEqual([month, quarter, year, oneYear]);
  });
});
