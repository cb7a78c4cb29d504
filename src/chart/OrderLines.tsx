import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { map } from 'rxjs';
import { useSession } from '../app/sessionContext.ts';
import { useObservable } from '../app/useObservable.ts';
import { amendIntent$ } from '../blotters/amendIntent.ts';
import { formatPrice } from '../format/instrumentFormat.ts';
import type { PriceChartHandle } from './createPriceChart.ts';
import { type OrderLineSpec, type OrderLinesController, attachOrderLines, orderLineSpecs, snapToTick } from './orderLines.ts';

const NONE: OrderLineSpec[] = [];

/**
 * The symbol's working orders on the chart: a price line each (click to
 * amend, drag to propose a new price) and the same list as buttons in the
 * corner, which a keyboard and a screen reader can reach.
 */
export function OrderLines({ handle, symbol }: { handle: PriceChartHandle | null; symbol: string }) {
  const session = useSession();
  const instrument = session.instrument(symbol);
  const specs$ = useMemo(() => session.orders$.pipe(map((state) => orderLineSpecs(state, symbol))), [session, symbol]);
  const specs = useObservable(specs$, NONE);
  const controller = useRef<OrderLinesController | null>(null);
  const tick = instrument?.tickSize;

  // A layout effect so the lines come off before the parent PriceChart's passive cleanup removes the chart: removing them
  // afterwards made Lightweight Charts schedule a repaint of the disposed chart ("Object is disposed" on logout).
  useLayoutEffect(() => {
    if (!handle) return;
    const created = attachOrderLines(handle, {
      open: (orderId) => amendIntent$.next({ orderId }),
      moved: (orderId, kind, price) => {
        const text = tick ? snapToTick(price, tick) : undefined;
        if (text === undefined) amendIntent$.next({ orderId });
        else amendIntent$.next(kind === 'limit' ? { orderId, limitPrice: text } : { orderId, stopPrice: text });
      },
    });
    controller.current = created;
    return () => {
      controller.current = null;
      created.dispose();
    };
  }, [handle, tick]);

  useEffect(() => {
    controller.current?.update(specs);
  }, [specs, handle, tick]);

  if (specs.length === 0) return null;
  return (
    <ul className="order-lines" data-testid="chart-order-lines" aria-label="Working orders on the chart">
      {specs.map((s) => (
        <li key={s.key}>
          <button
            type="button"
            className={`order-line-chip ${s.side}`}
            data-testid={`chart-line-${s.orderId}-${s.kind}`}
            data-price={s.price}
            title="Amend this order"
            onClick={() => amendIntent$.next({ orderId: s.orderId })}
          >
            {s.title} {formatPrice(s.price, instrument)}
          </button>
        </li>
      ))}
    </ul>
  );
}
