import type { ColDef } from 'ag-grid-community';
import { type OrderActions, OrderActionsCell } from './OrderActionsCell.tsx';
import { SIDE_LABEL } from '../core/order.ts';
import type { FillRow, OrderRow } from './orderRow.ts';

const STATUS_CLASS: Partial<Record<OrderRow['statusKey'], string>> = {
  filled: 'status filled',
  partiallyFilled: 'status partial',
  rejected: 'status rejected',
  canceled: 'status canceled',
  expired: 'status canceled',
  new: 'status working',
  pendingNew: 'status working',
  pendingCancel: 'status working',
  pendingReplace: 'status working',
};

const sideClass = (side: string | undefined): string => (side === 'buy' || side === undefined ? 'side-buy' : 'side-sell');
const sideText = (side: unknown): string => SIDE_LABEL[side as keyof typeof SIDE_LABEL] ?? String(side ?? '');
const num = (field: keyof OrderRow & string, headerName: string, width: number): ColDef<OrderRow> => ({ field, headerName, width, type: 'rightAligned', cellClass: 'num' });

export function orderColumns(options: { showTrader: boolean } & OrderActions): ColDef<OrderRow>[] {
  // Status comes right after the side: on a 1280 px laptop the blotter shows ~580 px left of the pinned actions,
  // and with Status after Stop (at 540 px) a trader read "Rejec", "Canc" and had to scroll to see how an order stood.
  const columns: ColDef<OrderRow>[] = [
    { field: 'time', headerName: 'Time', width: 72, cellClass: 'num muted' },
    { field: 'trader', headerName: 'Trader', width: 80, hide: !options.showTrader },
    { field: 'symbol', headerName: 'Symbol', width: 72, cellClass: 'sym' },
    { field: 'side', headerName: 'Side', width: 72, valueFormatter: (p) => sideText(p.value), cellClass: (p) => sideClass(p.data?.side) },
    {
      field: 'status',
      headerName: 'Status',
      width: 112,
      cellClass: (p) => STATUS_CLASS[p.data?.statusKey ?? 'new'] ?? 'status',
      // Why an order was rejected or canceled, on the status itself: the Text column is off the side at 1280.
      tooltipValueGetter: (p) => (p.data?.text ? `${p.data.status}: ${p.data.text}` : undefined),
    },
    { field: 'type', headerName: 'Type', width: 72 },
    num('quantity', 'Qty', 76),
    num('limit', 'Limit', 76),
    num('stop', 'Stop', 72),
    num('cumQty', 'Filled', 76),
    num('leavesQty', 'Leaves', 76),
    num('avgPx', 'Avg px', 90),
    // Wide enough for a GTD order's expiry: "GTD 11-25 16:30".
    { field: 'tif', headerName: 'TIF', width: 112 },
    { field: 'account', headerName: 'Account', width: 96 },
    { field: 'text', headerName: 'Text', flex: 1, minWidth: 120, cellClass: 'muted', tooltipField: 'text' },
    { field: 'orderId', headerName: 'Order ID', width: 120, cellClass: 'muted' },
  ];
  const actions: OrderActions = { onCancel: options.onCancel, onAmend: options.onAmend, onHistory: options.onHistory };
  columns.push({
    colId: 'actions',
    headerName: '',
    // Amend, Cancel and History take 165 px and the cell's padding 16.
    width: options.onCancel ? 188 : 80,
    pinned: 'right',
    sortable: false,
    cellRenderer: OrderActionsCell,
    cellRendererParams: actions,
  });
  return columns;
}

export function fillColumns(showTrader: boolean): ColDef<FillRow>[] {
  return [
    { field: 'time', headerName: 'Time', width: 78, cellClass: 'num muted' },
    { field: 'trader', headerName: 'Trader', width: 80, hide: !showTrader },
    { field: 'symbol', headerName: 'Symbol', width: 72, cellClass: 'sym' },
    { field: 'side', headerName: 'Side', width: 72, valueFormatter: (p) => sideText(p.value), cellClass: (p) => sideClass(p.data?.side) },
    { field: 'lastQty', headerName: 'Qty', width: 80, type: 'rightAligned', cellClass: 'num' },
    { field: 'lastPx', headerName: 'Price', width: 90, type: 'rightAligned', cellClass: 'num' },
    { field: 'orderStatus', headerName: 'Order status', width: 116 },
    { field: 'account', headerName: 'Account', width: 96 },
    { field: 'orderId', headerName: 'Order ID', width: 120, cellClass: 'muted' },
    { field: 'execId', headerName: 'Exec ID', flex: 1, minWidth: 120, cellClass: 'muted' },
  ];
}
