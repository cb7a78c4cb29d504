import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import type { Subscription } from 'rxjs';
import { useSession } from '../app/sessionContext.ts';
import { dec } from '../core/decimal.ts';
import type { OrderWire } from '../core/protocol.ts';
import { formatPrice } from '../format/instrumentFormat.ts';
import { formatQty } from '../format/numbers.ts';
import { sessionClOrdId } from '../ticket/clOrdId.ts';
import { Modal } from '../ticket/Modal.tsx';
import { type AmendField, type AmendForm, amendFormOf, validateAmend } from './amendForm.ts';

type AmendState = { status: 'editing' } | { status: 'sending' } | { status: 'refused'; reason: string } | { status: 'cancelling' } | { status: 'cancelRefused'; reason: string };

interface Props {
  order: OrderWire;
  /** A price proposed by dragging the order's line on the chart. */
  proposed?: { limitPrice?: string; stopPrice?: string } | undefined;
  onClose(): void;
}

/** Amend a working order's quantity or prices (a cancel/replace); the gateway's refusal is shown here, in its words. */
export function AmendDialog({ order, proposed, onClose }: Props) {
  const session = useSession();
  const instrument = session.instrument(order.symbol);
  const [form, setForm] = useState<AmendForm>(() => amendFormOf(order, proposed));
  const [touched, setTouched] = useState(false);
  const [state, setState] = useState<AmendState>({ status: 'editing' });
  const pending = useRef<Subscription | null>(null);
  useEffect(() => () => pending.current?.unsubscribe(), []);
  const result = useMemo(() => validateAmend(order, form, (s) => session.instrument(s)), [order, form, session]);
  const errors = result.ok ? {} : result.errors;
  const nextClOrdId = sessionClOrdId(session.user.username);

  function edit(field: AmendField, value: string): void {
    setForm((f) => ({ ...f, [field]: value }));
    setTouched(true);
    if (state.status === 'refused' || state.status === 'cancelRefused') setState({ status: 'editing' });
  }

  function submit(e: FormEvent): void {
    e.preventDefault();
    setTouched(true);
    if (!result.ok || state.status === 'sending' || state.status === 'cancelling') return;
    setState({ status: 'sending' });
    pending.current = session.replaceOrder(order.orderId, nextClOrdId(), result.terms).subscribe({
      next: (msg) => (msg.type === 'cancelReject' ? setState({ status: 'refused', reason: msg.reason }) : onClose()),
      error: (err: unknown) => setState({ status: 'refused', reason: err instanceof Error ? err.message : String(err) }),
    });
  }

  /**
   * Cancels the order from here: the dialog is what a click on the order's line on the chart opens, and the chart
   * had no way to cancel (the issue asks for amend and cancel from the chart).
   */
  function cancelOrder(): void {
    if (state.status === 'sending' || state.status === 'cancelling') return;
    setState({ status: 'cancelling' });
    pending.current?.unsubscribe();
    pending.current = session.cancelOrder(order.orderId).subscribe({
      next: (msg) => (msg.type === 'cancelReject' ? setState({ status: 'cancelRefused', reason: msg.reason }) : onClose()),
      error: (err: unknown) => setState({ status: 'cancelRefused', reason: err instanceof Error ? err.message : String(err) }),
    });
  }

  const busy = state.status === 'sending' || state.status === 'cancelling';
  const message =
    state.status === 'refused'
      ? `Amend refused: ${state.reason}`
      : state.status === 'cancelRefused'
        ? `Cancel refused: ${state.reason}`
        : state.status === 'sending'
          ? 'Sending the amend…'
          : state.status === 'cancelling'
            ? 'Cancelling the order…'
            : touched
              ? (errors.form ?? '')
              : '';
  const refused = state.status === 'refused' || state.status === 'cancelRefused';

  const field = (name: AmendField, label: string) => (
    <label>
      {label}
      <input
        data-testid={`amend-${name}`}
        inputMode="decimal"
        value={form[name]}
        onChange={(e) => edit(name, e.target.value)}
        aria-invalid={touched && errors[name] !== undefined}
      />
      <span className="field-error" data-testid={`amend-error-${name}`}>
        {touched ? (errors[name] ?? '') : ''}
      </span>
    </label>
  );

  const filled = dec(order.cumQty);
  return (
    <Modal title={`Amend ${order.orderId}`} testId="amend-dialog" onClose={onClose}>
      <p className="muted">
        {order.side === 'buy' ? 'Buy' : order.side === 'sell' ? 'Sell' : 'Sell short'} {formatQty(dec(order.quantity))} {order.symbol}
        {order.limitPrice !== null ? ` @ ${formatPrice(order.limitPrice, instrument)}` : ''}
        {order.stopPrice !== null ? ` stop ${formatPrice(order.stopPrice, instrument)}` : ''}
        {filled.isZero() ? '' : ` · ${formatQty(filled)} filled`}
      </p>
      <form className="amend-form" onSubmit={submit} noValidate>
        {field('quantity', 'New total quantity')}
        {order.limitPrice !== null && field('limitPrice', 'Limit price')}
        {order.stopPrice !== null && field('stopPrice', 'Stop price')}
        <p className={refused ? 'bad' : 'muted'} data-testid="amend-message" role={refused ? 'alert' : undefined}>
          {message}
        </p>
        <div className="modal-actions">
          <button type="button" className="modal-secondary" onClick={onClose} data-testid="amend-close">
            Close <kbd>Esc</kbd>
          </button>
          <button type="submit" className="modal-primary" disabled={!result.ok || busy} data-testid="amend-send">
            Amend <kbd>Enter</kbd>
          </button>
          {/* Last in the tab order (Tab from a field reaches Close and Amend first), drawn at the left. */}
          <button type="button" className="modal-secondary cancel-order" onClick={cancelOrder} disabled={busy} data-testid="amend-cancel-order">
            Cancel order
          </button>
        </div>
      </form>
    </Modal>
  );
}
