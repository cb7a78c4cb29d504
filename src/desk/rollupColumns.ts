import type { ColDef } from 'ag-grid-community';
import { directionClass } from '../grid/cellStyles.ts';
import { RollupNameCell, type RollupNameParams } from './RollupNameCell.tsx';
import { type RollupRow, directionOfWire, formatMoneyWire, formatPriceWire, formatQtyWire } from './rollupRow.ts';

type MoneyField = 'marketValue' | 'grossExposure' | 'netExposure' | 'realized' | 'unrealized' | 'daily' | 'fees' | 'dailyNet';

/** Money columns name the base currency in their header: every sum of the roll-up is in it. */
export function rollupColumns(base: string, onToggle: RollupNameParams['onToggle']): ColDef<RollupRow>[] {
  const money = (field: MoneyField, title: string, width: number, options: { signed: boolean; coloured: boolean; strong?: boolean }): ColDef<RollupRow> => ({
    field,
    headerName: `${title} (${base})`,
    headerTooltip: `${title}, in ${base}`,
    width,
    type: 'rightAligned',
    valueFormatter: (p) => formatMoneyWire(p.value as string | undefined, options.signed),
    cellClass: options.coloured ? (p) => `${options.strong ? 'strong ' : ''}${directionClass(directionOfWire(p.value as string | undefined))}` : 'num',
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
    { field: 'positions', headerName: 'Pos', width: 50, type: 'rightAligned', cellClass: 'num' },
    {
      field: 'quantity',
      headerName: 'Qty',
      width: 80,
      type: 'rightAligned',
      valueFormatter: (p) => formatQtyWire(p.value as string | null),
      cellClass: (p) => directionClass(directionOfWire(p.value as string | null)),
    },
    { field: 'priceCurrency', headerName: 'Px ccy', width: 60, cellClass: 'muted' },
    { field: 'averagePrice', headerName: 'Avg px', width: 84, type: 'rightAligned', cellClass: 'num', valueFormatter: (p) => formatPriceWire(p.value as string | null) },
    { field: 'mark', headerName: 'Mark', width: 80, type: 'rightAligned', cellClass: 'num', valueFormatter: (p) => formatPriceWire(p.value as string | null) },
    money('marketValue', 'Mkt value', 118, { signed: true, coloured: false }),
    money('grossExposure', 'Gross', 108, { signed: false, coloured: false }),
    money('netExposure', 'Net', 108, { signed: true, coloured: false }),
    money('realized', 'Realized', 112, { signed: true, coloured: true }),
    money('unrealized', 'Unrealized', 118, { signed: true, coloured: true }),
    money('daily', 'Today', 104, { signed: true, coloured: true }),
    money('fees', 'Fees', 84, { signed: false, coloured: false }),
    money('dailyNet', 'Today net', 116, { signed: true, coloured: true, strong: true }),
  ];
}
