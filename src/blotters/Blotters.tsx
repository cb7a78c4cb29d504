import { useCallback, useEffect, useState } from 'react';
import { take } from 'rxjs';
import { useSession } from '../app/sessionContext.ts';
import type { OrderWire } from '../core/protocol.ts';
import { AmendDialog } from './AmendDialog.tsx';
import { type AmendIntent, amendIntent$ } from './amendIntent.ts';
import { ExecutionBlotter } from './ExecutionBlotter.tsx';
import { OrderBlotter } from './OrderBlotter.tsx';
import { OrderHistoryPanel } from './OrderHistoryPanel.tsx';

type Tab = 'orders' | 'executions';
type Amending = { order: OrderWire; proposed: Omit<AmendIntent, 'orderId'>; seq: number };

/**
 * Orders and executions under one panel, with the amend dialog (opened from
 * the blotter or the chart) and an order's history beside the grid. A desk
 * head sees the trader column, history and cancel-all per trader.
 */
export function Blotters({ desk }: { desk: boolean }) {
  const session = useSession();
  const [tab, setTab] = useState<Tab>('orders');
  const [amending, setAmending] = useState<Amending | null>(null);
  const [historyOf, setHistoryOf] = useState<string | null>(null);

  useEffect(() => {
    if (desk) return;
    // The order as it stands now, from the latest state (the intent carries only its id);
    // a new intent (a line dragged again) opens the dialog afresh.
    const sub = amendIntent$.subscribe(({ orderId, ...proposed }) => {
      session.orders$.pipe(take(1)).subscribe((state) => {
        const order = state.orders.get(orderId);
        if (order) setAmending((prev) => ({ order, proposed, seq: (prev?.seq ?? 0) + 1 }));
      });
    });
    return () => sub.unsubscribe();
  }, [session, desk]);
  const closeAmend = useCallback(() => setAmending(null), []);
  const onHistory = useCallback((orderId: string) => setHistoryOf(orderId), []);

  return (
    <section className="panel blotters" data-testid="blotters">
      <div className="panel-head">
        <div className="tabs" role="tablist">
          <button type="button" role="tab" aria-selected={tab === 'orders'} className={tab === 'orders' ? 'on' : ''} onClick={() => setTab('orders')} data-testid="tab-orders">
            Orders
          </button>
          <button
            type="button"
            role="tab"
            aria-selected={tab === 'executions'}
            className={tab === 'executions' ? 'on' : ''}
            onClick={() => setTab('executions')}
            data-testid="tab-executions"
          >
            Executions
          </button>
        </div>
      </div>
      <div className={`panel-body blotters-body${historyOf ? ' with-history' : ''}`}>
        {tab === 'orders' ? <OrderBlotter desk={desk} onHistory={onHistory} /> : <ExecutionBlotter desk={desk} />}
        {historyOf && <OrderHistoryPanel orderId={historyOf} onClose={() => setHistoryOf(null)} />}
      </div>
      {amending && <AmendDialog key={amending.seq} order={amending.order} proposed={amending.proposed} onClose={closeAmend} />}
    </section>
  );
}
