import type { CustomCellRendererProps } from 'ag-grid-react';
import type { RollupRow } from './rollupRow.ts';

export interface RollupNameParams {
  onToggle(id: string): void;
}

const LEVEL_WORD = { desk: 'desk', trader: 'trader', book: 'book', instrument: '' } as const;

/** The line's name, indented by its level, with the open/close arrow of a group. */
export function RollupNameCell(props: CustomCellRendererProps<RollupRow> & RollupNameParams) {
  const row = props.data;
  if (!row) return null;
  return (
    <span className={`rollup-name level-${row.level}`} style={{ paddingLeft: `${row.depth * 16}px` }}>
      {row.hasChildren ? (
        <button
          type="button"
          className="rollup-toggle"
          aria-expanded={row.expanded}
          aria-label={`${row.expanded ? 'Collapse' : 'Expand'} ${row.label}`}
          data-testid={`rollup-toggle-${row.id}`}
          onClick={(e) => {
            e.stopPropagation();
            props.onToggle(row.id);
          }}
        >
          {row.expanded ? '▾' : '▸'}
        </button>
      ) : (
        <span className="rollup-leaf" />
      )}
      <span className="rollup-label">{row.label}</span>
      {LEVEL_WORD[row.level] && <span className="rollup-level muted">{LEVEL_WORD[row.level]}</span>}
    </span>
  );
}
