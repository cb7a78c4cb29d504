import type { GridApi } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { type RefObject, useMemo } from 'react';
import { ATTENTION_FLAGS, type AttentionFlag } from '../core/protocol/clientBook.ts';
import { ExportCsvButton } from '../grid/ExportCsvButton.tsx';
import { AUTO_SIZE_GRID_MODULES, terminalGridTheme } from '../grid/gridSetup.ts';
import type { ClientList as ClientListData, Loadable } from '../streams/clientBook.ts';
import { FLAG_LABEL, formatIsoDate } from './bookFormat.ts';
import { BOOK_COLUMNS, CLIENT_COLUMNS } from './clientColumns.ts';
import { type ClientFilter, type ClientRow, advisorCounts, clientRow, filterRows, flagCounts } from './clientRows.ts';
import { LoadState } from './LoadState.tsx';

interface Props {
  list: Loadable<ClientListData>;
  filter: ClientFilter;
  onFilter: (f: ClientFilter) => void;
  selectedId: string | null;
  onSelect: (clientId: string) => void;
  onOpen: (clientId: string) => void;
  searchRef: RefObject<HTMLInputElement | null>;
  gridRef: RefObject<GridApi<ClientRow> | null>;
  /** The whole book (a desk head): an Advisor column and a filter by advisor. */
  wholeBook?: boolean;
}

/** The advisor's clients: type-ahead search, the "needs attention" filter, and the grid. Enter opens a client. */
export function ClientList({ list, filter, onFilter, selectedId, onSelect, onOpen, searchRef, gridRef, wholeBook = false }: Props) {
  const now = Date.now();
  const rows = useMemo(() => (list.state === 'ready' ? list.value.clients.map((c) => clientRow(c, now)) : []), [list]); // eslint-disable-line react-hooks/exhaustive-deps
  const counts = useMemo(() => flagCounts(rows), [rows]);
  const shown = useMemo(() => filterRows(rows, filter), [rows, filter]);
  const advisors = useMemo(() => (wholeBook ? advisorCounts(rows) : []), [rows, wholeBook]);
  const setAttention = (attention: ClientFilter['attention']) => onFilter({ ...filter, attention: filter.attention === attention ? 'all' : attention });

  const focusRow = (api: GridApi<ClientRow>, id: string | null) => {
    const node = (id && api.getRowNode(id)) || api.getDisplayedRowAtIndex(0);
    if (!node || node.rowIndex === null) return;
    node.setSelected(true, true);
    api.ensureIndexVisible(node.rowIndex);
    api.setFocusedCell(node.rowIndex, 'name');
  };

  return (
    <section className="panel clients" data-testid="client-list">
      <div className="panel-head">
        <h2>
          Clients <span className="muted">{list.state === 'ready' ? `${shown.length} of ${rows.length} · as of ${formatIsoDate(list.value.asOf)}` : ''}</span>
        </h2>
        <input
          ref={searchRef}
          type="search"
          className="client-search"
          placeholder="Search clients  /"
          value={filter.query}
          onChange={(e) => onFilter({ ...filter, query: e.target.value })}
          onKeyDown={(e) => {
            const api = gridRef.current;
            if (e.key === 'ArrowDown' && api) {
              e.preventDefault();
              focusRow(api, null);
            } else if (e.key === 'Enter') {
              e.preventDefault();
              const first = shown[0];
              if (first) onOpen(first.clientId);
            }
          }}
          data-testid="client-search"
          aria-label="Search clients"
        />
        {wholeBook && (
          <select value={filter.advisor ?? ''} onChange={(e) => onFilter({ ...filter, advisor: e.target.value })} aria-label="Advisor" data-testid="client-advisor-filter">
            <option value="">All advisors ({rows.length})</option>
            {advisors.map((a) => (
              <option key={a.advisor} value={a.advisor}>
                {a.advisor} ({a.count})
              </option>
            ))}
          </select>
        )}
        <ExportCsvButton grid={() => gridRef.current} name="clients" />
      </div>
      <div className="attention-bar" role="group" aria-label="Needs attention">
        <button type="button" className={filter.attention === 'any' ? 'chip on' : 'chip'} aria-pressed={filter.attention === 'any'} onClick={() => setAttention('any')} data-testid="attention-any">
          Needs attention <span className="count">{counts.any}</span>
        </button>
        {ATTENTION_FLAGS.map((f: AttentionFlag) => (
          <button type="button" key={f} className={filter.attention === f ? 'chip on' : 'chip'} aria-pressed={filter.attention === f} onClick={() => setAttention(f)} data-testid={`attention-${f}`}>
            {FLAG_LABEL[f]} <span className="count">{counts[f]}</span>
          </button>
        ))}
      </div>
      <div className="panel-body">
        {list.state === 'ready' ? (
          <AgGridReact<ClientRow>
            theme={terminalGridTheme}
            rowData={shown}
            columnDefs={wholeBook ? BOOK_COLUMNS : CLIENT_COLUMNS}
            getRowId={(p) => p.data.clientId}
            modules={AUTO_SIZE_GRID_MODULES}
            autoSizeStrategy={{ type: 'fitGridWidth' }}
            onGridSizeChanged={(e) => e.api.sizeColumnsToFit()}
            rowSelection={{ mode: 'singleRow', checkboxes: false, enableClickSelection: true }}
            onGridReady={(e) => {
              gridRef.current = e.api;
            }}
            onGridPreDestroyed={() => {
              gridRef.current = null;
            }}
            onRowClicked={(e) => e.data && onSelect(e.data.clientId)}
            onRowDoubleClicked={(e) => e.data && onOpen(e.data.clientId)}
            onCellFocused={(e) => {
              if (e.rowIndex === null || e.rowIndex === undefined) return;
              const id = e.api.getDisplayedRowAtIndex(e.rowIndex)?.data?.clientId;
              if (id && id !== selectedId) onSelect(id);
            }}
            onCellKeyDown={(e) => {
              const key = (e.event as KeyboardEvent | null | undefined)?.key;
              if (key === 'Enter' && e.data) onOpen(e.data.clientId);
            }}
            onFirstDataRendered={(e) => {
              const node = (selectedId && e.api.getRowNode(selectedId)) || e.api.getDisplayedRowAtIndex(0);
              node?.setSelected(true);
              if (!selectedId && node?.data) onSelect(node.data.clientId);
            }}
            overlayNoRowsTemplate="No client matches"
          />
        ) : (
          <LoadState state={list.state} message={list.state === 'error' ? list.message : undefined} what="the client list" />
        )}
      </div>
    </section>
  );
}
