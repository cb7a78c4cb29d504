import { AllCommunityModule, ColumnAutoSizeModule, type Module, ModuleRegistry, colorSchemeDark, themeQuartz } from 'ag-grid-community';

/**
 * Every Community module but column auto-size, for every grid. With the
 * auto-size module, ag-grid-react 36 starts a setTimeout for every row whose
 * data changes (and every rowData update), to queue resizes behind it: the
 * blotters, positions and the desk monitor paid ~1.2 timer tasks per row
 * update for a feature they never use. Read from AllCommunityModule, so an
 * upgrade that adds a module still gets it.
 */
export const GLOBAL_GRID_MODULES: readonly Module[] = (AllCommunityModule.dependsOn ?? []).filter((m) => m !== ColumnAutoSizeModule);

/**
 * For a grid that sizes its columns (`autoSizeStrategy`, `sizeColumnsToFit`,
 * `autoSizeColumns`): pass as its `modules` prop. A constant, so the grid is
 * given the same array on every render.
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
