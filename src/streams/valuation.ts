import { type Decimal, ZERO, dec, sum } from '../core/decimal.ts';
import { unrealizedAvgCost } from '../core/pnl/averageCost.ts';
import type { AccountWire, ClientWire, PositionWire } from '../core/protocol.ts';
import type { Marks } from './marks.ts';

/** A value that needs a live price: known once a mark has arrived. */
export type Marked<T> = { priced: true; value: T } | { priced: false };

export interface ValuedPosition {
  readonly position: PositionWire;
  readonly quantity: Decimal;
  readonly avgCost: Decimal;
  readonly realized: Decimal;
  readonly mark: Decimal | undefined;
  readonly marketValue: Marked<Decimal>;
  readonly unrealized: Marked<Decimal>;
}

export function valuePosition(position: PositionWire, marks: Marks): ValuedPosition {
  const quantity = dec(position.quantity);
  const avgCost = dec(position.avgCost);
  const realized = dec(position.realizedPnl);
  const multiplier = dec(position.multiplier);
  const mark = marks.get(position.symbol);
  // A flat position has nothing to mark: its value is known without a price.
  if (quantity.isZero()) {
    return { position, quantity, avgCost, realized, mark, marketValue: { priced: true, value: ZERO }, unrealized: { priced: true, value: ZERO } };
  }
  if (mark === undefined) return { position, quantity, avgCost, realized, mark, marketValue: { priced: false }, unrealized: { priced: false } };
  return {
    position,
    quantity,
    avgCost,
    realized,
    mark,
    marketValue: { priced: true, value: quantity.times(mark).times(multiplier) },
    unrealized: { priced: true, value: unrealizedAvgCost({ quantity, avgCost, realized }, mark, multiplier) },
  };
}

export interface TraderRollup {
  readonly trader: string;
  readonly openPositions: number;
  /** Σ |market value|: how much the trader has on, long and short alike. */
  readonly grossExposure: Decimal;
  readonly netExposure: Decimal;
  readonly unrealized: Decimal;
  readonly realized: Decimal;
  readonly totalPnl: Decimal;
  /** Open positions still waiting for a price; their exposure and P&L are not in the sums yet. */
  readonly unpriced: number;
}

export function rollupByTrader(positions: readonly ValuedPosition[]): TraderRollup[] {
  const byTrader = new Map<string, ValuedPosition[]>();
  for (const p of positions) {
    const list = byTrader.get(p.position.trader) ?? [];
    list.push(p);
    byTrader.set(p.position.trader, list);
  }
  return [...byTrader.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([trader, list]) => {
      const open = list.filter((p) => !p.quantity.isZero());
      const values = open.flatMap((p) => (p.marketValue.priced ? [p.marketValue.value] : []));
      const unrealized = sum(list.flatMap((p) => (p.unrealized.priced ? [p.unrealized.value] : [])));
      const realized = sum(list.map((p) => p.realized));
      return {
        trader,
        openPositions: open.length,
        grossExposure: sum(values.map((v) => v.abs())),
        netExposure: sum(values),
        unrealized,
        realized,
        totalPnl: unrealized.plus(realized),
        unpriced: open.filter((p) => !p.marketValue.priced).length,
      };
    });
}

export interface ValuedHolding {
  readonly symbol: string;
  readonly quantity: Decimal;
  readonly avgCost: Decimal;
  readonly mark: Decimal | undefined;
  readonly marketValue: Marked<Decimal>;
  readonly unrealized: Marked<Decimal>;
}

export interface ValuedAccount {
  readonly account: AccountWire;
  readonly cash: Decimal;
  readonly holdings: readonly ValuedHolding[];
  /** Cash plus every holding, a holding without a price yet counted at cost. */
  readonly total: Decimal;
  readonly unrealized: Decimal;
  readonly unpriced: number;
}

export type MultiplierOf = (symbol: string) => Decimal;

export function valueHolding(h: AccountWire['holdings'][number], marks: Marks, multiplierOf: MultiplierOf): ValuedHolding {
  const quantity = dec(h.quantity);
  const avgCost = dec(h.avgCost);
  const mark = marks.get(h.symbol);
  if (mark === undefined) return { symbol: h.symbol, quantity, avgCost, mark, marketValue: { priced: false }, unrealized: { priced: false } };
  const multiplier = multiplierOf(h.symbol);
  return {
    symbol: h.symbol,
    quantity,
    avgCost,
    mark,
    marketValue: { priced: true, value: quantity.times(mark).times(multiplier) },
    unrealized: { priced: true, value: unrealizedAvgCost({ quantity, avgCost, realized: ZERO }, mark, multiplier) },
  };
}

export function valueAccount(account: AccountWire, marks: Marks, multiplierOf: MultiplierOf): ValuedAccount {
  const cash = dec(account.cash);
  const holdings = account.holdings.map((h) => valueHolding(h, marks, multiplierOf));
  const holdingsValue = sum(holdings.map((h) => (h.marketValue.priced ? h.marketValue.value : h.quantity.times(h.avgCost).times(multiplierOf(h.symbol)))));
  return {
    account,
    cash,
    holdings,
    total: cash.plus(holdingsValue),
    unrealized: sum(holdings.flatMap((h) => (h.unrealized.priced ? [h.unrealized.value] : []))),
    unpriced: holdings.filter((h) => !h.marketValue.priced).length,
  };
}

export interface ValuedClient {
  readonly client: ClientWire;
  readonly accounts: readonly ValuedAccount[];
  /** Assets under management: every account's cash and holdings. */
  readonly aum: Decimal;
  readonly unrealized: Decimal;
  readonly unpriced: number;
}

export function valueClient(client: ClientWire, marks: Marks, multiplierOf: MultiplierOf): ValuedClient {
  const accounts = client.accounts.map((a) => valueAccount(a, marks, multiplierOf));
  return {
    client,
    accounts,
    aum: sum(accounts.map((a) => a.total)),
    unrealized: sum(accounts.map((a) => a.unrealized)),
    unpriced: accounts.reduce((n, a) => n + a.unpriced, 0),
  };
}

export function symbolsHeld(clients: readonly ClientWire[]): Set<string> {
  return new Set(clients.flatMap((c) => c.accounts.flatMap((a) => a.holdings.map((h) => h.symbol))));
}
