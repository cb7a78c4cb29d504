import { dec } from '../../core/decimal.ts';
import type { Instrument } from '../../core/instrument.ts';
import type {
  AppointmentWire,
  ClientDetailWire,
  CorrespondenceWire,
  InteractionWire,
  PeriodPerformanceWire,
  ServiceRequestWire,
  TaskWire,
  TransactionWire,
} from '../../core/protocol/clientBook.ts';
import { formatPrice } from '../../format/instrumentFormat.ts';
import { type Direction, directionOf, formatAvgPx, formatMoney, formatQty, formatSigned } from '../../format/numbers.ts';
import { pricePlaces } from '../../format/instrumentFormat.ts';
import { formatDayTime, formatIsoDate, formatRate, formatWeight, rateDirection } from '../bookFormat.ts';
import type { LiveAccount, LivePortfolio } from '../liveHoldings.ts';

export interface HoldingRow {
  key: string;
  account: string;
  symbol: string;
  name: string;
  quantity: string;
  avgCost: string;
  last: string;
  live: boolean;
  marketValue: string;
  unrealized: string;
  unrealizedDir: Direction;
  weight: string;
  target: string;
}

export function holdingRows(p: LivePortfolio, instrument: (symbol: string) => Instrument | undefined): HoldingRow[] {
  return p.holdings.map((h) => {
    const ins = instrument(h.symbol);
    return {
      key: h.key,
      account: h.accountId,
      symbol: h.symbol,
      name: ins?.name ?? '',
      quantity: formatQty(h.quantity),
      avgCost: formatAvgPx(h.avgCost, pricePlaces(ins)),
      last: formatPrice(h.price, ins),
      live: h.live,
      marketValue: formatMoney(h.marketValue),
      unrealized: formatSigned(h.unrealized, 2),
      unrealizedDir: directionOf(h.unrealized),
      weight: formatWeight(h.weight),
      target: h.targetWeight.isZero() ? '' : formatWeight(h.targetWeight),
    };
  });
}

export interface AccountRow {
  accountId: string;
  name: string;
  type: string;
  currency: string;
  model: string;
  cash: string;
  value: string;
  drift: string;
}

export function accountRows(accounts: readonly LiveAccount[]): AccountRow[] {
  return accounts.map((a) => ({
    accountId: a.account.accountId,
    name: a.account.name,
    type: a.account.type,
    currency: a.account.currency,
    model: a.account.modelId ?? '',
    cash: formatMoney(a.cash),
    value: formatMoney(a.value),
    drift: formatWeight(a.account.drift, 1),
  }));
}

export interface PerformanceRow {
  period: string;
  range: string;
  startValue: string;
  endValue: string;
  netFlows: string;
  gain: string;
  gainDir: Direction;
  twr: string;
  twrDir: Direction;
  irr: string;
  irrDir: Direction;
  benchmark: string;
  /** Portfolio TWR minus benchmark, in percentage points. */
  relative: string;
  relativeDir: Direction;
  note: string;
}

const PERIOD_LABEL: Record<string, string> = { MTD: 'Month to date', QTD: 'Quarter to date', YTD: 'Year to date', '1Y': 'One year', SI: 'Since inception' };

export function performanceRows(periods: readonly PeriodPerformanceWire[]): PerformanceRow[] {
  return periods.map((p) => {
    const relative = p.twr !== null && p.benchmark !== null ? dec(p.twr).minus(dec(p.benchmark)) : null;
    const gain = dec(p.gain);
    return {
      period: PERIOD_LABEL[p.period] ?? p.period,
      range: `${formatIsoDate(p.from)} – ${formatIsoDate(p.to)}`,
      startValue: formatMoney(dec(p.startValue)),
      endValue: formatMoney(dec(p.endValue)),
      netFlows: formatSigned(dec(p.netFlows), 2),
      gain: formatSigned(gain, 2),
      gainDir: directionOf(gain),
      twr: formatRate(p.twr),
      twrDir: rateDirection(p.twr),
      irr: formatRate(p.irr),
      irrDir: rateDirection(p.irr),
      benchmark: formatRate(p.benchmark),
      relative: relative === null ? '–' : `${formatRate(relative).replace('%', '')} pp`,
      relativeDir: relative === null ? 'flat' : directionOf(relative),
      note: p.note,
    };
  });
}

/** The growth index series for the chart: numbers are fine here, they only place pixels. */
export function growthSeries(detail: ClientDetailWire): { portfolio: { time: string; value: number }[]; benchmark: { time: string; value: number }[] } {
  const s = detail.performance.series;
  return {
    portfolio: s.map((p) => ({ time: p.date, value: Number(p.growth) })),
    benchmark: s.map((p) => ({ time: p.date, value: Number(p.benchmark) })),
  };
}

export interface TransactionRow {
  txId: string;
  date: string;
  account: string;
  kind: string;
  symbol: string;
  quantity: string;
  price: string;
  amount: string;
  amountDir: Direction;
  description: string;
}

const TX_LABEL: Record<TransactionWire['kind'], string> = { buy: 'Buy', sell: 'Sell', deposit: 'Deposit', withdrawal: 'Withdrawal', dividend: 'Dividend', fee: 'Fee' };

export function transactionRows(txs: readonly TransactionWire[], instrument: (symbol: string) => Instrument | undefined): TransactionRow[] {
  return txs.map((t) => {
    const amount = dec(t.amount);
    return {
      txId: t.txId,
      date: t.date,
      account: t.accountId,
      kind: TX_LABEL[t.kind],
      symbol: t.symbol ?? '',
      quantity: t.quantity === null ? '' : formatQty(dec(t.quantity)),
      price: t.price === null ? '' : formatAvgPx(dec(t.price), pricePlaces(t.symbol ? instrument(t.symbol) : undefined)),
      amount: formatSigned(amount, 2),
      amountDir: directionOf(amount),
      description: t.description,
    };
  });
}

/** One line of the client's activity feed, whatever kind of record it came from. */
export interface ActivityItem {
  key: string;
  at: number;
  when: string;
  kind: 'call' | 'meeting' | 'email' | 'note' | 'task' | 'appointment' | 'letter' | 'service' | 'research' | 'override';
  title: string;
  detail: string;
  by: string;
}

/**
 * Every record of the client's file, newest first: interactions, tasks,
 * appointments, letters, service requests, research received and
 * suitability overrides, so the advisor reads the relationship in one place.
 */
export function activityItems(d: ClientDetailWire, researchTitle: (noteId: string) => string = (id) => id): ActivityItem[] {
  const items: ActivityItem[] = [
    ...d.interactions.map((i: InteractionWire): ActivityItem => ({ key: i.interactionId, at: i.at, when: formatDayTime(i.at), kind: i.kind, title: i.subject, detail: i.body, by: i.author })),
    ...d.tasks.map(
      (t: TaskWire): ActivityItem => ({
        key: t.taskId,
        at: t.completedAt ?? t.createdAt,
        when: formatDayTime(t.completedAt ?? t.createdAt),
        kind: 'task',
        title: `${t.done ? 'Done: ' : ''}${t.title}`,
        detail: `due ${formatIsoDate(t.dueDate)}${t.notes ? ` · ${t.notes}` : ''}`,
        by: t.owner,
      }),
    ),
    ...d.appointments.map(
      (a: AppointmentWire): ActivityItem => ({
        key: a.appointmentId,
        at: a.startsAt,
        when: formatDayTime(a.startsAt),
        kind: 'appointment',
        title: a.title,
        detail: `${a.durationMinutes} min${a.location ? ` · ${a.location}` : ''}`,
        by: a.owner,
      }),
    ),
    ...d.correspondence.map((c: CorrespondenceWire): ActivityItem => ({ key: c.correspondenceId, at: c.sentAt, when: formatDayTime(c.sentAt), kind: 'letter', title: c.subject, detail: c.body, by: c.sentBy })),
    ...d.serviceRequests.map(
      (r: ServiceRequestWire): ActivityItem => ({
        key: r.requestId,
        at: r.updatedAt,
        when: formatDayTime(r.updatedAt),
        kind: 'service',
        title: `${SERVICE_KIND_LABEL[r.kind] ?? r.kind} · ${SERVICE_STATUS_LABEL[r.status] ?? r.status}`,
        detail: r.description,
        by: r.openedBy,
      }),
    ),
    ...d.research.map((r): ActivityItem => ({ key: `${r.noteId}/${r.clientId}/${r.sentAt}`, at: r.sentAt, when: formatDayTime(r.sentAt), kind: 'research', title: `Research sent: ${researchTitle(r.noteId)}`, detail: '', by: r.sentBy })),
    ...d.overrides.map(
      (o): ActivityItem => ({
        key: `ovr-${o.orderId}`,
        at: o.at,
        when: formatDayTime(o.at),
        kind: 'override',
        title: `Suitability override: ${o.side} ${o.quantity} ${o.symbol} in ${o.accountId}`,
        detail: `${o.warnings.map((w) => w.message).join('; ')} — justification: ${o.justification}`,
        by: o.by,
      }),
    ),
  ];
  return items.sort((a, b) => b.at - a.at || a.key.localeCompare(b.key));
}

export const SERVICE_KIND_LABEL: Record<string, string> = {
  addressChange: 'Address change',
  transfer: 'Transfer',
  withdrawal: 'Withdrawal',
  documentRequest: 'Document request',
  accountOpening: 'Account opening',
  other: 'Other',
};

export const SERVICE_STATUS_LABEL: Record<string, string> = { open: 'Open', inProgress: 'In progress', done: 'Done', cancelled: 'Cancelled' };
