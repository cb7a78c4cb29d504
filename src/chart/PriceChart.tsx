import type { IChartApi, ISeriesApi, LogicalRange, UTCTimestamp } from 'lightweight-charts';
import { useEffect, useMemo, useRef, useState } from 'react';
import { type Subscription, animationFrameScheduler, auditTime, distinctUntilChanged, map, scan, switchMap, tap } from 'rxjs';
import { useSession } from '../app/sessionContext.ts';
import { useObservable } from '../app/useObservable.ts';
import { INTERVAL_SECONDS, INTERVALS, type BarWire, type Interval } from '../core/protocol.ts';
import { pricePlaces } from '../format/instrumentFormat.ts';
import { prependBars } from '../streams/history.ts';
import { markStale } from '../streams/staleQuotes.ts';
import { toCandle, toVolume } from './chartEdge.ts';
import { OVERLAYS, type PriceChartHandle, createPriceChart } from './createPriceChart.ts';
import { type BarPoint, barPoint, sma, smaLast, vwap, vwapLast } from './indicators.ts';
import { type LiveBar, applyQuote, upsertLastBar } from './liveBar.ts';
import { OrderLines } from './OrderLines.tsx';

/**
 * Lets another module draw on the chart (the ticket's working-order lines):
 * called once the chart exists, with its API and the candle series; the
 * returned function, if any, runs when the chart goes away.
 */
export type OnChart = (chart: IChartApi, candles: ISeriesApi<'Candlestick', UTCTimestamp>) => void | (() => void);

/** Scroll-back asks for older bars when fewer than this many are left of the visible range. */
const SCROLL_BACK_MARGIN = 10;

interface Loaded {
  interval: Interval;
  bars: number;
  /** Open time of the oldest bar held (epoch seconds), 0 when none. */
  oldest: number;
  /** The gateway had nothing older. */
  exhausted: boolean;
}

export function PriceChart({ symbol, onChart }: { symbol: string; onChart?: OnChart }) {
  const session = useSession();
  const [interval, setBarInterval] = useState<Interval>('5m');
  const container = useRef<HTMLDivElement>(null);
  const [handle, setHandle] = useState<PriceChartHandle | null>(null);
  const [loaded, setLoaded] = useState<Loaded>({ interval, bars: 0, oldest: 0, exhausted: false });
  const instrument = session.instrument(symbol);
  // Only the flag: the chart's header re-renders when staleness flips, not on every quote.
  const stale$ = useMemo(
    () =>
      markStale(session.quote(symbol), session.freshness$).pipe(
        map((m) => m.stale),
        distinctUntilChanged(),
      ),
    [session, symbol],
  );
  const stale = useObservable(stale$, false);

  useEffect(() => {
    if (!container.current) return;
    const created = createPriceChart(container.current);
    setHandle(created);
    return () => {
      setHandle(null);
      created.chart.remove();
    };
  }, []);

  useEffect(() => {
    if (!handle || !onChart) return;
    return onChart(handle.chart, handle.candles) ?? undefined;
  }, [handle, onChart]);

  useEffect(() => {
    if (!handle) return;
    const places = pricePlaces(instrument);
    const priceFormat = { type: 'price' as const, precision: places, minMove: 1 / 10 ** places };
    handle.candles.applyOptions({ priceFormat });
    for (const o of OVERLAYS) handle.overlays[o.id].applyOptions({ priceFormat });
    const seconds = INTERVAL_SECONDS[interval];
    const timeScale = handle.chart.timeScale();
    timeScale.applyOptions({ secondsVisible: interval === '1s' });

    // The bars held, oldest first, and their float points for the overlays.
    let bars: BarWire[] = [];
    let points: BarPoint[] = [];
    let older: Subscription | undefined;
    let loading = false;
    let exhausted = false;
    const report = (): void => setLoaded({ interval, bars: bars.length, oldest: bars[0]?.time ?? 0, exhausted });

    const drawAll = (): void => {
      handle.candles.setData(bars.map(toCandle));
      handle.volume.setData(bars.map(toVolume));
      for (const o of OVERLAYS) handle.overlays[o.id].setData(o.period ? sma(points, o.period) : vwap(points, seconds));
      report();
    };
    const drawLast = (bar: BarWire): void => {
      handle.candles.update(toCandle(bar));
      handle.volume.update(toVolume(bar));
      for (const o of OVERLAYS) {
        const p = o.period ? smaLast(points, o.period) : vwapLast(points, seconds);
        if (p) handle.overlays[o.id].update(p);
      }
    };

    // Scroll-back: near the left edge, fetch the page before the oldest bar and keep the view where it was.
    const onRange = (range: LogicalRange | null): void => {
      const first = bars[0];
      if (!range || loading || exhausted || !first || range.from > SCROLL_BACK_MARGIN) return;
      loading = true;
      older = session.historyBefore(symbol, interval, first.time).subscribe({
        next: (page) => {
          const before = bars.length;
          bars = prependBars(page, bars);
          const added = bars.length - before;
          if (added === 0) {
            exhausted = true;
            report();
            return;
          }
          points = bars.map(barPoint);
          const visible = timeScale.getVisibleLogicalRange();
          drawAll();
          if (visible) timeScale.setVisibleLogicalRange({ from: visible.from + added, to: visible.to + added });
        },
        error: (err: unknown) => {
          console.warn(`[chart] scroll-back ${symbol} ${interval}: ${err instanceof Error ? err.message : String(err)}`);
          loading = false;
        },
        complete: () => {
          loading = false;
        },
      });
    };
    timeScale.subscribeVisibleLogicalRangeChange(onRange);

    // switchMap: a fresh backfill (new symbol, interval or reconnect) replaces the live bar it was extending.
    const sub = session
      .history(symbol, interval)
      .pipe(
        tap((history) => {
          older?.unsubscribe();
          loading = false;
          exhausted = false;
          bars = [...history];
          points = bars.map(barPoint);
          drawAll();
        }),
        switchMap((history) =>
          session.quote(symbol).pipe(
            scan((live: LiveBar, q) => applyQuote(live, q, interval), { bar: history.at(-1), lastVolume: undefined }),
            // The last bar follows the market once per animation frame, however fast quotes come.
            auditTime(0, animationFrameScheduler),
          ),
        ),
      )
      .subscribe(({ bar }) => {
        if (!bar) return;
        const what = upsertLastBar(bars, bar);
        if (what === 'ignored') return;
        if (what === 'appended') points.push(barPoint(bar));
        else points[points.length - 1] = barPoint(bar);
        drawLast(bar);
        if (what === 'appended') report();
      });
    return () => {
      sub.unsubscribe();
      older?.unsubscribe();
      timeScale.unsubscribeVisibleLogicalRangeChange(onRange);
    };
  }, [handle, session, symbol, interval, instrument]);

  return (
    <section
      className="panel chart"
      data-testid="chart"
      data-interval={loaded.interval}
      data-bars={loaded.bars}
      data-oldest={loaded.oldest}
      data-exhausted={loaded.exhausted}
    >
      <div className="panel-head">
        <h2>
          <span className="sym" data-testid="chart-symbol">
            {symbol}
          </span>{' '}
          <span className="muted">{instrument?.name ?? ''}</span>
          {stale && (
            <span className="stale-badge" data-testid="chart-stale" title="The last price is older than 10 s, or the terminal is not live">
              STALE
            </span>
          )}
        </h2>
        <div className="segmented" role="group" aria-label="Bar interval">
          {INTERVALS.map((i) => (
            <button type="button" key={i} className={i === interval ? 'on' : ''} aria-pressed={i === interval} onClick={() => setBarInterval(i)} data-testid={`interval-${i}`}>
              {i}
            </button>
          ))}
        </div>
      </div>
      <div className="panel-body chart-frame">
        <div className="chart-body" ref={container} data-testid="chart-canvas" />
        <div className="chart-legend" aria-label="Overlays">
          {OVERLAYS.map((o) => (
            <span key={o.id} style={{ color: o.color }}>
              {o.label}
            </span>
          ))}
        </div>
      </div>
      <OrderLines handle={handle} symbol={symbol} />
    </section>
  );
}
