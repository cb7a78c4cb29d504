import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Config } from '../../server/config/config.ts';
import { type RunningGateway, startGateway } from '../../server/main.ts';

export interface TestGateway extends RunningGateway {
  /** The temp directory holding this gateway's SQLite file. */
  readonly dataDir: string;
  /** Stops the gateway and deletes its data directory (unless kept for a restart). */
  dispose(options?: { keepData?: boolean }): Promise<void>;
}

export function freshDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'fot-gateway-'));
}

/**
 * A real gateway on 127.0.0.1 and a free port, with its own fresh database,
 * silent logs and a 50 ms simulator tick. Pass dataDir to restart on an
 * existing database; pass a long tickIntervalMs and call marketData.step() for
 * quotes that move only when the test says so.
 */
export async function startTestGateway(overrides: Partial<Config> = {}, clock?: () => number): Promise<TestGateway> {
  const dataDir = overrides.dataDir ?? freshDataDir();
  const gw = await startGateway({
    port: 0,
    host: '127.0.0.1',
    logLevel: 'silent',
    tickIntervalMs: 50,
    staticDir: join(dataDir, 'no-dist'),
    // Positions start flat unless a test loads a start-of-day file, so every figure comes from the test's own fills.
    startOfDayFile: 'none',
    ...overrides,
    dataDir,
  }, clock);
  return {
    ...gw,
    dataDir,
    async dispose(options) {
      await gw.stop();
      if (!options?.keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
