import { CandlestickSeries, ColorType, CrosshairMode, HistogramSeries, type IChartApi, type ISeriesApi, type UTCTimestamp, createChart } from 'lightweight-charts';

export interface PriceChartHandle {
  readonly chart: IChartApi;
  readonly candles: ISeriesApi<'Candlestick', UTCTimestamp>;
  readonly volume: ISeriesApi<'Histogram', UTCTimestamp>;
}

const GRID = '#18202b';
const TEXT = '#8b97a8';

/** Candles on the right price scale and volume on its own scale along the bottom fifth. */
export function createPriceChart(container: HTMLElement): PriceChartHandle {
  const chart = createChart(container, {
    autoSize: true,
    layout: { background: { type: ColorType.Solid, color: '#0f131a' }, textColor: TEXT, fontSize: 11, attributionLogo: false },
    grid: { vertLines: { color: GRID }, horzLines: { color: GRID } },
    crosshair: { mode: CrosshairMode.Normal },
    rightPriceScale: { borderColor: '#202836', scaleMargins: { top: 0.08, bottom: 0.24 } },
    timeScale: { borderColor: '#202836', timeVisible: true, secondsVisible: false, rightOffset: 4 },
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
  return { chart, candles, volume };
}
