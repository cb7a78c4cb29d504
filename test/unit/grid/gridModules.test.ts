import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { AllCommunityModule, ColumnAutoSizeModule, type Module } from 'ag-grid-community';
import { describe, expect, it } from 'vitest';
import { AUTO_SIZE_GRID_MODULES, GLOBAL_GRID_MODULES } from '../../../src/grid/gridSetup.ts';

/*
 * Column auto-size is a per-grid module (its timers per updated row are paid
 * only by the grids that fit their width). These checks keep it that way: the
 * global list never brings it in, and a grid that auto-sizes carries it (a
 * grid without it would print ag-grid's missing-module error at runtime; the
 * e2e test test/e2e/grid-modules.test.ts watches the console for that).
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

  it('finds the grids in a source file, type argument and arrow functions included', () => {
    const source = `<div><AgGridReact<Row> a={(e) => e.x > 1} modules={AUTO_SIZE_GRID_MODULES} /></div><AgGridReact b="1">x</AgGridReact>`;
    expect(gridElements(source)).toEqual(['<AgGridReact<Row> a={(e) => e.x > 1} modules={AUTO_SIZE_GRID_MODULES} />', '<AgGridReact b="1">']);
  });

  it('every grid in src/ that sizes its columns carries the module', () => {
    const missing: string[] = [];
    const autoSizing: string[] = [];
    for (const file of tsxFiles(SRC)) {
      const source = readFileSync(file, 'utf8');
      const grids = gridElements(source);
      const outside = grids.reduce((rest, tag) => rest.replace(tag, ''), source);
      // An api call outside the grid's props (a ref, a button) can reach any grid of the file: all of them need it then.
      const fileCallsApi = AUTO_SIZE_API.test(outside);
      grids.forEach((tag, n) => {
        if (!fileCallsApi && !AUTO_SIZE_PROP.test(tag) && !AUTO_SIZE_API.test(tag)) return;
        const name = `${relative(SRC, file)} grid ${n + 1}`;
        autoSizing.push(name);
        if (!WITH_MODULE.test(tag)) missing.push(name);
      });
    }
    expect(missing).toEqual([]);
    // The client book's list, accounts and holdings today; a new one is fine, none is a broken scan.
    expect(autoSizing.length).toBeGreaterThanOrEqual(3);
  });
});
