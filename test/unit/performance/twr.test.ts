// Time-weighted return: sub-periods cut just before each external flow, growth factors chained.
import { describe, expect, it } from 'vitest';
import { dec } from '../../../src/core/decimal.ts';
import { asPercent } from '../../../src/core/performance/returnResult.ts';
import type { ReturnResult } from '../../../src/core/performance/returnResult.ts';
import { annualise, timeWeightedReturn } from '../../../src/core/performance/twr.ts';
import { at } from './points.ts';

const pct = (r: ReturnResult): string => (r.ok ? asPercent(r.value) : `error: ${r.reason}`);

describe('Portfolio Performance worked example', () => {
  it('177.94 → 160.26 (+84) → 264.57 (+67) → 426.82 is 25.58 %', () => {
    const r = timeWeightedReturn([
      at('2020-01-01', '177.94'),
      at('2020-04-01', '160.26', '84'),
      at('2020-08-01', '264.57', '67'),
      at('2020-12-31', '426.82'),
    ]);
    expect(pct(r)).toBe('25.58');
  });
});

describe('flows do not move the time-weighted return', () => {
  it('a withdrawal: up 20 %, take out 700, down 10 %: 1.2 × 0.9 = +8 %', () => {
    expect(pct(timeWeightedReturn([at('2022-12-31', '1000'), at('2023-06-30', '1200', '-700'), at('2023-12-31', '450')]))).toBe('8.00');
  });

  it('an inception from an empty portfolio: the deposit is a flow, not a gain', () => {
    expect(pct(timeWeightedReturn([at('2023-01-02', '0', '500'), at('2023-02-01', '550'), at('2023-03-01', '605')]))).toBe('21.00');
  });

  it('an empty stretch before the first deposit neither gains nor loses', () => {
    expect(pct(timeWeightedReturn([at('2023-01-01', '0'), at('2023-01-02', '0', '500'), at('2023-02-01', '550')]))).toBe('10.00');
  });
});

describe('dividends', () => {
  // A stock worth 1000 pays 50 mid-year and ends at 1050.
  it('kept in the portfolio as cash: 1000 → 1050 → 1100 is 10 %, the cash earning nothing', () => {
    expect(pct(timeWeightedReturn([at('2022-12-31', '1000'), at('2023-06-30', '1050'), at('2023-12-31', '1100')]))).toBe('10.00');
  });

  it('paid out to the owner: a withdrawal after the value that earned it, 1.05 × 1.05 = 10.25 %', () => {
    expect(pct(timeWeightedReturn([at('2022-12-31', '1000'), at('2023-06-30', '1050', '-50'), at('2023-12-31', '1050')]))).toBe('10.25');
  });
});

describe('fees', () => {
  it('debited from the portfolio are a cost of the strategy: 10 % gross becomes 9 %', () => {
    expect(pct(timeWeightedReturn([at('2022-12-31', '1000'), at('2023-12-31', '1090')]))).toBe('9.00');
  });

  it('invoiced and paid from outside never touch the portfolio: the return stays gross', () => {
    expect(pct(timeWeightedReturn([at('2022-12-31', '1000'), at('2023-12-31', '1100')]))).toBe('10.00');
  });
});

describe('refusals', () => {
  it('needs two valuations', () => {
    expect(timeWeightedReturn([at('2023-01-01', '1')]).ok).toBe(false);
  });

  it('needs increasing dates', () => {
    expect(pct(timeWeightedReturn([at('2023-01-02', '1'), at('2023-01-01', '2')]))).toMatch(/strictly increase/);
  });

  it('refuses value that appears in an empty portfolio without a flow', () => {
    expect(pct(timeWeightedReturn([at('2023-01-01', '0'), at('2023-01-02', '10')]))).toMatch(/record it as a flow/);
  });
});

describe('annualise', () => {
  it('21 % over two years is 10 % a year', () => {
    expect(annualise(dec('0.21'), 730)?.toDecimalPlaces(30).toFixed()).toBe('0.1');
  });

  it('leaves a return under a year alone', () => {
    expect(annualise(dec('0.05'), 364)).toBeNull();
  });

  it('a total loss stays −100 %', () => {
    expect(annualise(dec(-1), 800)?.toFixed()).toBe('-1');
  });
});
