import { dec } from '../core/decimal.ts';
import type { DeskLevel } from '../core/protocol/desk.ts';
import { type Direction, directionOf, formatAvgPx, formatMoney, formatQty, formatSigned } from '../format/numbers.ts';
import type { VisibleLine } from './rollupLines.ts';

/** One grid row of the desk roll-up: text ready to show, with the colour each P&L takes. */
export interface RollupRow {
  id: string;
  level: DeskLevel;
  label: string;
  depth: number;
  hasChildren: boolean;
  expanded: boolean;
  positions: string;
  quantity: string;
  quantityDir: Direction;
  priceCurrency: string;
  averagePrice: string;
  mark: string;
  marketValue: string;
  grossExposure: string;
  netExposure: string;
  realized: string;
  realizedDir: Direction;
  unrealized: string;
  unrealizedDir: Direction;
  daily: string;
  dailyDir: Direction;
  fees: string;
  dailyNet: string;
  dailyNetDir: Direction;
}

const signed = (wire: string): [string, Direction] => {
  const d = dec(wire);
  return [formatSigned(d, 2), directionOf(d)];
};

/** Prices keep their own decimals (at least two): an average of 189.995 is not 190.00. */
const price = (wire: string | null): string => (wire === null ? '' : formatAvgPx(dec(wire), 2));

export function rollupRow(v: VisibleLine): RollupRow {
  const l = v.line;
  const [realized, realizedDir] = signed(l.realized);
  const [unrealized, unrealizedDir] = signed(l.unrealized);
  const [daily, dailyDir] = signed(l.daily);
  const [dailyNet, dailyNetDir] = signed(l.dailyNet);
  const quantity = l.quantity === null ? null : dec(l.quantity);
  return {
    id: l.id,
    level: l.level,
    label: l.label,
    depth: v.depth,
    hasChildren: v.hasChildren,
    expanded: v.expanded,
    positions: String(l.positions),
    quantity: quantity === null ? '' : formatQty(quantity),
    quantityDir: quantity === null ? 'flat' : directionOf(quantity),
    priceCurrency: l.priceCurrency ?? '',
    averagePrice: price(l.averagePrice),
    mark: price(l.mark),
    marketValue: formatSigned(dec(l.marketValue), 2),
    grossExposure: formatMoney(dec(l.grossExposure)),
    netExposure: formatSigned(dec(l.netExposure), 2),
    realized,
    realizedDir,
    unrealized,
    unrealizedDir,
    daily,
    dailyDir,
    fees: formatMoney(dec(l.fees)),
    dailyNet,
    dailyNetDir,
  };
}
