import type { Instrument } from '../core/instrument.ts';
import type { QuoteWire } from '../core/protocol.ts';
import { pricePlaces } from '../format/instrumentFormat.ts';
import type { Direction } from '../format/numbers.ts';
import { directionOfText, fixedText, qtyText, signedText, tickDirection } from './wireText.ts';

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

/** The row for a quote; the previous quote of the symbol tells which way each price ticked. */
export function watchRow(instrument: Instrument | undefined, q: QuoteWire, previous: QuoteWire | undefined, stale = false): WatchRow {
  // Runs for every update of every listed symbol: the text helpers skip Decimal when the wire text is already in shape.
  const places = pricePlaces(instrument);
  return {
    symbol: q.symbol,
    name: instrument?.name ?? '',
    bid: fixedText(q.bid, places),
    ask: fixedText(q.ask, places),
    last: fixedText(q.last, places),
    change: signedText(q.change, places),
    changePct: `${signedText(q.changePct, 2)}%`,
    volume: qtyText(q.volume),
    bidTick: tickDirection(q.bid, previous?.bid),
    askTick: tickDirection(q.ask, previous?.ask),
    lastTick: tickDirection(q.last, previous?.last),
    changeDir: directionOfText(q.change),
    changePctDir: directionOfText(q.changePct),
    stale,
  };
}

/** The first symbols of the catalog, in the gateway's order: a sensible list before the user edits it. */
export function defaultWatchlist(instruments: readonly Instrument[], size = 20): string[] {
  return instruments.slice(0, size).map((i) => i.symbol);
}
