import { AgGridReact } from 'ag-grid-react';
import { useMemo, useState } from 'react';
import { useSession } from '../app/sessionContext.ts';
import { useObservable } from '../app/useObservable.ts';
import { terminalGridTheme } from '../grid/gridSetup.ts';
import type { ValuedClient } from '../streams/valuation.ts';
import { ClientDetail } from './ClientDetail.tsx';
import { CLIENT_COLUMNS } from './clientColumns.ts';
import { type ClientRow, clientRow } from './clientRows.ts';

const NONE: ValuedClient[] = [];

/** The advisor's book: clients on the left valued live, the selected client's accounts and holdings on the right. */
export function ClientBookWorkspace() {
  const session = useSession();
  const clients = useObservable(session.valuedClients$, NONE);
  const rows = useMemo(() => clients.map(clientRow), [clients]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const selected = clients.find((c) => c.client.clientId === selectedId) ?? clients[0];

  return (
    <main className="workspace advisor" data-testid="advisor-workspace">
      <section className="panel clients" data-testid="client-list">
        <div className="panel-head">
          <h2>Clients</h2>
          <span className="muted">{clients.length} clients</span>
        </div>
        <div className="panel-body">
          <AgGridReact<ClientRow>
            theme={terminalGridTheme}
            rowData={rows}
            columnDefs={CLIENT_COLUMNS}
            getRowId={(p) => p.data.clientId}
            autoSizeStrategy={{ type: 'fitGridWidth' }}
            rowSelection={{ mode: 'singleRow', checkboxes: false, enableClickSelection: true }}
            onRowClicked={(e) => e.data && setSelectedId(e.data.clientId)}
            onCellFocused={(e) => {
              if (e.rowIndex === null) return;
              const id = e.api.getDisplayedRowAtIndex(e.rowIndex)?.data?.clientId;
              if (id) setSelectedId(id);
            }}
            onFirstDataRendered={(e) => e.api.getDisplayedRowAtIndex(0)?.setSelected(true)}
          />
        </div>
      </section>
      {selected ? <ClientDetail client={selected} /> : <section className="panel detail empty muted">Loading client book…</section>}
    </main>
  );
}
