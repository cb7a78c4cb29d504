import type { ColDef } from 'ag-grid-community';
import { directionClass } from '../grid/cellStyles.ts';
import type { RollupRow } from './rollupRow.ts';

const right = { type: 'rightAligned', cellClass: 'num' } as const;

export const ROLLUP_COLUMNS: ColDef<RollupRow>[] = [
  { field: 'trader', headerName: 'Trader', flex: 1, minWidth: 110, cellClass: 'strong' },
  { field: 'openPositions', headerName: 'Open', width: 70, ...right },
  { field: 'grossExposure', headerName: 'Gross exposure', width: 140, ...right },
  { field: 'netExposure', headerName: 'Net exposure', width: 140, ...right },
  { field: 'unrealized', headerName: 'Unrealized', width: 120, type: 'rightAligned', cellClass: (p) => directionClass(p.data?.unrealizedDir) },
  { field: 'realized', headerName: 'Realized', width: 120, type: 'rightAligned', cellClass: (p) => directionClass(p.data?.realizedDir) },
  { field: 'totalPnl', headerName: 'Total P&L', width: 130, type: 'rightAligned', cellClass: (p) => `strong ${directionClass(p.data?.totalDir)}` },
];
