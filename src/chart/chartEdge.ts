import type { CandlestickData, HistogramData, UTCTimestamp } from 'lightweight-charts';
import { dec } from '../core/decimal.ts';
import type { BarWire } from '../core/protocol.ts';

/*
 * The one place decimals become JavaScript numbers: the chart library draws
 * with floats. Nothing computed here flows back into money or orders.
 */

const UP_VOLUME = 'rgba(38, 166, 91, 0.45)';
const DOWN_VOLUME = 'rgba(229, 72, 77, 0.45)';

const num = (s: string): number => dec(s).toNumber();

export function toCandle(bar: BarWire): CandlestickData<UTCTimestamp> {
  return { time: bar.time as UTCTimestamp, open: num(bar.open), high: num(bar.high), low: num(bar.low), close: num(bar.close) };
}

export function toVolume(bar: BarWire): HistogramData<UTCTimestamp> {
  const up = dec(bar.close).gte(dec(bar.open));
  return { time: bar.time as UTCTimestamp, value: num(bar.volume), color: up ? UP_VOLUME : DOWN_VOLUME };
}
