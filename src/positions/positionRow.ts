import type { Instrument } from '../core/instrument.ts';
import { formatPrice } from '../format/instrumentFormat.ts';
import { type Direction, directionOf, formatAvgPx, formatMoney, formatQty, formatSigned } from '../format/numbers.ts';
import { pricePlaces } from '../format/instrumentFormat.ts';
import { positionKey } from '../streams/positionsState.ts';
import type { ValuedPosition } from '../streams/valuation.ts';

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
}

const PENDING = '…';

export function positionRow(v: ValuedPosition, instrument: Instrument | undefined): PositionRow {
  const flat = v.quantity.isZero();
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
  };
}
