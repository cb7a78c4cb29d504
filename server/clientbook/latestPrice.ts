import { type Decimal, dec } from '../../src/core/decimal.ts';
import type { MarketDataSource } from '../marketdata/types.ts';

/** The price the book values a holding at: the last trade, else the mid, else the reference price. */
export function latestPriceOf(md: Pick<MarketDataSource, 'latest' | 'instruments'>): (symbol: string) => Decimal | undefined {
  return (symbol) => {
    const q = md.latest(symbol);
    if (q) {
      const last = dec(q.last);
      if (last.gt(0)) return last;
      const bid = dec(q.bid);
      const ask = dec(q.ask);
      if (bid.gt(0) && ask.gt(0)) return bid.plus(ask).div(2);
    }
    return md.instruments.get(symbol)?.referencePrice;
  };
}
