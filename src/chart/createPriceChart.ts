import {
  CandlestickSeries,
  ColorType,
  CrosshairMode,
  HistogramSeries,
  type IChartApi,
  LineSeries,
  LineStyle,
  type ISeriesApi,
  type Time,
  TickMarkType,
  type UTCTimestamp,
  createChart,
} from 'lightweight-charts';

export interface PriceChartHandle {
  readonly chart: IChartApi;
  readonly candles: ISeriesApi<'Candlestick', UTCTimestamp>;
  readonly volume: ISeriesApi<'Histogram', UTCTimestamp>;
  /** Overlays on the candles' scale: two moving averages of the close and the session VWAP. */
  readonly overlays: Readonly<Record<OverlayId, ISeriesApi<'Line', UTCTimestamp>>>;
}

export type OverlayId = 'ma20' | 'ma50' | 'vwap';
/** Each overlay's label, colour and (for the MAs) window in bars; the legend reads this too. */
export const OVERLAYS: readonly { id: OverlayId; label: string; color: string; period?: number }[] = [
  { id: 'ma20', label: 'MA 20', color: '#e0b341', period: 20 },
  { id: 'ma50', label: 'MA 50', color: '#4aa3df', period: 50 },
  { id: 'vwap', label: 'VWAP', color: '#c678dd' },
];

const GRID = '#18202b';

// Bars are stamped in UTC; a trader reads the clock on the wall, so axis and crosshair show local time.
const localDate = (t: Time): Date => new Date((t as number) * 1000);
const clock = (d: Date): string => d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', hour12: false });
const day = (d: Date): string => d.toLocaleDateString([], { month: 'short', day: 'numeric' });

function tickMark(time: Time, type: TickMarkType): string {
  const d = localDate(time);
  if (type === TickMarkType.Year) return String(d.getFullYear());
  if (type === TickMarkType.Month) return d.toLocaleDateString([], { month: 'short', year: 'numeric' });
  if (type === TickMarkType.DayOfMonth) return day(d);
  return clock(d);
}
const TEXT = '#8b97a8';

/** Candles on the right price scale and volume on its own scale along the bottom fifth. */
export function createPriceChart(container: HTMLElement): PriceChartHandle {
  const chart = createChart(container, {
    autoSize: true,
    layout: { background: { type: ColorType.Solid, color: '#0f131a' }, textColor: TEXT, fontSize: 11, attributionLogo: false },
    grid: { vertLines: { color: GRID }, horzLines: { color: GRID } },
    crosshair: { mode: CrosshairMode.Normal },
    localization: { timeFormatter: (t: Time) => `${day(localDate(t))} ${clock(localDate(t))}` },
    rightPriceScale: { borderColor: '#202836', scaleMargins: { top: 0.08, bottom: 0.24 } },
    timeScale: { borderColor: '#202836', timeVisible: true, secondsVisible: false, rightOffset: 4, tickMarkFormatter: tickMark },
  });
  const candles = chart.addSeries(CandlestickSeries, {
    upColor: '#26a65b',
    downColor: '#e5484d',
    borderVisible: false,
    wickUpColor: '#26a65b',
    wickDownColor: '#e5484d',
  }) as ISeriesApi<'Candlestick', UTCTimestamp>;
  const volume = chart.addSeries(HistogramSeries, { priceScaleId: 'volume', priceFormat: { type: 'volume' }, lastValueVisible: false, priceLineVisible: false }) as ISeriesApi<
    'Histogram',
    UTCTimestamp
  >;
  chart.priceScale('volume').applyOptions({ scaleMargins: { top: 0.8, bottom: 0 } });
  const line = (color: string, dashed: boolean) =>
    chart.addSeries(LineSeries, {
      color,
      lineWidth: 1,
      lineStyle: dashed ? LineStyle.Dashed : LineStyle.Solid,
      priceLineVisible: false,
      lastValueVisible: false,
      crosshairMarkerVisible: false,
    }) as ISeriesApi<'Line', UTCTimestamp>;
  const overlays = Object.fromEntries(OVERLAYS.map((o) => [o.id, line(o.color, o.id === 'vwap')])) as Record<OverlayId, ISeriesApi<'Line', UTCTimestamp>>;
  return { chart, candles, volume, overlays };
}
