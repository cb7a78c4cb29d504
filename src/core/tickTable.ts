import { Decimal, ZERO, isMultipleInUnits, isMultipleOf } from './decimal.ts';

/**
 * Price-dependent tick sizes. FIXED is one tick at every price (the
 * instrument's tickSize). US_EQUITY is the Reg NMS rule: 0.0001 below 1.00,
 * 0.01 from 1.00. EU_MIFID_BAND has the shape of a MiFID II liquidity band: a
 * 1-2-5 ladder whose tick grows with the price (0.001 from 1 to 2, 0.002 to 5,
 * 0.005 to 10, 0.01 to 20, …).
 */
export const TICK_TABLES = ['FIXED', 'US_EQUITY', 'EU_MIFID_BAND'] as const;
export type TickTableName = (typeof TICK_TABLES)[number];

/** From `from` (included) up to the next band's `from`, prices step by `tick`. */
export interface TickBand {
  readonly from: Decimal;
  readonly tick: Decimal;
}

/** What decides an instrument's tick: its table, or its own tickSize when the table is FIXED or absent. */
export interface TickRule {
  readonly tickSize: Decimal;
  readonly tickTable?: TickTableName | undefined;
}

const bands = (rows: readonly (readonly [from: string, tick: string])[]): readonly TickBand[] =>
  Object.freeze(rows.map(([from, tick]) => Object.freeze({ from: new Decimal(from), tick: new Decimal(tick) })));

const TABLE_BANDS: Record<Exclude<TickTableName, 'FIXED'>, readonly TickBand[]> = {
  US_EQUITY: bands([
    ['0', '0.0001'],
    ['1', '0.01'],
  ]),
  EU_MIFID_BAND: bands([
    ['0', '0.0001'],
    ['0.2', '0.0002'],
    ['0.5', '0.0005'],
    ['1', '0.001'],
    ['2', '0.002'],
    ['5', '0.005'],
    ['10', '0.01'],
    ['20', '0.02'],
    ['50', '0.05'],
    ['100', '0.1'],
    ['200', '0.2'],
    ['500', '0.5'],
    ['1000', '1'],
    ['2000', '2'],
    ['5000', '5'],
    ['10000', '10'],
    ['20000', '20'],
    ['50000', '50'],
  ]),
};

export function isTickTableName(s: string): s is TickTableName {
  return (TICK_TABLES as readonly string[]).includes(s);
}

/** The bands of a rule, lowest price first; the first band starts at 0. */
export function tickBands(rule: TickRule): readonly TickBand[] {
  const table = rule.tickTable ?? 'FIXED';
  return table === 'FIXED' ? [{ from: ZERO, tick: rule.tickSize }] : TABLE_BANDS[table];
}

/** The tick that applies at `price`: the band holding it (a price on a band's edge takes the upper band's tick). */
export function tickSizeAt(rule: TickRule, price: Decimal): Decimal {
  const all = tickBands(rule);
  for (let k = all.length - 1; k > 0; k--) {
    const band = all[k]!;
    if (price.gte(band.from)) return band.tick;
  }
  return all[0]!.tick;
}

/** True when the price is a whole number of the tick that applies at that price. */
export function isOnPriceGrid(price: Decimal, rule: TickRule): boolean {
  const tick = tickSizeAt(rule, price);
  return isMultipleInUnits(price, tick) ?? isMultipleOf(price, tick);
}

/** The finest tick of the rule: every price on its grid is a whole number of it (the unit the simulator counts in). */
export function baseTickOf(rule: TickRule): Decimal {
  return Decimal.min(...tickBands(rule).map((b) => b.tick));
}
