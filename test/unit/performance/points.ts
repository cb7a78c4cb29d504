// Shorthand for valuation points in tests: at('2023-06-30', '1200', '-700').
import { dec } from '../../../src/core/decimal.ts';
import { isoDate } from '../../../src/core/performance/isoDate.ts';
import type { ValuationPoint } from '../../../src/core/performance/series.ts';

export function at(date: string, value: string, flow = '0'): ValuationPoint {
  return { date: isoDate(date), value: dec(value), flow: dec(flow) };
}
