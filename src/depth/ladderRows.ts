import { dec } from '../core/decimal.ts';
import type { Instrument } from '../core/instrument.ts';
import type { DepthWire } from '../core/protocol.ts';
import { formatPrice } from '../format/instrumentFormat.ts';
import { formatQty } from '../format/numbers.ts';

/** One price level of the ladder, formatted; `price` stays wire text for the ticket. */
export interface LadderRow {
  readonly key: string;
  readonly side: 'bid' | 'ask';
  readonly price: string;
  readonly priceText: string;
  readonly sizeText: string;
  /** Size summed from the best level out to this one. */
  readonly cumulativeText: string;
  /** This level's size against the largest shown, 0..1: the width of its bar (drawing only). */
  readonly share: number;
  /** The best bid or the best ask. */
  readonly best: boolean;
}

/**
 * The book as a ladder: asks above (highest first, so the best ask sits just
 * over the spread), bids below (best first). Sizes are summed with decimals;
 * only the bar widths become floats.
 */
export function ladderRows(book: DepthWire, instrument: Pick<Instrument, 'tickSize'> | undefined, levels = 10): LadderRow[] {
  const asks = book.asks.slice(0, levels);
  const bids = book.bids.slice(0, levels);
  const largest = [...asks, ...bids].reduce((m, l) => (dec(l.size).gt(m) ? dec(l.size) : m), dec(0));
  const share = (size: string): number => (largest.isZero() ? 0 : dec(size).div(largest).toNumber());
  const side = (levelsOf: typeof asks, s: 'bid' | 'ask'): LadderRow[] => {
    let cumulative = dec(0);
    return levelsOf.map((l, i) => {
      cumulative = cumulative.plus(dec(l.size));
      return {
        key: `${s}-${l.price}`,
        side: s,
        price: l.price,
        priceText: formatPrice(l.price, instrument),
        sizeText: formatQty(dec(l.size)),
        cumulativeText: formatQty(cumulative),
        share: share(l.size),
        best: i === 0,
      };
    });
  };
  return [...side(asks, 'ask').reverse(), ...side(bids, 'bid')];
}

/** Best ask minus best bid, as text with the instrument's places; empty when a side is missing. */
export function spreadText(book: DepthWire, instrument: Pick<Instrument, 'tickSize'> | undefined): string {
  const bid = book.bids[0];
  const ask = book.asks[0];
  if (!bid || !ask) return '';
  return formatPrice(dec(ask.price).minus(dec(bid.price)), instrument);
}

/**
 * What a click on a level asks of the ticket, as the ticket's own bid/ask
 * buttons do: an ask is taken by buying at its price, a bid by selling.
 */
export function ladderIntent(symbol: string, row: Pick<LadderRow, 'side' | 'price'>): { symbol: string; side: 'buy' | 'sell'; price: string } {
  return { symbol, side: row.side === 'ask' ? 'buy' : 'sell', price: row.price };
}
