import type { GridApi } from 'ag-grid-community';
import { exportGridCsv } from './csvExport.ts';

/** Where the button finds its grid: the api itself, or a getter for a ref filled by onGridReady. */
export type GridApiSource = GridApi | null | undefined | (() => GridApi | null | undefined);

/** "Export CSV" for one grid; `name` starts the file name. */
export function ExportCsvButton({ grid, name, testId }: { grid: GridApiSource; name: string; testId?: string }) {
  return (
    <button
      type="button"
      className="ghost csv-export"
      title={`Download this grid as CSV (${name})`}
      data-testid={testId ?? `export-csv-${name}`}
      onClick={() => {
        const api = typeof grid === 'function' ? grid() : grid;
        if (api && !api.isDestroyed()) exportGridCsv(api, name);
      }}
    >
      Export CSV
    </button>
  );
}
