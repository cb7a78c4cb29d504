import type { ColDef } from 'ag-grid-community';
import { directionClass } from '../grid/cellStyles.ts';
import type { ClientRow } from './clientRows.ts';

const right = { type: 'rightAligned', cellClass: 'num' } as const;

/** A return column: coloured by sign, sorted by its number. */
function rateColumn(field: 'mtd' | 'qtd' | 'ytd' | 'oneYear', header: string): ColDef<ClientRow> {
  const dir = `${field}Dir` as const;
  return { field, headerName: header, width: 74, type: 'rightAligned', cellClass: (p) => directionClass(p.data?.[dir]), comparator: byRate };
}

function byRate(a: string, b: string): number {
  const n = (s: string) => (s === '–' ? Number.NEGATIVE_INFINITY : Number(s.replace(/[+%,]/g, '')));
  return n(a) - n(b);
}

export const CLIENT_COLUMNS: ColDef<ClientRow>[] = [
  { field: 'name', headerName: 'Client', flex: 1, minWidth: 150, cellClass: 'strong', sort: 'asc' },
  { field: 'flagText', headerName: 'Needs attention', width: 150, cellClass: 'flags', tooltipField: 'flagText' },
  { field: 'risk', headerName: 'Risk', width: 104, comparator: (_a, _b, na, nb) => (na.data?.riskLevel ?? 0) - (nb.data?.riskLevel ?? 0) },
  { field: 'aum', headerName: 'AUM', width: 118, ...right, comparator: (_a, _b, na, nb) => (na.data?.aumSort ?? 0) - (nb.data?.aumSort ?? 0) },
  rateColumn('mtd', 'MTD'),
  rateColumn('qtd', 'QTD'),
  rateColumn('ytd', 'YTD'),
  rateColumn('oneYear', '1Y'),
  { field: 'drift', headerName: 'Drift', width: 66, ...right, comparator: (_a, _b, na, nb) => (na.data?.driftSort ?? 0) - (nb.data?.driftSort ?? 0) },
  { field: 'lastContact', headerName: 'Last contact', width: 96, comparator: (_a, _b, na, nb) => (na.data?.lastContactSort ?? 0) - (nb.data?.lastContactSort ?? 0) },
  {
    field: 'nextAppointment',
    headerName: 'Next appt',
    width: 128,
    comparator: (_a, _b, na, nb) => (na.data?.nextAppointmentSort ?? 0) - (nb.data?.nextAppointmentSort ?? 0),
  },
  { field: 'openTasks', headerName: 'Tasks', width: 60, ...right },
];
