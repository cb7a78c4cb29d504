import { dec } from '../core/decimal.ts';
import type { LimitLevel, LimitMetric, LimitUsageWire } from '../core/protocol/desk.ts';
import { formatFixed, formatMoney, formatQty } from '../format/numbers.ts';

export const METRIC_LABEL: Record<LimitMetric, string> = {
  grossExposure: 'Gross exposure',
  netExposure: 'Net exposure',
  dailyLoss: 'Daily loss',
  position: 'Position',
};

/** One limit's use, as the limits grid shows it. */
export interface LimitRow {
  key: string;
  scope: string;
  name: string;
  metric: string;
  used: string;
  limit: string;
  /** Units of used and limit: the base currency, or "qty" for a position limit. */
  unit: string;
  utilisation: string;
  /** 0–100 for the bar (capped); a breach shows full. */
  barPercent: number;
  level: LimitLevel;
}

const LEVEL_ORDER: Record<LimitLevel, number> = { breach: 0, warning: 1, ok: 2 };

/** A limit row's grid id. */
export const limitRowKey = (row: LimitRow): string => row.key;

export function limitRow(u: LimitUsageWire, base: string): LimitRow {
  const isPosition = u.metric === 'position';
  const amount = (wire: string) => (isPosition ? formatQty(dec(wire)) : formatMoney(dec(wire)));
  const pct = dec(u.utilisation);
  return {
    key: `${u.scope}/${u.name}/${u.metric}/${u.symbol ?? ''}`,
    scope: u.scope === 'desk' ? 'Desk' : 'Trader',
    name: u.name,
    metric: u.symbol ? `${METRIC_LABEL[u.metric]} ${u.symbol}` : METRIC_LABEL[u.metric],
    used: amount(u.value),
    limit: amount(u.limit),
    unit: isPosition ? 'qty' : base,
    utilisation: `${formatFixed(pct, 2)}%`,
    barPercent: Math.max(0, Math.min(100, pct.toNumber())),
    level: u.level,
  };
}

/** Breaches first, then warnings, each by how much of the limit is used: what needs a look is on top. */
export function limitRows(usages: readonly LimitUsageWire[], base: string): LimitRow[] {
  return [...usages]
    .sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || dec(b.utilisation).cmp(dec(a.utilisation)) || a.name.localeCompare(b.name))
    .map((u) => limitRow(u, base));
}
