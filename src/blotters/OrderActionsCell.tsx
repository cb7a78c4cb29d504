import type { CustomCellRendererProps } from 'ag-grid-react';
import { keepFocusThroughRedraw } from '../ticket/focusThroughRedraw.ts';
import type { OrderRow } from './orderRow.ts';

export interface OrderActions {
  /** Absent for a desk head's view: they watch, and cancel all per trader from the bar. */
  onCancel?: ((orderId: string) => void) | undefined;
  onAmend?: ((orderId: string) => void) | undefined;
  onHistory(orderId: string): void;
}

/** Amend and Cancel on an order that can still take them; History on every order. */
export function OrderActionsCell(props: CustomCellRendererProps<OrderRow> & OrderActions) {
  const row = props.data;
  if (!row) return null;
  return (
    <span className="cell-actions">
      {row.amendable && props.onAmend && (
        <button type="button" className="cell-button amend" data-testid={`amend-${row.orderId}`} onClick={() => props.onAmend?.(row.orderId)}>
          Amend
        </button>
      )}
      {row.working && props.onCancel && (
        <button
          type="button"
          className="cell-button"
          data-testid={`cancel-${row.orderId}`}
          onClick={(e) => {
            // The Canceled report redraws the row without this button: the keyboard carries on from the row's History.
            keepFocusThroughRedraw(e.currentTarget, [`history-${row.orderId}`]);
            props.onCancel?.(row.orderId);
          }}
        >
          Cancel
        </button>
      )}
      <button type="button" className="cell-button plain" data-testid={`history-${row.orderId}`} onClick={() => props.onHistory(row.orderId)}>
        History
      </button>
    </span>
  );
}
