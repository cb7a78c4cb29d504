import type { CustomCellRendererProps } from 'ag-grid-react';
import type { PositionRow } from './positionRow.ts';

export interface FlattenParams {
  onFlatten(row: PositionRow): void;
}

/** One click opens the confirmation; nothing is sent from here. */
export function FlattenCell(props: CustomCellRendererProps<PositionRow> & FlattenParams) {
  const row = props.data;
  if (!row || row.flat) return null;
  return (
    <button type="button" className="cell-button flatten" onClick={() => props.onFlatten(row)} data-testid={`flatten-${row.key}`} title={`Close the whole ${row.symbol} position in ${row.account}`}>
      Flatten
    </button>
  );
}
