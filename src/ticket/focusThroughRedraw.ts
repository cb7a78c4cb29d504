/**
 * Keeps the keyboard user's place when a grid redraws the row that holds the
 * focused button: ag-grid replaces a row's cells when its order changes, so
 * the Amend button the amend dialog hands the focus back to, or the Cancel
 * button just pressed, leaves the page a moment later and the focus falls to
 * the body (the next Tab starts again from the top of the page). When `el`
 * loses the focus by leaving the page, the first control found by `testIds`
 * (the same button drawn again, or another of its row's) takes it.
 */
export function keepFocusThroughRedraw(el: HTMLElement, testIds: readonly string[]): void {
  el.addEventListener(
    'focusout',
    () =>
      requestAnimationFrame(() => {
        if (el.isConnected || !focusIsLost()) return;
        for (const id of testIds) {
          const next = document.querySelector<HTMLElement>(`[data-testid="${CSS.escape(id)}"]`);
          if (next) {
            next.focus();
            return;
          }
        }
      }),
    { once: true },
  );
}

/** Nothing has the focus: it went down with a removed element (or was never anywhere). */
export function focusIsLost(): boolean {
  return document.activeElement === null || document.activeElement === document.body;
}
