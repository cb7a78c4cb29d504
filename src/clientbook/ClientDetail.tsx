import { AgGridReact } from 'ag-grid-react';
import { useMemo } from 'react';
import { useSession } from '../app/sessionContext.ts';
import { formatMoney } from '../format/numbers.ts';
import { terminalGridTheme } from '../grid/gridSetup.ts';
import { PnlFigure } from '../positions/PnlFigure.tsx';
import type { ValuedClient } from '../streams/valuation.ts';
import { ACCOUNT_COLUMNS, HOLDING_COLUMNS } from './clientColumns.ts';
import { type AccountRow, type HoldingRow, accountRow, holdingRows } from './clientRows.ts';

export function ClientDetail({ client }: { client: ValuedClient }) {
  const session = useSession();
  const accounts = useMemo(() => client.accounts.map(accountRow), [client]);
  const holdings = useMemo(() => holdingRows(client, (s) => session.instrument(s)), [client, session]);
  return (
    <section className="panel detail" data-testid="client-detail">
      <div className="panel-head">
        <h2 data-testid="client-name">{client.client.name}</h2>
        <div className="figures">
          <span className="figure">
            <span className="muted">AUM</span>{' '}
            <strong className="num" data-testid="client-aum">
              {formatMoney(client.aum)}
            </strong>
          </span>
          <PnlFigure label="Unrl" value={client.unrealized} />
        </div>
      </div>
      <div className="detail-body">
        <div className="detail-accounts">
          <AgGridReact<AccountRow> theme={terminalGridTheme} domLayout="autoHeight" rowData={accounts} columnDefs={ACCOUNT_COLUMNS} getRowId={(p) => p.data.accountId} />
        </div>
        <h3>Holdings</h3>
        <div className="detail-holdings" data-testid="client-holdings">
          <AgGridReact<HoldingRow> theme={terminalGridTheme} rowData={holdings} columnDefs={HOLDING_COLUMNS} getRowId={(p) => p.data.key} />
        </div>
      </div>
    </section>
  );
}
