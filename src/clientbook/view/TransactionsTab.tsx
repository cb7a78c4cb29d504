import { AgGridReact } from 'ag-grid-react';
import type { ColDef } from 'ag-grid-community';
import { useMemo } from 'react';
import { useSession } from '../../app/sessionContext.ts';
import type { ClientDetailWire } from '../../core/protocol/clientBook.ts';
import { directionClass } from '../../grid/cellStyles.ts';
import { ExportCsvButton } from '../../grid/ExportCsvButton.tsx';
import { terminalGridTheme } from '../../grid/gridSetup.ts';
import { useGridApi } from '../../grid/useGridApi.ts';
import { type TransactionRow, transactionRows } from './viewRows.ts';

const COLUMNS: ColDef<TransactionRow>[] = [
  { field: 'date', headerName: 'Date', width: 96 },
  { field: 'account', headerName: 'Account', width: 96, cellClass: 'muted' },
  { field: 'kind', headerName: 'Type', width: 92 },
  { field: 'symbol', headerName: 'Symbol', width: 72, cellClass: 'sym' },
  { field: 'quantity', headerName: 'Qty', width: 80, type: 'rightAligned', cellClass: 'num' },
  { field: 'price', headerName: 'Price', width: 90, type: 'rightAligned', cellClass: 'num' },
  { field: 'amount', headerName: 'Cash', width: 116, type: 'rightAligned', cellClass: (p) => directionClass(p.data?.amountDir) },
  { field: 'description', headerName: 'Description', flex: 1, minWidth: 160, cellClass: 'muted' },
];

/** Buys and sells from fills, deposits, withdrawals, dividends and fees, newest first. */
export function TransactionsTab({ detail }: { detail: ClientDetailWire }) {
  const session = useSession();
  const rows = useMemo(() => transactionRows(detail.transactions, (s) => session.instrument(s)), [detail, session]);
  const grid = useGridApi<TransactionRow>();
  return (
    <div className="transactions" data-testid="client-transactions">
      <div className="grid-tools">
        <ExportCsvButton grid={grid.api} name={`transactions-${detail.profile.clientId}`} testId="export-csv-transactions" />
      </div>
      <AgGridReact<TransactionRow> theme={terminalGridTheme} rowData={rows} columnDefs={COLUMNS} getRowId={(r) => r.data.txId} onGridReady={grid.onGridReady} />
    </div>
  );
}
