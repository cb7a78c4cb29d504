import type { GridApi } from 'ag-grid-community';
import type { ColDef } from 'ag-grid-community';
import { AgGridReact, type CustomCellRendererProps } from 'ag-grid-react';
import { useMemo, useRef } from 'react';
import { ExportCsvButton } from '../grid/ExportCsvButton.tsx';
import { AUTO_SIZE_GRID_MODULES, terminalGridTheme } from '../grid/gridSetup.ts';
import type { DeskState } from '../streams/deskState.ts';
import { useStableRows } from '../blotters/useStableRows.ts';
import { type LimitRow, limitRowKey, limitRows } from './limitRows.ts';

function UtilisationCell({ data }: CustomCellRendererProps<LimitRow>) {
  if (!data) return null;
  return (
    <span className={`util util-${data.level}`}>
      <span className="util-bar" style={{ width: `${data.barPercent}%` }} />
      <span className="util-text">{data.utilisation}</span>
    </span>
  );
}

const COLUMNS: ColDef<LimitRow>[] = [
  { field: 'name', headerName: 'Who', width: 96, cellClass: 'strong', valueFormatter: (p) => (p.data?.scope === 'Desk' ? `Desk ${p.value}` : String(p.value ?? '')) },
  { field: 'metric', headerName: 'Limit on', flex: 1, minWidth: 116 },
  { field: 'utilisation', headerName: 'Used %', width: 80, cellRenderer: UtilisationCell },
  { field: 'level', headerName: 'Level', width: 72, cellClass: (p) => `limit-level limit-${p.data?.level ?? 'ok'}` },
  { field: 'used', headerName: 'Used', width: 92, type: 'rightAligned', cellClass: 'num' },
  { field: 'limit', headerName: 'Limit', width: 118, type: 'rightAligned', cellClass: 'num' },
  { field: 'unit', headerName: 'In', width: 44, cellClass: 'muted' },
  { field: 'scope', headerName: 'Scope', width: 64, cellClass: 'muted' },
];

/** Each limit's use, coloured ok / warning / breach, the worst on top. */
export function LimitsPanel({ desk }: { desk: DeskState | null }) {
  // Limits come again whole with each desk update: a limit whose use did not move keeps its row object.
  const rows = useStableRows(useMemo(() => (desk ? limitRows(desk.limits, desk.base) : []), [desk]), limitRowKey);
  const api = useRef<GridApi<LimitRow> | null>(null);
  const breaches = rows.filter((r) => r.level === 'breach').length;
  const warnings = rows.filter((r) => r.level === 'warning').length;
  return (
    <section className="panel desk-limits" data-testid="desk-limits">
      <div className="panel-head">
        <h2>
          Limits{' '}
          <span className="muted" data-testid="desk-limits-summary">
            {breaches} breach{breaches === 1 ? '' : 'es'} · {warnings} warning{warnings === 1 ? '' : 's'}
          </span>
        </h2>
        <ExportCsvButton grid={() => api.current} name="desk-limits" />
      </div>
      <div className="panel-body">
        <AgGridReact<LimitRow>
          theme={terminalGridTheme}
          rowData={rows}
          columnDefs={COLUMNS}
          getRowId={(p) => limitRowKey(p.data)}
          // Double-click on a column's edge fits it. Its timers are per changed row: only limits whose use moved (useStableRows).
          modules={AUTO_SIZE_GRID_MODULES}
          // A limit moving to the top is news to read at once, not to watch slide.
          animateRows={false}
          getRowClass={(p) => (p.data ? `limit-row-${p.data.level}` : undefined)}
          onGridReady={(e) => {
            api.current = e.api;
          }}
          overlayNoRowsTemplate="No limits in use"
        />
      </div>
    </section>
  );
}
