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

/** What a mark or a rate was computed from, and the answer: a quote that reads the same gives the same answer. */
interface QuoteMemo {
  last: string;
  bid: string;
  ask: string;
  value: Decimal | undefined;
}

const sameQuote = (m: QuoteMemo, q: Pick<QuoteWire, 'last' | 'bid' | 'ask'>) => m.last === q.last && m.bid === q.bid && m.ask === q.ask;

/**
 * markOf with each symbol's last answer kept: re-valuing the book asks the
 * mark of every position's symbol, and most have not moved since the last
 * time. Keyed by the quote's texts, not the quote object, so a quote updated
 * in place is seen as new all the same.
 */
export function createMarkMemo(): (q: QuoteWire) => Decimal | undefined {
  const memo = new Map<string, QuoteMemo>();
  return (q) => {
    const m = memo.get(q.symbol);
    if (m !== undefined && sameQuote(m, q)) return m.value;
    const value = markOf(q);
    if (m === undefined) memo.set(q.symbol, { last: q.last, bid: q.bid, ask: q.ask, value });
    else {
      m.last = q.last;
      m.bid = q.bid;
      m.ask = q.ask;
      m.value = value;
    }
    return value;
  };
}

/** One FX pair's contribution to the rates: the currency it prices in base, and that rate. */
interface PairRate {
  readonly currency: string;
  readonly rate: Decimal;
}

/**
 * fxRatesFromQuotes with each pair's rate kept while its quote reads the
 * same, and the very same FxRates object returned while no pair changed: the
 * desk roll-up asks for the rates on every pass, and a parse and a division
 * per pair per pass added up. Same rates, to the digit (the pair loop below is
 * fxRatesFromQuotes's, fed from the memo).
 */
export function createFxRatesMemo(base: string, fxPairs: readonly Instrument[], latest: (symbol: string) => QuoteWire | undefined): () => FxRates {
  const pairs = fxPairs.filter((pair) => pair.assetClass === 'fx' && pair.symbol.length === 6);
  const memos: (QuoteMemo & { pair: PairRate | undefined })[] = [];
  const seen: (PairRate | undefined)[] = pairs.map(() => undefined);
  let rates: FxRates = { base, perUnit: new Map() };
  let fresh = false;
  const pairRate = (k: number, q: QuoteWire): PairRate | undefined => {
    const m = memos[k];
    if (m !== undefined && sameQuote(m, q)) return m.pair;
    const pair = pairs[k]!;
    const bid = new Decimal(q.bid);
    const ask = new Decimal(q.ask);
    const mid = bid.gt(0) && ask.gt(0) ? bid.plus(ask).div(2) : new Decimal(q.last);
    let value: PairRate | undefined;
    if (mid.gt(0)) {
      const baseCcy = pair.symbol.slice(0, 3);
      const quoteCcy = pair.symbol.slice(3);
      if (quoteCcy === base) value = { currency: baseCcy, rate: mid };
      else if (baseCcy === base) value = { currency: quoteCcy, rate: new Decimal(1).div(mid) };
    }
    memos[k] = { last: q.last, bid: q.bid, ask: q.ask, value: undefined, pair: value };
    return value;
  };
  return () => {
    let changed = !fresh;
    for (let k = 0; k < pairs.length; k++) {
      const q = latest(pairs[k]!.symbol);
      const r = q === undefined ? undefined : pairRate(k, q);
      if (r !== seen[k]) {
        seen[k] = r;
        changed = true;
      }
    }
    if (!changed) return rates;
    // The first pair to price a currency wins, as in fxRatesFromQuotes.
    const perUnit = new Map<string, Decimal>();
    for (const r of seen) if (r !== undefined && !perUnit.has(r.currency)) perUnit.set(r.currency, r.rate);
    rates = { base, perUnit };
    fresh = true;
    return rates;
  };
}
