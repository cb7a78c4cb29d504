import { type Decimal, dec } from '../core/decimal.ts';
import { formatQty } from '../format/numbers.ts';
import type { OrderLineSpec } from './orderLines.ts';

/**
 * What the chart draws of the working orders, made readable on a narrow
 * chart: lines at the same price and side become one, and only the lines
 * nearest the market are drawn; the rest are counted in a note.
 */

/** More lines than this and their axis labels pile into an unreadable stack. */
export const MAX_ORDER_LINES = 8;

/** One line on the chart: a single order's price, or several orders sharing a price and side. */
export interface OrderLineGroup {
  /** The single order's line key (so a line keeps its identity while dragged), or `${side}@${price}` when shared. */
  key: string;
  side: 'buy' | 'sell';
  /** Wire text of the price, exact. */
  price: string;
  /** The order lines drawn as this one, in the order they came. */
  specs: OrderLineSpec[];
  /** Distinct orders on this line (a stop limit with both prices equal counts once). */
  orderIds: string[];
  /** Leaves quantity of those orders together, exact wire text. */
  quantity: string;
  /** Every line a stop price: drawn dotted like a single stop. */
  allStops: boolean;
  /** More than one order line: not draggable (which order would the new price be for?). */
  shared: boolean;
  /** The text on the line: the single order's own, or e.g. "BUY 3 · 300" (three orders, 300 in all). */
  title: string;
  /** What a pointer over the line or its chip is told. */
  tooltip: string;
}

export interface OrderLinesView {
  /** The lines drawn, highest price first (as they stand on the chart). */
  shown: OrderLineGroup[];
  /** Orders with a line not drawn that no drawn line stands for either. */
  hiddenOrders: number;
}

/** Same number, same line: "101.5" and "101.50" are one price. */
function priceKey(price: string): string {
  return dec(price).toFixed();
}

function buildGroup(side: 'buy' | 'sell', price: string, specs: OrderLineSpec[], leaves: ReadonlyMap<string, string>): OrderLineGroup {
  const orderIds = [...new Set(specs.map((s) => s.orderId))];
  const total = orderIds.reduce((sum, id) => sum.plus(dec(leaves.get(id) ?? '0')), dec(0));
  const quantity = total.toFixed();
  const allStops = specs.every((s) => s.kind === 'stop');
  const first = specs[0];
  if (specs.length === 1 && first) {
    return { key: first.key, side, price, specs, orderIds, quantity, allStops, shared: false, title: first.title, tooltip: 'Drag to propose a new price, click to amend' };
  }
  const count = orderIds.length;
  const qty = formatQty(total);
  // Short sales rest on the sell side; a line of nothing else says so, as a single short's line does.
  const label = specs.every((s) => s.short === true) ? 'SHORT' : side.toUpperCase();
  const noun = label === 'SHORT' ? 'short sale' : `${side} order`;
  return {
    key: `${side}@${priceKey(price)}`,
    side,
    price,
    specs,
    orderIds,
    quantity,
    allStops,
    shared: true,
    title: `${label} ${count} · ${qty}`,
    tooltip: `${count} ${noun}${count === 1 ? '' : 's'} at ${price}, ${qty} in all: a shared line cannot be dragged; amend each order from the blotter`,
  };
}

/**
 * Groups the order lines by side and price and keeps the `max` groups nearest
 * the last price (ties: the higher price, then buy before sell, so the choice
 * does not flicker). With no last price the middle of the orders' own prices
 * stands in for it.
 *
 * @param leaves leaves quantity (wire text) of each order by order id
 */
export function groupOrderLines(
  specs: readonly OrderLineSpec[],
  leaves: ReadonlyMap<string, string>,
  last: string | null,
  max: number = MAX_ORDER_LINES,
): OrderLinesView {
  const bucket = new Map<string, { side: 'buy' | 'sell'; price: string; specs: OrderLineSpec[] }>();
  for (const spec of specs) {
    const key = `${spec.side}@${priceKey(spec.price)}`;
    const found = bucket.get(key);
    if (found) found.specs.push(spec);
    else bucket.set(key, { side: spec.side, price: spec.price, specs: [spec] });
  }
  const groups = [...bucket.values()].map((b) => ({ group: buildGroup(b.side, b.price, b.specs, leaves), at: dec(b.price) }));

  const byPriceDown = (a: { group: OrderLineGroup; at: Decimal }, b: { group: OrderLineGroup; at: Decimal }): number =>
    b.at.comparedTo(a.at) || (a.group.side === b.group.side ? 0 : a.group.side === 'buy' ? -1 : 1);

  if (groups.length <= max) return { shown: groups.sort(byPriceDown).map((g) => g.group), hiddenOrders: 0 };

  const reference = last !== null ? dec(last) : middle(groups.map((g) => g.at));
  const nearest = [...groups].sort((a, b) => a.at.minus(reference).abs().comparedTo(b.at.minus(reference).abs()) || byPriceDown(a, b));
  const shown = nearest.slice(0, Math.max(0, max)).sort(byPriceDown).map((g) => g.group);
  const drawn = new Set(shown.flatMap((g) => g.orderIds));
  const hidden = new Set(nearest.slice(Math.max(0, max)).flatMap((g) => g.group.orderIds).filter((id) => !drawn.has(id)));
  return { shown, hiddenOrders: hidden.size };
}

/** The median of some prices (the lower middle of an even count): a stand-in for the market when no trade is known. */
function middle(prices: readonly Decimal[]): Decimal {
  const sorted = [...prices].sort((a, b) => a.comparedTo(b));
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? dec(0);
}
