import type { CellFocusedEvent, GridApi, GridReadyEvent, RowClickedEvent } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { merge } from 'rxjs';
import type { QuoteWire } from '../core/protocol.ts';
import { useSession } from '../app/sessionContext.ts';
import { terminalGridTheme } from '../grid/gridSetup.ts';
import { conflateByKey } from '../streams/conflate.ts';
import { AddSymbol } from './AddSymbol.tsx';
import { WATCH_COLUMNS } from './watchColumns.ts';
import { type WatchRow, defaultWatchlist, emptyWatchRow, watchRow } from './watchRow.ts';

interface Props {
  selected: string;
  onSelect(symbol: string): void;
}

export function Watchlist({ selected, onSelect }: Props) {
  const session = useSession();
  const [symbols, setSymbols] = useState(() => defaultWatchlist(session.instruments));
  const [api, setApi] = useState<GridApi<WatchRow> | null>(null);
  // Latest row per symbol, so a change of list does not blank the rows that stay.
  const rows = useRef(new Map<string, WatchRow>());
  const rowData = useMemo(() => symbols.map((s) => rows.current.get(s) ?? emptyWatchRow(s, session.instrument(s))), [symbols, session]);

  useEffect(() => {
    if (!api) return;
    const previous = new Map<string, QuoteWire>();
    // One batch a frame however fast the feed: the grid never falls behind the market.
    const sub = merge(...symbols.map((s) => session.quote(s)))
      .pipe(conflateByKey((q) => q.symbol))
      .subscribe((batch) => {
        const update = batch.map((q) => {
          const row = watchRow(session.instrument(q.symbol), q, previous.get(q.symbol));
          previous.set(q.symbol, q);
          rows.current.set(q.symbol, row);
          return row;
        });
        api.applyTransaction({ update });
      });
    return () => sub.unsubscribe();
  }, [api, symbols, session]);

  useEffect(() => {
    api?.forEachNode((node) => node.setSelected(node.id === selected));
  }, [api, selected, rowData]);

  return (
    <section className="panel watchlist" data-testid="watchlist">
      <div className="panel-head">
        <h2>Watchlist</h2>
        <AddSymbol instruments={session.instruments} onAdd={(s) => setSymbols((list) => (list.includes(s) ? list : [...list, s]))} />
      </div>
      <div className="panel-body">
        <AgGridReact<WatchRow>
          theme={terminalGridTheme}
          rowData={rowData}
          columnDefs={WATCH_COLUMNS}
          getRowId={(p) => p.data.symbol}
          rowSelection={{ mode: 'singleRow', checkboxes: false, enableClickSelection: true }}
          cellFlashDuration={350}
          cellFadeDuration={450}
          onGridReady={(e: GridReadyEvent<WatchRow>) => setApi(e.api)}
          onRowClicked={(e: RowClickedEvent<WatchRow>) => e.data && onSelect(e.data.symbol)}
          onCellFocused={(e: CellFocusedEvent<WatchRow>) => {
            // Arrow keys move the focus: the chart and ticket follow it, as a click would.
            if (e.rowIndex === null || e.rowPinned) return;
            const symbol = e.api.getDisplayedRowAtIndex(e.rowIndex)?.data?.symbol;
            if (symbol && symbol !== selected) onSelect(symbol);
          }}
          onCellKeyDown={(e) => {
            const key = (e.event as KeyboardEvent | undefined)?.key;
            if (key === 'Delete' && e.data) setSymbols((list) => list.filter((s) => s !== e.data?.symbol));
          }}
        />
      </div>
    </section>
  );
}
