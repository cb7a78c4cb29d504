import { type Decimal, ZERO, dec, sum } from '../core/decimal.ts';
import type { PositionWire } from '../core/protocol.ts';
import type { Marked, ValuedPosition } from '../streams/valuation.ts';

/**
 * Today's P&L at mark m, from the figures the gateway sends with each position:
 *   sodQuantity × (m − sodMark) × multiplier + (todayQuantity × m − todayNotional) × multiplier.
 * The first term is what the position held overnight made, the second what
 * today's trades made. Before fees. A position held overnight without a
 * start-of-day mark cannot be measured; one opened today needs only m.
 */
export function todayPnl(p: PositionWire, mark: Decimal | undefined): Marked<Decimal> {
  const sodQuantity = dec(p.sodQuantity ?? '0');
  const todayQuantity = dec(p.todayQuantity ?? '0');
  const todayNotional = dec(p.todayNotional ?? '0');
  const multiplier = dec(p.multiplier);
  const needsMark = !sodQuantity.isZero() || !todayQuantity.isZero();
  if (!needsMark) return { priced: true, value: todayNotional.negated().times(multiplier) };
  if (mark === undefined) return { priced: false };
  let overnight = ZERO;
  if (!sodQuantity.isZero()) {
    if (p.sodMark === null || p.sodMark === undefined) return { priced: false };
    overnight = sodQuantity.times(mark.minus(dec(p.sodMark))).times(multiplier);
  }
  const trading = todayQuantity.times(mark).minus(todayNotional).times(multiplier);
  return { priced: true, value: overnight.plus(trading) };
}

/** Sums per currency: P&L in dollars and in euros is never added up without a rate. */
export interface CurrencyTotals {
  readonly currency: string;
  readonly today: Decimal;
  readonly unrealized: Decimal;
  readonly realized: Decimal;
  readonly fees: Decimal;
  /** Positions whose P&L waits for a price. */
  readonly unpriced: number;
}

export function totalsByCurrency(valued: readonly ValuedPosition[]): CurrencyTotals[] {
  const groups = new Map<string, ValuedPosition[]>();
  for (const v of valued) {
    const list = groups.get(v.position.currency) ?? [];
    list.push(v);
    groups.set(v.position.currency, list);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, list]) => {
      const today = list.map((v) => todayPnl(v.position, v.mark));
      return {
        currency,
        today: sum(today.flatMap((t) => (t.priced ? [t.value] : []))),
        unrealized: sum(list.flatMap((v) => (v.unrealized.priced ? [v.unrealized.value] : []))),
        realized: sum(list.map((v) => v.realized)),
        fees: sum(list.map((v) => dec(v.position.fees ?? '0'))),
        unpriced: today.filter((t) => !t.priced).length,
      };
    });
}
