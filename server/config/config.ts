import { z } from 'zod';

/** Everything the gateway needs to start; read once from the environment. */
export interface Config {
  /** 0 asks the OS for any free port (tests). */
  readonly port: number;
  readonly host: string;
  /** Holds terminal.sqlite; created when missing. */
  readonly dataDir: string;
  /** Seeds the market simulator and the demo client book. */
  readonly seed: number;
  readonly tickIntervalMs: number;
  /** The built terminal (vite's dist/). */
  readonly staticDir: string;
  readonly logLevel: LogLevel;
  // Market data and its fan-out. Unset means the default named beside each (MARKET_DATA_DEFAULTS).
  /** SESSIONS: 'ignore' (default) trades every symbol at any hour; 'enforce' keeps each to its session. */
  readonly sessions?: 'enforce' | 'ignore' | undefined;
  /** UPDATES_PER_SECOND: simulated quote updates per second over all symbols (default: a quarter of the symbols per tick). */
  readonly updatesPerSecond?: number | undefined;
  /** REPLAY_FILE: replay this recorded CSV instead of simulating ('sample' for the shipped one). */
  readonly replayFile?: string | undefined;
  /** REPLAY_SPEED: recorded seconds per wall-clock second (default 1). */
  readonly replaySpeed?: number | undefined;
  /** HEARTBEAT_MS: how often a logged-in connection gets `heartbeat` (default 5000). */
  readonly heartbeatMs?: number | undefined;
  /** STALE_MS: the age after which the terminal shows a quote as stale, told in `hello` (default 10000). */
  readonly staleMs?: number | undefined;
  /** QUOTE_FLUSH_MS: the conflation window: quotes go out in one frame per connection this often (default 10). */
  readonly quoteFlushMs?: number | undefined;
  /** SLOW_CLIENT_BYTES: unsent bytes above which a connection counts as slow (default 1 MiB). */
  readonly slowClientBytes?: number | undefined;
  /** SLOW_CLIENT_MS: how long a connection may stay slow before it is disconnected (default 5000). */
  readonly slowClientMs?: number | undefined;
  /** Not from the environment: 'naive' swaps in the benchmark's baseline fan-out (no conflation). */
  readonly fanoutMode?: 'conflated' | 'naive' | undefined;
  /** VENUES_FILE: FIX venues and the routing table (server/venues/venuesFile.ts); unset sends every order to the internal venue. */
  readonly venuesFile?: string | undefined;
  /** JOURNAL_GROUP_COMMIT: 1 (default) shares one fsync among the journal writes of one event-loop turn; 0 syncs each event alone. */
  readonly journalGroupCommit?: boolean | undefined;
  /** RISK_LIMITS_FILE: the pre-trade risk limits (server/risk/risk-limits.json when unset). */
  readonly riskLimitsFile?: string | undefined;
  /** DESK_LIMITS_FILE: the monitored exposure, loss and position limits (server/portfolio/limits.json when unset). */
  readonly deskLimitsFile?: string | undefined;
  /** START_OF_DAY_FILE: positions held at the start of the day (server/portfolio/start-of-day.csv when unset; 'none' for none). */
  readonly startOfDayFile?: string | undefined;
}

/** What an unset market-data switch means. */
export const MARKET_DATA_DEFAULTS = {
  sessions: 'ignore',
  replaySpeed: 1,
  heartbeatMs: 5000,
  staleMs: 10_000,
  quoteFlushMs: 10,
  slowClientBytes: 1 << 20,
  slowClientMs: 5000,
} as const;

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const DEFAULT_CONFIG: Config = {
  port: 8080,
  host: '0.0.0.0',
  dataDir: './data',
  seed: 42,
  tickIntervalMs: 250,
  staticDir: './dist',
  logLevel: 'info',
};

const integer = (what: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `${what} must be a whole number`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `${what} must be between ${min} and ${max}`);

const EnvSchema = z.object({
  PORT: integer('PORT', 0, 65535).optional(),
  HOST: z.string().min(1, 'HOST must not be empty').optional(),
  DATA_DIR: z.string().min(1, 'DATA_DIR must not be empty').optional(),
  SEED: integer('SEED', 0, 2 ** 31 - 1).optional(),
  TICK_MS: integer('TICK_MS', 1, 3_600_000).optional(),
  STATIC_DIR: z.string().min(1, 'STATIC_DIR must not be empty').optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` }).optional(),
  SESSIONS: z.enum(['enforce', 'ignore'], { error: 'SESSIONS must be enforce or ignore' }).optional(),
  UPDATES_PER_SECOND: integer('UPDATES_PER_SECOND', 1, 10_000_000).optional(),
  REPLAY_FILE: z.string().min(1).optional(),
  REPLAY_SPEED: z
    .string()
    .regex(/^\d+(\.\d+)?$/, 'REPLAY_SPEED must be a number such as 0.5, 1 or 60')
    .transform(Number)
    .refine((n) => n > 0 && n <= 100_000, 'REPLAY_SPEED must be above 0 and at most 100000')
    .optional(),
  HEARTBEAT_MS: integer('HEARTBEAT_MS', 100, 3_600_000).optional(),
  STALE_MS: integer('STALE_MS', 100, 86_400_000).optional(),
  QUOTE_FLUSH_MS: integer('QUOTE_FLUSH_MS', 1, 10_000).optional(),
  SLOW_CLIENT_BYTES: integer('SLOW_CLIENT_BYTES', 1024, 1 << 30).optional(),
  SLOW_CLIENT_MS: integer('SLOW_CLIENT_MS', 0, 600_000).optional(),
  VENUES_FILE: z.string().min(1).optional(),
  JOURNAL_GROUP_COMMIT: z.enum(['0', '1'], { error: 'JOURNAL_GROUP_COMMIT must be 0 or 1' }).optional(),
  RISK_LIMITS_FILE: z.string().min(1).optional(),
  DESK_LIMITS_FILE: z.string().min(1).optional(),
  START_OF_DAY_FILE: z.string().min(1).optional(),
});

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Reads the environment; an empty variable counts as unset. Throws ConfigError naming every bad value. */
export function configFromEnv(env: Record<string, string | undefined>): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`bad configuration in the environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT ?? DEFAULT_CONFIG.port,
    host: e.HOST ?? DEFAULT_CONFIG.host,
    dataDir: e.DATA_DIR ?? DEFAULT_CONFIG.dataDir,
    seed: e.SEED ?? DEFAULT_CONFIG.seed,
    tickIntervalMs: e.TICK_MS ?? DEFAULT_CONFIG.tickIntervalMs,
    staticDir: e.STATIC_DIR ?? DEFAULT_CONFIG.staticDir,
    logLevel: e.LOG_LEVEL ?? DEFAULT_CONFIG.logLevel,
    // Left undefined when unset (equal to DEFAULT_CONFIG, which has none); users apply MARKET_DATA_DEFAULTS.
    sessions: e.SESSIONS,
    updatesPerSecond: e.UPDATES_PER_SECOND,
    replayFile: e.REPLAY_FILE,
    replaySpeed: e.REPLAY_SPEED,
    heartbeatMs: e.HEARTBEAT_MS,
    staleMs: e.STALE_MS,
    quoteFlushMs: e.QUOTE_FLUSH_MS,
    venuesFile: e.VENUES_FILE,
    journalGroupCommit: e.JOURNAL_GROUP_COMMIT === undefined ? undefined : e.JOURNAL_GROUP_COMMIT === '1',
    slowClientBytes: e.SLOW_CLIENT_BYTES,
    slowClientMs: e.SLOW_CLIENT_MS,
    riskLimitsFile: e.RISK_LIMITS_FILE,
    deskLimitsFile: e.DESK_LIMITS_FILE,
    startOfDayFile: e.START_OF_DAY_FILE,
  };
}
