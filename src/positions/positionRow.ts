import { dec } from '../core/decimal.ts';
import type { Instrument } from '../core/instrument.ts';
import type { PositionWire } from '../core/protocol.ts';
import { formatPrice } from '../format/instrumentFormat.ts';
import { type Direction, directionOf, formatAvgPx, formatMoney, formatQty, formatSigned } from '../format/numbers.ts';
import { pricePlaces } from '../format/instrumentFormat.ts';
import { positionKey } from '../streams/positionsState.ts';
import type { ValuedPosition } from '../streams/valuation.ts';
import { rowMemo } from '../blotters/rowMemo.ts';
import { todayPnl } from './todayPnl.ts';

export interface PositionRow {
  key: string;
  trader: string;
  account: string;
  symbol: string;
  quantity: string;
  avgCost: string;
  last: string;
  marketValue: string;
  unrealized: string;
  unrealizedDir: Direction;
  realized: string;
  realizedDir: Direction;
  quantityDir: Direction;
  /** The currency every money figure of the row is in. */
  currency: string;
  /** Today's P&L before fees, against the start-of-day mark. */
  today: string;
  todayDir: Direction;
  fees: string;
  /** Nothing to flatten. */
  flat: boolean;
  position: PositionWire;
}

const PENDING = '…';

export function positionRow(v: ValuedPosition, instrument: Instrument | undefined): PositionRow {
  const flat = v.quantity.isZero();
  const today = todayPnl(v.position, v.mark);
  return {
    key: positionKey(v.position),
    trader: v.position.trader,
    account: v.position.account,
    symbol: v.position.symbol,
    quantity: formatQty(v.quantity),
    avgCost: flat ? '' : formatAvgPx(v.avgCost, pricePlaces(instrument)),
    last: v.mark ? formatPrice(v.mark, instrument) : PENDING,
    marketValue: v.marketValue.priced ? formatMoney(v.marketValue.value) : PENDING,
    unrealized: v.unrealized.priced ? formatSigned(v.unrealized.value, 2) : PENDING,
    unrealizedDir: v.unrealized.priced ? directionOf(v.unrealized.value) : 'flat',
    realized: formatSigned(v.realized, 2),
    realizedDir: directionOf(v.realized),
    quantityDir: directionOf(v.quantity),
    currency: v.position.currency,
    today: today.priced ? formatSigned(today.value, 2) : PENDING,
    todayDir: today.priced ? directionOf(today.value) : 'flat',
    fees: formatMoney(dec(v.position.fees ?? '0')),
    flat,
    position: v.position,
  };
}

/** What a position's row reads besides the position: its valuation (at the mark) and its instrument. */
interface PositionInputs {
  readonly valued: ValuedPosition;
  readonly instrument: Instrument | undefined;
}

/** Every figure of a valued position follows from its position and its mark (the multiplier is the position's). */
function sameMarkAndInstrument(a: PositionInputs, b: PositionInputs): boolean {
  if (a.instrument !== b.instrument) return false;
  const x = a.valued.mark;
  const y = b.valued.mark;
  return x === y || (x !== undefined && y !== undefined && x.eq(y));
}

/*
 * The positions stream replaces a position's object only when the gateway
 * sends that position again, but values every position afresh on each mark:
 * a row is kept while its position, mark and instrument are the same, so a
 * fill reaches the grid as its own position's row, a price as the rows of
 * that symbol.
 */
const positionRowOf = rowMemo((_: PositionWire, inputs: PositionInputs) => positionRow(inputs.valued, inputs.instrument), sameMarkAndInstrument);

/** The grid's rows by symbol then account: a position whose figures did not move keeps its row object. */
export function positionRows(valued: readonly ValuedPosition[], instrumentOf: (symbol: string) => Instrument | undefined): PositionRow[] {
  return valued
    .map((v) => positionRowOf(v.position, { valued: v, instrument: instrumentOf(v.position.symbol) }))
    .sort((a, b) => a.symbol.localeCompare(b.symbol) || a.account.localeCompare(b.account));
}
