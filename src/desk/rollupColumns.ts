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
      minWidth: 210,
      flex: 1,
      pinned: 'left',
      cellRenderer: RollupNameCell,
      cellRendererParams: { onToggle } satisfies RollupNameParams,
    },
    { field: 'positions', headerName: 'Pos', width: 50, ...right },
    { field: 'quantity', headerName: 'Qty', width: 80, type: 'rightAligned', cellClass: (p) => directionClass(p.data?.quantityDir) },
    { field: 'priceCurrency', headerName: 'Px ccy', width: 60, cellClass: 'muted' },
    { field: 'averagePrice', headerName: 'Avg px', width: 84, ...right },
    { field: 'mark', headerName: 'Mark', width: 80, ...right },
    money('marketValue', 'Mkt value', 118),
    money('grossExposure', 'Gross', 108),
    money('netExposure', 'Net', 108),
    money('realized', 'Realized', 112, (r) => directionClass(r?.realizedDir)),
    money('unrealized', 'Unrealized', 118, (r) => directionClass(r?.unrealizedDir)),
    money('daily', 'Today', 104, (r) => directionClass(r?.dailyDir)),
    money('fees', 'Fees', 84),
    money('dailyNet', 'Today net', 116, (r) => `strong ${directionClass(r?.dailyNetDir)}`),
  ];
}
