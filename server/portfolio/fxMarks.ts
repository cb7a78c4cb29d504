import { Decimal } from '../../src/core/decimal.ts';
import type { Instrument } from '../../src/core/instrument.ts';
import type { FxRates } from '../../src/core/pnl/fx.ts';
import type { QuoteWire } from '../../src/core/protocol.ts';

/** The price a position is marked at: the last trade, or the mid when nothing has traded. */
export function markOf(q: Pick<QuoteWire, 'last' | 'bid' | 'ask'>): Decimal | undefined {
  const last = new Decimal(q.last);
  if (last.gt(0)) return last;
  const bid = new Decimal(q.bid);
  const ask = new Decimal(q.ask);
  if (bid.gt(0) && ask.gt(0)) return bid.plus(ask).div(2);
  return undefined;
}

/**
 * Rates to the base currency from the simulated FX pairs: EURUSD quotes EUR in
 * USD directly; USDJPY is inverted (1 ÷ mid, 40 significant digits: ample for
 * a conversion that is rounded to cents when shown). A currency with neither
 * pair has no rate, and the caller says so instead of guessing.
 */
export function fxRatesFromQuotes(base: string, fxPairs: readonly Instrument[], latest: (symbol: string) => QuoteWire | undefined): FxRates {
  const perUnit = new Map<string, Decimal>();
  for (const pair of fxPairs) {
    if (pair.assetClass !== 'fx' || pair.symbol.length !== 6) continue;
    const q = latest(pair.symbol);
    if (!q) continue;
    const bid = new Decimal(q.bid);
    const ask = new Decimal(q.ask);
    const mid = bid.gt(0) && ask.gt(0) ? bid.plus(ask).div(2) : new Decimal(q.last);
    if (!mid.gt(0)) continue;
    const baseCcy = pair.symbol.slice(0, 3);
    const quoteCcy = pair.symbol.slice(3);
    if (quoteCcy === base && !perUnit.has(baseCcy)) perUnit.set(baseCcy, mid);
    else if (baseCcy === base && !perUnit.has(quoteCcy)) perUnit.set(quoteCcy, new Decimal(1).div(mid));
  }
  return { base, perUnit };
}
