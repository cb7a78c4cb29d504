// Performance with withdrawals, dividends and fees (issue 6), through the core maths, and the
// client list's cached daily-linked returns checked against timeWeightedReturn itself.
import { describe, expect, it } from 'vitest';
import type { ClientBookStore } from '../../../server/clientbook/clientBookStore.ts';
import { createPerformanceView } from '../../../server/clientbook/performanceView.ts';
import { dec } from '../../../src/core/decimal.ts';
import { irr } from '../../../src/core/performance/irr.ts';
import { isoDate } from '../../../src/core/performance/isoDate.ts';
import { periodStart, slicePeriod } from '../../../src/core/performance/periods.ts';
import { asPercent } from '../../../src/core/performance/returnResult.ts';
import type { ReturnResult } from '../../../src/core/performance/returnResult.ts';
import { timeWeightedReturn } from '../../../src/core/performance/twr.ts';
import { at } from '../performance/points.ts';

const pct = (r: ReturnResult, places = 2): string => (r.ok ? asPercent(r.value, places) : `error: ${r.reason}`);

describe('withdrawals', () => {
  it('TWR ignores a withdrawal: up 10 %, take out 100, up 5 % is 1.1 × 1.05 = +15.5 %', () => {
    expect(pct(timeWeightedReturn([at('2024-01-01', '0', '1000'), at('2024-06-30', '1100', '-100'), at('2024-12-31', '1050')]))).toBe('15.50');
  });

  it('IRR counts it: 1000 in two years before the end, 100 out one year before, 1100 at the end is 10 % a year', () => {
    const r = irr(
      [
        { date: isoDate('2023-01-01'), amount: dec(1000) },
        { date: isoDate('2024-01-01'), amount: dec(-100) },
      ],
      { date: isoDate('2024-12-31'), value: dec(1100) },
    );
    // 1000 × 1.1^(730/365) − 100 × 1.1^(365/365) = 1210 − 110 = 1100 (2024 is a leap year: 730 and 365 days).
    expect(pct(r, 6)).toBe('10.000000');
  });
});

describe('dividends', () => {
  it('a dividend credited to the account is return, not a flow', () => {
    // 1000 of stock stays flat; a 20 dividend lands in cash: the value is 1020.
    expect(pct(timeWeightedReturn([at('2024-01-01', '0', '1000'), at('2024-12-31', '1020')]))).toBe('2.00');
  });

  it('a dividend paid out to the owner is a withdrawal after the valuation that earned it', () => {
    // Same 20 dividend, paid out at the end of June; the second half is flat.
    expect(pct(timeWeightedReturn([at('2024-01-01', '0', '1000'), at('2024-06-30', '1020', '-20'), at('2024-12-31', '1000')]))).toBe('2.00');
  });
});

describe('fees', () => {
  it('a fee debited from the account lowers the return; it is not a flow', () => {
    // +10 % before a 1 % fee on 1100: 1100 − 11 = 1089.
    expect(pct(timeWeightedReturn([at('2024-01-01', '0', '1000'), at('2024-12-31', '1089')]))).toBe('8.90');
  });

  it('IRR with a deposit and fees: 1000 in a year before the end, 500 in half a year before, 1600 after fees', () => {
    const r = irr(
      [
        { date: isoDate('2024-01-01'), amount: dec(1000) },
        { date: isoDate('2024-07-01'), amount: dec(500) },
      ],
      { date: isoDate('2024-12-31'), value: dec(1600) },
    );
    expect(r.ok).toBe(true);
    // Check the rate by its definition rather than a second formula.
    if (r.ok) {
      const grown = dec(1000).times(r.value.plus(1).pow(dec(365).div(365))).plus(dec(500).times(r.value.plus(1).pow(dec(183).div(365))));
      expect(grown.minus(1600).abs().lt('1e-12')).toBe(true);
    }
  });
});

describe('the client list returns', () => {
  it('equal timeWeightedReturn over the period, with withdrawals, dividends and fees in the history', () => {
    // A fake store holding one account's daily history (cents): deposits, a withdrawal, a fee and a dividend inside.
    const dates: string[] = [];
    for (let d = Date.UTC(2025, 0, 1); d < Date.UTC(2026, 10, 21); d += 86_400_000) {
      const dow = new Date(d).getUTCDay();
      if (dow !== 0 && dow !== 6) dates.push(new Date(d).toISOString().slice(0, 10));
    }
    const values: number[] = [];
    const flows: number[] = [];
    let v = 100_000_00;
    dates.forEach((_, i) => {
      let flow = i === 0 ? v : 0;
      if (i > 0) v = Math.round(v * (1 + (((i * 7919) % 200) - 95) / 10_000)); // a wiggly path, integer cents
      if (i === 150) (flow = 20_000_00), (v += flow); // deposit
      if (i === 300) (flow = -15_000_00), (v += flow); // withdrawal
      if (i === 200) v -= 250_00; // fee, inside the return
      if (i === 250) v += 400_00; // dividend, inside the return
      values.push(v);
      flows.push(flow);
    });
    const store = {
      history: () => ({ dates, valuesCents: values, flowsCents: flows }),
      flowsAfter: () => [],
      closes: () => null,
      models: () => [],
    } as unknown as ClientBookStore;
    const view = createPerformanceView(store);
    const account = [{ accountId: 'A-1', clientId: 'C1', name: '', type: '', currency: 'USD', cash: '0', modelId: null }];
    const today = isoDate('2026-11-23');
    const live = dec('101234.56');
    const points = view.points('C1', account, live, today);
    const list = view.listReturns('C1', account, live, today);
    const periods = { mtd: 'MTD', qtd: 'QTD', ytd: 'YTD', oneYear: '1Y' } as const;
    for (const [key, period] of Object.entries(periods) as [keyof typeof periods, (typeof periods)[keyof typeof periods]][]) {
      const slice = slicePeriod(points, periodStart(period, today, points[0]!.date), today);
      if (!Array.isArray(slice)) throw new Error(slice.reason);
      const core = timeWeightedReturn(slice);
      if (!core.ok) throw new Error(core.reason);
      expect(list[key], period).toBe(core.value.toDecimalPlaces(6).toFixed());
    }
  });
});
