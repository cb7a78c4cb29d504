import type { ColDef } from 'ag-grid-community';
import { directionClass } from '../grid/cellStyles.ts';
import type { AccountRow, ClientRow, HoldingRow } from './clientRows.ts';

const right = { type: 'rightAligned', cellClass: 'num' } as const;

export const CLIENT_COLUMNS: ColDef<ClientRow>[] = [
  { field: 'name', headerName: 'Client', flex: 1, minWidth: 140, cellClass: 'strong' },
  { field: 'risk', headerName: 'Risk', width: 112 },
  { field: 'objective', headerName: 'Objective', width: 128 },
  { field: 'accounts', headerName: 'Accts', width: 56, ...right },
  { field: 'aum', headerName: 'AUM', width: 116, ...right },
  { field: 'unrealized', headerName: 'Unrl P&L', width: 100, type: 'rightAligned', cellClass: (p) => directionClass(p.data?.unrealizedDir) },
];

export const ACCOUNT_COLUMNS: ColDef<AccountRow>[] = [
  { field: 'accountId', headerName: 'Account', width: 110, cellClass: 'sym' },
  { field: 'name', headerName: 'Name', flex: 1, minWidth: 120 },
  { field: 'type', headerName: 'Type', width: 100 },
  { field: 'currency', headerName: 'Ccy', width: 60 },
  { field: 'cash', headerName: 'Cash', width: 120, ...right },
  { field: 'total', headerName: 'Total value', width: 130, ...right },
  { field: 'unrealized', headerName: 'Unrl P&L', width: 110, type: 'rightAligned', cellClass: (p) => directionClass(p.data?.unrealizedDir) },
];

export const HOLDING_COLUMNS: ColDef<HoldingRow>[] = [
  { field: 'account', headerName: 'Account', width: 110, cellClass: 'muted' },
  { field: 'symbol', headerName: 'Symbol', width: 72, cellClass: 'sym' },
  { field: 'name', headerName: 'Name', flex: 1, minWidth: 120, cellClass: 'muted' },
  { field: 'quantity', headerName: 'Qty', width: 80, ...right },
  { field: 'avgCost', headerName: 'Avg cost', width: 90, ...right },
  { field: 'last', headerName: 'Last', width: 84, type: 'rightAligned', cellClass: 'num' },
  { field: 'marketValue', headerName: 'Mkt value', width: 116, ...right },
  { field: 'unrealized', headerName: 'Unrl P&L', width: 106, type: 'rightAligned', cellClass: (p) => directionClass(p.data?.unrealizedDir) },
  { field: 'weight', headerName: 'Weight', width: 76, ...right },
];
