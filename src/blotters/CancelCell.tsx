import type { CustomCellRendererProps } from 'ag-grid-react';
import type { OrderRow } from './orderRow.ts';

export interface CancelCellParams {
  onCancel(orderId: string): void;
}

/** A Cancel button on an order that can still be cancelled; nothing on the others. */
export function CancelCell(props: CustomCellRendererProps<OrderRow> & CancelCellParams) {
  const row = props.data;
  if (!row?.working) return null;
  return (
    <button type="button" className="cell-button" data-testid={`cancel-${row.orderId}`} onClick={() => props.onCancel(row.orderId)}>
      Cancel
    </button>
  );
}
