import { ColorType, type IChartApi, type ISeriesApi, LineSeries, type Time, type UTCTimestamp, createChart } from 'lightweight-charts';
import { useEffect, useMemo, useRef } from 'react';
import type { DeskState } from '../streams/deskState.ts';
import { type ChartLine, chartLines } from './pnlChartData.ts';

const GRID = '#18202b';
const clock = (t: Time) => new Date((t as number) * 1000).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', hour12: false });

/**
 * Today's net P&L through the day, one line per trader and one for the
 * desk, in the roll-up's base currency. Lines are set once from the
 * snapshot, then only their last points move (series.update), so a new
 * sample does not redraw the day.
 */
export function PnlChart({ desk }: { desk: DeskState | null }) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<IChartApi | null>(null);
  const series = useRef(new Map<string, { api: ISeriesApi<'Line', UTCTimestamp>; last: number }>());
  const lines = useMemo(() => (desk ? chartLines(desk.series) : []), [desk?.series]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (!container.current) return;
    const c = createChart(container.current, {
      autoSize: true,
      layout: { background: { type: ColorType.Solid, color: '#0f131a' }, textColor: '#8b97a8', fontSize: 11, attributionLogo: false },
      grid: { vertLines: { color: GRID }, horzLines: { color: GRID } },
      rightPriceScale: { borderColor: '#202836' },
      timeScale: { borderColor: '#202836', timeVisible: true, secondsVisible: false, tickMarkFormatter: clock },
      localization: { timeFormatter: clock },
    });
    chart.current = c;
    const held = series.current;
    return () => {
      held.clear();
      chart.current = null;
      c.remove();
    };
  }, []);

  useEffect(() => {
    const c = chart.current;
    if (!c) return;
    const held = series.current;
    const wanted = new Set(lines.map((l) => l.key));
    for (const [key, s] of held) {
      if (!wanted.has(key)) {
        c.removeSeries(s.api as unknown as ISeriesApi<'Line'>);
        held.delete(key);
      }
    }
    for (const line of lines) draw(c, held, line);
  }, [lines]);

  const base = desk?.base ?? '';
  return (
    <section className="panel desk-pnl" data-testid="desk-pnl">
      <div className="panel-head">
        <h2>
          Intraday net P&amp;L <span className="muted">{base && `in ${base}`}</span>
        </h2>
        <div className="pnl-legend">
          {lines.map((l) => (
            <span key={l.key} className="pnl-key" data-testid={`pnl-key-${l.key}`}>
              <i style={{ background: l.color }} /> {l.title}
            </span>
          ))}
        </div>
      </div>
      <div className="panel-body pnl-chart" ref={container} data-testid="desk-pnl-chart" />
    </section>
  );
}

function draw(c: IChartApi, held: Map<string, { api: ISeriesApi<'Line', UTCTimestamp>; last: number }>, line: ChartLine): void {
  const data = line.points.map((p) => ({ time: p.time as UTCTimestamp, value: p.value }));
  const s = held.get(line.key);
  const lastTime = data.at(-1)?.time ?? 0;
  if (!s) {
    const api = c.addSeries(LineSeries, {
      color: line.color,
      lineWidth: line.width,
      title: line.title,
      priceLineVisible: false,
      priceFormat: { type: 'price', precision: 2, minMove: 0.01 },
    }) as ISeriesApi<'Line', UTCTimestamp>;
    api.setData(data);
    held.set(line.key, { api, last: lastTime });
    c.timeScale().fitContent();
    return;
  }
  // Only the points newer than what is drawn (or the last one, re-sampled) go in.
  for (const p of data) if (p.time >= s.last) s.api.update(p);
  s.last = lastTime;
}
