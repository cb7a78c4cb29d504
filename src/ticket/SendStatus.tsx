import { useMemo } from 'react';
import { map } from 'rxjs';
import { useSession } from '../app/sessionContext.ts';
import { useObservable } from '../app/useObservable.ts';
import { STATUS_LABEL } from '../core/order.ts';
import type { OrderWire } from '../core/protocol.ts';
import type { SendState } from './sendState.ts';

/** The outcome of the last send, following the order live once the gateway has taken it. */
export function SendStatus({ state }: { state: SendState }) {
  const session = useSession();
  const orderId = state.status === 'accepted' ? state.orderId : '';
  const order$ = useMemo(() => session.orders$.pipe(map((s): OrderWire | undefined => s.orders.get(orderId))), [session, orderId]);
  const order = useObservable(order$, undefined);

  if (state.status === 'idle') return <p className="send-status muted" data-testid="ticket-result" />;
  if (state.status === 'confirming') {
    return (
      <p className="send-status warn" data-testid="ticket-result" data-state="confirming">
        Confirm {state.summary}?
      </p>
    );
  }
  if (state.status === 'warned') {
    return (
      <p className="send-status warn" data-testid="ticket-result" data-state="warned">
        Held by the gateway: {state.warnings.length === 1 ? '1 warning' : `${state.warnings.length} warnings`}
      </p>
    );
  }
  if (state.status === 'sending') {
    return (
      <p className="send-status" data-testid="ticket-result" data-state="sending">
        Sending {state.summary}…
      </p>
    );
  }
  if (state.status === 'failed') {
    return (
      <p className="send-status bad" data-testid="ticket-result" data-state="failed">
        Not sent: {state.message}
      </p>
    );
  }
  if (state.status === 'rejected') {
    return (
      <p className="send-status bad" data-testid="ticket-result" data-state="rejected">
        Rejected {state.summary}: {state.text}
      </p>
    );
  }
  const status = order?.status ?? 'pendingNew';
  const tone = status === 'rejected' ? 'bad' : status === 'filled' ? 'good' : '';
  return (
    <p className={`send-status ${tone}`} data-testid="ticket-result" data-state="accepted" data-order-id={state.orderId} data-order-status={status}>
      {state.summary} · <strong>{STATUS_LABEL[status]}</strong>
      {order && order.text ? ` · ${order.text}` : ''}
      <span className="muted"> {state.orderId}</span>
    </p>
  );
}
