import type { ColDef } from 'ag-grid-community';
import { directionClass, tickClass } from '../grid/cellStyles.ts';
import type { WatchRow } from './watchRow.ts';

const price = (field: 'bid' | 'ask' | 'last', tickField: 'bidTick' | 'askTick' | 'lastTick', headerName: string): ColDef<WatchRow> => ({
  field,
  headerName,
  width: 78,
  type: 'rightAligned',
  enableCellChangeFlash: true,
  cellClass: (p) => tickClass(p.data?.[tickField]),
});

export const WATCH_COLUMNS: ColDef<WatchRow>[] = [
  { field: 'symbol', headerName: 'Symbol', width: 72, pinned: 'left', cellClass: 'sym' },
  { field: 'name', headerName: 'Name', flex: 1, minWidth: 60, cellClass: 'muted', tooltipField: 'name' },
  price('bid', 'bidTick', 'Bid'),
  price('ask', 'askTick', 'Ask'),
  price('last', 'lastTick', 'Last'),
  { field: 'change', headerName: 'Chg', width: 62, type: 'rightAligned', cellClass: (p) => directionClass(p.data?.changeDir) },
  { field: 'changePct', headerName: 'Chg %', width: 66, type: 'rightAligned', cellClass: (p) => directionClass(p.data?.changePctDir) },
  { field: 'volume', headerName: 'Volume', width: 86, type: 'rightAligned', cellClass: 'num' },
];
