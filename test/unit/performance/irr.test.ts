// Money-weighted return: the annual rate (actual/365) that compounds every flow into the end value.
import { describe, expect, it } from 'vitest';
import { dec } from '../../../src/core/decimal.ts';
import { irr, irrFromOffsets } from '../../../src/core/performance/irr.ts';
import { addDays, isoDate } from '../../../src/core/performance/isoDate.ts';
import { moneyWeightedReturn } from '../../../src/core/performance/mwr.ts';
import { asPercent } from '../../../src/core/performance/returnResult.ts';
import type { ReturnResult } from '../../../src/core/performance/returnResult.ts';
import { timeWeightedReturn } from '../../../src/core/performance/twr.ts';
import { at } from './points.ts';

const pct = (r: ReturnResult, places = 2): string => (r.ok ? asPercent(r.value, places) : `error: ${r.reason}`);

describe('Portfolio Performance worked example', () => {
  const flows = [
    { daysBeforeEnd: 878, amount: dec(155) },
    { daysBeforeEnd: 514, amount: dec(84) },
    { daysBeforeEnd: 255, amount: dec(67) },
  ];

  it('155, 84 and 67 paid in 878, 514 and 255 days before an end value of 396.85: 15.60 % a year', () => {
    expect(pct(irrFromOffsets(flows, dec('396.85')))).toBe('15.60');
  });

  it('gives the same rate from calendar dates', () => {
    const end = isoDate('2021-06-30');
    const dated = flows.map((f) => ({ date: addDays(end, -f.daysBeforeEnd), amount: f.amount }));
    expect(pct(irr(dated, { date: end, value: dec('396.85') }))).toBe('15.60');
  });
});

describe('exact cases', () => {
  it('100 grown to 110 in 365 days is 10 % to ten places of a percent', () => {
    expect(pct(irrFromOffsets([{ daysBeforeEnd: 365, amount: dec(100) }], dec(110)), 10)).toBe('10.0000000000');
  });

  it('100 grown to 121 in 730 days is 10 % a year', () => {
    expect(pct(irrFromOffsets([{ daysBeforeEnd: 730, amount: dec(100) }], dec(121)), 10)).toBe('10.0000000000');
  });

  it('a loss gives a negative rate: 100 → 80 in a year is −20 %', () => {
    expect(pct(irrFromOffsets([{ daysBeforeEnd: 365, amount: dec(100) }], dec(80)), 10)).toBe('-20.0000000000');
  });

  it('under a year is still an annual rate: 1 % in 73 days compounds to 5.10 %', () => {
    expect(pct(irrFromOffsets([{ daysBeforeEnd: 73, amount: dec(100) }], dec(101)))).toBe('5.10');
  });
});

describe('money-weighted against time-weighted', () => {
  it('a withdrawal before a fall: the owner timed it well, 22.56 % against a TWR of 8 %', () => {
    const series = [at('2022-12-31', '1000'), at('2023-06-30', '1200', '-700'), at('2023-12-31', '450')];
    expect(pct(moneyWeightedReturn(series))).toBe('22.56');
    expect(pct(timeWeightedReturn(series))).toBe('8.00');
  });

  it('a dividend kept in the portfolio: 10 % both ways', () => {
    const series = [at('2022-12-31', '1000'), at('2023-06-30', '1050'), at('2023-12-31', '1100')];
    expect(pct(moneyWeightedReturn(series))).toBe('10.00');
  });

  it('a dividend paid out is money taken out of the portfolio: 10.25 %', () => {
    const series = [at('2022-12-31', '1000'), at('2023-06-30', '1050', '-50'), at('2023-12-31', '1050')];
    expect(pct(moneyWeightedReturn(series))).toBe('10.25');
  });

  it('a fee debited from the portfolio lowers it: 1000 → 1090 in a year is 9 %', () => {
    expect(pct(moneyWeightedReturn([at('2022-12-31', '1000'), at('2023-12-31', '1090')]))).toBe('9.00');
  });

  it('the flow on the end date is left for the next period', () => {
    const series = [at('2022-12-31', '1000'), at('2023-12-31', '1100', '5000')];
    expect(pct(moneyWeightedReturn(series))).toBe('10.00');
  });
});

describe('refusals', () => {
  it('no money in, no rate', () => {
    expect(pct(irrFromOffsets([{ daysBeforeEnd: 10, amount: dec(0) }], dec(5)))).toMatch(/no money went in/);
  });

  it('a flow after the end', () => {
    expect(pct(irrFromOffsets([{ daysBeforeEnd: -1, amount: dec(10) }], dec(5)))).toMatch(/days before the end/);
  });

  it('a total loss has no rate above −100 %', () => {
    expect(irrFromOffsets([{ daysBeforeEnd: 365, amount: dec(100) }], dec(0)).ok).toBe(false);
  });
});
