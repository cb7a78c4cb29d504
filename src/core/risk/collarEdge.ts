import type { Decimal } from '../decimal.ts';
import { type TickRule, tickSizeAt } from '../tickTable.ts';

/**
 * The last price on the instrument's tick grid inside a collar band's edge:
 * rounded down for the high edge (a buy may pay at most this), up for the low
 * edge (a sale may ask at least this). A reject quoted the edge itself,
 * "allows at most 293.0785" for a stock that trades in cents, a price no one
 * can type; 293.07 is the highest the collar lets through.
 */
export function collarEdgeOnGrid(edge: Decimal, rule: TickRule, towards: 'down' | 'up'): Decimal {
  const tick = tickSizeAt(rule, edge);
  const steps = edge.div(tick);
  return (towards === 'down' ? steps.floor() : steps.ceil()).times(tick);
}
