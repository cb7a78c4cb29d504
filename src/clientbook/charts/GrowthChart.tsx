import { AreaSeries, ColorType, LineSeries, createChart } from 'lightweight-charts';
import { useEffect, useRef } from 'react';

/** One day of a growth series: a calendar date and the value of 100 invested at the start. */
export interface GrowthPoint {
  readonly time: string;
  readonly value: number;
}

const GRID = '#18202b';

/**
 * The growth of the portfolio against its benchmark, both rebased to 100 so
 * the lines start together and the gap between them is the relative return.
 */
export function GrowthChart({ portfolio, benchmark, benchmarkName }: { portfolio: readonly GrowthPoint[]; benchmark: readonly GrowthPoint[]; benchmarkName: string }) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!container.current) return;
    const chart = createChart(container.current, {
      autoSize: true,
      layout: { background: { type: ColorType.Solid, color: '#0f131a' }, textColor: '#8b97a8', fontSize: 11, attributionLogo: false },
      grid: { vertLines: { color: GRID }, horzLines: { color: GRID } },
      rightPriceScale: { borderColor: '#202836' },
      timeScale: { borderColor: '#202836' },
      handleScroll: false,
      handleScale: false,
    });
    const area = chart.addSeries(AreaSeries, {
      lineColor: '#4c8dff',
      topColor: 'rgba(76, 141, 255, 0.35)',
      bottomColor: 'rgba(76, 141, 255, 0.02)',
      lineWidth: 2,
      title: 'Portfolio',
      priceFormat: { type: 'price', precision: 1, minMove: 0.1 },
    });
    const line = chart.addSeries(LineSeries, { color: '#e8b339', lineWidth: 1, title: benchmarkName, priceFormat: { type: 'price', precision: 1, minMove: 0.1 } });
    area.setData(portfolio.map((p) => ({ time: p.time, value: p.value })));
    line.setData(benchmark.map((p) => ({ time: p.time, value: p.value })));
    chart.timeScale().fitContent();
    return () => chart.remove();
  }, [portfolio, benchmark, benchmarkName]);
  return <div className="growth-chart" ref={container} data-testid="growth-chart" />;
}
