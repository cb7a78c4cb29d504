import { useCallback, useEffect, useState } from 'react';
import { pairwise } from 'rxjs';
import { useSession } from '../app/sessionContext.ts';
import { type Toast, TOAST_MS, newReports, pushToasts, toastOf } from './toastOf.ts';

/**
 * A toast for every fill and reject of the orders this user sees, stacked in
 * the corner and gone by themselves. The first state (the snapshot at login)
 * raises none: those are old news.
 */
export function Toasts() {
  const session = useSession();
  const [stack, setStack] = useState<Toast[]>([]);

  useEffect(() => {
    const sub = session.orders$.pipe(pairwise()).subscribe(([prev, next]) => {
      const added = newReports(prev, next)
        .map((r) => toastOf(r, session.instrument(r.order.symbol), session.user.username))
        .filter((t): t is Toast => t !== undefined);
      if (added.length > 0) setStack((s) => pushToasts(s, added));
    });
    return () => sub.unsubscribe();
  }, [session]);

  // Stable, so a toast's timer is not restarted by every render of the stack.
  const dismiss = useCallback((id: string): void => setStack((s) => s.filter((t) => t.id !== id)), []);
  return (
    <div className="toasts" data-testid="toasts" role="status" aria-live="polite">
      {stack.map((t) => (
        <ToastItem key={t.id} toast={t} onDismiss={dismiss} />
      ))}
    </div>
  );
}

function ToastItem({ toast, onDismiss }: { toast: Toast; onDismiss(id: string): void }) {
  useEffect(() => {
    const timer = setTimeout(() => onDismiss(toast.id), TOAST_MS[toast.tone]);
    return () => clearTimeout(timer);
  }, [toast, onDismiss]);
  return (
    <div className={`toast toast-${toast.tone}`} data-testid="toast" data-tone={toast.tone} data-order-id={toast.orderId}>
      <div className="toast-text">
        <strong>{toast.title}</strong>
        <span>{toast.body}</span>
      </div>
      <button type="button" className="toast-close" aria-label="Dismiss" onClick={() => onDismiss(toast.id)}>
        ×
      </button>
    </div>
  );
}
