import type { RowDoubleClickedEvent } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Subscription } from 'rxjs';
import { useSession } from '../app/sessionContext.ts';
import { useObservable } from '../app/useObservable.ts';
import { ExportCsvButton } from '../grid/ExportCsvButton.tsx';
import { AUTO_SIZE_GRID_MODULES, terminalGridTheme } from '../grid/gridSetup.ts';
import { NO_ORDERS, ordersNewestFirst } from '../streams/ordersState.ts';
import { amendIntent$ } from './amendIntent.ts';
import { CancelAllBar } from './CancelAllBar.tsx';
import { orderColumns } from './orderColumns.ts';
import { type OrderRow, orderRows } from './orderRow.ts';

type CancelState = { status: 'idle' } | { status: 'pending'; orderId: string } | { status: 'refused'; orderId: string; reason: string };

interface Props {
  desk: boolean;
  onHistory(orderId: string): void;
}

export function OrderBlotter({ desk, onHistory }: Props) {
  const session = useSession();
  const state = useObservable(session.orders$, NO_ORDERS);
  const rows = useMemo(() => orderRows(ordersNewestFirst(state), session.instrument), [state, session]);
  const [cancel, setCancel] = useState<CancelState>({ status: 'idle' });
  const pending = useRef(new Set<Subscription>());
  const gridRef = useRef<AgGridReact<OrderRow>>(null);
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
  const onAmend = useCallback((orderId: string) => amendIntent$.next({ orderId }), []);
  const columns = useMemo(
    () => orderColumns({ showTrader: desk, onCancel: desk ? undefined : onCancel, onAmend: desk ? undefined : onAmend, onHistory }),
    [desk, onCancel, onAmend, onHistory],
  );
  const workingRows = useMemo(() => rows.filter((r) => r.working), [rows]);
  // A double click on a working order amends it, as traders expect from a blotter.
  const onRowDoubleClicked = useCallback((e: RowDoubleClickedEvent<OrderRow>) => {
    if (!desk && e.data?.amendable) amendIntent$.next({ orderId: e.data.orderId });
  }, [desk]);

  return (
    <div className="blotter" data-testid="order-blotter">
      <div className="blotter-bar">
        <span className="muted">
          {rows.length === 1 ? '1 order' : `${rows.length} orders`} · {workingRows.length} working
        </span>
        {cancel.status === 'pending' && <span data-testid="blotter-message">Cancelling {cancel.orderId}…</span>}
        {cancel.status === 'refused' && (
          <span className="bad" data-testid="blotter-message">
            Cancel of {cancel.orderId} refused: {cancel.reason}
          </span>
        )}
        <CancelAllBar desk={desk} working={workingRows} />
        <ExportCsvButton grid={() => gridRef.current?.api} name="orders" />
      </div>
      <div className="blotter-grid">
        <AgGridReact<OrderRow>
          theme={terminalGridTheme}
          rowData={rows}
          columnDefs={columns}
          ref={gridRef}
          getRowId={(p) => p.data.orderId}
          // Double-click on a column's edge fits it. Its timers are per changed row: an order event changes its own order's row (rowMemo.ts).
          modules={AUTO_SIZE_GRID_MODULES}
          suppressCellFocus={false}
          tooltipShowDelay={300}
          onRowDoubleClicked={onRowDoubleClicked}
          // The trader's words, not ag-grid's "No Rows To Show".
          overlayNoRowsTemplate={desk ? 'No orders on the desk yet today' : 'No orders yet today: an order you send shows here'}
        />
      </div>
    </div>
  );
}
