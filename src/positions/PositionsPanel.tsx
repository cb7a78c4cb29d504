import type { GridApi } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useMemo, useRef } from 'react';
import { useSession } from '../app/sessionContext.ts';
import { useObservable } from '../app/useObservable.ts';
import { formatMoney } from '../format/numbers.ts';
import { ExportCsvButton } from '../grid/ExportCsvButton.tsx';
import { AUTO_SIZE_GRID_MODULES, terminalGridTheme } from '../grid/gridSetup.ts';
import type { ValuedPosition } from '../streams/valuation.ts';
import { useFlatten } from './FlattenFlow.tsx';
import { PnlFigure } from './PnlFigure.tsx';
import { positionColumns } from './positionColumns.ts';
import { useSameRows } from '../blotters/useStableRows.ts';
import { type PositionRow, positionRows } from './positionRow.ts';
import { totalsByCurrency } from './todayPnl.ts';

const NONE: ValuedPosition[] = [];

/** The trader's positions marked to the live last price. */
export function PositionsPanel() {
  const session = useSession();
  const valued = useObservable(session.valuedPositions$, NONE);
  // Valued afresh on every mark: a position whose figures did not move keeps its row, and a mark no row shows changes nothing.
  const rows = useSameRows(useMemo(() => positionRows(valued, session.instrument), [valued, session]));
  const flatten = useFlatten();
  const startFlatten = useRef(flatten.start);
  startFlatten.current = flatten.start;
  const columns = useMemo(() => positionColumns({ showTrader: false, onFlatten: (row) => startFlatten.current(row) }), []);
  // One set of figures per currency: dollars and euros are not added without a rate.
  const totals = useMemo(() => totalsByCurrency(valued), [valued]);
  const api = useRef<GridApi<PositionRow> | null>(null);

  return (
    <section className="panel positions" data-testid="positions">
      <div className="panel-head">
        <h2>Positions</h2>
        <ExportCsvButton grid={() => api.current} name="positions" />
      </div>
      <div className="currency-strip" data-testid="positions-figures">
        {totals.map((t) => (
          <span key={t.currency} className="currency-figures" data-currency={t.currency}>
            <span className="ccy">{t.currency}</span>
            <PnlFigure label="Today" value={t.today} testId={`positions-today-${t.currency}`} />
            <PnlFigure label="Unrl" value={t.unrealized} testId={`positions-unrealized-${t.currency}`} />
            <PnlFigure label="Rlzd" value={t.realized} testId={`positions-realized-${t.currency}`} />
            <span className="figure">
              <span className="muted">Fees</span> <strong className="num">{formatMoney(t.fees)}</strong>
            </span>
          </span>
        ))}
        {totals.length === 0 && <span className="muted">No positions yet</span>}
      </div>
      {flatten.view}
      <div className="panel-body">
        <AgGridReact<PositionRow>
          theme={terminalGridTheme}
          rowData={rows}
          columnDefs={columns}
          getRowId={(p) => p.data.key}
          // Double-click on a column's edge fits it. Its timers are per changed row: a fill's position, a moved mark's symbol (rowMemo.ts).
          modules={AUTO_SIZE_GRID_MODULES}
          onGridReady={(e) => {
            api.current = e.api;
          }}
          overlayNoRowsTemplate="No positions yet"
        />
      </div>
    </section>
  );
}
