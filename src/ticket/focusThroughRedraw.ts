/**
 * Keeps the keyboard user's place when a grid redraws the row that holds the
 * focused button: ag-grid replaces a row's cells when its order changes, so
 * the Amend button the amend dialog hands the focus back to, or the Cancel
 * button just pressed, leaves the page a moment later and the focus falls to
 * the body (the next Tab starts again from the top of the page). When `el`
 * leaves the page with the focus in the next few seconds, the first control
 * found by `testIds` (the same button drawn again, or another of its row's)
 * takes it.
 */
export function keepFocusThroughRedraw(el: HTMLElement, testIds: readonly string[], windowMs = REDRAW_WINDOW_MS): void {
  // Looked at once a frame rather than on focusout: a removed element does not always report losing the focus,
  // and ag-grid draws the row's new cells in a later frame than the one that took the old ones away.
  const until = performance.now() + windowMs;
  const look = (): void => {
    if (document.activeElement !== el && !focusIsLost()) return; // the trader has moved on
    if (!el.isConnected && focusIsLost()) {
      const next = firstFound(testIds);
      if (next) {
        next.focus();
        return;
      }
    }
    if (performance.now() < until) requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}

/** Long enough for the report that redraws the row (an amend's, a cancel's) on a busy gateway. */
const REDRAW_WINDOW_MS = 3_000;

function firstFound(testIds: readonly string[]): HTMLElement | null {
  for (const id of testIds) {
    const found = document.querySelector<HTMLElement>(`[data-testid="${CSS.escape(id)}"]`);
    if (found) return found;
  }
  return null;
}

/** Nothing has the focus: it went down with a removed element (or was never anywhere). */
export function focusIsLost(): boolean {
  return document.activeElement === null || document.activeElement === document.body;
}
