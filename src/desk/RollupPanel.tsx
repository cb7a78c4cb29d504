import type { GridApi } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { CostMethod } from '../core/pnl/inventory.ts';
import { ExportCsvButton } from '../grid/ExportCsvButton.tsx';
import { AUTO_SIZE_GRID_MODULES, terminalGridTheme } from '../grid/gridSetup.ts';
import type { DeskState } from '../streams/deskState.ts';
import { rollupColumns } from './rollupColumns.ts';
import { expandedDownTo, toggleExpanded, visibleLines } from './rollupLines.ts';
import { useStableRows } from '../blotters/useStableRows.ts';
import { type RollupRow, rollupRow, rollupRowId } from './rollupRow.ts';

const METHOD_LABEL: Record<CostMethod, string> = { averageCost: 'Average cost', fifo: 'FIFO' };

interface Props {
  desk: DeskState | null;
  method: CostMethod;
  onMethod(method: CostMethod): void;
}

/** Desk → trader → book → instrument, each group with the sums of what is under it; the desk opens on its traders. */
export function RollupPanel({ desk, method, onMethod }: Props) {
  const [expanded, setExpanded] = useState<ReadonlySet<string> | null>(null);
  const lines = desk?.lines ?? [];
  // Until the desk head opens or closes anything, each desk shows its traders.
  const open = useMemo(() => expanded ?? expandedDownTo(lines, 'trader'), [expanded, lines]);
  // The roll-up comes again whole a few times a second: a line whose figures did not move keeps its row object.
  const rows = useStableRows(useMemo(() => visibleLines(lines, open).map(rollupRow), [lines, open]), rollupRowId);
  const onToggle = useCallback((id: string) => setExpanded((prev) => toggleExpanded(prev ?? expandedDownTo(lines, 'trader'), id)), [lines]);
  const toggleRef = useRef(onToggle);
  toggleRef.current = onToggle;
  const stableToggle = useCallback((id: string) => toggleRef.current(id), []);
  const base = desk?.base ?? '';
  const columns = useMemo(() => rollupColumns(base, stableToggle), [base, stableToggle]);
  const api = useRef<GridApi<RollupRow> | null>(null);

  return (
    <section className="panel rollup" data-testid="desk-rollup">
      <div className="panel-head">
        <h2>
          Desk roll-up <span className="muted">{desk ? `in ${desk.base} · ${METHOD_LABEL[desk.method]}` : 'loading…'}</span>
        </h2>
        <div className="panel-tools">
          <div className="segmented" role="group" aria-label="Cost method">
            {(['averageCost', 'fifo'] as const).map((m) => (
              <button key={m} type="button" className={method === m ? 'on' : ''} aria-pressed={method === m} onClick={() => onMethod(m)} data-testid={`cost-method-${m}`}>
                {METHOD_LABEL[m]}
              </button>
            ))}
          </div>
          <button type="button" className="ghost" onClick={() => setExpanded(expandedDownTo(lines, 'instrument'))} data-testid="rollup-expand-all">
            Expand all
          </button>
          <button type="button" className="ghost" onClick={() => setExpanded(new Set())} data-testid="rollup-collapse-all">
            Collapse
          </button>
          <ExportCsvButton grid={() => api.current} name="desk-rollup" />
        </div>
      </div>
      <div className="panel-body">
        <AgGridReact<RollupRow>
          theme={terminalGridTheme}
          rowData={rows}
          columnDefs={columns}
          getRowId={(p) => rollupRowId(p.data)}
          // Double-click on a column's edge fits it. Its timers are per changed row: only lines whose figures moved (useStableRows).
          modules={AUTO_SIZE_GRID_MODULES}
          // A few dozen lines and fourteen columns: every column drawn, so scrolling sideways never shows blanks.
          suppressColumnVirtualisation
          getRowClass={(p) => (p.data ? `rollup-${p.data.level}` : undefined)}
          onGridReady={(e) => {
            api.current = e.api;
          }}
          onRowDoubleClicked={(e) => e.data?.hasChildren && onToggle(e.data.id)}
          overlayNoRowsTemplate={desk ? 'No positions on the desk' : 'Loading the desk…'}
        />
      </div>
    </section>
  );
}
