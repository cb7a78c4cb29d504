import { dec } from '../core/decimal.ts';
import type { Instrument } from '../core/instrument.ts';
import type { PositionWire } from '../core/protocol.ts';
import { formatPrice } from '../format/instrumentFormat.ts';
import { type Direction, directionOf, formatAvgPx, formatMoney, formatQty, formatSigned } from '../format/numbers.ts';
import { pricePlaces } from '../format/instrumentFormat.ts';
import { positionKey } from '../streams/positionsState.ts';
import type { ValuedPosition } from '../streams/valuation.ts';
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
