import { AgGridReact } from 'ag-grid-react';
import { useMemo, useRef } from 'react';
import { useSession } from '../app/sessionContext.ts';
import { useObservable } from '../app/useObservable.ts';
import { ExportCsvButton } from '../grid/ExportCsvButton.tsx';
import { AUTO_SIZE_GRID_MODULES, terminalGridTheme } from '../grid/gridSetup.ts';
import { NO_ORDERS, fillsNewestFirst } from '../streams/ordersState.ts';
import { fillColumns } from './orderColumns.ts';
import { type FillRow, fillRows } from './orderRow.ts';

export function ExecutionBlotter({ desk }: { desk: boolean }) {
  const session = useSession();
  const state = useObservable(session.orders$, NO_ORDERS);
  const rows = useMemo(() => fillRows(fillsNewestFirst(state), session.instrument), [state, session]);
  const columns = useMemo(() => fillColumns(desk), [desk]);
  const gridRef = useRef<AgGridReact<FillRow>>(null);
  return (
    <div className="blotter" data-testid="execution-blotter">
      <div className="blotter-bar">
        <span className="muted">{rows.length === 1 ? '1 fill' : `${rows.length} fills`}</span>
        <ExportCsvButton grid={() => gridRef.current?.api} name="executions" />
      </div>
      <div className="blotter-grid">
        <AgGridReact<FillRow>
          ref={gridRef}
          theme={terminalGridTheme}
          // Double-click on a column's edge fits it: a fill never changes, so only a new one is a row update.
          modules={AUTO_SIZE_GRID_MODULES}
          rowData={rows}
          columnDefs={columns}
          getRowId={(p) => p.data.execId}
          overlayNoRowsTemplate="No fills yet today"
        />
      </div>
    </div>
  );
}
