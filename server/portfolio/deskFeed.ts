import { Subject, type Observable, type Subscription, map, merge } from 'rxjs';
import { type Decimal, ZERO, toWire } from '../../src/core/decimal.ts';
import type { CostMethod } from '../../src/core/pnl/inventory.ts';
import type { AlertWire, LimitUsageWire, PnlSeriesWire } from '../../src/core/protocol/desk.ts';
import { Decimal as D } from '../../src/core/decimal.ts';
import { AlertMonitor } from './alertMonitor.ts';
import { type DeskRow, createRowCache, createUsageCache, deskRows, limitUsages } from './deskView.ts';
import type { LimitsConfig, Usage } from './limits.ts';
import type { PortfolioService } from './portfolioService.ts';

export interface DeskState {
  readonly asOf: number;
  readonly base: string;
  /** Every position valued under a cost method (FIFO is valued only when someone asks for it). */
  rows(method: CostMethod): readonly DeskRow[];
  readonly usages: readonly Usage[];
  /** Positions that could not be valued yet, and why. */
  readonly unvalued: readonly string[];
}

export interface PnlPoint {
  readonly key: string;
  readonly time: number;
  readonly net: string;
}

export interface DeskFeedDeps {
  portfolio: PortfolioService;
  limits: LimitsConfig;
  deskOf(trader: string): string;
  now(): number;
  /** A trader's limit breach; returns what was done ("trader1 set to REDUCING") or null. */
  onTraderBreach(trader: string, message: string): string | null;
  /** Roll-up recomputed at most this often while anything moves (default 250 ms). */
  conflateMs?: number;
  /** One intraday P&L point per trader and desk this often (default 10 s). */
  sampleMs?: number;
}

export interface DeskFeed {
  /** The latest roll-up (computed now if anything changed since). */
  state(): DeskState;
  /** A new roll-up, at most once per conflation window. */
  readonly states$: Observable<DeskState>;
  readonly alerts$: Observable<AlertWire>;
  readonly points$: Observable<readonly PnlPoint[]>;
  alertHistory(): readonly AlertWire[];
  series(): readonly PnlSeriesWire[];
  /** Recomputes at once (tests, and the sampling timer). */
  refresh(): DeskState;
  stop(): void;
}

export function usageToWire(u: Usage): LimitUsageWire {
  return {
    scope: u.scope,
    name: u.name,
    metric: u.metric,
    symbol: u.symbol,
    value: toWire(u.value.toDecimalPlaces(4, D.ROUND_HALF_EVEN)),
    limit: toWire(u.limit),
    utilisation: u.utilisation.toDecimalPlaces(2, D.ROUND_HALF_EVEN).toFixed(2),
    level: u.level,
  };
}

const MAX_POINTS = 24 * 360; // a day at one point every 10 s
const FILL_MIN_GAP_MS = 20;

/**
 * The desk head's live picture: positions valued in base currency, rolled up,
 * limits measured and alerts raised. Fills and mark changes only mark it
 * dirty; a timer recomputes at most every conflateMs, so a burst of quotes
 * costs one re-valuation, not one per quote.
 */
export function createDeskFeed(deps: DeskFeedDeps): DeskFeed {
  const conflateMs = deps.conflateMs ?? 250;
  const sampleMs = deps.sampleMs ?? 10_000;
  const monitor = new AlertMonitor({ base: deps.portfolio.base, now: deps.now, onTraderBreach: deps.onTraderBreach });
  const states = new Subject<DeskState>();
  const alerts = new Subject<AlertWire>();
  const points = new Subject<readonly PnlPoint[]>();
  const series = new Map<string, { label: string; points: { time: number; net: string }[] }>();
  let dirty = true;
  let current: DeskState | undefined;

  const caches = { averageCost: createRowCache(), fifo: createRowCache() };
  const usageCache = createUsageCache();

  function compute(): DeskState {
    const started = performance.now();
    try {
      return computeNow();
    } finally {
      lastComputedAt = performance.now();
      lastComputeMs = lastComputedAt - started;
    }
  }

  function computeNow(): DeskState {
    const rates = deps.portfolio.fxRates();
    const inputs = (method: CostMethod) => ({ positions: deps.portfolio.positions(), rates, markOf: deps.portfolio.markOf, deskOf: deps.deskOf, method });
    const avg = deskRows(inputs('averageCost'), caches.averageCost);
    let fifo: readonly DeskRow[] | undefined;
    const usages = limitUsages(avg.rows, deps.limits, usageCache);
    current = {
      asOf: deps.now(),
      base: deps.portfolio.base,
      rows: (method) => (method === 'averageCost' ? avg.rows : (fifo ??= deskRows(inputs('fifo'), caches.fifo).rows)),
      usages,
      unvalued: avg.unvalued,
    };
    dirty = false;
    for (const a of monitor.observe(usages)) alerts.next(a);
    return current;
  }

  function sample(): void {
    const state = dirty || !current ? compute() : current;
    const time = Math.floor(state.asOf / 1000);
    const totals = new Map<string, { label: string; net: Decimal }>();
    const add = (key: string, label: string, v: Decimal) => totals.set(key, { label, net: (totals.get(key)?.net ?? ZERO).plus(v) });
    for (const r of state.rows('averageCost')) {
      add(`trader:${r.trader}`, r.trader, r.dailyNet);
      add(`desk:${r.desk}`, r.desk, r.dailyNet);
    }
    const fresh: PnlPoint[] = [];
    for (const [key, { label, net }] of totals) {
      const point = { time, net: toWire(net.toDecimalPlaces(2, D.ROUND_HALF_EVEN)) };
      let s = series.get(key);
      if (!s) series.set(key, (s = { label, points: [] }));
      if (s.points.at(-1)?.time === time) s.points[s.points.length - 1] = point;
      else s.points.push(point);
      if (s.points.length > MAX_POINTS) s.points.shift();
      fresh.push({ key, ...point });
    }
    if (fresh.length > 0) points.next(fresh);
  }

  // A fill is news the desk head waits for: it is shown as soon as the last re-valuation allows (twice its own
  // cost apart, so a storm of fills cannot spend the whole CPU on roll-ups); marks wait for the conflation window.
  // With no one watching the desk (no roll-up or alert subscriber), a fill waits for that window too: the limits are
  // still measured and a breach still acts, within conflateMs, as for a mark that moves.
  let lastComputeMs = 0;
  let lastComputedAt = 0;
  let fillTimer: ReturnType<typeof setTimeout> | undefined;
  const onFill = () => {
    dirty = true;
    if (fillTimer || !(states.observed || alerts.observed)) return;
    const gap = Math.max(FILL_MIN_GAP_MS, 2 * lastComputeMs) - (performance.now() - lastComputedAt);
    fillTimer = setTimeout(() => {
      fillTimer = undefined;
      if (dirty) states.next(compute());
    }, Math.max(0, gap));
  };
  const sub: Subscription = merge(
    deps.portfolio.updates$.pipe(map(() => onFill())),
    deps.portfolio.marks$.pipe(map(() => (dirty = true))),
  ).subscribe();
  const conflate = setInterval(() => {
    if (dirty) states.next(compute());
  }, conflateMs);
  const sampler = setInterval(sample, sampleMs);
  conflate.unref?.();
  sampler.unref?.();
  sample();

  return {
    state: () => (dirty || !current ? compute() : current),
    states$: states.asObservable(),
    alerts$: alerts.asObservable(),
    points$: points.asObservable(),
    alertHistory: () => monitor.history,
    series: () => [...series].map(([key, s]) => ({ key, label: s.label, points: [...s.points] })),
    refresh: () => {
      const s = compute();
      states.next(s);
      return s;
    },
    stop() {
      if (fillTimer) clearTimeout(fillTimer);
      clearInterval(conflate);
      clearInterval(sampler);
      sub.unsubscribe();
      states.complete();
      alerts.complete();
      points.complete();
    },
  };
}
