/** A rate of return as a fraction (0.2558 is 25.58 %), or why there is none. */
import type { Decimal } from '../decimal.ts';

export type ReturnResult = { ok: true; value: Decimal } | { ok: false; reason: string };

/** Percent to `places` decimals, half-even, for display and for comparing with published figures. */
export function asPercent(rate: Decimal, places = 2): string {
  return rate.times(100).toFixed(places);
}
