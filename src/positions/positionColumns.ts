import type { ColDef } from 'ag-grid-community';
import { directionClass } from '../grid/cellStyles.ts';
import { FlattenCell, type FlattenParams } from './FlattenCell.tsx';
import type { PositionRow } from './positionRow.ts';

/** A desk view adds the trader; a trader's own view adds the Flatten button. */
export function positionColumns(options: { showTrader: boolean; onFlatten?: FlattenParams['onFlatten'] }): ColDef<PositionRow>[] {
  const columns: ColDef<PositionRow>[] = [
    { field: 'trader', headerName: 'Trader', width: 80, hide: !options.showTrader },
    { field: 'account', headerName: 'Account', width: 84, cellClass: 'muted' },
    { field: 'symbol', headerName: 'Symbol', width: 64, cellClass: 'sym' },
    { field: 'quantity', headerName: 'Qty', width: 64, type: 'rightAligned', cellClass: (p) => directionClass(p.data?.quantityDir) },
    { field: 'avgCost', headerName: 'Avg cost', width: 78, type: 'rightAligned', cellClass: 'num' },
    { field: 'last', headerName: 'Last', width: 70, type: 'rightAligned', cellClass: 'num' },
    { field: 'currency', headerName: 'Ccy', width: 50, cellClass: 'muted', headerTooltip: 'The currency of the row’s money figures' },
    { field: 'marketValue', headerName: 'Mkt value', width: 94, type: 'rightAligned', cellClass: 'num' },
    { field: 'today', headerName: 'Today P&L', width: 90, type: 'rightAligned', headerTooltip: 'Today’s P&L against the start-of-day mark, before fees', cellClass: (p) => directionClass(p.data?.todayDir) },
    { field: 'unrealized', headerName: 'Unrl P&L', width: 84, type: 'rightAligned', cellClass: (p) => directionClass(p.data?.unrealizedDir) },
    { field: 'realized', headerName: 'Rlzd P&L', width: 80, type: 'rightAligned', cellClass: (p) => directionClass(p.data?.realizedDir) },
    { field: 'fees', headerName: 'Fees', width: 64, type: 'rightAligned', cellClass: 'num muted' },
  ];
  if (options.onFlatten) {
    columns.push({ colId: 'flatten', headerName: '', width: 78, pinned: 'right', sortable: false, cellRenderer: FlattenCell, cellRendererParams: { onFlatten: options.onFlatten } satisfies FlattenParams });
  }
  return columns;
}
