import type { DeskLevel, DeskLineWire } from '../core/protocol/desk.ts';

/** A roll-up line as the grid shows it: where it sits in the tree and whether it is open. */
export interface VisibleLine {
  readonly line: DeskLineWire;
  /** 0 for a desk, 3 for an instrument: the indentation. */
  readonly depth: number;
  readonly hasChildren: boolean;
  readonly expanded: boolean;
}

/**
 * ag-grid Community has no tree data, so the tree is flattened here: each
 * line followed by its children while it is expanded, siblings in the
 * gateway's order. Built from parentId alone, so it holds whatever order the
 * lines arrive in; a line whose parent is missing is shown at the top rather
 * than lost.
 */
export function visibleLines(lines: readonly DeskLineWire[], expanded: ReadonlySet<string>): VisibleLine[] {
  const ids = new Set(lines.map((l) => l.id));
  const children = new Map<string | null, DeskLineWire[]>();
  for (const l of lines) {
    const parent = l.parentId !== null && ids.has(l.parentId) ? l.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(l);
    children.set(parent, list);
  }
  const out: VisibleLine[] = [];
  const visit = (parent: string | null, depth: number): void => {
    for (const line of children.get(parent) ?? []) {
      const hasChildren = children.has(line.id);
      const open = hasChildren && expanded.has(line.id);
      out.push({ line, depth, hasChildren, expanded: open });
      if (open) visit(line.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

/** Opens or closes one line; closing keeps what was open below it, so reopening shows it as it was. */
export function toggleExpanded(expanded: ReadonlySet<string>, id: string): Set<string> {
  const next = new Set(expanded);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}

const DEPTH: Record<DeskLevel, number> = { desk: 0, trader: 1, book: 2, instrument: 3 };

/** Every line above `level` opened: "show me down to the books". */
export function expandedDownTo(lines: readonly DeskLineWire[], level: DeskLevel): Set<string> {
  return new Set(lines.filter((l) => DEPTH[l.level] < DEPTH[level]).map((l) => l.id));
}
