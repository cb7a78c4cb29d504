/**
 * The risk limits file (risk-limits.json): desk defaults, then overrides per
 * trader and per account, checked by zod when the gateway starts. A bad file
 * stops the start with every fault named by its path in the file.
 *
 * Layering: `defaults` ← `desks[desk]` ← `traders[username]` ← `accounts[account]`;
 * each field a more specific layer sets replaces the same field of the layers
 * before it (the whole field: a trader's `positionLimit` replaces the desk's),
 * except `restricted`, whose symbols add up over every layer that applies.
 * Money limits (maxOrderNotional, warnNotional, buyingPower) are in
 * `baseCurrency`; an order's notional is converted with `fxRates`.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { DECIMAL_PATTERN, type Decimal, dec } from '../../src/core/decimal.ts';
import { type FxRates, fxRates, rateToBase } from '../../src/core/pnl/fx.ts';
import { parseSession, type TradingSession } from '../../src/core/tradingSession.ts';
import { ConfigError } from '../config/config.ts';

export const DEFAULT_RISK_LIMITS_FILE = join(dirname(fileURLToPath(import.meta.url)), 'risk-limits.json');

const DECIMAL_WORDS = 'must be a decimal number written as a string, such as "5000000"';
const decimalText = z.string({ error: DECIMAL_WORDS }).regex(DECIMAL_PATTERN, DECIMAL_WORDS);
const positiveDecimal = decimalText.refine((s) => dec(s).gt(0), 'must be greater than 0');
const currency = z.string().regex(/^[A-Z]{3}$/, 'must be a three-letter currency code such as USD');
const wholeMs = z.number().int().positive();

const CollarSchema = z
  .strictObject({ percent: positiveDecimal.optional(), ticks: z.number().int().positive().optional() })
  .refine((c) => c.percent !== undefined || c.ticks !== undefined, 'needs a percent, ticks or both');

const LayerSchema = z.strictObject({
  /** Fat finger: largest quantity of one order. */
  maxOrderQty: positiveDecimal.optional(),
  /** Fat finger: largest notional of one order, in the base currency. */
  maxOrderNotional: positiveDecimal.optional(),
  /** Band around the reference price a limit or stop price must fall in. */
  collar: CollarSchema.optional(),
  /** A reference older than this fails the collar closed. */
  maxReferenceAgeMs: wholeMs.optional(),
  /** Above this notional (base currency) the trader must confirm. */
  warnNotional: positiveDecimal.optional(),
  /** Further than this from the reference (but inside the collar) the trader must confirm. */
  warnCollarPercent: positiveDecimal.optional(),
  /** Symbol → why it may not be traded. Adds up over the layers. */
  restricted: z.record(z.string().min(1), z.string().min(1)).optional(),
  /** Cash an account may commit to buying: working buy orders plus this one (base currency). */
  buyingPower: positiveDecimal.optional(),
  /** Largest absolute position per account and symbol, counting every working order on the side of the new one. */
  positionLimit: z.strictObject({ default: positiveDecimal.optional(), symbols: z.record(z.string().min(1), positiveDecimal).optional() }).optional(),
  /** Orders (new and replaces) one connection may send within `perMs`. */
  throttle: z.strictObject({ maxOrders: z.number().int().positive(), perMs: wholeMs.default(1000) }).optional(),
});

const SessionSchema = z.strictObject({ open: z.string(), close: z.string(), timeZone: z.string(), days: z.string(), preOpen: z.string().optional() });

export const RiskLimitsFileSchema = z.strictObject({
  baseCurrency: currency,
  /** Units of the base currency per one unit of each other currency. */
  fxRates: z.record(currency, positiveDecimal).default({}),
  /** Every limit the checks need must have a value here; the other layers override. */
  defaults: LayerSchema.required({
    maxOrderQty: true,
    maxOrderNotional: true,
    collar: true,
    maxReferenceAgeMs: true,
    warnNotional: true,
    warnCollarPercent: true,
    throttle: true,
  }),
  desks: z.record(z.string().min(1), LayerSchema).default({}),
  traders: z.record(z.string().min(1), LayerSchema).default({}),
  accounts: z.record(z.string().min(1), LayerSchema).default({}),
  /** Symbol → why it does not trade at all (suspended, delisting, corporate action). */
  nonTradable: z.record(z.string().min(1), z.string().min(1)).default({}),
  /**
   * Where "is the session open" comes from: 'feed' trusts the market data's
   * session state on the latest quote (what the venue trades on; the demo
   * simulator keeps every market open), 'calendar' the instrument's hours
   * (with `sessions` overriding them, e.g. a holiday or a half day).
   */
  tradingCalendar: z.enum(['feed', 'calendar']).default('feed'),
  sessions: z.record(z.string().min(1), SessionSchema).default({}),
});
export type RiskLimitsFile = z.infer<typeof RiskLimitsFileSchema>;
type Layer = z.infer<typeof LayerSchema>;

/** The limits that apply to one order: every layer folded. */
export interface EffectiveLimits {
  readonly maxOrderQty: Decimal;
  readonly maxOrderNotional: Decimal;
  readonly collar: { readonly percent?: Decimal | undefined; readonly ticks?: number | undefined };
  readonly maxReferenceAgeMs: number;
  readonly warnNotional: Decimal;
  readonly warnCollarPercent: Decimal;
  /** Symbol → reason. */
  readonly restricted: ReadonlyMap<string, string>;
  readonly buyingPower: Decimal | undefined;
  readonly positionLimit: (symbol: string) => Decimal | undefined;
  readonly throttle: { readonly maxOrders: number; readonly perMs: number };
}

export interface RiskLimitsBook {
  readonly baseCurrency: string;
  readonly fx: FxRates;
  readonly tradingCalendar: 'feed' | 'calendar';
  limitsFor(who: { username: string; desk: string }, account: string): EffectiveLimits;
  /** Why a symbol does not trade, or undefined. */
  nonTradable(symbol: string): string | undefined;
  /** The risk desk's hours for a symbol, replacing the instrument's; undefined when none. */
  sessionOverride(symbol: string): TradingSession | undefined;
  /** The rate turning one unit of `currency` into the base currency, or undefined when the file has none. */
  rateToBase(currency: string): Decimal | undefined;
  /** The accounts the file gives a buying power to. */
  readonly file: RiskLimitsFile;
}

/** A ConfigError: the gateway's start prints its message (every fault of the file) and exits. */
export class RiskLimitsError extends ConfigError {}

export function parseRiskLimits(data: unknown, source = 'risk limits'): RiskLimitsBook {
  const parsed = RiskLimitsFileSchema.safeParse(data);
  if (!parsed.success) {
    const lines = parsed.error.issues.slice(0, 20).map((i) => `  ${i.path.length > 0 ? i.path.join('.') : '(file)'}: ${describeIssue(i)}`);
    throw new RiskLimitsError(`bad risk limits in ${source}:\n${lines.join('\n')}`);
  }
  const file = parsed.data;
  const sessions = new Map<string, TradingSession>();
  const faults: string[] = [];
  for (const [symbol, w] of Object.entries(file.sessions)) {
    const s = parseSession(w);
    if (s.ok) sessions.set(symbol, s.session);
    else faults.push(...s.faults.map((f) => `  sessions.${symbol}.${f.field}: ${f.message}`));
  }
  if (faults.length > 0) throw new RiskLimitsError(`bad risk limits in ${source}:\n${faults.join('\n')}`);
  return bookOf(file, sessions);
}

function describeIssue(i: z.core.$ZodIssue): string {
  if (i.code === 'unrecognized_keys') return `unknown field${i.keys.length > 1 ? 's' : ''} ${i.keys.map((k) => `'${k}'`).join(', ')}`;
  // A missing field: zod's words ("expected nonoptional, received undefined") are for programmers.
  if (i.code === 'invalid_type' && /received undefined/.test(i.message)) return 'is required';
  return i.message;
}

export function loadRiskLimits(path: string = DEFAULT_RISK_LIMITS_FILE): RiskLimitsBook {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new RiskLimitsError(`cannot read the risk limits file ${path}: ${(err as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new RiskLimitsError(`the risk limits file ${path} is not valid JSON: ${(err as Error).message}`);
  }
  return parseRiskLimits(data, path);
}

function bookOf(file: RiskLimitsFile, sessions: ReadonlyMap<string, TradingSession>): RiskLimitsBook {
  const fx = fxRates(file.baseCurrency, file.fxRates);
  const folded = new Map<string, EffectiveLimits>();
  const rates = new Map<string, Decimal | undefined>();
  const byUser = new WeakMap<object, { desk: string; username: string; byAccount: Map<string, EffectiveLimits> }>();
  // Equal collars share one object, so what is remembered per collar (the engine's bands) serves every user with it.
  const collars = new Map<string, EffectiveLimits['collar']>();
  function foldedFor(who: { username: string; desk: string }, account: string): EffectiveLimits {
    // The file never changes while the gateway runs: each (desk, trader, account) is folded once.
    const key = `${who.desk}\u0000${who.username}\u0000${account}`;
    let limits = folded.get(key);
    if (!limits) {
      const layers: Layer[] = [file.defaults];
      for (const l of [file.desks[who.desk], file.traders[who.username], file.accounts[account]]) if (l) layers.push(l);
      limits = fold(layers);
      const collarKey = `${limits.collar.percent?.toFixed() ?? ''}/${limits.collar.ticks ?? ''}`;
      const shared = collars.get(collarKey);
      if (shared === undefined) collars.set(collarKey, limits.collar);
      else limits = { ...limits, collar: shared };
      folded.set(key, limits);
    }
    return limits;
  }
  return {
    baseCurrency: file.baseCurrency,
    fx,
    tradingCalendar: file.tradingCalendar,
    file,
    nonTradable: (symbol) => file.nonTradable[symbol],
    sessionOverride: (symbol) => sessions.get(symbol),
    // The same Decimal for a currency every time (the engine remembers things per rate object, e.g. that it is 1).
    rateToBase: (c) => {
      if (rates.has(c)) return rates.get(c);
      const rate = rateToBase(c, fx);
      rates.set(c, rate);
      return rate;
    },
    limitsFor(who, account) {
      // Asked once per order by the same user object: its accounts' limits hang off it, so no key is built.
      let mine = byUser.get(who);
      if (mine === undefined || mine.desk !== who.desk || mine.username !== who.username) {
        byUser.set(who, (mine = { desk: who.desk, username: who.username, byAccount: new Map() }));
      }
      let limits = mine.byAccount.get(account);
      if (limits === undefined) mine.byAccount.set(account, (limits = foldedFor(who, account)));
      return limits;
    },
  };
}

function fold(layers: readonly Layer[]): EffectiveLimits {
  const last = <K extends keyof Layer>(k: K): Layer[K] => {
    let v: Layer[K] = undefined;
    for (const l of layers) if (l[k] !== undefined) v = l[k];
    return v;
  };
  const restricted = new Map<string, string>();
  for (const l of layers) for (const [sym, why] of Object.entries(l.restricted ?? {})) restricted.set(sym, why);
  const collar = last('collar')!;
  const positionLimit = last('positionLimit');
  const bySymbol = new Map(Object.entries(positionLimit?.symbols ?? {}).map(([s, v]) => [s, dec(v)]));
  const fallback = positionLimit?.default === undefined ? undefined : dec(positionLimit.default);
  const buyingPower = last('buyingPower');
  return {
    maxOrderQty: dec(last('maxOrderQty')!),
    maxOrderNotional: dec(last('maxOrderNotional')!),
    collar: { percent: collar.percent === undefined ? undefined : dec(collar.percent), ticks: collar.ticks },
    maxReferenceAgeMs: last('maxReferenceAgeMs')!,
    warnNotional: dec(last('warnNotional')!),
    warnCollarPercent: dec(last('warnCollarPercent')!),
    restricted,
    buyingPower: buyingPower === undefined ? undefined : dec(buyingPower),
    positionLimit: (symbol) => bySymbol.get(symbol) ?? fallback,
    throttle: last('throttle')!,
  };
}
