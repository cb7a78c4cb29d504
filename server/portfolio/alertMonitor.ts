import { Decimal } from '../../src/core/decimal.ts';
import type { AlertWire, LimitLevel } from '../../src/core/protocol/desk.ts';
import type { Usage } from './limits.ts';

const METRIC_WORDS: Record<Usage['metric'], string> = {
  grossExposure: 'gross exposure',
  netExposure: 'net exposure',
  dailyLoss: 'daily loss',
  position: 'position',
};

const groupThousands = (d: Decimal) => {
  const [whole = '', frac] = d.toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN).toFixed().split('.');
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac ? `.${frac}` : '');
};

/** "trader1 gross exposure 8,450,000 of 10,000,000 USD (84.50%)" */
export function describeUsage(u: Usage, base: string): string {
  const what = u.metric === 'position' ? `${METRIC_WORDS.position} in ${u.symbol}` : METRIC_WORDS[u.metric];
  const unit = u.metric === 'position' ? '' : ` ${base}`;
  return `${u.name} ${what} ${groupThousands(u.value)} of ${groupThousands(u.limit)}${unit} (${u.utilisation.toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN).toFixed(2)}%)`;
}

export const usageKey = (u: Pick<Usage, 'scope' | 'name' | 'metric' | 'symbol'>) => `${u.scope}:${u.name}:${u.metric}:${u.symbol ?? ''}`;

/** The desk feed hands the same Usage objects over pass after pass (deskView's UsageCache): each one's key is built once. */
const keys = new WeakMap<Usage, string>();
function keyOf(u: Usage): string {
  let key = keys.get(u);
  if (key === undefined) keys.set(u, (key = usageKey(u)));
  return key;
}

export interface AlertMonitorOptions {
  base: string;
  now(): number;
  /** A trader's limit was breached: returns what was done about it ("trader1 set to REDUCING"), or null. */
  onTraderBreach(trader: string, message: string): string | null;
}

/**
 * Raises an alert when a limit changes level: into warning, into breach, and
 * back under the warning level (cleared). Levels are remembered per limit so
 * a limit sitting in breach does not alert on every quote.
 */
export class AlertMonitor {
  private readonly levels = new Map<string, LimitLevel>();
  private seq = 0;
  readonly history: AlertWire[] = [];

  constructor(private readonly options: AlertMonitorOptions) {}

  /** Compares the usages with the last seen levels; returns the new alerts, oldest first. */
  observe(usages: readonly Usage[]): AlertWire[] {
    const fresh: AlertWire[] = [];
    const present = new Set<string>();
    for (const u of usages) {
      const key = keyOf(u);
      present.add(key);
      const before = this.levels.get(key) ?? 'ok';
      if (before === u.level) continue;
      this.levels.set(key, u.level);
      if (u.level === 'ok') fresh.push(this.alert(u, 'cleared', null));
      else if (u.level === 'breach' || before === 'ok') {
        const message = describeUsage(u, this.options.base);
        const action = u.level === 'breach' && u.scope === 'trader' ? this.options.onTraderBreach(u.name, `limit breach: ${message}`) : null;
        fresh.push(this.alert(u, u.level, action));
      }
    }
    // A limit no longer measured (position closed) is back to ok.
    for (const [key, level] of this.levels) {
      if (present.has(key) || level === 'ok') continue;
      this.levels.set(key, 'ok');
    }
    this.history.push(...fresh);
    if (this.history.length > 500) this.history.splice(0, this.history.length - 500);
    return fresh;
  }

  private alert(u: Usage, level: AlertWire['level'], action: string | null): AlertWire {
    this.seq += 1;
    const text = describeUsage(u, this.options.base);
    const message = level === 'breach' ? `BREACH: ${text}` : level === 'warning' ? `Warning: ${text}` : `Back under the warning level: ${text}`;
    return {
      id: `A${String(this.seq).padStart(6, '0')}`,
      ts: this.options.now(),
      scope: u.scope,
      name: u.name,
      metric: u.metric,
      symbol: u.symbol,
      level,
      utilisation: u.utilisation.toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN).toFixed(2),
      message,
      action,
    };
  }
}
