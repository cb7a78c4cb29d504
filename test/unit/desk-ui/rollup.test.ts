import { describe, expect, it } from 'vitest';
import type { DeskLineWire } from '../../../src/core/protocol/desk.ts';
import { expandedDownTo, toggleExpanded, visibleLines } from '../../../src/desk/rollupLines.ts';
import fc from 'fast-check';
import { dec } from '../../../src/core/decimal.ts';
import { directionOf, formatMoney, formatSigned } from '../../../src/format/numbers.ts';
import { directionOfWire, formatMoneyWire, formatPriceWire, formatQtyWire, rollupRow } from '../../../src/desk/rollupRow.ts';
import { rollupColumns } from '../../../src/desk/rollupColumns.ts';

function line(id: string, level: DeskLineWire['level'], over: Partial<DeskLineWire> = {}): DeskLineWire {
  const cut = id.lastIndexOf('/');
  return {
    id,
    parentId: cut === -1 ? null : id.slice(0, cut),
    level,
    label: id.slice(cut + 1),
    positions: 1,
    quantity: level === 'instrument' ? '100' : null,
    priceCurrency: level === 'instrument' ? 'USD' : null,
    averagePrice: level === 'instrument' ? '189.995' : null,
    mark: level === 'instrument' ? '190.5' : null,
    marketValue: '19050',
    grossExposure: '19050',
    netExposure: '19050',
    realized: '0',
    unrealized: '50.5',
    daily: '-12.25',
    fees: '1',
    dailyNet: '-13.25',
    ...over,
  };
}

const LINES: DeskLineWire[] = [
  line('Equities', 'desk'),
  line('Equities/trader1', 'trader'),
  line('Equities/trader1/T1-MAIN', 'book'),
  line('Equities/trader1/T1-MAIN/AAPL', 'instrument'),
  line('Equities/trader1/T1-MAIN/MSFT', 'instrument'),
  line('Equities/trader2', 'trader'),
  line('Equities/trader2/T2-MAIN', 'book'),
  line('Equities/trader2/T2-MAIN/AAPL', 'instrument'),
];
const ids = (open: Set<string>, lines = LINES) => visibleLines(lines, open).map((v) => v.line.id);

describe('the roll-up shown as a flat grid', () => {
  it('shows only the desks when nothing is open, and children under an open line in order', () => {
    expect(ids(new Set())).toEqual(['Equities']);
    expect(ids(new Set(['Equities']))).toEqual(['Equities', 'Equities/trader1', 'Equities/trader2']);
    expect(ids(new Set(['Equities', 'Equities/trader1', 'Equities/trader1/T1-MAIN']))).toEqual([
      'Equities',
      'Equities/trader1',
      'Equities/trader1/T1-MAIN',
      'Equities/trader1/T1-MAIN/AAPL',
      'Equities/trader1/T1-MAIN/MSFT',
      'Equities/trader2',
    ]);
  });

  it('hides a line whose ancestor is closed, even when the line itself is open', () => {
    expect(ids(new Set(['Equities/trader1', 'Equities/trader1/T1-MAIN']))).toEqual(['Equities']);
  });

  it('gives depth, children and open state for the indentation and the arrow', () => {
    const v = visibleLines(LINES, expandedDownTo(LINES, 'instrument'));
    expect(v).toHaveLength(LINES.length);
    const aapl = v.find((x) => x.line.id === 'Equities/trader1/T1-MAIN/AAPL')!;
    expect(aapl).toMatchObject({ depth: 3, hasChildren: false, expanded: false });
    expect(v[0]).toMatchObject({ depth: 0, hasChildren: true, expanded: true });
  });

  it('builds the tree from parentId whatever order the lines come in', () => {
    const shuffled = [...LINES].reverse();
    const open = expandedDownTo(LINES, 'instrument');
    expect(ids(open, shuffled).sort()).toEqual(ids(open).sort());
    expect(ids(open, shuffled)[0]).toBe('Equities');
    expect(visibleLines(shuffled, open).every((v, i, all) => v.line.parentId === null || all.slice(0, i).some((p) => p.line.id === v.line.parentId))).toBe(true);
  });

  it('shows a line whose parent is missing at the top rather than losing it', () => {
    expect(ids(new Set(), [line('Equities/trader3', 'trader')])).toEqual(['Equities/trader3']);
  });

  it('toggles one line and keeps what was open beneath a closed one', () => {
    const open = new Set(['Equities', 'Equities/trader1']);
    const closed = toggleExpanded(open, 'Equities');
    expect(ids(closed)).toEqual(['Equities']);
    expect(closed.has('Equities/trader1')).toBe(true);
    expect(ids(toggleExpanded(closed, 'Equities'))).toContain('Equities/trader1/T1-MAIN');
  });

  it('expands down to a level', () => {
    expect([...expandedDownTo(LINES, 'trader')]).toEqual(['Equities']);
    expect(expandedDownTo(LINES, 'book')).toEqual(new Set(['Equities', 'Equities/trader1', 'Equities/trader2']));
  });
});

describe('a roll-up row', () => {
  it('keeps the wire text and the place in the tree; the columns format only what is drawn', () => {
    const [v] = visibleLines([line('Equities/trader1/T1-MAIN/AAPL', 'instrument', { parentId: null, quantity: '-1500' })], new Set());
    expect(rollupRow(v!)).toMatchObject({ id: 'Equities/trader1/T1-MAIN/AAPL', depth: 0, hasChildren: false, quantity: '-1500', unrealized: '50.5' });
  });

  it('formats money at two places, signed where asked, grouped, from text in shape or through Decimal', () => {
    expect(formatMoneyWire('-285750', true)).toBe('-285,750.00');
    expect(formatMoneyWire('50.5', true)).toBe('+50.50');
    expect(formatMoneyWire('1234567.8', false)).toBe('1,234,567.80');
    expect(formatMoneyWire('0', true)).toBe('0.00');
    expect(formatMoneyWire('-0.00', true)).toBe('0.00');
    expect(formatMoneyWire('007.5', false)).toBe('7.50');
    // More places than two: rounded half-even by Decimal.
    expect(formatMoneyWire('2.345', true)).toBe('+2.34');
    expect(formatMoneyWire('-2.355', true)).toBe('-2.36');
    expect(formatMoneyWire(null, true)).toBe('');
  });

  it('agrees with the Decimal formatting for any two-place amount', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n }), fc.integer({ min: 0, max: 2 }), (units, places) => {
        const wire = dec(units.toString()).div(dec(10).pow(places)).toFixed();
        expect(formatMoneyWire(wire, true)).toBe(formatSigned(dec(wire), 2));
        expect(formatMoneyWire(wire, false)).toBe(formatMoney(dec(wire)));
        expect(directionOfWire(wire)).toBe(directionOf(dec(wire)));
      }),
    );
  });

  it('shows quantities grouped and prices at their own decimals, and nothing on a group', () => {
    expect(formatQtyWire('-1500')).toBe('-1,500');
    expect(formatPriceWire('189.995')).toBe('189.995');
    expect(formatPriceWire('190.5')).toBe('190.50');
    expect(formatQtyWire(null)).toBe('');
    expect(formatPriceWire(null)).toBe('');
  });

  it('names the base currency in every money header', () => {
    const money = rollupColumns('EUR', () => {}).filter((c) => ['marketValue', 'grossExposure', 'netExposure', 'realized', 'unrealized', 'daily', 'fees', 'dailyNet'].includes(c.field ?? ''));
    expect(money).toHaveLength(8);
    for (const c of money) expect(c.headerName).toMatch(/\(EUR\)$/);
  });
});
