import { AgGridReact } from 'ag-grid-react';
import { useMemo } from 'react';
import { useSession } from '../app/sessionContext.ts';
import { useObservable } from '../app/useObservable.ts';
import { sum } from '../core/decimal.ts';
import { terminalGridTheme } from '../grid/gridSetup.ts';
import type { ValuedPosition } from '../streams/valuation.ts';
import { PnlFigure } from './PnlFigure.tsx';
import { positionColumns } from './positionColumns.ts';
import { type PositionRow, positionRow } from './positionRow.ts';

const NONE: ValuedPosition[] = [];

/** The trader's positions marked to the live last price. */
export function PositionsPanel() {
  const session = useSession();
  const valued = useObservable(session.valuedPositions$, NONE);
  const rows = useMemo(
    () => valued.map((v) => positionRow(v, session.instrument(v.position.symbol))).sort((a, b) => a.symbol.localeCompare(b.symbol) || a.account.localeCompare(b.account)),
    [valued, session],
  );
  const columns = useMemo(() => positionColumns(false), []);
  const unrealized = sum(valued.flatMap((v) => (v.unrealized.priced ? [v.unrealized.value] : [])));
  const realized = sum(valued.map((v) => v.realized));

  return (
    <section className="panel positions" data-testid="positions">
      <div className="panel-head">
        <h2>Positions</h2>
        <div className="figures">
          <PnlFigure label="Unrl" value={unrealized} testId="positions-unrealized" />
          <PnlFigure label="Rlzd" value={realized} testId="positions-realized" />
        </div>
      </div>
      <div className="panel-body">
        <AgGridReact<PositionRow>
          theme={terminalGridTheme}
          rowData={rows}
          columnDefs={columns}
          getRowId={(p) => p.data.key}
          autoSizeStrategy={{ type: 'fitGridWidth' }}
          overlayNoRowsTemplate="No positions yet"
        />
      </div>
    </section>
  );
}
