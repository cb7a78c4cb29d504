import { AgGridReact } from 'ag-grid-react';
import { useMemo, useState } from 'react';
import { useSession } from '../app/sessionContext.ts';
import { useObservable } from '../app/useObservable.ts';
import { Blotters } from '../blotters/Blotters.tsx';
import { terminalGridTheme } from '../grid/gridSetup.ts';
import { positionColumns } from '../positions/positionColumns.ts';
import { type PositionRow, positionRow } from '../positions/positionRow.ts';
import type { DeskView } from '../streams/session.ts';
import { ROLLUP_COLUMNS } from './rollupColumns.ts';
import { type RollupRow, deskTotalRow, rollupRow } from './rollupRow.ts';

const EMPTY_DESK: DeskView = { traders: [], positions: [] };

/** P&L per trader on top (click one to see only theirs), every position below, the desk's orders beside. */
export function DeskWorkspace() {
  const session = useSession();
  const desk = useObservable(session.deskRollup$, EMPTY_DESK);
  const [trader, setTrader] = useState<string | null>(null);
  const rollups = useMemo(() => desk.traders.map(rollupRow), [desk]);
  const total = useMemo(() => [deskTotalRow(desk.traders)], [desk]);
  const positions = useMemo(
    () =>
      desk.positions
        .filter((p) => trader === null || p.position.trader === trader)
        .map((p) => positionRow(p, session.instrument(p.position.symbol)))
        .sort((a, b) => a.trader.localeCompare(b.trader) || a.symbol.localeCompare(b.symbol) || a.account.localeCompare(b.account)),
    [desk, trader, session],
  );
  const columns = useMemo(() => positionColumns(true), []);

  return (
    <main className="workspace desk" data-testid="desk-workspace">
      <section className="panel rollup" data-testid="desk-rollup">
        <div className="panel-head">
          <h2>P&amp;L by trader</h2>
          <span className="muted">{trader ? `Showing ${trader} · click again for all` : 'Click a trader to filter positions'}</span>
        </div>
        <div className="panel-body">
          <AgGridReact<RollupRow>
            theme={terminalGridTheme}
            domLayout="autoHeight"
            rowData={rollups}
            pinnedBottomRowData={total}
            columnDefs={ROLLUP_COLUMNS}
            getRowId={(p) => p.data.trader}
            rowSelection={{ mode: 'singleRow', checkboxes: false, enableClickSelection: true }}
            onRowClicked={(e) => {
              if (!e.data || e.rowPinned) return;
              setTrader((t) => (t === e.data?.trader ? null : (e.data?.trader ?? null)));
            }}
          />
        </div>
      </section>
      <section className="panel desk-positions" data-testid="desk-positions">
        <div className="panel-head">
          <h2>Positions</h2>
          <span className="muted">{positions.length === 1 ? '1 position' : `${positions.length} positions`}</span>
        </div>
        <div className="panel-body">
          <AgGridReact<PositionRow> theme={terminalGridTheme} rowData={positions} columnDefs={columns} getRowId={(p) => p.data.key} autoSizeStrategy={{ type: 'fitGridWidth' }} />
        </div>
      </section>
      <Blotters desk={true} />
    </main>
  );
}
