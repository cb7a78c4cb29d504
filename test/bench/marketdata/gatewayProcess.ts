/**
 * The gateway under test, alone in its own process so its CPU and memory are
 * its own: started from the config the benchmark sends, measured between
 * 'measure' and 'report'. Talks to the benchmark over the fork IPC channel.
 */
import { rmSync } from 'node:fs';
import type { Config } from '../../../server/config/config.ts';
import { startGateway } from '../../../server/main.ts';
import { freshDataDir } from '../../support/gateway.ts';

export type GatewayCommand = { cmd: 'start'; config: Partial<Config> } | { cmd: 'go' } | { cmd: 'measure' } | { cmd: 'report' } | { cmd: 'stop' };
export interface GatewayReport {
  wallMs: number;
  /** CPU seconds (user + system) per wall second, in percent of one core. */
  cpuPercent: number;
  rssPeakMb: number;
  /** RSS when measuring began (clients connected and subscribed): the peak minus this is what the load cost. */
  rssStartMb: number;
  delivered: number;
  frames: number;
  slowDisconnects: number;
  simulatedUpdates: number;
}

const send = (m: unknown) => process.send?.(m);
let stopGateway: (() => Promise<void>) | undefined;
let startMarket: (() => void) | undefined;
let readStats: (() => { delivered: number; frames: number; slowDisconnects: number }) | undefined;
let updates = 0;
let mark: { t: number; cpu: NodeJS.CpuUsage; delivered: number; frames: number; slow: number; updates: number } | undefined;
let rssPeak = 0;
let rssStart = 0;
const sampler = setInterval(() => {
  if (mark !== undefined) rssPeak = Math.max(rssPeak, process.memoryUsage.rss());
}, 100);

process.on('message', (m: GatewayCommand) => {
  void (async () => {
    if (m.cmd === 'start') {
      const dataDir = freshDataDir();
      const gw = await startGateway({ port: 0, host: '127.0.0.1', logLevel: 'silent', staticDir: dataDir, ...m.config, dataDir });
      // The market waits until every client is connected, so logins do not compete with the load.
      gw.marketData.stop();
      startMarket = () => gw.marketData.start();
      gw.marketData.quotes$.subscribe(() => (updates += 1));
      readStats = () => gw.transportStats();
      stopGateway = async () => {
        await gw.stop();
        rmSync(dataDir, { recursive: true, force: true });
      };
      send({ started: gw.wsUrl });
    } else if (m.cmd === 'go') {
      startMarket!();
      send({ going: true });
    } else if (m.cmd === 'measure') {
      const s = readStats!();
      rssPeak = process.memoryUsage.rss();
      rssStart = rssPeak;
      mark = { t: performance.now(), cpu: process.cpuUsage(), delivered: s.delivered, frames: s.frames, slow: s.slowDisconnects, updates };
      send({ measuring: true });
    } else if (m.cmd === 'report') {
      const s = readStats!();
      const t = performance.now() - mark!.t;
      const cpu = process.cpuUsage(mark!.cpu);
      const report: GatewayReport = {
        wallMs: t,
        cpuPercent: ((cpu.user + cpu.system) / 1000 / t) * 100,
        rssPeakMb: Math.max(rssPeak, process.memoryUsage.rss()) / (1 << 20),
        rssStartMb: rssStart / (1 << 20),
        delivered: s.delivered - mark!.delivered,
        frames: s.frames - mark!.frames,
        slowDisconnects: s.slowDisconnects - mark!.slow,
        simulatedUpdates: updates - mark!.updates,
      };
      send({ report });
    } else if (m.cmd === 'stop') {
      clearInterval(sampler);
      await stopGateway?.();
      send({ stopped: true });
      process.disconnect();
    }
  })().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
});
