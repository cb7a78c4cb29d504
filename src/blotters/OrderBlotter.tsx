import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Subscription } from 'rxjs';
import { useSession } from '../app/sessionContext.ts';
import { useObservable } from '../app/useObservable.ts';
import { terminalGridTheme } from '../grid/gridSetup.ts';
import { NO_ORDERS, ordersNewestFirst } from '../streams/ordersState.ts';
import { orderColumns } from './orderColumns.ts';
import { type OrderRow, orderRow } from './orderRow.ts';

type CancelState = { status: 'idle' } | { status: 'pending'; orderId: string } | { status: 'refused'; orderId: string; reason: string };

export function OrderBlotter({ desk }: { desk: boolean }) {
  const session = useSession();
  const state = useObservable(session.orders$, NO_ORDERS);
  const rows = useMemo(() => ordersNewestFirst(state).map((o) => orderRow(o, session.instrument(o.symbol))), [state, session]);
  const [cancel, setCancel] = useState<CancelState>({ status: 'idle' });
  const pending = useRef(new Set<Subscription>());
  useEffect(() => {
    const subs = pending.current;
    return () => subs.forEach((s) => s.unsubscribe());
  }, []);

  const onCancel = useCallback(
    (orderId: string) => {
      setCancel({ status: 'pending', orderId });
      const sub = session.cancelOrder(orderId).subscribe({
        next: (msg) => setCancel(msg.type === 'cancelReject' ? { status: 'refused', orderId, reason: msg.reason } : { status: 'idle' }),
        error: (err: unknown) => setCancel({ status: 'refused', orderId, reason: err instanceof Error ? err.message : String(err) }),
      });
      pending.current.add(sub);
    },
    [session],
  );
  const columns = useMemo(() => orderColumns({ showTrader: desk, onCancel: desk ? undefined : onCancel }), [desk, onCancel]);
  const working = rows.filter((r) => r.working).length;

  return (
    <div className="blotter" data-testid="order-blotter">
      <div className="blotter-bar">
        <span className="muted">
          {rows.length === 1 ? '1 order' : `${rows.length} orders`} · {working} working
        </span>
        {cancel.status === 'pending' && <span data-testid="blotter-message">Cancelling {cancel.orderId}…</span>}
        {cancel.status === 'refused' && (
          <span className="bad" data-testid="blotter-message">
            Cancel of {cancel.orderId} refused: {cancel.reason}
          </span>
        )}
      </div>
      <div className="blotter-grid">
        <AgGridReact<OrderRow> theme={terminalGridTheme} rowData={rows} columnDefs={columns} getRowId={(p) => p.data.orderId} suppressCellFocus={false} tooltipShowDelay={300} />
      </div>
    </div>
  );
}
