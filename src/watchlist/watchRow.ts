import { dec } from '../core/decimal.ts';
import type { Instrument } from '../core/instrument.ts';
import type { QuoteWire } from '../core/protocol.ts';
import { formatPrice, pricePlaces } from '../format/instrumentFormat.ts';
import { type Direction, directionOf, formatQty, formatSigned } from '../format/numbers.ts';

/** One watchlist line, already formatted: the grid compares these strings to decide what flashes. */
export interface WatchRow {
  symbol: string;
  name: string;
  bid: string;
  ask: string;
  last: string;
  change: string;
  changePct: string;
  volume: string;
  bidTick: Direction;
  askTick: Direction;
  lastTick: Direction;
  changeDir: Direction;
  /** Apart from changeDir: a change too small to show in the percentage reads as none. */
  changePctDir: Direction;
  /** The quote is older than the stale threshold, or the terminal is offline: shown greyed, not as a live price. */
  stale: boolean;
}

export function emptyWatchRow(symbol: string, instrument: Instrument | undefined): WatchRow {
  return {
    symbol,
    name: instrument?.name ?? '',
    bid: '',
    ask: '',
    last: '',
    change: '',
    changePct: '',
    volume: '',
    bidTick: 'flat',
    askTick: 'flat',
    lastTick: 'flat',
    changeDir: 'flat',
    changePctDir: 'flat',
    stale: false,
  };
}

function tick(now: string, before: string | undefined): Direction {
  // Most fields of most updates did not move: equal text needs no decimal arithmetic.
  if (before === undefined || now === before) return 'flat';
  return directionOf(dec(now).minus(dec(before)));
}

/** The row for a quote; the previous quote of the symbol tells which way each price ticked. */
export function watchRow(instrument: Instrument | undefined, q: QuoteWire, previous: QuoteWire | undefined, stale = false): WatchRow {
  const change = dec(q.change);
  const changePct = dec(q.changePct);
  return {
    symbol: q.symbol,
    name: instrument?.name ?? '',
    bid: formatPrice(q.bid, instrument),
    ask: formatPrice(q.ask, instrument),
    last: formatPrice(q.last, instrument),
    change: formatSigned(change, pricePlaces(instrument)),
    changePct: `${formatSigned(changePct, 2)}%`,
    volume: formatQty(dec(q.volume)),
    bidTick: tick(q.bid, previous?.bid),
    askTick: tick(q.ask, previous?.ask),
    lastTick: tick(q.last, previous?.last),
    changeDir: directionOf(change),
    changePctDir: directionOf(changePct),
    stale,
  };
}

/** The first symbols of the catalog, in the gateway's order: a sensible list before the user edits it. */
export function defaultWatchlist(instruments: readonly Instrument[], size = 20): string[] {
  return instruments.slice(0, size).map((i) => i.symbol);
}
