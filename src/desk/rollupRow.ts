import { sum } from '../core/decimal.ts';
import { type Direction, directionOf, formatMoney, formatSigned } from '../format/numbers.ts';
import type { TraderRollup } from '../streams/valuation.ts';

export interface RollupRow {
  trader: string;
  openPositions: string;
  grossExposure: string;
  netExposure: string;
  unrealized: string;
  unrealizedDir: Direction;
  realized: string;
  realizedDir: Direction;
  totalPnl: string;
  totalDir: Direction;
  unpriced: number;
}

function row(trader: string, r: Omit<TraderRollup, 'trader'>): RollupRow {
  return {
    trader,
    openPositions: String(r.openPositions),
    grossExposure: formatMoney(r.grossExposure),
    netExposure: formatSigned(r.netExposure, 2),
    unrealized: formatSigned(r.unrealized, 2),
    unrealizedDir: directionOf(r.unrealized),
    realized: formatSigned(r.realized, 2),
    realizedDir: directionOf(r.realized),
    totalPnl: formatSigned(r.totalPnl, 2),
    totalDir: directionOf(r.totalPnl),
    unpriced: r.unpriced,
  };
}

export function rollupRow(r: TraderRollup): RollupRow {
  return row(r.trader, r);
}

/** The desk as one line under the traders: every figure is the exact sum of theirs. */
export function deskTotalRow(rollups: readonly TraderRollup[]): RollupRow {
  return row('Desk total', {
    openPositions: rollups.reduce((n, r) => n + r.openPositions, 0),
    grossExposure: sum(rollups.map((r) => r.grossExposure)),
    netExposure: sum(rollups.map((r) => r.netExposure)),
    unrealized: sum(rollups.map((r) => r.unrealized)),
    realized: sum(rollups.map((r) => r.realized)),
    totalPnl: sum(rollups.map((r) => r.totalPnl)),
    unpriced: rollups.reduce((n, r) => n + r.unpriced, 0),
  });
}
