import type { ColDef, GridApi } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useMemo, useRef, useState } from 'react';
import { useSession } from '../../app/sessionContext.ts';
import { useObservable } from '../../app/useObservable.ts';
import type { BlockOrderWire, RebalanceProposalWire } from '../../core/protocol/clientBook.ts';
import { ExportCsvButton } from '../../grid/ExportCsvButton.tsx';
import { terminalGridTheme } from '../../grid/gridSetup.ts';
import { useGridApi } from '../../grid/useGridApi.ts';
import { type ClientList, type Loadable, errorText } from '../../streams/clientBook.ts';
import { NO_ORDERS } from '../../streams/ordersState.ts';
import { CommandStatus } from '../CommandStatus.tsx';
import { LoadState } from '../LoadState.tsx';
import { useCommand } from '../useCommand.ts';
import { type AccountChoice, type BlockRow, type ProposalLineRow, accountChoices, blockRows, proposalLineRows } from './rebalanceRows.ts';

const right = { type: 'rightAligned', cellClass: 'num' } as const;
const sideClass = (p: { value?: unknown }) => (p.value === 'buy' ? 'side-buy' : 'side-sell');

const CHOICE_COLUMNS: ColDef<AccountChoice>[] = [
  { field: 'accountId', headerName: 'Account', width: 120, cellClass: 'sym' },
  { field: 'clientName', headerName: 'Client', flex: 1, minWidth: 120 },
  { field: 'drift', headerName: 'Drift', width: 70, ...right, comparator: (_a, _b, na, nb) => (na.data?.driftSort ?? 0) - (nb.data?.driftSort ?? 0) },
];

const LINE_COLUMNS: ColDef<ProposalLineRow>[] = [
  { field: 'accountId', headerName: 'Account', width: 96, cellClass: 'sym' },
  { field: 'client', headerName: 'Client', flex: 1, minWidth: 110, cellClass: 'muted' },
  { field: 'symbol', headerName: 'Symbol', width: 70, cellClass: 'sym' },
  { field: 'side', headerName: 'Side', width: 56, cellClass: sideClass },
  { field: 'quantity', headerName: 'Qty', width: 74, ...right },
  { field: 'price', headerName: 'Price', width: 80, ...right },
  { field: 'notional', headerName: 'Notional', width: 104, ...right },
  { field: 'currentWeight', headerName: 'Now', width: 62, ...right },
  { field: 'targetWeight', headerName: 'Target', width: 64, ...right },
  { field: 'weightAfter', headerName: 'After', width: 62, ...right },
];

const BLOCK_COLUMNS: ColDef<BlockRow>[] = [
  { field: 'symbol', headerName: 'Symbol', width: 70, cellClass: 'sym' },
  { field: 'side', headerName: 'Side', width: 56, cellClass: sideClass },
  { field: 'quantity', headerName: 'Block qty', width: 86, ...right },
  { field: 'price', headerName: 'Price', width: 80, ...right },
  { field: 'notional', headerName: 'Notional', width: 104, ...right },
  { field: 'accounts', headerName: 'Accts', width: 58, ...right },
  { field: 'orderId', headerName: 'Order', width: 80, cellClass: 'muted' },
  { field: 'status', headerName: 'Status', width: 80, cellClass: (p) => `status ${String(p.value ?? '').toLowerCase()}` },
  { field: 'filled', headerName: 'Filled', width: 74, ...right },
  { field: 'avgPx', headerName: 'Avg px', width: 84, ...right },
  // Narrow enough that the blocks fit a 1280-wide laptop without a horizontal scroll; a long venue text reads in full on hover.
  { field: 'text', headerName: 'Text', flex: 1, minWidth: 60, cellClass: 'muted', tooltipField: 'text' },
];

/**
 * Choose accounts, see the proposal (per-account lines and one block per
 * instrument), send the blocks through the normal order path and watch them
 * fill; the fills are allocated back to the accounts by the gateway.
 */
export function RebalanceScreen({ list, initialAccounts }: { list: Loadable<ClientList>; initialAccounts: readonly string[] }) {
  const session = useSession();
  const choices = useMemo(() => (list.state === 'ready' ? accountChoices(list.value.clients) : []), [list]);
  const names = useMemo(() => new Map(list.state === 'ready' ? list.value.clients.map((c) => [c.clientId, c.name]) : []), [list]);
  const [chosen, setChosen] = useState<readonly string[]>(initialAccounts);
  const [proposal, setProposal] = useState<RebalanceProposalWire | null>(null);
  const [sent, setSent] = useState<{ blockAccount: string; orders: BlockOrderWire[] } | null>(null);
  const propose = useCommand<{ proposal: RebalanceProposalWire }>();
  const send = useCommand<{ blockAccount: string; orders: BlockOrderWire[] }>();
  const gridRef = useRef<GridApi<AccountChoice> | null>(null);
  const orders = useObservable(session.orders$, NO_ORDERS);

  const lines = useMemo(() => (proposal ? proposalLineRows(proposal, (id) => names.get(id) ?? id) : []), [proposal, names]);
  const blocks = useMemo(() => (proposal ? blockRows(proposal, sent?.orders ?? null, orders.orders) : []), [proposal, sent, orders]);
  const blocksGrid = useGridApi<BlockRow>();
  const linesGrid = useGridApi<ProposalLineRow>();

  const selectWhere = (pick: (c: AccountChoice) => boolean) => {
    const api = gridRef.current;
    if (!api) return;
    api.forEachNode((n) => n.setSelected(n.data ? pick(n.data) : false));
  };

  const runProposal = () => {
    setSent(null);
    send.reset();
    propose.run(session.book.request<'rebalanceProposal'>({ type: 'rebalanceProposal', accountIds: [...chosen] }), (a) => {
      setProposal(a.proposal);
      return `Proposal ${a.proposal.proposalId}: ${a.proposal.lines.length} trades in ${a.proposal.accountIds.length} accounts, ${a.proposal.blocks.length} block orders`;
    });
  };

  const runSend = () => {
    if (!proposal) return;
    send.run(session.book.request<'sendRebalance'>({ type: 'sendRebalance', proposalId: proposal.proposalId }), (a) => {
      setSent({ blockAccount: a.blockAccount, orders: a.orders });
      const rejected = a.orders.filter((o) => o.status === 'rejected').length;
      return `${a.orders.length} block orders sent on ${a.blockAccount}${rejected ? `, ${rejected} rejected` : ''}`;
    });
  };

  return (
    <div className="rebalance" data-testid="rebalance">
      <section className="panel rebalance-accounts">
        <div className="panel-head">
          <h2>
            Accounts <span className="muted">{chosen.length} chosen</span>
          </h2>
          <div className="head-actions">
            <button type="button" className="small-button" onClick={() => selectWhere((c) => c.drifting)} data-testid="rebalance-select-drifting">
              Drifting
            </button>
            <button type="button" className="small-button" onClick={() => selectWhere(() => false)}>
              None
            </button>
            <ExportCsvButton grid={() => gridRef.current} name="rebalance-accounts" />
          </div>
        </div>
        <div className="panel-body">
          {list.state === 'ready' ? (
            <AgGridReact<AccountChoice>
              theme={terminalGridTheme}
              rowData={choices}
              columnDefs={CHOICE_COLUMNS}
              getRowId={(p) => p.data.accountId}
              rowSelection={{ mode: 'multiRow', checkboxes: true, headerCheckbox: false, enableClickSelection: true }}
              onGridReady={(e) => {
                gridRef.current = e.api;
                const wanted = new Set(initialAccounts);
                e.api.forEachNode((n) => n.data && wanted.has(n.data.accountId) && n.setSelected(true));
              }}
              onFirstDataRendered={(e) => {
                // The accounts brought from a client view are ticked; bring them into sight wherever the drift sorts them.
                const first = e.api.getSelectedNodes()[0];
                if (first?.rowIndex !== null && first?.rowIndex !== undefined) e.api.ensureIndexVisible(first.rowIndex, 'middle');
              }}
              onSelectionChanged={(e) => setChosen(e.api.getSelectedRows().map((r) => r.accountId))}
            />
          ) : (
            <LoadState state={list.state} message={list.state === 'error' ? list.message : undefined} what="the accounts" />
          )}
        </div>
        <div className="panel-foot">
          <button type="button" className="primary" disabled={chosen.length === 0 || propose.status.state === 'sending'} onClick={runProposal} data-testid="rebalance-propose">
            Propose rebalance ({chosen.length})
          </button>
          <CommandStatus status={propose.status} testId="rebalance-proposal-status" />
        </div>
      </section>
      <section className="panel rebalance-proposal" data-testid="rebalance-proposal">
        <div className="panel-head">
          <h2>
            Proposal <span className="muted">{proposal ? `${proposal.proposalId} · to each account's model, whole lots, cash and restrictions respected` : 'choose accounts, then Propose'}</span>
          </h2>
          {proposal && (
            <button
              type="button"
              className="primary"
              disabled={proposal.blocks.length === 0 || send.status.state === 'sending' || sent !== null}
              onClick={runSend}
              data-testid="rebalance-send"
            >
              Send {proposal.blocks.length} block orders
            </button>
          )}
        </div>
        {proposal ? (
          <div className="proposal-body">
            <CommandStatus status={send.status} testId="rebalance-send-status" />
            <h3>
              Block orders, one per instrument and side {sent && <span className="muted">· on {sent.blockAccount}, live from the order stream</span>}
              <ExportCsvButton grid={blocksGrid.api} name="rebalance-blocks" />
            </h3>
            <div className="proposal-blocks" data-testid="rebalance-blocks">
              <AgGridReact<BlockRow> onGridReady={blocksGrid.onGridReady} theme={terminalGridTheme} domLayout="autoHeight" rowData={blocks} columnDefs={BLOCK_COLUMNS} getRowId={(p) => p.data.key} />
            </div>
            {proposal.notes.length > 0 && (
              <ul className="proposal-notes" data-testid="rebalance-notes">
                {proposal.notes.map((n, i) => (
                  <li key={`${n.accountId}/${n.symbol ?? ''}/${i}`} className="warn">
                    {n.accountId}
                    {n.symbol ? ` ${n.symbol}` : ''}: {n.message}
                  </li>
                ))}
              </ul>
            )}
            <h3>
              Per account ({lines.length} lines) <ExportCsvButton grid={linesGrid.api} name="rebalance-lines" />
            </h3>
            <div className="proposal-lines" data-testid="rebalance-lines">
              <AgGridReact<ProposalLineRow> onGridReady={linesGrid.onGridReady} theme={terminalGridTheme} rowData={lines} columnDefs={LINE_COLUMNS} getRowId={(p) => p.data.key} />
            </div>
          </div>
        ) : (
          <div className="load-state muted">{propose.status.state === 'error' ? errorText(propose.status.message) : 'No proposal yet.'}</div>
        )}
      </section>
    </div>
  );
}
