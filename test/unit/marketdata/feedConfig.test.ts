import { describe, expect, it } from 'vitest';
import { ConfigError, configFromEnv } from '../../../server/config/config.ts';
import { marketDataFor } from '../../../server/marketdata/fromConfig.ts';
import { SAMPLE_REPLAY_FILE, createReplayMarketData } from '../../../server/marketdata/index.ts';
import { transportOptions } from '../../../server/transport/wsGateway.ts';

describe('market data switches in the environment', () => {
  it('reads sessions, rate, replay, heartbeat, staleness and the slow-client bounds', () => {
    const c = configFromEnv({
      SESSIONS: 'enforce',
      UPDATES_PER_SECOND: '20000',
      REPLAY_FILE: 'sample',
      REPLAY_SPEED: '2.5',
      HEARTBEAT_MS: '1000',
      STALE_MS: '4000',
      QUOTE_FLUSH_MS: '25',
      SLOW_CLIENT_BYTES: '65536',
      SLOW_CLIENT_MS: '2000',
    });
    expect(c).toMatchObject({ sessions: 'enforce', updatesPerSecond: 20000, replayFile: 'sample', replaySpeed: 2.5, heartbeatMs: 1000, staleMs: 4000 });
    expect(transportOptions(c)).toEqual({ heartbeatMs: 1000, staleMs: 4000, flushMs: 25, maxBufferedBytes: 65536, slowClientMs: 2000, mode: 'conflated' });
  });

  it('leaves them unset when absent, and the transport takes its defaults', () => {
    const c = configFromEnv({});
    expect(c.sessions).toBeUndefined();
    expect(c.replayFile).toBeUndefined();
    expect(transportOptions(c)).toEqual({ heartbeatMs: 5000, staleMs: 10_000, flushMs: 10, maxBufferedBytes: 1 << 20, slowClientMs: 5000, mode: 'conflated' });
  });

  it('names each bad value', () => {
    let text = '';
    try {
      configFromEnv({ SESSIONS: 'sometimes', UPDATES_PER_SECOND: '0', REPLAY_SPEED: 'fast', HEARTBEAT_MS: '5' });
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      text = (e as Error).message;
    }
    expect(text).toContain('SESSIONS: SESSIONS must be enforce or ignore');
    expect(text).toContain('UPDATES_PER_SECOND: UPDATES_PER_SECOND must be between 1 and 10000000');
    expect(text).toContain('REPLAY_SPEED: REPLAY_SPEED must be a number such as 0.5, 1 or 60');
    expect(text).toContain('HEARTBEAT_MS: HEARTBEAT_MS must be between 100 and 3600000');
  });
});

describe('choosing the feed at start', () => {
  it('simulates by default, at the configured rate', () => {
    const md = marketDataFor({ seed: 3, tickIntervalMs: 100, updatesPerSecond: 6130 });
    let n = 0;
    for (let k = 0; k < 50; k++) n += md.step().length;
    // 613 updates a cycle on average at 6130/s and 100 ms.
    expect(n / 50).toBeGreaterThan(500);
    expect(n / 50).toBeLessThan(730);
  });

  it('replays the named file, through the same interface, when REPLAY_FILE is set', () => {
    const md = marketDataFor({ seed: 3, tickIntervalMs: 100, replayFile: 'sample', replaySpeed: 10 });
    const direct = createReplayMarketData({ file: SAMPLE_REPLAY_FILE });
    expect(md.step()).toEqual(direct.step());
    expect(md.step()).toEqual(direct.step());
  });
});
