import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef } from 'react';
import { focusIsLost, keepFocusThroughRedraw } from './focusThroughRedraw.ts';

interface Props {
  title: string;
  testId: string;
  onClose(): void;
  children: ReactNode;
  tone?: 'warn' | 'plain';
}

/**
 * A small dialog over the workspace: Escape closes it, focus starts on its
 * first field (or button) and keys pressed inside stay inside, so the
 * ticket's global hotkeys do not fire behind it.
 */
export function Modal({ title, testId, onClose, children, tone = 'plain' }: Props) {
  const titleId = useId();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Whoever opened the dialog (an Amend or Flatten button, a ticket field) gets the focus back when it closes,
    // so the keyboard user carries on where they were instead of starting again from the top of the page.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const el = box.current;
    const first = el?.querySelector<HTMLElement>('[data-autofocus]') ?? el?.querySelector<HTMLElement>('input, textarea, select, button');
    first?.focus();
    return () => {
      // Only when the focus went down with the dialog (to the page body): never take it from a field that claimed it since.
      if (opener?.isConnected && focusIsLost()) {
        opener.focus();
        // The opener may be a grid's button whose row the dialog's own action redraws (an amended order): follow it.
        const id = opener.getAttribute('data-testid');
        if (id) keepFocusThroughRedraw(opener, [id]);
      }
    };
  }, []);
  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={box}
        className={`modal modal-${tone}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid={testId}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Tab') keepTabInside(e, box.current);
          if (e.key === 'Escape') {
            e.preventDefault();
            onClose();
          }
        }}
      >
        <h3 id={titleId}>{title}</h3>
        {children}
      </div>
    </div>
  );
}

/** Tab past the last control comes back to the first (Shift+Tab the other way): a modal dialog does not let focus wander behind it. */
function keepTabInside(e: KeyboardEvent<HTMLDivElement>, box: HTMLElement | null): void {
  const controls = [...(box?.querySelectorAll<HTMLElement>('input, textarea, select, button, a[href], [tabindex]') ?? [])].filter(
    (c) => c.tabIndex >= 0 && !c.hasAttribute('disabled'),
  );
  const first = controls[0];
  const last = controls[controls.length - 1];
  if (!first || !last) return;
  if (e.shiftKey && document.activeElement === first) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && document.activeElement === last) {
    e.preventDefault();
    first.focus();
  }
}

/** "Are you sure?": one sentence, a confirm button and a way out. Enter confirms, Escape backs out. */
export function ConfirmDialog({
  title,
  testId,
  lines,
  confirmLabel,
  onConfirm,
  onCancel,
}: {
  title: string;
  testId: string;
  lines: readonly string[];
  confirmLabel: string;
  onConfirm(): void;
  onCancel(): void;
}) {
  return (
    <Modal title={title} testId={testId} onClose={onCancel} tone="warn">
      {lines.map((l) => (
        <p key={l}>{l}</p>
      ))}
      <div className="modal-actions">
        <button type="button" className="modal-secondary" onClick={onCancel} data-testid={`${testId}-cancel`}>
          Back <kbd>Esc</kbd>
        </button>
        <button type="button" className="modal-primary" data-autofocus onClick={onConfirm} data-testid={`${testId}-confirm`}>
          {confirmLabel} <kbd>Enter</kbd>
        </button>
      </div>
    </Modal>
  );
}
