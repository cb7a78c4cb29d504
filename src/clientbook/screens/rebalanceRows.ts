import { dec } from '../../core/decimal.ts';
import type { BlockOrderWire, ClientSummaryWire, RebalanceProposalWire } from '../../core/protocol/clientBook.ts';
import type { OrderWire } from '../../core/protocol.ts';
import { formatAvgPx, formatMoney, formatQty } from '../../format/numbers.ts';
import { formatWeight } from '../bookFormat.ts';

/** One account the advisor may tick for a rebalance, with its client's drift to decide by. */
export interface AccountChoice {
  accountId: string;
  clientId: string;
  clientName: string;
  drift: string;
  driftSort: number;
  drifting: boolean;
}

export function accountChoices(clients: readonly ClientSummaryWire[]): AccountChoice[] {
  return clients
    .flatMap((c) =>
      c.accountIds.map((accountId) => ({
        accountId,
        clientId: c.clientId,
        clientName: c.name,
        drift: formatWeight(c.drift, 1),
        driftSort: Number(c.drift),
        drifting: c.flags.includes('driftOverThreshold'),
      })),
    )
    .sort((a, b) => b.driftSort - a.driftSort || a.accountId.localeCompare(b.accountId));
}

export interface ProposalLineRow {
  key: string;
  accountId: string;
  client: string;
  symbol: string;
  side: 'buy' | 'sell';
  quantity: string;
  price: string;
  notional: string;
  currentWeight: string;
  targetWeight: string;
  weightAfter: string;
}

export function proposalLineRows(p: RebalanceProposalWire, clientName: (clientId: string) => string): ProposalLineRow[] {
  return p.lines.map((l) => ({
    key: `${l.accountId}/${l.symbol}/${l.side}`,
    accountId: l.accountId,
    client: clientName(l.clientId),
    symbol: l.symbol,
    side: l.side,
    quantity: formatQty(dec(l.quantity)),
    price: formatAvgPx(dec(l.price), 2),
    notional: formatMoney(dec(l.notional)),
    currentWeight: formatWeight(l.currentWeight, 1),
    targetWeight: formatWeight(l.targetWeight, 1),
    weightAfter: formatWeight(l.weightAfter, 1),
  }));
}

export interface BlockRow {
  key: string;
  symbol: string;
  side: 'buy' | 'sell';
  quantity: string;
  price: string;
  notional: string;
  accounts: number;
  /** After sending: the block order and what became of it. */
  orderId: string;
  status: string;
  filled: string;
  avgPx: string;
  text: string;
}

const STATUS_LABEL: Record<string, string> = {
  pendingNew: 'Pending',
  new: 'New',
  partiallyFilled: 'Partial',
  filled: 'Filled',
  canceled: 'Canceled',
  rejected: 'Rejected',
  expired: 'Expired',
  pendingCancel: 'Pending cancel',
};

/**
 * The blocks of a proposal, and once sent the order each became, followed
 * live from the order stream (the gateway's answer holds only the status at
 * placing).
 */
export function blockRows(p: RebalanceProposalWire, sent: readonly BlockOrderWire[] | null, orders: ReadonlyMap<string, OrderWire>): BlockRow[] {
  return p.blocks.map((b) => {
    const placed = sent?.find((o) => o.symbol === b.symbol && o.side === b.side);
    const live = placed ? orders.get(placed.orderId) : undefined;
    const status = live?.status ?? placed?.status ?? '';
    return {
      key: `${b.symbol}/${b.side}`,
      symbol: b.symbol,
      side: b.side,
      quantity: formatQty(dec(b.quantity)),
      price: formatAvgPx(dec(b.price), 2),
      notional: formatMoney(dec(b.notional)),
      accounts: b.accounts,
      orderId: placed?.orderId ?? '',
      status: STATUS_LABEL[status] ?? status,
      filled: live ? formatQty(dec(live.cumQty)) : '',
      avgPx: live && !dec(live.cumQty).isZero() ? formatAvgPx(dec(live.avgPx), 2) : '',
      text: live?.text || placed?.text || '',
    };
  });
}
