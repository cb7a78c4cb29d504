import { dec } from '../core/decimal.ts';
import type { DeskLevel } from '../core/protocol/desk.ts';
import { type Direction, formatAvgPx, formatMoney, formatQty, formatSigned, groupThousands } from '../format/numbers.ts';
import type { VisibleLine } from './rollupLines.ts';

/**
 * One grid row of the desk roll-up: the line's wire text as it came, with
 * its place in the tree. Formatting is the columns' (valueFormatter), so it
 * runs only for the cells on screen: the whole roll-up comes again a few
 * times a second, and a desk fully opened can hold thousands of lines.
 */
export interface RollupRow {
  id: string;
  level: DeskLevel;
  label: string;
  depth: number;
  hasChildren: boolean;
  expanded: boolean;
  positions: number;
  quantity: string | null;
  priceCurrency: string | null;
  averagePrice: string | null;
  mark: string | null;
  marketValue: string;
  grossExposure: string;
  netExposure: string;
  realized: string;
  unrealized: string;
  daily: string;
  fees: string;
  dailyNet: string;
}

/** A roll-up row's grid id: its line's. */
export const rollupRowId = (row: RollupRow): string => row.id;

export function rollupRow(v: VisibleLine): RollupRow {
  const l = v.line;
  return {
    id: l.id,
    level: l.level,
    label: l.label,
    depth: v.depth,
    hasChildren: v.hasChildren,
    expanded: v.expanded,
    positions: l.positions,
    quantity: l.quantity,
    priceCurrency: l.priceCurrency,
    averagePrice: l.averagePrice,
    mark: l.mark,
    marketValue: l.marketValue,
    grossExposure: l.grossExposure,
    netExposure: l.netExposure,
    realized: l.realized,
    unrealized: l.unrealized,
    daily: l.daily,
    fees: l.fees,
    dailyNet: l.dailyNet,
  };
}

/** Wire text already at two places or fewer ("-1234.5"): most sums are, and they need no Decimal to be shown. */
const SHAPED = /^(-?)(\d+)(?:\.(\d{1,2}))?$/;
const ZERO_TEXT = /^-?0*(\.0*)?$/;

/** Gain, loss or nothing, read from the wire text. */
export function directionOfWire(wire: string | null | undefined): Direction {
  if (!wire || ZERO_TEXT.test(wire)) return 'flat';
  return wire.startsWith('-') ? 'down' : 'up';
}

/**
 * A money figure at two places, signed ("+1,234.50") or not. Text already
 * in shape is grouped as text; anything else (more places) goes through
 * Decimal, rounding half-even like the rest of the terminal.
 */
export function formatMoneyWire(wire: string | null | undefined, signed: boolean): string {
  if (wire === null || wire === undefined) return '';
  const m = SHAPED.exec(wire);
  if (!m) {
    const d = dec(wire);
    return signed ? formatSigned(d, 2) : formatMoney(d);
  }
  const whole = (m[2] ?? '0').replace(/^0+(?=\d)/, '');
  const fraction = (m[3] ?? '').padEnd(2, '0');
  const direction = directionOfWire(wire);
  const text = groupThousands(`${direction === 'down' ? '-' : ''}${whole}.${fraction}`);
  return signed && direction === 'up' ? `+${text}` : text;
}

export function formatQtyWire(wire: string | null | undefined): string {
  return wire === null || wire === undefined ? '' : formatQty(dec(wire));
}

/** Prices keep their own decimals (at least two): an average of 189.995 is not 190.00. */
export function formatPriceWire(wire: string | null | undefined): string {
  return wire === null || wire === undefined ? '' : formatAvgPx(dec(wire), 2);
}

