import { type Decimal, ZERO, dec, sum } from '../core/decimal.ts';
import type { ClientAccountWire, ClientDetailWire } from '../core/protocol/clientBook.ts';
import type { Marks } from '../streams/marks.ts';

/** A holding valued at the live price when one has come, else at the gateway's price. */
export interface LiveHolding {
  readonly key: string;
  readonly accountId: string;
  readonly symbol: string;
  readonly quantity: Decimal;
  readonly avgCost: Decimal;
  readonly price: Decimal;
  readonly live: boolean;
  /** In the client's reporting currency, as the gateway values it. */
  readonly marketValue: Decimal;
  readonly unrealized: Decimal;
  /** Share of the whole client (cash included). */
  readonly weight: Decimal;
  readonly targetWeight: Decimal;
  readonly assetClass: string;
  readonly sector: string;
  readonly region: string;
  readonly currency: string;
}

export interface LiveAccount {
  readonly account: ClientAccountWire;
  readonly cash: Decimal;
  readonly value: Decimal;
}

export interface LivePortfolio {
  readonly holdings: readonly LiveHolding[];
  readonly accounts: readonly LiveAccount[];
  readonly cash: Decimal;
  readonly aum: Decimal;
  readonly unrealized: Decimal;
  /** Holdings still at the gateway's price (no quote yet). */
  readonly stale: number;
}

/**
 * Revalues a client's holdings at the live marks. The gateway's market value
 * is already in the client's currency; scaling it by live ÷ gateway price
 * moves it with the market without the terminal redoing the conversion
 * (value is linear in price).
 */
export function livePortfolio(detail: ClientDetailWire, marks: Marks): LivePortfolio {
  const raw = detail.accounts.flatMap((a) =>
    a.holdings.map((h) => {
      const gatewayPrice = dec(h.price);
      const mark = marks.get(h.symbol);
      const price = mark ?? gatewayPrice;
      const gatewayValue = dec(h.marketValue);
      const marketValue = mark === undefined || gatewayPrice.isZero() ? gatewayValue : gatewayValue.times(mark).div(gatewayPrice);
      const avgCost = dec(h.avgCost);
      // Same scaling for the cost: the unrealized gain is in the value's currency.
      const unrealized = price.isZero() ? ZERO : marketValue.times(price.minus(avgCost)).div(price);
      return {
        key: `${a.accountId}/${h.symbol}`,
        accountId: a.accountId,
        symbol: h.symbol,
        quantity: dec(h.quantity),
        avgCost,
        price,
        live: mark !== undefined,
        marketValue,
        unrealized,
        targetWeight: dec(h.targetWeight),
        assetClass: h.assetClass,
        sector: h.sector,
        region: h.region,
        currency: h.currency,
      };
    }),
  );
  const accounts = detail.accounts.map((a) => {
    const cash = dec(a.cash);
    return { account: a, cash, value: cash.plus(sum(raw.filter((h) => h.accountId === a.accountId).map((h) => h.marketValue))) };
  });
  const cash = sum(accounts.map((a) => a.cash));
  const aum = sum(accounts.map((a) => a.value));
  return {
    holdings: raw.map((h) => ({ ...h, weight: aum.isZero() ? ZERO : h.marketValue.div(aum) })),
    accounts,
    cash,
    aum,
    unrealized: sum(raw.map((h) => h.unrealized)),
    stale: raw.filter((h) => !h.live).length,
  };
}
