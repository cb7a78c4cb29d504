import type { QuoteWire } from '../../src/core/protocol.ts';
import { createMarketData } from './marketData.ts';
import { SAMPLE_REPLAY_FILE, createReplayMarketData } from './replayMarketData.ts';
import type { SessionMode } from './sessionClock.ts';
import type { MarketDataSource } from './types.ts';

/** Either feed, with step() so tests move it on demand. */
export interface SteppableMarketData extends MarketDataSource {
  step(): QuoteWire[];
}

/** The market-data switches of the gateway's configuration (server/config/config.ts). */
export interface FeedChoice {
  seed: number;
  tickIntervalMs: number;
  sessions?: SessionMode | undefined;
  updatesPerSecond?: number | undefined;
  /** A recorded CSV to replay instead of simulating; 'sample' names the shipped one. */
  replayFile?: string | undefined;
  replaySpeed?: number | undefined;
}

/** The simulator, or a replay of a recorded file when one is named: chosen once at start. */
export function marketDataFor(choice: FeedChoice): SteppableMarketData {
  if (choice.replayFile !== undefined) {
    return createReplayMarketData({
      file: choice.replayFile === 'sample' ? SAMPLE_REPLAY_FILE : choice.replayFile,
      ...(choice.replaySpeed === undefined ? {} : { speed: choice.replaySpeed }),
    });
  }
  return createMarketData({
    seed: choice.seed,
    tickIntervalMs: choice.tickIntervalMs,
    ...(choice.sessions === undefined ? {} : { sessions: choice.sessions }),
    ...(choice.updatesPerSecond === undefined ? {} : { updatesPerSecond: choice.updatesPerSecond }),
  });
}
