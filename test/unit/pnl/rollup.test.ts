// Roll-up of position P&L rows desk → trader → book → instrument, sums at every level.
import { describe, expect, it } from 'vitest';
import type { Decimal } from '../../../src/core/decimal.ts';
import { dec } from '../../../src/core/decimal.ts';
import { rollUp } from '../../../src/core/pnl/rollup.ts';
import type { RollupNode } from '../../../src/core/pnl/rollup.ts';
import { flattenRollup, groupId } from '../../../src/core/pnl/rollupFlatten.ts';

interface Row {
  desk: string;
  trader: string;
  book: string;
  symbol: string;
  currency: string;
  realized: Decimal;
  net: Decimal;
}

const row = (desk: string, trader: string, book: string, symbol: string, realized: string, net: string): Row => ({
  desk,
  trader,
  book,
  symbol,
  currency: 'USD',
  realized: dec(realized),
  net: dec(net),
});

const rows: Row[] = [
  row('rates', 'tom', 'b1', 'ZN', '10.5', '9'),
  row('equity', 'ann', 'b2', 'MSFT', '100', '90.25'),
  row('equity', 'bob', 'b3', 'AAPL', '-20', '-22'),
  row('equity', 'ann', 'b1', 'AAPL', '5', '4.75'),
  row('equity', 'ann', 'b2', 'AAPL', '1.1', '1'),
];
const spec = { currency: 'USD', keyPath: ['desk', 'trader', 'book', 'symbol'] as const, measures: ['realized', 'net'] as const };

type Node = RollupNode<Row, 'realized' | 'net'>;
const describeNode = (n: Node): string =>
  n.kind === 'row' ? n.row.symbol : `${n.value}(${n.totals.realized.toFixed()}/${n.totals.net.toFixed()})`;

describe('rollUp', () => {
  const result = rollUp(rows, spec);
  if (!result.ok) throw new Error('unexpected currency mix');
  const { tree } = result;

  it('sums everything at the top', () => {
    expect(tree.totals.realized.toFixed()).toBe('96.6');
    expect(tree.totals.net.toFixed()).toBe('83');
    expect(tree.rowCount).toBe(5);
  });

  it('groups by desk, in key order, with sums per desk', () => {
    expect(tree.children.map(describeNode)).toEqual(['equity(86.1/74)', 'rates(10.5/9)']);
  });

  it('carries the sums down every level to the rows', () => {
    const equity = tree.children[0];
    if (equity?.kind !== 'group') throw new Error('expected a group');
    expect(equity.children.map(describeNode)).toEqual(['ann(106.1/96)', 'bob(-20/-22)']);
    const ann = equity.children[0];
    if (ann?.kind !== 'group') throw new Error('expected a group');
    expect(ann.children.map(describeNode)).toEqual(['b1(5/4.75)', 'b2(101.1/91.25)']);
    const b2 = ann.children[1];
    if (b2?.kind !== 'group') throw new Error('expected a group');
    expect(b2.path).toEqual(['equity', 'ann', 'b2']);
    expect(b2.children.map(describeNode)).toEqual(['AAPL(1.1/1)', 'MSFT(100/90.25)']);
    const msft = b2.children[1];
    if (msft?.kind !== 'group') throw new Error('expected a group');
    expect(msft.field).toBe('symbol');
    expect(msft.children.map(describeNode)).toEqual(['MSFT']);
  });

  it('refuses rows in another currency, naming them', () => {
    const mixed = rollUp([...rows, { ...row('fx', 'eve', 'b9', 'SAP', '1', '1'), currency: 'EUR' }], spec);
    expect(mixed).toEqual({ ok: false, reason: 'mixedCurrencies', foreignCurrencies: ['EUR'] });
  });

  it('gives zero totals for no rows', () => {
    const empty = rollUp([] as Row[], spec);
    expect(empty.ok && empty.tree.totals.net.isZero() && empty.tree.children.length === 0).toBe(true);
  });
});

describe('flattenRollup', () => {
  const result = rollUp(rows, { currency: 'USD', keyPath: ['desk', 'trader'] as const, measures: ['net'] as const });
  if (!result.ok) throw new Error('unexpected currency mix');

  it('shows only the top level when nothing is expanded', () => {
    const lines = flattenRollup(result.tree, () => false);
    expect(lines.map((l) => (l.kind === 'group' ? `${l.depth}:${l.value}` : 'row'))).toEqual(['0:equity', '0:rates']);
  });

  it('opens the expanded groups, rows under the deepest level', () => {
    const open = new Set([groupId(['equity']), groupId(['equity', 'bob'])]);
    const lines = flattenRollup(result.tree, (path) => open.has(groupId(path)));
    expect(lines.map((l) => (l.kind === 'group' ? `${l.depth}:${l.value}:${l.totals.net.toFixed()}` : `${l.depth}:${l.row.symbol}`))).toEqual([
      '0:equity:74',
      '1:ann:96',
      '1:bob:-22',
      '2:AAPL',
      '0:rates:9',
    ]);
  });
});
