/**
 * A client's performance from the book's daily history, through the core
 * performance maths (src/core/performance): the accounts' close-of-day values
 * and external flows summed per business day, plus today's live value as the
 * last point. Dividends and fees stay inside the accounts, so they are part
 * of the return, not flows. Deposits or withdrawals recorded after the
 * seeded history ended are counted on today's point.
 */
import { Decimal, ZERO, toWire } from '../../src/core/decimal.ts';
import { type IsoDate, dayNumber, fromDayNumber } from '../../src/core/performance/isoDate.ts';
import { type Period, periodPerformance, periodStart } from '../../src/core/performance/periods.ts';
import { type ValuationPoint, pointFromEndOfDay, valueAfterFlow } from '../../src/core/performance/series.ts';
import type { PerformanceWire, PeriodPerformanceWire, PeriodReturnsWire } from '../../src/core/protocol/clientBook.ts';
import type { AccountRecord, ClientBookStore } from './clientBookStore.ts';

const HUNDRED = new Decimal(100);
const RATE_PLACES = 6;
/** What the benchmark is made of: a 60/40 mix, rebalanced daily. */
export const BENCHMARK = { name: '60/40 benchmark (SPY / aggregate bonds)', equity: 'SPY', equityWeight: new Decimal('0.6') } as const;

export function todayIso(now: number): IsoDate {
  return fromDayNumber(Math.floor(now / 86_400_000));
}

const rateWire = (r: { ok: true; value: Decimal } | { ok: false }) => (r.ok ? toWire(r.value.toDecimalPlaces(RATE_PLACES)) : null);

export interface PerformanceView {
  /** Valuation points of a client: history plus today's point at `liveValue`. */
  points(clientId: string, accounts: readonly AccountRecord[], liveValue: Decimal, today: IsoDate): ValuationPoint[];
  /**
   * Cumulative TWR for MTD, QTD, YTD and 1Y (fractions), null where the history is too short.
   * The same daily-linked chain as timeWeightedReturn over the period's points, read from a
   * cached running product of the daily factors, so the list of hundreds of clients stays cheap.
   */
  listReturns(clientId: string, accounts: readonly AccountRecord[], liveValue: Decimal, today: IsoDate): PeriodReturnsWire;
  /** Every period with TWR, IRR and the benchmark, and the daily series for the chart. */
  detail(points: readonly ValuationPoint[], today: IsoDate): PerformanceWire;
}

export function createPerformanceView(store: ClientBookStore): PerformanceView {
  const history = new Map<string, ValuationPoint[]>();

  function historyOf(clientId: string, accounts: readonly AccountRecord[]): ValuationPoint[] {
    const cached = history.get(clientId);
    if (cached) return cached;
    const byDate = new Map<string, { value: number; flow: number }>();
    for (const a of accounts) {
      const h = store.history(a.accountId);
      if (!h) continue;
      h.dates.forEach((d, i) => {
        const p = byDate.get(d) ?? { value: 0, flow: 0 };
        p.value += h.valuesCents[i]!;
        p.flow += h.flowsCents[i]!;
        byDate.set(d, p);
      });
    }
    const points = [...byDate.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([d, p]) => pointFromEndOfDay(d as IsoDate, new Decimal(p.value).div(HUNDRED), new Decimal(p.flow).div(HUNDRED)));
    history.set(clientId, points);
    return points;
  }

  // The benchmark index by date, from the seeded closes: 100 on the first day.
  let benchmarkIndex: Map<string, Decimal> | undefined;
  function benchmark(): Map<string, Decimal> {
    if (benchmarkIndex) return benchmarkIndex;
    benchmarkIndex = new Map();
    const eq = store.closes(BENCHMARK.equity);
    const bondSymbol = store.models().flatMap((m) => m.targets.map((t) => t.symbol)).find((s) => s.startsWith('BEAG')) ?? 'TLT';
    const bd = store.closes(bondSymbol);
    if (!eq || !bd) return benchmarkIndex;
    const first = dayNumber(eq.firstDate as IsoDate);
    // The closes are on business days: rebuild their dates the way the seed made them.
    const dates: string[] = [];
    for (let d = first; dates.length < eq.closesCents.length; d++) {
      const dow = (d + 4) % 7;
      if (dow !== 0 && dow !== 6) dates.push(fromDayNumber(d));
    }
    let level = HUNDRED;
    const w = BENCHMARK.equityWeight;
    dates.forEach((d, i) => {
      if (i > 0) {
        const re = new Decimal(eq.closesCents[i]!).div(eq.closesCents[i - 1]!);
        const rb = new Decimal(bd.closesCents[i]!).div(bd.closesCents[i - 1]!);
        level = level.times(w.times(re).plus(new Decimal(1).minus(w).times(rb)));
      }
      benchmarkIndex!.set(d, level);
    });
    return benchmarkIndex;
  }
  /** The index at a date, carried forward from the last close on or before it. */
  function benchmarkAt(date: string): Decimal | undefined {
    const index = benchmark();
    let best: Decimal | undefined;
    for (const [d, v] of index) {
      if (d > date) break;
      best = v;
    }
    return best;
  }

  /** A client's history summed over accounts: dates with close-of-day values and flows in integer cents. */
  const rowsCache = new Map<string, { dates: string[]; closes: number[]; flows: number[] }>();
  function rowsOf(clientId: string, accounts: readonly AccountRecord[]) {
    const cached = rowsCache.get(clientId);
    if (cached) return cached;
    const byDate = new Map<string, { value: number; flow: number }>();
    for (const a of accounts) {
      const h = store.history(a.accountId);
      if (!h) continue;
      h.dates.forEach((d, i) => {
        const p = byDate.get(d) ?? { value: 0, flow: 0 };
        p.value += h.valuesCents[i]!;
        p.flow += h.flowsCents[i]!;
        byDate.set(d, p);
      });
    }
    const rows = [...byDate.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const out = { dates: rows.map(([d]) => d), closes: rows.map(([, p]) => p.value), flows: rows.map(([, p]) => p.flow) };
    rowsCache.set(clientId, out);
    return out;
  }

  /**
   * The historical part of each list period's TWR: the product of the daily factors
   * (value before the day's flow) / (previous close) from the period's opening point to
   * the last close, as a fraction of integer products (BigInt) folded to 30 places as it grows.
   * Cached per client and day; only today's live factor is computed per request.
   */
  const SCALE = 10n ** 18n;
  const FOLD = 10n ** 30n;
  const linked = new Map<string, { today: string; last: number; ratio: Partial<Record<Period, Decimal>> }>();
  function historicalRatios(clientId: string, accounts: readonly AccountRecord[], today: IsoDate) {
    const hit = linked.get(clientId);
    if (hit && hit.today === today) return hit;
    const rows = rowsOf(clientId, accounts);
    let last = rows.dates.length - 1;
    while (last >= 0 && rows.dates[last]! >= today) last -= 1;
    const ratio: Partial<Record<Period, Decimal>> = {};
    if (last >= 0) {
      const first = rows.dates[0]! as IsoDate;
      const openings = new Map<number, Period[]>();
      for (const period of ['MTD', 'QTD', 'YTD', '1Y'] as const) {
        let from: string = periodStart(period, today, first);
        if (from < first) from = first;
        if (today <= from) continue;
        let at = 0;
        for (let lo = 0, hi = last; lo <= hi; ) {
          const mid = (lo + hi) >> 1;
          if (rows.dates[mid]! <= from) {
            at = mid;
            lo = mid + 1;
          } else hi = mid - 1;
        }
        openings.set(at, [...(openings.get(at) ?? []), period]);
      }
      let num = 1n;
      let den = 1n;
      const earliest = Math.min(...openings.keys());
      for (let k = last; k >= 0; k--) {
        for (const period of openings.get(k) ?? []) ratio[period] = new Decimal(((num * SCALE) / den).toString()).div(SCALE.toString());
        if (k <= earliest) break;
        const prevClose = rows.closes[k - 1]!;
        // An empty portfolio that stays empty neither gains nor loses (as timeWeightedReturn).
        if (prevClose !== 0) {
          num *= BigInt(rows.closes[k]! - rows.flows[k]!);
          den *= BigInt(prevClose);
        }
        // Every few days, fold the fraction into 30 decimal places so the integers stay small
        // (a truncation of 1e-30 relative each time: far below the 6 places shown).
        if ((last - k) % 16 === 15) {
          num = (num * FOLD) / den;
          den = FOLD;
        }
      }
    }
    const entry = { today, last, ratio };
    linked.set(clientId, entry);
    return entry;
  }

  return {
    points(clientId, accounts, liveValue, today) {
      const past = historyOf(clientId, accounts).filter((p) => p.date < today);
      const lastDate = past.at(-1)?.date ?? '0000-00-00';
      let flow = ZERO;
      for (const a of accounts) for (const f of store.flowsAfter(a.accountId, lastDate)) flow = flow.plus(f.amount);
      return [...past, pointFromEndOfDay(today, liveValue, flow)];
    },

    listReturns(clientId, accounts, liveValue, today) {
      const none = { mtd: null, qtd: null, ytd: null, oneYear: null };
      const h = historicalRatios(clientId, accounts, today);
      if (h.last < 0) return none;
      const rows = rowsOf(clientId, accounts);
      const close = new Decimal(rows.closes[h.last]!).div(HUNDRED);
      if (!close.gt(0)) return none;
      let flow = ZERO;
      for (const a of accounts) for (const f of store.flowsAfter(a.accountId, rows.dates[h.last]!)) flow = flow.plus(f.amount);
      const live = liveValue.minus(flow).div(close);
      const twr = (period: Period): string | null => {
        const r = h.ratio[period];
        return r === undefined ? null : toWire(r.times(live).minus(1).toDecimalPlaces(RATE_PLACES));
      };
      return { mtd: twr('MTD'), qtd: twr('QTD'), ytd: twr('YTD'), oneYear: twr('1Y') };
    },

    detail(points, today) {
      const inception = points[0]?.date ?? today;
      const periods: PeriodPerformanceWire[] = (['MTD', 'QTD', 'YTD', '1Y', 'SI'] as const).map((period) => {
        const r = periodPerformance(points, period, today);
        if (!r.ok) {
          return { period, from: periodStart(period, today, inception), to: today, startValue: '0', endValue: '0', netFlows: '0', gain: '0', twr: null, irr: null, benchmark: null, note: r.reason };
        }
        const p = r.value;
        const b0 = benchmarkAt(p.from);
        const b1 = benchmarkAt(p.to);
        return {
          period,
          from: p.from,
          to: p.to,
          startValue: toWire(p.startValue.toDecimalPlaces(2)),
          endValue: toWire(p.endValue.toDecimalPlaces(2)),
          netFlows: toWire(p.netFlows.toDecimalPlaces(2)),
          gain: toWire(p.gain.toDecimalPlaces(2)),
          twr: toWire(p.twr.toDecimalPlaces(RATE_PLACES)),
          irr: rateWire(p.mwr),
          benchmark: b0 && b1 ? toWire(b1.div(b0).minus(1).toDecimalPlaces(RATE_PLACES)) : null,
          note: p.mwr.ok ? '' : `no IRR: ${p.mwr.reason}`,
        };
      });
      // Growth of 100: the TWR index, linked day by day.
      let growth = HUNDRED;
      const b0 = benchmarkAt(inception) ?? HUNDRED;
      const series = points.map((p, i) => {
        if (i > 0) {
          const start = valueAfterFlow(points[i - 1]!);
          if (start.gt(0)) growth = growth.times(p.value.div(start));
        }
        const b = benchmarkAt(p.date);
        return {
          date: p.date,
          value: toWire(valueAfterFlow(p).toDecimalPlaces(2)),
          flow: toWire(p.flow.toDecimalPlaces(2)),
          growth: toWire(growth.toDecimalPlaces(4)),
          benchmark: toWire((b ? b.div(b0).times(HUNDRED) : HUNDRED).toDecimalPlaces(4)),
        };
      });
      return { asOf: today, inception, benchmarkName: BENCHMARK.name, periods, series };
    },
  };
}
