import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { type Observable, asyncScheduler, combineLatest, distinctUntilChanged, map, startWith, throttleTime } from 'rxjs';
import { useSession } from '../app/sessionContext.ts';
import { useObservable } from '../app/useObservable.ts';
import { amendIntent$ } from '../blotters/amendIntent.ts';
import { formatPrice } from '../format/instrumentFormat.ts';
import type { PriceChartHandle } from './createPriceChart.ts';
import { type OrderLinesView, groupOrderLines } from './orderLineGroups.ts';
import { type OrderLinesController, attachOrderLines, orderLineSpecs, snapToTick } from './orderLines.ts';

const NONE: OrderLinesView = { shown: [], hiddenOrders: 0 };

/** Which lines are nearest the market moves slowly next to the quotes: look at the last price twice a second at most. */
const LAST_PRICE_SAMPLE_MS = 500;

/** Everything a redraw depends on, so a quote or another symbol's order that changes nothing draws nothing. */
function viewSignature(view: OrderLinesView): string {
  return `${view.hiddenOrders}|${view.shown.map((g) => `${g.key}=${g.price}:${g.title}:${g.specs.map((s) => `${s.key}@${s.price}`).join(',')}`).join(';')}`;
}

/**
 * The symbol's working orders on the chart: a price line each (click to
 * amend, drag to propose a new price) and the same list as buttons in the
 * corner, which a keyboard and a screen reader can reach. Orders at one price
 * and side share a line; past eight lines only those nearest the last price
 * are drawn and the corner counts the rest.
 */
export function OrderLines({ handle, symbol }: { handle: PriceChartHandle | null; symbol: string }) {
  const session = useSession();
  const instrument = session.instrument(symbol);
  const view$ = useMemo((): Observable<OrderLinesView> => {
    const last$ = session.quote(symbol).pipe(
      map((q) => q.last),
      distinctUntilChanged(),
      throttleTime(LAST_PRICE_SAMPLE_MS, asyncScheduler, { leading: true, trailing: true }),
      startWith(null),
    );
    return combineLatest([session.orders$, last$]).pipe(
      map(([state, last]) => {
        const specs = orderLineSpecs(state, symbol);
        const leaves = new Map(specs.map((s) => [s.orderId, state.orders.get(s.orderId)?.leavesQty ?? '0']));
        return groupOrderLines(specs, leaves, last);
      }),
      distinctUntilChanged((a, b) => viewSignature(a) === viewSignature(b)),
    );
  }, [session, symbol]);
  const view = useObservable(view$, NONE);
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
    controller.current?.update(view.shown);
  }, [view, handle, tick]);

  if (view.shown.length === 0) return null;
  return (
    <ul className="order-lines" data-testid="chart-order-lines" aria-label="Working orders on the chart">
      {view.shown.map((g) => {
        const single = g.shared ? undefined : g.specs[0];
        return (
          <li key={g.key}>
            {single ? (
              <button
                type="button"
                className={`order-line-chip ${g.side}`}
                data-testid={`chart-line-${single.orderId}-${single.kind}`}
                data-price={g.price}
                title="Amend this order"
                onClick={() => amendIntent$.next({ orderId: single.orderId })}
              >
                {g.title} {formatPrice(g.price, instrument)}
              </button>
            ) : (
              // Several orders: nothing to amend as one, so not a button; the blotter amends each.
              <span
                className={`order-line-chip shared ${g.side}`}
                data-testid={`chart-line-shared-${g.side}-${g.price}`}
                data-price={g.price}
                data-orders={g.orderIds.length}
                title={g.tooltip}
              >
                {g.title} {formatPrice(g.price, instrument)}
              </span>
            )}
          </li>
        );
      })}
      {view.hiddenOrders > 0 && (
        <li className="order-lines-more muted" data-testid="chart-order-lines-more" title="Working orders further from the last price are not drawn: the order blotter lists them all">
          +{view.hiddenOrders} more order{view.hiddenOrders === 1 ? '' : 's'}
        </li>
      )}
    </ul>
  );
}
