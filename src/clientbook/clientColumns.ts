import type { ColDef } from 'ag-grid-community';
import { directionClass } from '../grid/cellStyles.ts';
import type { ClientRow } from './clientRows.ts';

const right = { type: 'rightAligned', cellClass: 'num' } as const;

/** A return column: coloured by sign, sorted by its number. */
function rateColumn(field: 'mtd' | 'qtd' | 'ytd' | 'oneYear', header: string): ColDef<ClientRow> {
  const dir = `${field}Dir` as const;
  return { field, headerName: header, width: 66, minWidth: 64, type: 'rightAligned', cellClass: (p) => directionClass(p.data?.[dir]), comparator: byRate };
}

function byRate(a: string, b: string): number {
  const n = (s: string) => (s === '–' ? Number.NEGATIVE_INFINITY : Number(s.replace(/[+%,]/g, '')));
  return n(a) - n(b);
}

export const CLIENT_COLUMNS: ColDef<ClientRow>[] = [
  { field: 'name', headerName: 'Client', flex: 1, minWidth: 110, cellClass: 'strong', sort: 'asc' },
  { field: 'flagText', headerName: 'Attention', width: 120, minWidth: 90, cellClass: 'flags', tooltipField: 'flagTitle' },
  { field: 'risk', headerName: 'Risk', width: 92, minWidth: 86, tooltipField: 'riskLabel', comparator: (_a, _b, na, nb) => (na.data?.riskLevel ?? 0) - (nb.data?.riskLevel ?? 0) },
  { field: 'aum', headerName: 'AUM', width: 108, minWidth: 96, ...right, comparator: (_a, _b, na, nb) => (na.data?.aumSort ?? 0) - (nb.data?.aumSort ?? 0) },
  rateColumn('mtd', 'MTD'),
  rateColumn('qtd', 'QTD'),
  rateColumn('ytd', 'YTD'),
  rateColumn('oneYear', '1Y'),
  { field: 'drift', headerName: 'Drift', width: 64, minWidth: 60, ...right, comparator: (_a, _b, na, nb) => (na.data?.driftSort ?? 0) - (nb.data?.driftSort ?? 0) },
  { field: 'lastContact', headerName: 'Contact', width: 80, minWidth: 74, comparator: (_a, _b, na, nb) => (na.data?.lastContactSort ?? 0) - (nb.data?.lastContactSort ?? 0) },
  {
    field: 'nextAppointment',
    headerName: 'Next appt',
    width: 104,
    minWidth: 96,
    comparator: (_a, _b, na, nb) => (na.data?.nextAppointmentSort ?? 0) - (nb.data?.nextAppointmentSort ?? 0),
  },
  { field: 'openTasks', headerName: 'Tasks', width: 62, minWidth: 56, ...right },
];

/** The desk head's list of the whole book: the client's advisor beside the name. */
export const BOOK_COLUMNS: ColDef<ClientRow>[] = [
  CLIENT_COLUMNS[0]!,
  { field: 'advisor', headerName: 'Advisor', width: 86, minWidth: 80 },
  ...CLIENT_COLUMNS.slice(1),
];
