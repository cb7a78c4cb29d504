import { Fragment, useMemo } from 'react';
import { useSession } from '../app/sessionContext.ts';
import { useObservable } from '../app/useObservable.ts';
import { NO_ORDERS, executionsOf } from '../streams/ordersState.ts';
import { historyRow } from './orderHistory.ts';

/** Every state change of one order, oldest first, from the execution reports the terminal holds. */
export function OrderHistoryPanel({ orderId, onClose }: { orderId: string; onClose(): void }) {
  const session = useSession();
  const state = useObservable(session.orders$, NO_ORDERS);
  const order = state.orders.get(orderId);
  const rows = useMemo(() => executionsOf(state, orderId).map((e) => historyRow(e, session.instrument(e.order.symbol))), [state, orderId, session]);
  return (
    <aside className="order-history" data-testid="order-history" data-order-id={orderId} aria-label={`History of order ${orderId}`}>
      <div className="order-history-head">
        <strong>
          History {orderId}
          {order ? ` · ${order.symbol}` : ''}
        </strong>
        <button type="button" className="link-button" onClick={onClose} data-testid="history-close" aria-label="Close the history">
          ×
        </button>
      </div>
      <table>
        <thead>
          <tr>
            <th>Time</th>
            <th>Event</th>
            <th>Status</th>
            <th>Terms / fill</th>
            <th>ClOrdID</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <Fragment key={r.execId}>
              <tr data-testid="history-row" data-event={r.event} className={r.text ? 'with-text' : undefined}>
                <td className="num muted">{r.time}</td>
                <td>{r.event}</td>
                <td>{r.status}</td>
                <td className="num">{r.detail}</td>
                <td className="muted">{r.clOrdId}</td>
              </tr>
              {/* The reason (a reject's, a cancel's) on its own line across the panel: as a last column it ran
                  off the side of the narrow panel, past the ClOrdID, where a trader never saw it. */}
              {r.text && (
                <tr className="history-text-row" data-testid="history-text">
                  <td colSpan={5}>{r.text}</td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <p className="muted">No reports yet.</p>}
    </aside>
  );
}
