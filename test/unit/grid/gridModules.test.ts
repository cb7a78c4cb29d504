import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { AllCommunityModule, ColumnAutoSizeModule, type Module } from 'ag-grid-community';
import { describe, expect, it } from 'vitest';
import { AUTO_SIZE_GRID_MODULES, GLOBAL_GRID_MODULES } from '../../../src/grid/gridSetup.ts';

/*
 * Column auto-size is a per-grid module: with it ag-grid-react starts a timer
 * per updated row, so it goes only where row updates are few. These checks
 * keep it that way: the global list never brings it in; a grid that
 * auto-sizes carries it (a grid without it would print ag-grid's
 * missing-module error at runtime; test/e2e/grid-modules.test.ts watches the
 * console for that); the grids updated per order event carry it too, for a
 * trader's double-click fit on a column's edge, and build their rows keeping
 * unchanged objects (one order event = its own row); no other grid has it,
 * never the watchlist (updated per quote).
 */

const SRC = resolve(import.meta.dirname, '../../../src');

/** Every module a list registers, dependencies included, by name. */
function reachable(modules: readonly Module[]): Set<string> {
  const seen = new Set<string>();
  const visit = (m: Module) => {
    if (seen.has(m.moduleName)) return;
    seen.add(m.moduleName);
    for (const d of m.dependsOn ?? []) visit(d);
  };
  modules.forEach(visit);
  return seen;
}

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return tsxFiles(path);
    return e.name.endsWith('.tsx') ? [path] : [];
  });
}

/** The opening tag of each `<AgGridReact …>` in a source file (props included; braces and a type argument skipped). */
function gridElements(source: string): string[] {
  const tags: string[] = [];
  let from = 0;
  for (;;) {
    const start = source.indexOf('<AgGridReact', from);
    if (start < 0) return tags;
    let i = start + '<AgGridReact'.length;
    // A type argument of something else (useRef<AgGridReact<Row>>) is no element: an identifier stands right before it.
    if (/[\w$]/.test(source[start - 1] ?? '')) {
      from = i;
      continue;
    }
    if (source[i] === '<') {
      // A type argument: <AgGridReact<Row> …>
      let angle = 0;
      for (; i < source.length; i += 1) {
        if (source[i] === '<') angle += 1;
        else if (source[i] === '>' && --angle === 0) break;
      }
      i += 1;
    }
    let braces = 0;
    for (; i < source.length; i += 1) {
      const c = source[i];
      if (c === '{') braces += 1;
      else if (c === '}') braces -= 1;
      else if (c === '>' && braces === 0) break;
    }
    tags.push(source.slice(start, i + 1));
    from = i + 1;
  }
}

const AUTO_SIZE_PROP = /\bautoSizeStrategy=/;
const AUTO_SIZE_API = /\.(sizeColumnsToFit|autoSizeColumns|autoSizeAllColumns)\(/;
const WITH_MODULE = /\bmodules=\{AUTO_SIZE_GRID_MODULES\}/;

describe('ag-grid modules', () => {
  it('registers every Community module globally except column auto-size', () => {
    const global = reachable(GLOBAL_GRID_MODULES);
    expect(global.has(ColumnAutoSizeModule.moduleName)).toBe(false);
    // AutoWidth, auto-size's own dependency, also comes with column resize in ag-grid's core (registered by every grid).
    const leftOut = new Set(['AllCommunity', ColumnAutoSizeModule.moduleName, 'AutoWidth']);
    const everyOther = [...reachable([AllCommunityModule])].filter((name) => !leftOut.has(name));
    expect(everyOther.length).toBeGreaterThan(40);
    for (const name of everyOther) expect(global, name).toContain(name);
  });

  it('gives a grid that auto-sizes the column auto-size module', () => {
    expect(reachable(AUTO_SIZE_GRID_MODULES).has(ColumnAutoSizeModule.moduleName)).toBe(true);
  });

  it('finds the grids in a source file, type argument and arrow functions included, a useRef type argument left out', () => {
    const source = `const ref = useRef<AgGridReact<Row>>(null);<div><AgGridReact<Row> a={(e) => e.x > 1} modules={AUTO_SIZE_GRID_MODULES} /></div><AgGridReact b="1">x</AgGridReact>`;
    expect(gridElements(source)).toEqual(['<AgGridReact<Row> a={(e) => e.x > 1} modules={AUTO_SIZE_GRID_MODULES} />', '<AgGridReact b="1">']);
  });

  it('every grid in src/ that sizes its columns carries the module', () => {
    const grids = gridsInSrc();
    const autoSizing = grids.filter((g) => g.sizesColumns);
    expect(autoSizing.filter((g) => !g.withModule).map((g) => g.name)).toEqual([]);
    // The client book's list, accounts and holdings today; a new one is fine, none is a broken scan.
    expect(autoSizing.length).toBeGreaterThanOrEqual(3);
  });

  it('the grids updated per order event carry the module (double-click fit) and keep the rows of what did not change', () => {
    const grids = gridsInSrc();
    for (const file of PER_ORDER_EVENT) {
      const inFile = grids.filter((g) => g.file === file);
      expect(inFile.length, file).toBeGreaterThan(0);
      for (const g of inFile) expect(g.withModule, g.name).toBe(true);
      // A timer per row update is fine only where an event updates its own row: rows built with the row-identity helpers.
      expect(readFileSync(join(SRC, file), 'utf8'), file).toMatch(KEEPS_ROWS);
    }
  });

  it('no other grid carries the module: never the watchlist or another grid updated per quote', () => {
    const grids = gridsInSrc();
    const allowed = new Set(PER_ORDER_EVENT);
    const extra = grids.filter((g) => g.withModule && !g.sizesColumns && !allowed.has(g.file)).map((g) => g.name);
    expect(extra).toEqual([]);
    const watchlist = grids.filter((g) => g.file.startsWith('watchlist/'));
    expect(watchlist.length).toBeGreaterThan(0);
    for (const g of watchlist) expect(g.withModule, g.name).toBe(false);
  });
});

/** The grids updated per order event, by file under src/: they get the module back for double-click fit. */
const PER_ORDER_EVENT = ['blotters/OrderBlotter.tsx', 'blotters/ExecutionBlotter.tsx', 'positions/PositionsPanel.tsx', 'desk/RollupPanel.tsx', 'desk/LimitsPanel.tsx'];
/** src/blotters/rowMemo.ts's users: rows memoised by the stream's object, or kept when equal. */
const KEEPS_ROWS = /\b(orderRows|fillRows|positionRows|useStableRows)\(/;

interface GridInSource {
  file: string;
  name: string;
  sizesColumns: boolean;
  withModule: boolean;
}

function gridsInSrc(): GridInSource[] {
  return tsxFiles(SRC).flatMap((path) => {
    const source = readFileSync(path, 'utf8');
    const tags = gridElements(source);
    const outside = tags.reduce((rest, tag) => rest.replace(tag, ''), source);
    // An api call outside the grid's props (a ref, a button) can reach any grid of the file: all of them size then.
    const fileCallsApi = AUTO_SIZE_API.test(outside);
    const file = relative(SRC, path).split(sep).join('/');
    return tags.map((tag, n) => ({
      file,
      name: `${file} grid ${n + 1}`,
      sizesColumns: fileCallsApi || AUTO_SIZE_PROP.test(tag) || AUTO_SIZE_API.test(tag),
      withModule: WITH_MODULE.test(tag),
    }));
  });
}
