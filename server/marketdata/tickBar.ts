import type { BarWire } from '../../src/core/protocol.ts';
import type { TickFormatter } from './tickFormat.ts';

/** An OHLCV bar in integer ticks and lots; `time` is the bar's open in epoch seconds. */
export interface TickBar {
  time: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volumeLots: number;
}

/** Start of the bar holding `tsMs`, in epoch seconds, aligned to the interval (UTC). */
export function barTime(tsMs: number, intervalSeconds: number): number {
  const seconds = Math.floor(tsMs / 1000);
  return seconds - (((seconds % intervalSeconds) + intervalSeconds) % intervalSeconds);
}

export function toBarWire(bar: TickBar, fmt: TickFormatter): BarWire {
  return {
    time: bar.time,
    open: fmt.price(bar.open),
    high: fmt.price(bar.high),
    low: fmt.price(bar.low),
    close: fmt.price(bar.close),
    volume: fmt.size(bar.volumeLots),
  };
}
