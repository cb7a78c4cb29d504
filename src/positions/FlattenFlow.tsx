import { type ReactNode, useEffect, useRef, useState } from 'react';
import type { Subscription } from 'rxjs';
import { useSession } from '../app/sessionContext.ts';
import { describeErrors, validateTicket } from '../core/ticket.ts';
import type { TicketDraft } from '../core/ticket.ts';
import { sessionClOrdId } from '../ticket/clOrdId.ts';
import { ConfirmDialog } from '../ticket/Modal.tsx';
import type { GatewayWarning } from '../ticket/sendState.ts';
import { WarningPanel } from '../ticket/WarningPanel.tsx';
import { flattenPlan } from './flatten.ts';
import type { PositionRow } from './positionRow.ts';

type Step =
  | { step: 'idle' }
  | { step: 'confirming'; draft: TicketDraft; summary: string; row: PositionRow }
  | { step: 'sending'; summary: string }
  | { step: 'warned'; clOrdId: string; draft: TicketDraft; summary: string; warnings: readonly GatewayWarning[] }
  | { step: 'done'; text: string; ok: boolean };

/**
 * Flatten, through the same path as the ticket: a confirmation, the ticket
 * rules in the browser, then placeOrder; a held order (orderWarning) is
 * shown and sent again with confirm only if the trader says so. Returns the
 * function the grid's button calls and what to render.
 */
export function useFlatten(): { start(row: PositionRow): void; view: ReactNode } {
  const session = useSession();
  const [state, setState] = useState<Step>({ step: 'idle' });
  const pending = useRef<Subscription | null>(null);
  useEffect(() => () => pending.current?.unsubscribe(), []);

  const start = (row: PositionRow) => {
    const plan = flattenPlan(row.position, session.instrument(row.symbol));
    setState(plan.ok ? { step: 'confirming', draft: plan.draft, summary: plan.summary, row } : { step: 'done', text: plan.reason, ok: false });
  };

  const send = (draft: TicketDraft, summary: string, clOrdId: string, confirm: boolean, justification?: string) => {
    const checked = validateTicket(draft, { instrument: session.instrument, accounts: session.user.accounts });
    if (!checked.ok) {
      setState({ step: 'done', text: `Flatten not sent: ${describeErrors(checked.errors)}`, ok: false });
      return;
    }
    setState({ step: 'sending', summary });
    pending.current = session.placeOrder(clOrdId, draft, { confirm, justification }).subscribe({
      next: (m) => {
        if (m.type === 'orderWarning') setState({ step: 'warned', clOrdId, draft, summary, warnings: m.warnings });
        else if (m.report.execType === 'rejected') setState({ step: 'done', text: `Flatten refused: ${m.report.order.text ?? 'no reason given'}`, ok: false });
        else setState({ step: 'done', text: `Flatten sent: ${summary} (${m.report.order.orderId})`, ok: true });
      },
      error: (err: unknown) => setState({ step: 'done', text: `Flatten failed: ${err instanceof Error ? err.message : String(err)}`, ok: false }),
    });
  };

  const idle = () => setState({ step: 'idle' });
  let view: ReactNode = null;
  if (state.step === 'confirming') {
    const { draft, summary, row } = state;
    view = (
      <ConfirmDialog
        title={`Flatten ${row.symbol}?`}
        testId="flatten-confirm"
        lines={[`${summary}.`, `Closes the whole position of ${row.quantity} ${row.symbol} (priced in ${row.currency}); it goes through the usual risk checks.`]}
        confirmLabel="Flatten"
        onConfirm={() => send(draft, summary, sessionClOrdId(session.user.username)(), false)}
        onCancel={idle}
      />
    );
  } else if (state.step === 'warned') {
    const { clOrdId, draft, summary, warnings } = state;
    view = (
      <WarningPanel
        state={{ status: 'warned', clOrdId, draft, summary, warnings }}
        onSendAnyway={(why) => send(draft, summary, clOrdId, true, why)}
        onBack={() => setState({ step: 'done', text: `Flatten not sent: ${summary}`, ok: false })}
      />
    );
  } else if (state.step === 'sending') {
    view = (
      <span className="flatten-status" data-testid="flatten-status">
        Sending: {state.summary}…
      </span>
    );
  } else if (state.step === 'done') {
    view = (
      <span className={`flatten-status ${state.ok ? 'good' : 'bad'}`} data-testid="flatten-status">
        {state.text}
      </span>
    );
  }
  return { start, view };
}
