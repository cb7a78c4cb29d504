import { Decimal, ZERO, toWire } from '../../src/core/decimal.ts';
import type { CostMethod } from '../../src/core/pnl/inventory.ts';
import { type FxRates, ONE, rateToBase } from '../../src/core/pnl/fx.ts';
import type { DeskLevel, DeskLineWire } from '../../src/core/protocol/desk.ts';
import { type BookPosition, figuresAt } from './ledgerBook.ts';
import { type LimitSet, type LimitsConfig, type Usage, deskLimits, scopeUsages, traderLimits, usage } from './limits.ts';

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
export function deskRows(inputs: DeskInputs, cache?: RowCache): DeskRows {
  const rows: DeskRow[] = [];
  const unvalued: string[] = [];
  for (const p of inputs.positions) {
    const mark = inputs.markOf(p.symbol);
    const rate = rateToBase(p.currency, inputs.rates);
    if (mark === undefined || rate === undefined) {
      unvalued.push(`${p.trader}/${p.account}/${p.symbol}: ${mark === undefined ? 'no mark yet' : `no FX rate for ${p.currency}`}`);
      continue;
    }
    const desk = inputs.deskOf(p.trader);
    const hit = cache?.get(p);
    // Marks and rates come from memos, so an unchanged one is usually the very same object.
    if (hit && hit.method === inputs.method && hit.row.desk === desk && (hit.mark === mark || hit.mark.eq(mark)) && (hit.rate === rate || hit.rate.eq(rate))) {
      rows.push(hit.row);
      continue;
    }
    const row = valueRow(p, inputs.method, mark, rate, inputs.rates.base, desk);
    cache?.set(p, { mark, rate, method: inputs.method, row });
    rows.push(row);
  }
  return { rows, unvalued };
}

/**
 * The last valuation of each position: a position is an immutable value (a
 * fill makes a new one), so the same object at the same mark and rate has the
 * same figures and a quiet symbol costs nothing to re-value.
 */
export type RowCache = WeakMap<BookPosition, { mark: Decimal; rate: Decimal; method: CostMethod; row: DeskRow }>;

export function createRowCache(): RowCache {
  return new WeakMap();
}

function valueRow(p: BookPosition, method: CostMethod, mark: Decimal, rate: Decimal, base: string, desk: string): DeskRow {
  const f = figuresAt(p, method, mark);
  // Most positions are in the base currency: skip the exact-but-pointless × 1 (rateToBase gives base the shared ONE).
  const unit = rate === ONE || rate.eq(ONE);
  const marketValue = unit ? f.marketValue : f.marketValue.times(rate);
  const fees = unit ? f.todayFees : f.todayFees.times(rate);
  const daily = unit ? f.daily : f.daily.times(rate);
  return {
    desk,
    trader: p.trader,
    account: p.account,
    symbol: p.symbol,
    currency: base,
    priceCurrency: p.currency,
    quantity: f.quantity,
    averagePrice: f.averagePrice,
    mark,
    marketValue,
    grossExposure: marketValue.abs(),
    netExposure: marketValue,
    realized: unit ? f.realized : f.realized.times(rate),
    unrealized: unit ? f.unrealized : f.unrealized.times(rate),
    daily,
    fees,
    dailyNet: daily.minus(fees),
  };
}

/** Money on the desk wire: four places (cents and a little below), half-even. */
const money = (d: Decimal) => toWire(d.toDecimalPlaces(4, Decimal.ROUND_HALF_EVEN));
const price = (d: Decimal | null) => (d === null ? null : toWire(d.toDecimalPlaces(8, Decimal.ROUND_HALF_EVEN)));

type Measure = (typeof MEASURES)[number];
type Sums = Record<Measure, Decimal>;

const zeroSums = (): Sums => ({ marketValue: ZERO, grossExposure: ZERO, netExposure: ZERO, realized: ZERO, unrealized: ZERO, daily: ZERO, fees: ZERO, dailyNet: ZERO });

interface Group {
  readonly id: string;
  readonly parentId: string | null;
  readonly level: DeskLevel;
  readonly label: string;
  sums: Sums;
  positions: number;
  readonly children: Map<string, Group>;
  row?: DeskRow;
}

/**
 * The roll-up desk → trader → book → instrument as the lines a flat grid
 * shows, every group with its sums. Built bottom-up in one pass (each row is
 * added once to each of its three groups), groups in key order so lines do
 * not shuffle between updates. Same sums as core/pnl/rollup.ts, which the
 * unit tests check; this walk does a quarter of its additions.
 */
const leafLines = new WeakMap<DeskRow, DeskLineWire>();

function leafLine(id: string, parentId: string, r: DeskRow): DeskLineWire {
  return {
    id,
    parentId,
    level: 'instrument',
    label: r.symbol,
    positions: 1,
    quantity: toWire(r.quantity),
    priceCurrency: r.priceCurrency,
    averagePrice: price(r.averagePrice),
    mark: price(r.mark),
    marketValue: money(r.marketValue),
    grossExposure: money(r.grossExposure),
    netExposure: money(r.netExposure),
    realized: money(r.realized),
    unrealized: money(r.unrealized),
    daily: money(r.daily),
    fees: money(r.fees),
    dailyNet: money(r.dailyNet),
  };
}

export function deskLines(rows: readonly DeskRow[], _base: string): DeskLineWire[] {
  const top = new Map<string, Group>();
  const child = (parent: Map<string, Group>, parentId: string | null, level: DeskLevel, label: string): Group => {
    let g = parent.get(label);
    if (!g) {
      const id = parentId === null ? label : `${parentId}/${label}`;
      g = { id, parentId, level, label, sums: zeroSums(), positions: 0, children: new Map() };
      parent.set(label, g);
    }
    return g;
  };
  for (const r of rows) {
    const desk = child(top, null, 'desk', r.desk);
    const trader = child(desk.children, desk.id, 'trader', r.trader);
    const book = child(trader.children, trader.id, 'book', r.account);
    const leaf = child(book.children, book.id, 'instrument', r.symbol);
    leaf.row = r;
    leaf.positions = 1;
    for (const m of MEASURES) leaf.sums[m] = r[m];
    for (const g of [desk, trader, book]) {
      g.positions += 1;
      for (const m of MEASURES) g.sums[m] = g.sums[m].plus(r[m]);
    }
  }
  const lines: DeskLineWire[] = [];
  const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const visit = (groups: Map<string, Group>) => {
    for (const key of [...groups.keys()].sort(byKey)) {
      const g = groups.get(key)!;
      const leaf = g.row;
      const t = g.sums;
      if (leaf) {
        // A position's line is a function of its row alone: an unchanged row (same object) reuses its wire text.
        let line = leafLines.get(leaf);
        if (!line || line.id !== g.id) leafLines.set(leaf, (line = leafLine(g.id, g.parentId!, leaf)));
        lines.push(line);
        continue;
      }
      lines.push({
        id: g.id,
        parentId: g.parentId,
        level: g.level,
        label: g.label,
        positions: g.positions,
        quantity: null,
        priceCurrency: null,
        averagePrice: null,
        mark: null,
        marketValue: money(t.marketValue),
        grossExposure: money(t.grossExposure),
        netExposure: money(t.netExposure),
        realized: money(t.realized),
        unrealized: money(t.unrealized),
        daily: money(t.daily),
        fees: money(t.fees),
        dailyNet: money(t.dailyNet),
      });
      visit(g.children);
    }
  };
  visit(top);
  return lines;
}

interface ScopeTotals {
  grossExposure: Decimal;
  netExposure: Decimal;
  dailyNet: Decimal;
}

/** Σ per trader or desk, in row order (the first row's figures start each sum: 0 + x is x). */
function totalsBy<K extends 'trader' | 'desk'>(rows: readonly DeskRow[], key: K): Map<string, ScopeTotals> {
  const m = new Map<string, ScopeTotals>();
  for (const r of rows) {
    const t = m.get(r[key]);
    if (t === undefined) m.set(r[key], { grossExposure: r.grossExposure, netExposure: r.netExposure, dailyNet: r.dailyNet });
    else {
      t.grossExposure = t.grossExposure.plus(r.grossExposure);
      t.netExposure = t.netExposure.plus(r.netExposure);
      t.dailyNet = t.dailyNet.plus(r.dailyNet);
    }
  }
  return m;
}

const same = (a: Decimal, b: Decimal) => a === b || a.eq(b);

/**
 * The last measurement of each limit, for limitUsages: a usage is a function
 * of its figures and its limit alone, and a pass after one fill finds most of
 * them unchanged, so it keeps their Usage objects (a percentage is a 40-digit
 * division). Valid for one LimitsConfig: another one starts it afresh.
 */
export interface UsageCache {
  config: LimitsConfig | undefined;
  readonly limitSets: Map<string, LimitSet>;
  readonly scopes: Map<string, { figures: ScopeTotals; limits: LimitSet; usages: Usage[] }>;
  readonly positions: Map<string, Map<string, { quantity: Decimal; limit: Decimal | undefined; usage: Usage | undefined }>>;
}

export function createUsageCache(): UsageCache {
  return { config: undefined, limitSets: new Map(), scopes: new Map(), positions: new Map() };
}

function scopeUsagesCached(config: LimitsConfig, scope: 'trader' | 'desk', name: string, figures: ScopeTotals, cache: UsageCache | undefined): Usage[] {
  if (cache === undefined) return scopeUsages(config, scope, name, figures, scope === 'trader' ? traderLimits(config, name) : deskLimits(config, name));
  const key = `${scope}\u0000${name}`;
  let limits = cache.limitSets.get(key);
  if (limits === undefined) cache.limitSets.set(key, (limits = scope === 'trader' ? traderLimits(config, name) : deskLimits(config, name)));
  const hit = cache.scopes.get(key);
  if (hit && hit.limits === limits && same(hit.figures.grossExposure, figures.grossExposure) && same(hit.figures.netExposure, figures.netExposure) && same(hit.figures.dailyNet, figures.dailyNet)) {
    return hit.usages;
  }
  const usages = scopeUsages(config, scope, name, figures, limits);
  cache.scopes.set(key, { figures, limits, usages });
  return usages;
}

function positionLimit(config: LimitsConfig, trader: string, cache: UsageCache | undefined): Decimal | undefined {
  if (cache === undefined) return traderLimits(config, trader).position;
  const key = `trader\u0000${trader}`;
  let limits = cache.limitSets.get(key);
  if (limits === undefined) cache.limitSets.set(key, (limits = traderLimits(config, trader)));
  return limits.position;
}

/**
 * Every limit in use: per trader and desk (exposure, daily loss) and per trader and instrument (position).
 * With a cache (the desk feed keeps one), a limit whose figures did not change gives its last Usage again.
 */
export function limitUsages(rows: readonly DeskRow[], config: LimitsConfig, cache?: UsageCache): Usage[] {
  if (cache !== undefined && cache.config !== config) {
    cache.config = config;
    cache.limitSets.clear();
    cache.scopes.clear();
    cache.positions.clear();
  }
  const out: Usage[] = [];
  for (const [trader, figures] of totalsBy(rows, 'trader')) for (const u of scopeUsagesCached(config, 'trader', trader, figures, cache)) out.push(u);
  for (const [desk, figures] of totalsBy(rows, 'desk')) for (const u of scopeUsagesCached(config, 'desk', desk, figures, cache)) out.push(u);
  // Σ quantity per (trader, symbol) over the trader's books, in order of first appearance.
  const perTraderSymbol: { trader: string; symbol: string; quantity: Decimal }[] = [];
  const index = new Map<string, Map<string, { trader: string; symbol: string; quantity: Decimal }>>();
  for (const r of rows) {
    let bySymbol = index.get(r.trader);
    if (!bySymbol) index.set(r.trader, (bySymbol = new Map()));
    const prev = bySymbol.get(r.symbol);
    if (prev) prev.quantity = prev.quantity.plus(r.quantity);
    else {
      const entry = { trader: r.trader, symbol: r.symbol, quantity: r.quantity };
      bySymbol.set(r.symbol, entry);
      perTraderSymbol.push(entry);
    }
  }
  // Entries come mostly grouped by trader: the trader's limit and memo are looked up once per run of them.
  let lastTrader: string | undefined;
  let limit: Decimal | undefined;
  let memo: Map<string, { quantity: Decimal; limit: Decimal | undefined; usage: Usage | undefined }> | undefined;
  for (const { trader, symbol, quantity } of perTraderSymbol) {
    if (quantity.isZero()) continue;
    if (trader !== lastTrader) {
      lastTrader = trader;
      limit = positionLimit(config, trader, cache);
      if (cache !== undefined) {
        memo = cache.positions.get(trader);
        if (!memo) cache.positions.set(trader, (memo = new Map()));
      }
    }
    if (memo !== undefined) {
      const hit = memo.get(symbol);
      if (hit && hit.limit === limit && same(hit.quantity, quantity)) {
        if (hit.usage) out.push(hit.usage);
        continue;
      }
    }
    const u = usage(config, { scope: 'trader', name: trader, metric: 'position', symbol }, quantity.abs(), limit);
    memo?.set(symbol, { quantity, limit, usage: u });
    if (u) out.push(u);
  }
  return out;
}
