import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_CONFIG, configFromEnv } from '../../server/config/config.ts';
import { freshDataDir, startTestGateway } from '../support/gateway.ts';

const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx');
const children: ChildProcess[] = [];
const dirs: string[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Runs `tsx server/main.ts` with an environment; resolves on the first stdout line matching, or on exit. */
function runGateway(env: Record<string, string>, until: RegExp) {
  const child = spawn(TSX, ['server/main.ts'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  let err = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const matched = new Promise<RegExpMatchArray | undefined>((resolve) => {
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      const m = out.match(until);
      if (m) resolve(m);
    });
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    void exited.then(() => resolve(undefined));
  });
  return { child, matched, exited, output: () => ({ out, err }) };
}

describe('configuration', () => {
  it('uses the documented defaults when the environment is empty', () => {
    expect(configFromEnv({})).toEqual(DEFAULT_CONFIG);
    expect(DEFAULT_CONFIG).toMatchObject({ port: 8080, host: '0.0.0.0', dataDir: './data', seed: 42, tickIntervalMs: 250, staticDir: './dist', logLevel: 'info' });
  });

  it('reads every variable, and names every bad one', () => {
    expect(configFromEnv({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: '/tmp/x', SEED: '7', TICK_MS: '100', STATIC_DIR: 'web', LOG_LEVEL: 'silent' })).toEqual({
      port: 0,
      host: '127.0.0.1',
      dataDir: '/tmp/x',
      seed: 7,
      tickIntervalMs: 100,
      staticDir: 'web',
      logLevel: 'silent',
    });
    expect(
      configFromEnv({ VENUES_FILE: 'venues.json', JOURNAL_GROUP_COMMIT: '0', DESK_LIMITS_FILE: 'desk.json', START_OF_DAY_FILE: 'none', RISK_LIMITS_FILE: 'risk.json' }),
    ).toMatchObject({ venuesFile: 'venues.json', journalGroupCommit: false, deskLimitsFile: 'desk.json', startOfDayFile: 'none', riskLimitsFile: 'risk.json' });
    expect(() => configFromEnv({ JOURNAL_GROUP_COMMIT: 'yes' })).toThrow(/JOURNAL_GROUP_COMMIT must be 0 or 1/);
    expect(() => configFromEnv({ PORT: '70000', TICK_MS: 'fast', LOG_LEVEL: 'loud' })).toThrow(ConfigError);
    try {
      configFromEnv({ PORT: '70000', TICK_MS: 'fast', LOG_LEVEL: 'loud' });
    } catch (e) {
      const text = (e as Error).message;
      expect(text).toContain('PORT: PORT must be between 0 and 65535');
      expect(text).toContain('TICK_MS: TICK_MS must be a whole number');
      expect(text).toContain('LOG_LEVEL: LOG_LEVEL must be one of');
    }
  });
});

describe('the gateway as a script', () => {
  it('prints where the terminal is, serves it, and stops cleanly on SIGTERM', async () => {
    const dataDir = join(freshDataDir(), 'nested', 'data');
    dirs.push(dataDir);
    const run = runGateway({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent', TICK_MS: '1000' }, /Terminal ready at (http:\/\/\S+)\n[^\n]*\n/);
    const m = await run.matched;
    expect(m, JSON.stringify(run.output())).toBeDefined();
    const url = m![1]!;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(run.output().out).toContain('Demo logins (password "demo"): trader1 (trader), trader2 (trader), advisor1 (advisor), advisor2 (advisor), deskhead (deskHead)');
    const health = await fetch(new URL('/healthz', url));
    expect(await health.json()).toEqual({ status: 'ok' });
    expect(existsSync(join(dataDir, 'terminal.sqlite'))).toBe(true);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  });

  it('refuses to start on a bad environment value, saying which', async () => {
    const run = runGateway({ PORT: '0', HOST: '127.0.0.1', TICK_MS: 'fast', LOG_LEVEL: 'silent' }, /Terminal ready/);
    expect(await run.exited).toBe(1);
    expect(run.output().err).toContain('TICK_MS: TICK_MS must be a whole number');
  });
});

describe('startGateway', () => {
  it('can start and stop many gateways in one process, and stop twice', async () => {
    for (let i = 0; i < 3; i++) {
      const gw = await startTestGateway({ tickIntervalMs: 10 });
      await gw.stop();
      await gw.dispose();
    }
  });

  it('fails to start on a port already taken, and releases what it opened', async () => {
    const gw = await startTestGateway();
    const dataDir = freshDataDir();
    dirs.push(dataDir);
    await expect(startTestGateway({ port: gw.port, dataDir })).rejects.toThrow(/EADDRINUSE/);
    // The failed start unwound cleanly: the same data directory starts a gateway afterwards.
    const again = await startTestGateway({ dataDir });
    await again.dispose();
    await gw.dispose();
  });
});
