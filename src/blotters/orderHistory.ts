import { dec } from '../core/decimal.ts';
import type { Instrument } from '../core/instrument.ts';
import { STATUS_LABEL } from '../core/order.ts';
import type { ExecReportWire } from '../core/protocol.ts';
import { formatPrice } from '../format/instrumentFormat.ts';
import { formatQty } from '../format/numbers.ts';
import { timeOf } from './orderRow.ts';

/** ExecType as a trader reads it in the history. */
const EVENT_LABEL: Record<string, string> = {
  pendingNew: 'Sent',
  new: 'Accepted',
  trade: 'Fill',
  pendingCancel: 'Cancel requested',
  canceled: 'Canceled',
  pendingReplace: 'Amend requested',
  replaced: 'Amended',
  rejected: 'Rejected',
  expired: 'Expired',
  triggered: 'Stop triggered',
};

/** One state change of an order: one execution report, ready to read. */
export interface HistoryRow {
  execId: string;
  time: string;
  event: string;
  status: string;
  /** What changed: the fill, or the terms after an accept/amend. */
  detail: string;
  clOrdId: string;
  text: string;
}

function terms(e: ExecReportWire, instrument: Pick<Instrument, 'tickSize'> | undefined): string {
  const o = e.order;
  const parts = [formatQty(dec(o.quantity))];
  if (o.limitPrice !== null) parts.push(`limit ${formatPrice(o.limitPrice, instrument)}`);
  if (o.stopPrice !== null) parts.push(`stop ${formatPrice(o.stopPrice, instrument)}`);
  if (o.limitPrice === null && o.stopPrice === null) parts.push('market');
  return parts.join(' · ');
}

export function historyRow(e: ExecReportWire, instrument: Pick<Instrument, 'tickSize'> | undefined): HistoryRow {
  const detail =
    e.execType === 'trade'
      ? `${formatQty(dec(e.lastQty))} @ ${formatPrice(e.lastPx, instrument)} · filled ${formatQty(dec(e.order.cumQty))} of ${formatQty(dec(e.order.quantity))}`
      : terms(e, instrument);
  return {
    execId: e.execId,
    time: timeOf(e.ts),
    event: EVENT_LABEL[e.execType] ?? e.execType,
    status: STATUS_LABEL[e.order.status],
    detail,
    clOrdId: e.order.clOrdId,
    text: e.order.text,
  };
}
