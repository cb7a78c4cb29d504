import { type AutoscaleInfo, type IPriceLine, LineStyle } from 'lightweight-charts';
import { Decimal, dec } from '../core/decimal.ts';
import { bookSide, isOpen } from '../core/order.ts';
import type { OrdersState } from '../streams/ordersState.ts';
import { formatQty } from '../format/numbers.ts';
import type { PriceChartHandle } from './createPriceChart.ts';
import type { OrderLineGroup } from './orderLineGroups.ts';

/** One working order's price on the chart: its limit, or its stop, or both for a stop limit. */
export interface OrderLineSpec {
  /** `${orderId}:limit` or `${orderId}:stop`. */
  key: string;
  orderId: string;
  kind: 'limit' | 'stop';
  /** Wire text, exact; the chart gets a number only to draw it. */
  price: string;
  side: 'buy' | 'sell';
  /** A short sale (a sell on the book): a shared line of only these says SHORT. */
  short?: boolean;
  title: string;
}

const COLOR = { buy: '#2fbf71', sell: '#f0525a' } as const;
/** A pointer this close to a line (in pixels) grabs it. */
export const GRAB_PX = 5;
/** Less movement than this is a click (open the amend), not a drag. */
const DRAG_PX = 3;

/** The lines for the open orders of one symbol, in a stable order so redraws do not shuffle them. */
export function orderLineSpecs(state: OrdersState, symbol: string): OrderLineSpec[] {
  const out: OrderLineSpec[] = [];
  const orders = [...state.orders.values()].filter((o) => o.symbol === symbol && isOpen(o) && dec(o.leavesQty).gt(0));
  orders.sort((a, b) => a.createdAt - b.createdAt || a.orderId.localeCompare(b.orderId));
  for (const o of orders) {
    const side = bookSide(o.side);
    const short = o.side === 'sellShort';
    const head = `${short ? 'SHORT' : side.toUpperCase()} ${formatQty(dec(o.leavesQty))}`;
    const flag = short ? { short } : {};
    if (o.limitPrice !== null) out.push({ key: `${o.orderId}:limit`, orderId: o.orderId, kind: 'limit', price: o.limitPrice, side, ...flag, title: `${head} LMT` });
    if (o.stopPrice !== null) out.push({ key: `${o.orderId}:stop`, orderId: o.orderId, kind: 'stop', price: o.stopPrice, side, ...flag, title: `${head} STP` });
  }
  return out;
}

/**
 * A price read off the chart at a pixel is a float; it becomes an exact
 * decimal on the instrument's tick grid at once, and only that is ever sent.
 */
export function snapToTick(price: number, tickSize: Decimal): string | undefined {
  if (!Number.isFinite(price) || price <= 0) return undefined;
  const snapped = new Decimal(price.toPrecision(15)).div(tickSize).round().times(tickSize);
  return snapped.gt(0) ? snapped.toFixed(tickSize.decimalPlaces()) : undefined;
}

/** Lines this far (as a fraction of the candles' own range) beyond it still widen the scale to stay in view. */
export const AUTOSCALE_REACH = 0.5;

/**
 * The price range to show: the candles' own, widened to take in working
 * orders near it, so a resting order a little away from the market is on
 * screen; an order far off does not squash the candles flat (its chip in the
 * corner still shows it).
 */
export function rangeWithLines(range: { minValue: number; maxValue: number } | null, prices: readonly number[]): { minValue: number; maxValue: number } | null {
  if (!range) return range;
  const reach = (range.maxValue - range.minValue) * AUTOSCALE_REACH;
  let { minValue, maxValue } = range;
  for (const p of prices) {
    if (p < minValue && p >= range.minValue - reach) minValue = p;
    if (p > maxValue && p <= range.maxValue + reach) maxValue = p;
  }
  return { minValue, maxValue };
}

/** The line nearest to a pixel row, if one is within GRAB_PX. */
export function lineAt<T extends { y: number | null }>(y: number, lines: readonly T[]): T | undefined {
  let best: T | undefined;
  let bestDistance = GRAB_PX + 1;
  for (const line of lines) {
    if (line.y === null) continue;
    const d = Math.abs(line.y - y);
    if (d < bestDistance) {
      best = line;
      bestDistance = d;
    }
  }
  return best;
}

export interface OrderLinesController {
  /** Draws exactly these lines (adds, moves, removes). */
  update(groups: readonly OrderLineGroup[]): void;
  dispose(): void;
}

export interface OrderLineActions {
  /** A click on a line: open the amend. */
  open(orderId: string): void;
  /** A line dragged to a new price: open the amend with it. */
  moved(orderId: string, kind: 'limit' | 'stop', price: number): void;
}

/**
 * Working orders as price lines on the candle series. Lightweight Charts
 * draws lines but does not let them be grabbed, so pointer events on the
 * chart are looked at first (capture phase): a press on a line takes the
 * pointer away from the chart's own panning, and a release either opens the
 * amend (a click) or proposes the price the line was dropped at (a drag).
 * A line shared by several orders is not grabbed: the chart pans as usual,
 * and hovering it says why it does not move.
 */
export function attachOrderLines(handle: PriceChartHandle, actions: OrderLineActions): OrderLinesController {
  const series = handle.candles;
  const element = handle.chart.chartElement();
  // The chart sets and clears its own element's cursor on every move; ours goes on the container, which it inherits.
  const cursorHost = element.parentElement ?? element;
  const lines = new Map<string, { group: OrderLineGroup; line: IPriceLine }>();
  let drag: { key: string; startY: number; moved: boolean } | null = null;

  const rowY = (e: PointerEvent): number => e.clientY - element.getBoundingClientRect().top;
  const located = () => [...lines.values()].map((l) => ({ ...l, y: series.priceToCoordinate(Number(l.group.price)) }));

  function onDown(e: PointerEvent): void {
    if (e.button !== 0) return;
    const hit = lineAt(rowY(e), located());
    if (!hit || hit.group.shared) return;
    e.preventDefault();
    e.stopPropagation();
    drag = { key: hit.group.key, startY: rowY(e), moved: false };
    handle.chart.applyOptions({ handleScroll: false, handleScale: false });
    window.addEventListener('pointermove', onDragMove, true);
    window.addEventListener('pointerup', onUp, true);
  }

  function onDragMove(e: PointerEvent): void {
    if (!drag) return;
    const entry = lines.get(drag.key);
    const y = rowY(e);
    if (Math.abs(y - drag.startY) >= DRAG_PX) drag.moved = true;
    const price = series.coordinateToPrice(y);
    if (entry && drag.moved && price !== null) entry.line.applyOptions({ price });
    e.stopPropagation();
  }

  function onUp(e: PointerEvent): void {
    window.removeEventListener('pointermove', onDragMove, true);
    window.removeEventListener('pointerup', onUp, true);
    handle.chart.applyOptions({ handleScroll: true, handleScale: true });
    const done = drag;
    drag = null;
    const entry = done ? lines.get(done.key) : undefined;
    const spec = entry?.group.specs[0];
    if (!done || !entry || !spec) return;
    e.stopPropagation();
    if (!done.moved) {
      actions.open(spec.orderId);
      return;
    }
    const price = series.coordinateToPrice(rowY(e));
    // The line goes back to the order's price until the amend is done: a drag is a proposal, not a change.
    entry.line.applyOptions({ price: Number(spec.price) });
    if (price !== null) actions.moved(spec.orderId, spec.kind, price);
  }

  function onHover(e: PointerEvent): void {
    if (drag) return;
    const hit = lineAt(rowY(e), located());
    // A shared line cannot be dragged: no grab cursor, and the pointer's tooltip says so.
    cursorHost.style.cursor = hit && !hit.group.shared ? 'ns-resize' : '';
    if (hit?.group.shared) cursorHost.title = hit.group.tooltip;
    else cursorHost.removeAttribute('title');
  }

  element.addEventListener('pointerdown', onDown, true);
  element.addEventListener('pointermove', onHover);
  series.applyOptions({
    autoscaleInfoProvider: (original: () => AutoscaleInfo | null): AutoscaleInfo | null => {
      const base = original();
      if (!base) return base;
      return { ...base, priceRange: rangeWithLines(base.priceRange, [...lines.values()].map((l) => Number(l.group.price))) };
    },
  });

  return {
    update(groups) {
      const keep = new Set(groups.map((g) => g.key));
      for (const [key, { line }] of lines) {
        if (!keep.has(key)) {
          series.removePriceLine(line);
          lines.delete(key);
        }
      }
      for (const group of groups) {
        const options = {
          price: Number(group.price),
          color: COLOR[group.side],
          // A shared line is drawn solid and a little heavier: it stands for several orders and does not move.
          lineWidth: group.shared ? (2 as const) : (1 as const),
          lineStyle: group.allStops ? LineStyle.Dotted : group.shared ? LineStyle.Solid : LineStyle.Dashed,
          axisLabelVisible: true,
          title: group.title,
        };
        const existing = lines.get(group.key);
        // A line being dragged keeps following the pointer until it is dropped.
        if (existing) {
          existing.group = group;
          if (drag?.key !== group.key) existing.line.applyOptions(options);
        } else lines.set(group.key, { group, line: series.createPriceLine(options) });
      }
    },
    dispose() {
      cursorHost.style.cursor = '';
      cursorHost.removeAttribute('title');
      element.removeEventListener('pointerdown', onDown, true);
      element.removeEventListener('pointermove', onHover);
      window.removeEventListener('pointermove', onDragMove, true);
      window.removeEventListener('pointerup', onUp, true);
      // The chart may already be gone (its panel unmounts first): then so are its lines.
      try {
        series.applyOptions({ autoscaleInfoProvider: undefined });
        for (const { line } of lines.values()) series.removePriceLine(line);
      } catch {
        // nothing left to remove
      }
      lines.clear();
    },
  };
}
