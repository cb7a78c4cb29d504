import type { ColDef } from 'ag-grid-community';
import { directionClass } from '../grid/cellStyles.ts';
import type { PositionRow } from './positionRow.ts';

export function positionColumns(showTrader: boolean): ColDef<PositionRow>[] {
  return [
    { field: 'trader', headerName: 'Trader', width: 80, hide: !showTrader },
    { field: 'account', headerName: 'Account', width: 84, cellClass: 'muted' },
    { field: 'symbol', headerName: 'Symbol', width: 64, cellClass: 'sym' },
    { field: 'quantity', headerName: 'Qty', width: 64, type: 'rightAligned', cellClass: (p) => directionClass(p.data?.quantityDir) },
    { field: 'avgCost', headerName: 'Avg cost', width: 78, type: 'rightAligned', cellClass: 'num' },
    { field: 'last', headerName: 'Last', width: 70, type: 'rightAligned', cellClass: 'num' },
    { field: 'marketValue', headerName: 'Mkt value', width: 94, type: 'rightAligned', cellClass: 'num' },
    { field: 'unrealized', headerName: 'Unrl P&L', width: 84, type: 'rightAligned', cellClass: (p) => directionClass(p.data?.unrealizedDir) },
    { field: 'realized', headerName: 'Rlzd P&L', width: 80, type: 'rightAligned', cellClass: (p) => directionClass(p.data?.realizedDir) },
  ];
}
