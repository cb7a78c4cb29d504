import { Decimal, ZERO, toWire } from '../../src/core/decimal.ts';
import type { CostMethod } from '../../src/core/pnl/inventory.ts';
import { type FxRates, rateToBase } from '../../src/core/pnl/fx.ts';
import { type RollupNode, rollUp } from '../../src/core/pnl/rollup.ts';
import type { DeskLevel, DeskLineWire } from '../../src/core/protocol/desk.ts';
import { type BookPosition, figuresAt } from './ledgerBook.ts';
import { type LimitsConfig, type Usage, deskLimits, scopeUsages, traderLimits, usage } from './limits.ts';

/** One position valued in base currency: the leaf row of the roll-up. */
export interface DeskRow {
  readonly desk: string;
  readonly trader: string;
  readonly account: string;
  readonly symbol: string;
  /** The roll-up's base currency (every row has it: rows that cannot be converted are left out and named). */
  readonly currency: string;
  readonly priceCurrency: string;
  readonly quantity: Decimal;
  readonly averagePrice: Decimal | null;
  readonly mark: Decimal | null;
  readonly marketValue: Decimal;
  readonly grossExposure: Decimal;
  readonly netExposure: Decimal;
  readonly realized: Decimal;
  readonly unrealized: Decimal;
  readonly daily: Decimal;
  readonly fees: Decimal;
  readonly dailyNet: Decimal;
}

const MEASURES = ['marketValue', 'grossExposure', 'netExposure', 'realized', 'unrealized', 'daily', 'fees', 'dailyNet'] as const;
const LEVELS: readonly DeskLevel[] = ['desk', 'trader', 'book', 'instrument'];

export interface DeskInputs {
  readonly positions: Iterable<BookPosition>;
  readonly method: CostMethod;
  readonly rates: FxRates;
  markOf(symbol: string): Decimal | undefined;
  deskOf(trader: string): string;
}

export interface DeskRows {
  readonly rows: DeskRow[];
  /** Positions left out: no mark yet, or no FX rate for their currency. */
  readonly unvalued: string[];
}

/**
 * Values every position in base currency. Exposure of a position is its
 * market value: gross sums |value|, net keeps the sign. Fees shown are
 * today's (the desk's day), so dailyNet = daily − today's fees.
 */
export function deskRows(inputs: DeskInputs): DeskRows {
  const rows: DeskRow[] = [];
  const unvalued: string[] = [];
  for (const p of inputs.positions) {
    const mark = inputs.markOf(p.symbol);
    const rate = rateToBase(p.currency, inputs.rates);
    if (mark === undefined || rate === undefined) {
      unvalued.push(`${p.trader}/${p.account}/${p.symbol}: ${mark === undefined ? 'no mark yet' : `no FX rate for ${p.currency}`}`);
      continue;
    }
    const f = figuresAt(p, inputs.method, mark);
    const x = (d: Decimal) => d.times(rate);
    const marketValue = x(f.marketValue);
    const fees = x(f.todayFees);
    const daily = x(f.daily);
    rows.push({
      desk: inputs.deskOf(p.trader),
      trader: p.trader,
      account: p.account,
      symbol: p.symbol,
      currency: inputs.rates.base,
      priceCurrency: p.currency,
      quantity: f.quantity,
      averagePrice: f.averagePrice,
      mark,
      marketValue,
      grossExposure: marketValue.abs(),
      netExposure: marketValue,
      realized: x(f.realized),
      unrealized: x(f.unrealized),
      daily,
      fees,
      dailyNet: daily.minus(fees),
    });
  }
  return { rows, unvalued };
}

/** Money on the desk wire: four places (cents and a little below), half-even. */
const money = (d: Decimal) => toWire(d.toDecimalPlaces(4, Decimal.ROUND_HALF_EVEN));
const price = (d: Decimal | null) => (d === null ? null : toWire(d.toDecimalPlaces(8, Decimal.ROUND_HALF_EVEN)));

/** The roll-up desk → trader → book → instrument as the lines a flat grid shows, every group with its sums. */
export function deskLines(rows: readonly DeskRow[], base: string): DeskLineWire[] {
  const result = rollUp(rows, { currency: base, keyPath: ['desk', 'trader', 'account', 'symbol'], measures: MEASURES });
  if (!result.ok) return []; // cannot happen: deskRows puts every row in base
  const lines: DeskLineWire[] = [];
  const visit = (nodes: readonly RollupNode<DeskRow, (typeof MEASURES)[number]>[], depth: number, parentId: string | null) => {
    for (const node of nodes) {
      if (node.kind === 'row') continue; // the symbol level is the last group: one row per position
      const id = node.path.join('/');
      const level = LEVELS[depth] ?? 'instrument';
      const leaf = level === 'instrument' && node.children[0]?.kind === 'row' ? node.children[0].row : undefined;
      const t = node.totals;
      lines.push({
        id,
        parentId,
        level,
        label: node.value,
        positions: node.rowCount,
        quantity: leaf ? toWire(leaf.quantity) : null,
        priceCurrency: leaf ? leaf.priceCurrency : null,
        averagePrice: leaf ? price(leaf.averagePrice) : null,
        mark: leaf ? price(leaf.mark) : null,
        marketValue: money(t.marketValue),
        grossExposure: money(t.grossExposure),
        netExposure: money(t.netExposure),
        realized: money(t.realized),
        unrealized: money(t.unrealized),
        daily: money(t.daily),
        fees: money(t.fees),
        dailyNet: money(t.dailyNet),
      });
      visit(node.children, depth + 1, id);
    }
  };
  visit(result.tree.children, 0, null);
  return lines;
}

function totalsBy<K extends 'trader' | 'desk'>(rows: readonly DeskRow[], key: K): Map<string, { grossExposure: Decimal; netExposure: Decimal; dailyNet: Decimal }> {
  const m = new Map<string, { grossExposure: Decimal; netExposure: Decimal; dailyNet: Decimal }>();
  for (const r of rows) {
    const t = m.get(r[key]) ?? { grossExposure: ZERO, netExposure: ZERO, dailyNet: ZERO };
    m.set(r[key], { grossExposure: t.grossExposure.plus(r.grossExposure), netExposure: t.netExposure.plus(r.netExposure), dailyNet: t.dailyNet.plus(r.dailyNet) });
  }
  return m;
}

/** Every limit in use: per trader and desk (exposure, daily loss) and per trader and instrument (position). */
export function limitUsages(rows: readonly DeskRow[], config: LimitsConfig): Usage[] {
  const out: Usage[] = [];
  for (const [trader, figures] of totalsBy(rows, 'trader')) out.push(...scopeUsages(config, 'trader', trader, figures, traderLimits(config, trader)));
  for (const [desk, figures] of totalsBy(rows, 'desk')) out.push(...scopeUsages(config, 'desk', desk, figures, deskLimits(config, desk)));
  const perTraderSymbol = new Map<string, { trader: string; symbol: string; quantity: Decimal }>();
  for (const r of rows) {
    const k = `${r.trader}\u0000${r.symbol}`;
    const prev = perTraderSymbol.get(k);
    perTraderSymbol.set(k, { trader: r.trader, symbol: r.symbol, quantity: (prev?.quantity ?? ZERO).plus(r.quantity) });
  }
  for (const { trader, symbol, quantity } of perTraderSymbol.values()) {
    if (quantity.isZero()) continue;
    const u = usage(config, { scope: 'trader', name: trader, metric: 'position', symbol }, quantity.abs(), traderLimits(config, trader).position);
    if (u) out.push(u);
  }
  return out;
}
