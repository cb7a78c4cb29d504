import type { ColDef } from 'ag-grid-community';
import { directionClass } from '../grid/cellStyles.ts';
import { RollupNameCell, type RollupNameParams } from './RollupNameCell.tsx';
import type { RollupRow } from './rollupRow.ts';

const right = { type: 'rightAligned', cellClass: 'num' } as const;

/** Money columns name the base currency in their header: every sum of the roll-up is in it. */
export function rollupColumns(base: string, onToggle: RollupNameParams['onToggle']): ColDef<RollupRow>[] {
  const money = (field: keyof RollupRow & string, title: string, width: number, dir?: (r: RollupRow | undefined) => string): ColDef<RollupRow> => ({
    field,
    headerName: `${title} (${base})`,
    headerTooltip: `${title}, in ${base}`,
    width,
    type: 'rightAligned',
    cellClass: dir ? (p) => dir(p.data) : 'num',
  });
  return [
    {
      field: 'label',
      headerName: 'Desk / trader / book / instrument',
      minWidth: 230,
      flex: 1,
      pinned: 'left',
      cellRenderer: RollupNameCell,
      cellRendererParams: { onToggle } satisfies RollupNameParams,
    },
    { field: 'positions', headerName: 'Pos', width: 56, ...right },
    { field: 'quantity', headerName: 'Qty', width: 84, type: 'rightAligned', cellClass: (p) => directionClass(p.data?.quantityDir) },
    { field: 'priceCurrency', headerName: 'Px ccy', width: 64, cellClass: 'muted' },
    { field: 'averagePrice', headerName: 'Avg px', width: 88, ...right },
    { field: 'mark', headerName: 'Mark', width: 84, ...right },
    money('marketValue', 'Mkt value', 124),
    money('grossExposure', 'Gross', 118),
    money('netExposure', 'Net', 118),
    money('realized', 'Realized', 112, (r) => directionClass(r?.realizedDir)),
    money('unrealized', 'Unrealized', 118, (r) => directionClass(r?.unrealizedDir)),
    money('daily', 'Today', 108, (r) => directionClass(r?.dailyDir)),
    money('fees', 'Fees', 84),
    money('dailyNet', 'Today net', 118, (r) => `strong ${directionClass(r?.dailyNetDir)}`),
  ];
}
