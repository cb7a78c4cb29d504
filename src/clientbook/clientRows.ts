import type { Decimal } from '../core/decimal.ts';
import type { Instrument } from '../core/instrument.ts';
import { formatPrice, pricePlaces } from '../format/instrumentFormat.ts';
import { type Direction, directionOf, formatAvgPx, formatFixed, formatMoney, formatQty, formatSigned } from '../format/numbers.ts';
import type { ValuedAccount, ValuedClient } from '../streams/valuation.ts';

const RISK_LABEL: Record<number, string> = { 1: 'Conservative', 2: 'Cautious', 3: 'Balanced', 4: 'Growth', 5: 'Aggressive' };
const PENDING = '…';

export interface ClientRow {
  clientId: string;
  name: string;
  risk: string;
  objective: string;
  accounts: number;
  aum: string;
  unrealized: string;
  unrealizedDir: Direction;
}

export function clientRow(v: ValuedClient): ClientRow {
  return {
    clientId: v.client.clientId,
    name: v.client.name,
    risk: `${v.client.riskTolerance} · ${RISK_LABEL[v.client.riskTolerance] ?? ''}`,
    objective: v.client.objective,
    accounts: v.client.accounts.length,
    aum: formatMoney(v.aum),
    unrealized: formatSigned(v.unrealized, 2),
    unrealizedDir: directionOf(v.unrealized),
  };
}

export interface HoldingRow {
  key: string;
  account: string;
  symbol: string;
  name: string;
  quantity: string;
  avgCost: string;
  last: string;
  marketValue: string;
  unrealized: string;
  unrealizedDir: Direction;
  weight: string;
}

/** Every holding of a client, with its share of the client's assets. */
export function holdingRows(v: ValuedClient, instrument: (symbol: string) => Instrument | undefined): HoldingRow[] {
  return v.accounts.flatMap((a) =>
    a.holdings.map((h) => {
      const ins = instrument(h.symbol);
      return {
        key: `${a.account.accountId}/${h.symbol}`,
        account: a.account.accountId,
        symbol: h.symbol,
        name: ins?.name ?? '',
        quantity: formatQty(h.quantity),
        avgCost: formatAvgPx(h.avgCost, pricePlaces(ins)),
        last: h.mark ? formatPrice(h.mark, ins) : PENDING,
        marketValue: h.marketValue.priced ? formatMoney(h.marketValue.value) : PENDING,
        unrealized: h.unrealized.priced ? formatSigned(h.unrealized.value, 2) : PENDING,
        unrealizedDir: h.unrealized.priced ? directionOf(h.unrealized.value) : 'flat',
        weight: h.marketValue.priced ? `${weightOf(h.marketValue.value, v.aum)}%` : PENDING,
      };
    }),
  );
}

function weightOf(value: Decimal, total: Decimal): string {
  return total.isZero() ? '0.00' : formatFixed(value.div(total).times(100), 2);
}

export interface AccountRow {
  accountId: string;
  name: string;
  type: string;
  currency: string;
  cash: string;
  total: string;
  unrealized: string;
  unrealizedDir: Direction;
}

export function accountRow(a: ValuedAccount): AccountRow {
  return {
    accountId: a.account.accountId,
    name: a.account.name,
    type: a.account.type,
    currency: a.account.currency,
    cash: formatMoney(a.cash),
    total: formatMoney(a.total),
    unrealized: formatSigned(a.unrealized, 2),
    unrealizedDir: directionOf(a.unrealized),
  };
}
