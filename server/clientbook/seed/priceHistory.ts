import type { Instrument } from '../../../src/core/instrument.ts';
import { streamFor } from '../../marketdata/prng.ts';

/** Weekdays (UTC day numbers) from `firstDay` to `lastDay` included: the book is valued on business days. */
export function weekdays(firstDay: number, lastDay: number): number[] {
  const out: number[] = [];
  for (let d = firstDay; d <= lastDay; d++) {
    const dow = (d + 4) % 7; // 1970-01-01 was a Thursday (4)
    if (dow !== 0 && dow !== 6) out.push(d);
  }
  return out;
}

/** Annual volatility by sector of fund: bonds calm, sector funds lively. */
function annualVol(inst: Instrument): number {
  switch (inst.sector) {
    case 'Treasuries':
      return 0.07;
    case 'Credit':
    case 'Municipals':
      return 0.06;
    case 'Broad Market':
    case 'Large Cap':
    case 'Dividend':
      return 0.16;
    default:
      return inst.assetClass === 'equity' ? 0.3 : 0.22;
  }
}

/**
 * Daily closes in integer cents for `days` (ascending), ending at the
 * instrument's reference price on the last day: a seeded random walk run
 * backwards, so history always joins today's market. Integer cents keep the
 * valuation of thousands of account-days exact without a Decimal per product.
 */
export function closesInCents(seed: number, inst: Instrument, days: number): number[] {
  const rand = streamFor(seed, `clientbook-history:${inst.symbol}`);
  const vol = annualVol(inst) / Math.sqrt(252);
  const drift = 0.06 / 252;
  const closes = new Array<number>(days);
  let p = Math.max(1, Math.round(inst.referencePrice.times(100).toNumber()));
  for (let i = days - 1; i >= 0; i--) {
    closes[i] = p;
    // A near-normal draw as twelve uniforms less six (no exp/log/cos, whose last bit may differ
    // between machines); the step back divides by the day's growth.
    let z = -6;
    for (let k = 0; k < 12; k++) z += rand();
    p = Math.max(1, Math.round(p / (1 + drift + vol * z)));
  }
  return closes;
}
