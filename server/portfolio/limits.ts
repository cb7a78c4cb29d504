import { z } from 'zod';
import { readFileSync } from 'node:fs';
import { DECIMAL_PATTERN, Decimal, ZERO, dec } from '../../src/core/decimal.ts';
import type { LimitLevel, LimitMetric, LimitScope } from '../../src/core/protocol/desk.ts';

/**
 * The desk's monitored limits (issue 5): exposure and daily loss per trader and
 * per desk, and position per instrument per trader. These are watched after
 * the fact and raise alerts; the pre-trade checks of server/risk stop an order
 * before it goes out. A breach may put the trader into REDUCING.
 */
export interface LimitSet {
  readonly grossExposure?: Decimal;
  readonly netExposure?: Decimal;
  readonly dailyLoss?: Decimal;
  /** |quantity| per instrument (units), traders only. */
  readonly position?: Decimal;
}

export interface LimitsConfig {
  readonly base: string;
  /** Percent of a limit at which a warning is raised. */
  readonly warningPercent: Decimal;
  /** What a trader's breach does: nothing more than the alert, or REDUCING. */
  readonly onBreach: 'alert' | 'reducing';
  readonly desks: ReadonlyMap<string, LimitSet>;
  readonly traders: ReadonlyMap<string, LimitSet>;
  readonly defaultTrader: LimitSet;
  readonly defaultDesk: LimitSet;
}

const amount = z.string().regex(DECIMAL_PATTERN, 'must be a decimal written as a string, such as "5000000"').transform((s) => dec(s)).refine((d) => d.gt(0), 'must be above 0');
const LimitSetSchema = z
  .object({ grossExposure: amount.optional(), netExposure: amount.optional(), dailyLoss: amount.optional(), position: amount.optional() })
  .strict();
const FileSchema = z
  .object({
    base: z.string().regex(/^[A-Z]{3}$/, 'must be a currency code such as USD').default('USD'),
    warningPercent: amount.default(dec(80)).refine((d) => d.lt(100), 'must be below 100'),
    onBreach: z.enum(['alert', 'reducing']).default('reducing'),
    desks: z.record(z.string(), LimitSetSchema).default({}),
    traders: z.record(z.string(), LimitSetSchema).default({}),
  })
  .strict();

export const DEFAULT_LIMITS_FILE = new URL('./limits.json', import.meta.url).pathname;

export class LimitsConfigError extends Error {
  override readonly name = 'LimitsConfigError';
}

export function parseLimits(input: unknown, source = 'limits'): LimitsConfig {
  const parsed = FileSchema.safeParse(input);
  if (!parsed.success) {
    throw new LimitsConfigError(`bad ${source}:\n${parsed.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`).join('\n')}`);
  }
  const p = parsed.data;
  const { default: defaultTrader = {}, ...traders } = p.traders;
  const { default: defaultDesk = {}, ...desks } = p.desks;
  return {
    base: p.base,
    warningPercent: p.warningPercent,
    onBreach: p.onBreach,
    desks: new Map(Object.entries(desks)),
    traders: new Map(Object.entries(traders)),
    defaultTrader,
    defaultDesk,
  };
}

export function loadLimits(path: string): LimitsConfig {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new LimitsConfigError(`cannot read the limits file ${path}: ${(err as Error).message}`);
  }
  return parseLimits(json, `limits file ${path}`);
}

/** A trader's limits: their own, field by field over the default. */
export function traderLimits(config: LimitsConfig, trader: string): LimitSet {
  return { ...config.defaultTrader, ...config.traders.get(trader) };
}

export function deskLimits(config: LimitsConfig, desk: string): LimitSet {
  return { ...config.defaultDesk, ...config.desks.get(desk) };
}

export interface Usage {
  readonly scope: LimitScope;
  readonly name: string;
  readonly metric: LimitMetric;
  readonly symbol: string | null;
  readonly value: Decimal;
  readonly limit: Decimal;
  /** Percent, exact. */
  readonly utilisation: Decimal;
  readonly level: LimitLevel;
}

const HUNDRED = new Decimal(100);

export function levelOf(utilisation: Decimal, warningPercent: Decimal): LimitLevel {
  if (utilisation.gte(HUNDRED)) return 'breach';
  if (utilisation.gte(warningPercent)) return 'warning';
  return 'ok';
}

export function usage(
  config: LimitsConfig,
  where: { scope: LimitScope; name: string; metric: LimitMetric; symbol?: string | null },
  value: Decimal,
  limit: Decimal | undefined,
): Usage | undefined {
  if (limit === undefined) return undefined;
  const utilisation = value.times(HUNDRED).div(limit);
  // Field by field: a spread of `where` cost as much as the percentage.
  return { scope: where.scope, name: where.name, metric: where.metric, symbol: where.symbol ?? null, value, limit, utilisation, level: levelOf(utilisation, config.warningPercent) };
}

/** The exposure and P&L figures one scope (trader or desk) is measured by, in base currency. */
export interface ScopeFigures {
  readonly grossExposure: Decimal;
  readonly netExposure: Decimal;
  /** Today's net P&L (negative = loss). */
  readonly dailyNet: Decimal;
}

export function scopeUsages(config: LimitsConfig, scope: LimitScope, name: string, figures: ScopeFigures, limits: LimitSet): Usage[] {
  const loss = Decimal.max(ZERO, figures.dailyNet.neg());
  return [
    usage(config, { scope, name, metric: 'grossExposure' }, figures.grossExposure, limits.grossExposure),
    usage(config, { scope, name, metric: 'netExposure' }, figures.netExposure.abs(), limits.netExposure),
    usage(config, { scope, name, metric: 'dailyLoss' }, loss, limits.dailyLoss),
  ].filter((u): u is Usage => u !== undefined);
}
