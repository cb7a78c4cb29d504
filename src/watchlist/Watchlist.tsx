import type { CellFocusedEvent, GridApi, GridReadyEvent, RowClassRules, RowClickedEvent } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Subject, type Subscription, animationFrameScheduler } from 'rxjs';
import type { QuoteWire } from '../core/protocol.ts';
import { useSession } from '../app/sessionContext.ts';
import { ExportCsvButton } from '../grid/ExportCsvButton.tsx';
import { terminalGridTheme } from '../grid/gridSetup.ts';
import { SymbolSearch } from '../search/SymbolSearch.tsx';
import { conflateByKey } from '../streams/conflate.ts';
import { type Freshness, isQuoteStale, staleChanges } from '../streams/staleQuotes.ts';
import { applyRowUpdates, isOrdered } from './applyRows.ts';
import { WATCH_COLUMNS } from './watchColumns.ts';
import { type WatchRow, defaultWatchlist, emptyWatchRow, watchRow } from './watchRow.ts';
import { loadWatchlist, saveWatchlist } from './watchlistStore.ts';

interface Props {
  selected: string;
  onSelect(symbol: string): void;
}

const ROW_CLASS_RULES: RowClassRules<WatchRow> = { 'row-stale': (p) => p.data?.stale === true };

/**
 * How often the rendered rows are rebuilt. ag-grid-react (36) calls React
 * state setters with unchanged values on every transaction (a row container's
 * `hidden`, a row's id and style); React 19 keeps each such bailed-out update in
 * the hook's queue until the component renders again, and these never do while
 * only cell values change. At 5,000 updates/s that grew the heap by about
 * 47 KiB/s (test/bench/watchlist.browser.bench.ts --leak-check). Rebuilding
 * the rows drops those queues: the heap stays flat, at the cost of one redraw
 * of the visible rows (selection, focus and scroll are kept by the grid).
 */
export const ROW_REBUILD_MS = 30_000;

/**
 * The most rows handed to the grid in one animation frame. A feed that sends
 * its quotes in lumps (250 symbols in one frame every 50 ms) would otherwise
 * cost one heavy frame and two idle ones; paced, the same rows go over three
 * even frames. 100 a frame keeps up with 6,000 updates/s at 60 Hz, and beyond
 * that a row waits a few frames at most, with its latest quote (conflateByKey).
 */
export const ROWS_PER_FRAME = 100;

export function Watchlist({ selected, onSelect }: Props) {
  const session = useSession();
  const username = session.user.username;
  const [symbols, setSymbols] = useState(
    () => loadWatchlist(username, (s) => session.instrument(s) !== undefined) ?? defaultWatchlist(session.instruments),
  );
  const [api, setApi] = useState<GridApi<WatchRow> | null>(null);
  const [staleCount, setStaleCount] = useState(0);
  // Latest row per symbol, so a change of list does not blank the rows that stay.
  const rows = useRef(new Map<string, WatchRow>());
  const rowData = useMemo(() => symbols.map((s) => rows.current.get(s) ?? emptyWatchRow(s, session.instrument(s))), [symbols, session]);

  useEffect(() => saveWatchlist(username, symbols), [username, symbols]);
  const listed = useRef(symbols);
  listed.current = symbols;
  const follow = useRef<((list: readonly string[]) => void) | null>(null);
  // Whether a sort or filter is on: updates then go through the row model (see applyRows.ts).
  const ordered = useRef(false);

  useEffect(() => {
    if (!api) return;
    const previous = new Map<string, QuoteWire>();
    let freshness: Freshness = { now: Date.now(), online: true };
    let stale = new Set<string>();
    const put = (update: WatchRow[]): void => {
      // One batch a frame, applied at once: it is already conflated, so waiting longer only adds latency.
      // Only `stale` changes a row's classes (ROW_CLASS_RULES); every other change is the cells'.
      const held = applyRowUpdates(api, update, (r) => r.symbol, ordered.current, (was, next) => was.stale !== next.stale);
      for (const row of held) rows.current.set(row.symbol, row);
    };
    // Each listed symbol's quotes flow in here; adding or removing one touches only that symbol's subscription.
    const incoming = new Subject<QuoteWire>();
    const perSymbol = new Map<string, Subscription>();
    follow.current = (list) => {
      const wanted = new Set(list);
      for (const [s, sub] of perSymbol) {
        if (wanted.has(s)) continue;
        sub.unsubscribe();
        perSymbol.delete(s);
        previous.delete(s);
        stale.delete(s);
      }
      for (const s of wanted) if (!perSymbol.has(s)) perSymbol.set(s, session.quote(s).subscribe((q) => incoming.next(q)));
    };
    // One batch a frame however fast the feed, of at most ROWS_PER_FRAME rows: the grid never falls behind the market.
    const quotes = incoming
      .pipe(conflateByKey((q) => q.symbol, animationFrameScheduler, ROWS_PER_FRAME))
      .subscribe((batch) => {
        put(
          batch.map((q) => {
            const isStale = isQuoteStale(q, freshness);
            if (isStale) stale.add(q.symbol);
            else stale.delete(q.symbol);
            const row = watchRow(session.instrument(q.symbol), q, previous.get(q.symbol), isStale);
            previous.set(q.symbol, q);
            return row;
          }),
        );
      });
    // Once a second and on every connection change: rows whose staleness flipped are redrawn, the others left alone.
    const ages = session.freshness$.subscribe((f) => {
      freshness = f;
      const { stale: now, changed } = staleChanges(previous, stale, f);
      stale = now;
      setStaleCount(now.size);
      put(changed.flatMap((s) => rows.current.get(s) ?? []).map((row) => ({ ...row, stale: now.has(row.symbol) })));
    });
    follow.current(listed.current);
    const rebuild = setInterval(() => api.redrawRows(), ROW_REBUILD_MS);
    return () => {
      clearInterval(rebuild);
      follow.current = null;
      for (const sub of perSymbol.values()) sub.unsubscribe();
      quotes.unsubscribe();
      ages.unsubscribe();
    };
  }, [api, session]);

  useEffect(() => follow.current?.(symbols), [symbols]);

  useEffect(() => {
    api?.forEachNode((node) => node.setSelected(node.id === selected));
    const node = api?.getRowNode(selected);
    if (node) api?.ensureNodeVisible(node);
  }, [api, selected, rowData]);

  function pick(symbol: string): void {
    setSymbols((list) => (list.includes(symbol) ? list : [...list, symbol]));
    onSelect(symbol);
  }

  return (
    <section className="panel watchlist" data-testid="watchlist" data-rows={symbols.length}>
      <div className="panel-head">
        <h2>Watchlist</h2>
        {staleCount > 0 && (
          <span className="stale-badge" data-testid="watchlist-stale" title="Quotes older than 10 s, or not live">
            {staleCount} stale
          </span>
        )}
        <SymbolSearch instruments={session.instruments} onPick={pick} />
        <ExportCsvButton grid={api} name="watchlist" />
      </div>
      <div className="panel-body">
        <AgGridReact<WatchRow>
          theme={terminalGridTheme}
          rowData={rowData}
          columnDefs={WATCH_COLUMNS}
          getRowId={(p) => p.data.symbol}
          rowClassRules={ROW_CLASS_RULES}
          rowSelection={{ mode: 'singleRow', checkboxes: false, enableClickSelection: true }}
          cellFlashDuration={350}
          cellFadeDuration={450}
          onGridReady={(e: GridReadyEvent<WatchRow>) => setApi(e.api)}
          onSortChanged={(e) => {
            ordered.current = isOrdered(e.api);
          }}
          onFilterChanged={(e) => {
            ordered.current = isOrdered(e.api);
          }}
          onRowClicked={(e: RowClickedEvent<WatchRow>) => e.data && onSelect(e.data.symbol)}
          onCellFocused={(e: CellFocusedEvent<WatchRow>) => {
            // Arrow keys move the focus: the chart and ticket follow it, as a click would.
            if (e.rowIndex === null || e.rowPinned) return;
            const symbol = e.api.getDisplayedRowAtIndex(e.rowIndex)?.data?.symbol;
            if (symbol && symbol !== selected) onSelect(symbol);
          }}
          // Arrows walk the quotes; Tab leaves the grid for the next panel instead of visiting every cell of every row.
          tabToNextCell={() => false}
          onCellKeyDown={(e) => {
            const key = (e.event as KeyboardEvent | undefined)?.key;
            if (key === 'Delete' && e.data) setSymbols((list) => list.filter((s) => s !== e.data?.symbol));
          }}
        />
      </div>
    </section>
  );
}
