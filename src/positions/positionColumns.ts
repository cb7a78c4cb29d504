import type { ColDef } from 'ag-grid-community';
import { directionClass } from '../grid/cellStyles.ts';
import { FlattenCell, type FlattenParams } from './FlattenCell.tsx';
import type { PositionRow } from './positionRow.ts';

/**
 * A desk view adds the trader; a trader's own view adds the Flatten button.
 * The panel is narrow, so the symbol stays pinned on the left, the book and
 * P&L come right after it, and the rest scrolls sideways.
 */
export function positionColumns(options: { showTrader: boolean; onFlatten?: FlattenParams['onFlatten'] }): ColDef<PositionRow>[] {
  const columns: ColDef<PositionRow>[] = [
    { field: 'trader', headerName: 'Trader', width: 76, hide: !options.showTrader, pinned: 'left' },
    { field: 'symbol', headerName: 'Symbol', width: 72, cellClass: 'sym', pinned: 'left' },
    { field: 'account', headerName: 'Account', width: 72, cellClass: 'muted' },
    { field: 'quantity', headerName: 'Qty', width: 66, type: 'rightAligned', cellClass: (p) => directionClass(p.data?.quantityDir) },
    { field: 'currency', headerName: 'Ccy', width: 46, cellClass: 'muted', headerTooltip: 'The currency of the row’s money figures' },
    { field: 'today', headerName: 'Today', width: 82, type: 'rightAligned', headerTooltip: 'Today’s P&L against the start-of-day mark, before fees', cellClass: (p) => directionClass(p.data?.todayDir) },
    { field: 'unrealized', headerName: 'Unrl P&L', width: 84, type: 'rightAligned', cellClass: (p) => directionClass(p.data?.unrealizedDir) },
    { field: 'realized', headerName: 'Rlzd P&L', width: 80, type: 'rightAligned', cellClass: (p) => directionClass(p.data?.realizedDir) },
    { field: 'avgCost', headerName: 'Avg cost', width: 76, type: 'rightAligned', cellClass: 'num' },
    { field: 'last', headerName: 'Last', width: 70, type: 'rightAligned', cellClass: 'num' },
    { field: 'marketValue', headerName: 'Mkt value', width: 96, type: 'rightAligned', cellClass: 'num' },
    { field: 'fees', headerName: 'Fees', width: 62, type: 'rightAligned', cellClass: 'num muted', headerTooltip: 'Fees paid since the position opened' },
  ];
  if (options.onFlatten) {
    columns.push({ colId: 'flatten', headerName: '', width: 72, pinned: 'right', sortable: false, cellRenderer: FlattenCell, cellRendererParams: { onFlatten: options.onFlatten } satisfies FlattenParams });
  }
  return columns;
}
