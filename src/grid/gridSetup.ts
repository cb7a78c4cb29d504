import { AllCommunityModule, ColumnAutoSizeModule, type Module, ModuleRegistry, colorSchemeDark, themeQuartz } from 'ag-grid-community';

/**
 * Every Community module but column auto-size, for every grid. With the
 * auto-size module, ag-grid-react 36 starts a setTimeout for every row whose
 * data changes (and every rowData update), to queue resizes behind it, so
 * only a grid with few row updates carries it (see AUTO_SIZE_GRID_MODULES).
 * Read from AllCommunityModule, so an upgrade that adds a module still gets it.
 */
export const GLOBAL_GRID_MODULES: readonly Module[] = (AllCommunityModule.dependsOn ?? []).filter((m) => m !== ColumnAutoSizeModule);

/**
 * For a grid that sizes its columns (`autoSizeStrategy`, `sizeColumnsToFit`,
 * `autoSizeColumns`), and for a grid updated per order event whose rows keep
 * their objects when unchanged (the blotters, positions, the desk monitor:
 * src/blotters/rowMemo.ts), so a trader's double-click on a column's edge
 * fits it: pass as its `modules` prop. Never a grid updated per quote (the
 * watchlist): a timer per row update there is thousands a second.
 * test/unit/grid/gridModules.test.ts lists the grids that may carry it.
 * A constant, so the grid is given the same array on every render.
 */
export const AUTO_SIZE_GRID_MODULES: Module[] = [ColumnAutoSizeModule];

/** Called once from main.tsx, before the first grid renders. */
export function registerGridModules(): void {
  ModuleRegistry.registerModules([...GLOBAL_GRID_MODULES]);
}

/** Dense and dark: a trader reads many rows at once, all day. */
export const terminalGridTheme = themeQuartz.withPart(colorSchemeDark).withParams({
  backgroundColor: '#0f131a',
  foregroundColor: '#d5dbe3',
  headerBackgroundColor: '#151b24',
  headerTextColor: '#8b97a8',
  chromeBackgroundColor: '#121821',
  borderColor: '#202836',
  oddRowBackgroundColor: '#111720',
  rowHoverColor: '#1a2230',
  selectedRowBackgroundColor: '#1d2b42',
  accentColor: '#4c8dff',
  fontFamily: ['Inter', 'Segoe UI', 'Helvetica Neue', 'Liberation Sans', 'Arial', 'sans-serif'],
  fontSize: 12,
  headerFontSize: 11,
  headerFontWeight: 600,
  spacing: 4,
  rowHeight: 24,
  headerHeight: 26,
  wrapperBorder: false,
  wrapperBorderRadius: 0,
  cellHorizontalPadding: 8,
  // Only a tick up or down flashes (terminal.css colours those): a cell filled for the first time stays calm.
  valueChangeValueHighlightBackgroundColor: 'transparent',
});
