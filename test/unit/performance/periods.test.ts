// MTD, QTD, YTD, 1Y and since inception over one dated series with deposits and a withdrawal.
import { describe, expect, it } from 'vitest';
import { isoDate } from '../../../src/core/performance/isoDate.ts';
import { PERIODS, performanceBetween, periodPerformance, slicePeriod } from '../../../src/core/performance/periods.ts';
import type { Period, PeriodResult } from '../../../src/core/performance/periods.ts';
import { asPercent } from '../../../src/core/performance/returnResult.ts';
import { at } from './points.ts';

const series = [
  at('2023-03-15', '0', '1000'), // inception: the first deposit
  at('2023-06-30', '1100'),
  at('2023-12-29', '1210', '500'), // last valuation of 2023 is a Friday
  at('2024-01-31', '1881'),
  at('2024-03-28', '1800'), // last of the quarter: Good Friday follows
  at('2024-04-15', '1890', '-390'),
  at('2024-05-10', '1650'),
];

function summary(r: PeriodResult) {
  if (!r.ok) return `error: ${r.reason}`;
  const p = r.value;
  return {
    span: `${p.from} → ${p.to} (${p.days} d)`,
    start: p.startValue.toFixed(),
    end: p.endValue.toFixed(),
    flows: p.netFlows.toFixed(),
    gain: p.gain.toFixed(),
    twr: asPercent(p.twr),
    annualised: p.twrAnnualised === null ? null : asPercent(p.twrAnnualised),
    mwr: p.mwr.ok ? asPercent(p.mwr.value) : p.mwr.reason,
  };
}

const asOf = isoDate('2024-05-10');
const of = (period: Period) => summary(periodPerformance(series, period, asOf));

describe('periods as of 2024-05-10', () => {
  it('MTD starts from the April close, carried forward from the 15th after its withdrawal', () => {
    expect(of('MTD')).toMatchObject({ span: '2024-04-30 → 2024-05-10 (10 d)', start: '1500', end: '1650', flows: '0', gain: '150', twr: '10.00', annualised: null });
  });

  it('QTD starts from the March close, carried from the 28th, and links across the withdrawal', () => {
    expect(of('QTD')).toMatchObject({ span: '2024-03-31 → 2024-05-10 (40 d)', start: '1800', flows: '-390', gain: '240', twr: '15.50' });
  });

  it('YTD starts from the 2023 close, which includes the 29 December deposit', () => {
    expect(of('YTD')).toMatchObject({ span: '2023-12-31 → 2024-05-10 (131 d)', start: '1710', flows: '-390', gain: '330', twr: '21.58' });
  });

  it('1Y starts a year back, a leap year of 366 days, and is annualised', () => {
    expect(of('1Y')).toMatchObject({ span: '2023-05-10 → 2024-05-10 (366 d)', start: '1000', flows: '110', gain: '540', twr: '47.11', annualised: '46.96' });
  });

  it('since inception starts with the first deposit and gives the money-weighted rate too', () => {
    expect(of('SI')).toEqual({
      span: '2023-03-15 → 2024-05-10 (422 d)',
      start: '1000',
      end: '1650',
      flows: '110',
      gain: '540',
      twr: '47.11',
      annualised: '39.64',
      mwr: '40.62',
    });
  });

  it('gives every period', () => {
    expect(PERIODS.map((p) => periodPerformance(series, p, asOf).ok)).toEqual([true, true, true, true, true]);
  });
});

describe('period edges', () => {
  it('carries the last valuation forward to an as-of date without one', () => {
    expect(summary(periodPerformance(series, 'MTD', isoDate('2024-05-12')))).toMatchObject({ span: '2024-04-30 → 2024-05-12 (12 d)', end: '1650', twr: '10.00' });
  });

  it('starts no earlier than inception', () => {
    expect(summary(periodPerformance(series, 'YTD', isoDate('2023-06-30')))).toMatchObject({ span: '2023-03-15 → 2023-06-30 (107 d)', start: '1000', twr: '10.00' });
  });

  it('keeps a flow on the end date out of the period', () => {
    const slice = slicePeriod(series, isoDate('2023-12-31'), isoDate('2024-04-15'));
    expect(Array.isArray(slice) && slice.map((p) => `${p.date} ${p.value.toFixed()} ${p.flow.toFixed()}`)).toEqual([
      '2023-12-31 1710 0',
      '2024-01-31 1881 0',
      '2024-03-28 1800 0',
      '2024-04-15 1890 -390',
    ]);
    expect(summary(performanceBetween(series, isoDate('2023-12-31'), isoDate('2024-04-15')))).toMatchObject({ end: '1890', flows: '0', gain: '180' });
  });

  it('has nothing to say before inception or without valuations', () => {
    expect(summary(periodPerformance(series, 'MTD', isoDate('2023-03-01')))).toMatch(/empty/);
    expect(summary(periodPerformance([], 'SI', asOf))).toBe('error: no valuations');
  });
});
