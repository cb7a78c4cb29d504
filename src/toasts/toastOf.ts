import { dec } from '../core/decimal.ts';
import type { Instrument } from '../core/instrument.ts';
import type { ExecReportWire } from '../core/protocol.ts';
import type { OrdersState } from '../streams/ordersState.ts';
import { pricePlaces } from '../format/instrumentFormat.ts';
import { formatAvgPx, formatQty } from '../format/numbers.ts';

export type ToastTone = 'fill' | 'partial' | 'reject';

/** One notice about one execution report; `id` is the execId, so a report never toasts twice. */
export interface Toast {
  id: string;
  tone: ToastTone;
  title: string;
  body: string;
  orderId: string;
}

/** How long a toast stays: a reject is read more slowly than a fill. */
export const TOAST_MS: Record<ToastTone, number> = { fill: 6_000, partial: 6_000, reject: 12_000 };
/** More than this and the oldest leave first: a burst of fills must not cover the screen. */
export const MAX_TOASTS = 5;

const SIDE_WORD: Record<string, string> = { buy: 'Bought', sell: 'Sold', sellShort: 'Sold short' };
const REJECT_SIDE: Record<string, string> = { buy: 'buy', sell: 'sell', sellShort: 'sell short' };

/**
 * The reports in `next` that `prev` did not have, oldest first. Comparing
 * states (rather than listening to frames) means a report that arrives twice
 * (our request's answer and its fan-out copy) is seen once.
 */
export function newReports(prev: OrdersState, next: OrdersState): ExecReportWire[] {
  if (prev.executions === next.executions) return [];
  const out: ExecReportWire[] = [];
  for (const [execId, report] of next.executions) if (!prev.executions.has(execId)) out.push(report);
  return out.sort((a, b) => a.ts - b.ts || a.execId.localeCompare(b.execId));
}

/**
 * The toast for a fill (partial or full) or a reject; nothing for the other
 * reports. `viewer` is who reads it: another trader's order (a desk head sees
 * every trader's) names its trader, or "Rejected buy 100 AAPL" left the desk
 * head asking whose.
 */
export function toastOf(
  report: ExecReportWire,
  instrument: (Pick<Instrument, 'tickSize'> & Partial<Pick<Instrument, 'currency'>>) | undefined,
  viewer?: string,
): Toast | undefined {
  const o = report.order;
  const whose = viewer === undefined || o.trader === viewer ? '' : ` · ${o.trader}`;
  if (report.execType === 'trade') {
    const full = o.status === 'filled';
    const side = SIDE_WORD[o.side] ?? o.side;
    return {
      id: report.execId,
      tone: full ? 'fill' : 'partial',
      title: (full ? `Filled ${o.symbol}` : `Partial fill ${o.symbol}`) + whose,
      body:
        // The fill price exactly (a venue may fill between ticks), at least to the tick's places.
        // The currency with the price: a desk trading EUR and USD lines cannot tell them apart from the number alone.
        `${side} ${formatQty(dec(report.lastQty))} @ ${formatAvgPx(dec(report.lastPx), pricePlaces(instrument))}${instrument?.currency ? ` ${instrument.currency}` : ''}` +
        (full ? ` · done ${formatQty(dec(o.cumQty))}` : ` · ${formatQty(dec(o.cumQty))} of ${formatQty(dec(o.quantity))}`) +
        // Filled in pieces: the average of all of them, since this toast replaces the earlier pieces' (pushToasts).
        (dec(o.cumQty).eq(dec(report.lastQty)) ? '' : ` · avg ${formatAvgPx(dec(o.avgPx), pricePlaces(instrument))}`),
      orderId: o.orderId,
    };
  }
  if (report.execType === 'rejected') {
    return {
      id: report.execId,
      tone: 'reject',
      // A refused short sale says so: it is refused for reasons (the locate) a plain sale never meets.
      title: `Rejected ${REJECT_SIDE[o.side] ?? o.side} ${formatQty(dec(o.quantity))} ${o.symbol}${whose}`,
      body: o.text || 'no reason given',
      orderId: o.orderId,
    };
  }
  return undefined;
}

/**
 * Adds toasts to a stack, newest last, keeping at most MAX_TOASTS. A fill
 * takes the place of the earlier partial-fill toasts of its order (its own
 * text says how much of the order is done): one order sweeping three price
 * levels raised three toasts, which covered the positions it had just changed.
 */
export function pushToasts(stack: readonly Toast[], added: readonly Toast[]): Toast[] {
  if (added.length === 0) return stack as Toast[];
  const seen = new Set(stack.map((t) => t.id));
  const fresh = added.filter((t) => !seen.has(t.id));
  const all = [...stack, ...fresh];
  const lastFillOf = new Map<string, Toast>();
  for (const t of all) if (t.tone !== 'reject') lastFillOf.set(t.orderId, t);
  return all.filter((t) => t.tone !== 'partial' || lastFillOf.get(t.orderId) === t).slice(-MAX_TOASTS);
}
