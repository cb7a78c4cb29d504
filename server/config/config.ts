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
  /** RISK_LIMITS_FILE: the pre-trade risk limits (server/risk/risk-limits.json when unset). */
  readonly riskLimitsFile?: string | undefined;
}

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
  RISK_LIMITS_FILE: z.string().min(1).optional(),
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
    riskLimitsFile: e.RISK_LIMITS_FILE,
  };
}
