import { useEffect, useRef, useState } from 'react';
import { scan, switchMap, tap } from 'rxjs';
import { useSession } from '../app/sessionContext.ts';
import { INTERVALS, type Interval } from '../core/protocol.ts';
import { pricePlaces } from '../format/instrumentFormat.ts';
import { toCandle, toVolume } from './chartEdge.ts';
import { type PriceChartHandle, createPriceChart } from './createPriceChart.ts';
import { type LiveBar, applyQuote } from './liveBar.ts';

export function PriceChart({ symbol }: { symbol: string }) {
  const session = useSession();
  const [interval, setBarInterval] = useState<Interval>('5m');
  const container = useRef<HTMLDivElement>(null);
  const [handle, setHandle] = useState<PriceChartHandle | null>(null);
  const instrument = session.instrument(symbol);

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
    if (!handle) return;
    const places = pricePlaces(instrument);
    handle.candles.applyOptions({ priceFormat: { type: 'price', precision: places, minMove: 1 / 10 ** places } });
    // switchMap: a fresh backfill (new symbol, interval or reconnect) replaces the live bar it was extending.
    const sub = session
      .history(symbol, interval)
      .pipe(
        tap((bars) => {
          handle.candles.setData(bars.map(toCandle));
          handle.volume.setData(bars.map(toVolume));
        }),
        switchMap((bars) =>
          session.quote(symbol).pipe(scan((live: LiveBar, q) => applyQuote(live, q, interval), { bar: bars.at(-1), lastVolume: undefined })),
        ),
      )
      .subscribe(({ bar }) => {
        if (!bar) return;
        handle.candles.update(toCandle(bar));
        handle.volume.update(toVolume(bar));
      });
    return () => sub.unsubscribe();
  }, [handle, session, symbol, interval, instrument]);

  return (
    <section className="panel chart" data-testid="chart">
      <div className="panel-head">
        <h2>
          <span className="sym" data-testid="chart-symbol">
            {symbol}
          </span>{' '}
          <span className="muted">{instrument?.name ?? ''}</span>
        </h2>
        <div className="segmented" role="group" aria-label="Bar interval">
          {INTERVALS.map((i) => (
            <button type="button" key={i} className={i === interval ? 'on' : ''} aria-pressed={i === interval} onClick={() => setBarInterval(i)} data-testid={`interval-${i}`}>
              {i}
            </button>
          ))}
        </div>
      </div>
      <div className="panel-body chart-body" ref={container} />
    </section>
  );
}
