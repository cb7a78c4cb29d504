/**
 * A roll-up tree as the flat list of lines a plain grid shows: each group
 * line followed by its children when expanded, with its depth for the
 * indentation. Expansion is the caller's state, asked for by group path.
 */
import type { RollupNode, RollupTree, Totals } from './rollup.ts';

export type RollupLine<R, M extends string> =
  | {
      readonly kind: 'group';
      readonly depth: number;
      readonly id: string;
      readonly field: string;
      readonly value: string;
      readonly path: readonly string[];
      readonly totals: Totals<M>;
      readonly rowCount: number;
      readonly expanded: boolean;
    }
  | { readonly kind: 'row'; readonly depth: number; readonly row: R };

/** A stable id for a group path, safe to use as a grid row id. */
export function groupId(path: readonly string[]): string {
  return JSON.stringify(path);
}

export function flattenRollup<R, M extends string>(
  tree: RollupTree<R, M>,
  isExpanded: (path: readonly string[]) => boolean,
): RollupLine<R, M>[] {
  const lines: RollupLine<R, M>[] = [];
  const visit = (nodes: readonly RollupNode<R, M>[], depth: number): void => {
    for (const node of nodes) {
      if (node.kind === 'row') {
        lines.push({ kind: 'row', depth, row: node.row });
        continue;
      }
      const expanded = isExpanded(node.path);
      const { field, value, path, totals, rowCount } = node;
      lines.push({ kind: 'group', depth, id: groupId(path), field, value, path, totals, rowCount, expanded });
      if (expanded) visit(node.children, depth + 1);
    }
  };
  visit(tree.children, 0);
  return lines;
}
