import { useEffect, useRef, useState } from 'react';
import type { Subscription } from 'rxjs';
import { useSession } from '../app/sessionContext.ts';
import { defaultAccount } from '../ticket/defaultAccount.ts';
import { ConfirmDialog } from '../ticket/Modal.tsx';

/** Whose working orders a cancel-all takes: the user's own, one account's, or (for a desk head) one trader's. */
export type CancelAllScope = { kind: 'mine' } | { kind: 'account'; account: string } | { kind: 'trader'; trader: string };

type CancelAllState =
  | { status: 'idle' }
  | { status: 'confirming'; scope: CancelAllScope; count: number }
  | { status: 'sending'; scope: CancelAllScope }
  | { status: 'done'; scope: CancelAllScope; canceled: number }
  | { status: 'failed'; scope: CancelAllScope; message: string };

export function scopeWords(scope: CancelAllScope): string {
  if (scope.kind === 'mine') return 'all your working orders';
  if (scope.kind === 'account') return `every working order in account ${scope.account}`;
  return `every working order of ${scope.trader}`;
}

/** The working orders the scope covers, for the confirmation ("cancel 3 orders?"). */
export interface WorkingOrderLike {
  trader: string;
  account: string;
}
export function countInScope(orders: readonly WorkingOrderLike[], scope: CancelAllScope, me: string): number {
  return orders.filter((o) => (scope.kind === 'mine' ? o.trader === me : scope.kind === 'account' ? o.account === scope.account : o.trader === scope.trader)).length;
}

interface Props {
  desk: boolean;
  /** Working orders shown in the blotter. */
  working: readonly WorkingOrderLike[];
}

/**
 * Cancel-all with a confirmation: a trader for all their orders or one
 * account's, a desk head for one trader's. The gateway says how many cancels
 * it sent; each order's Canceled report then arrives in the blotter.
 */
export function CancelAllBar({ desk, working }: Props) {
  const session = useSession();
  const { user } = session;
  const traders = [...new Set(working.map((o) => o.trader))].sort();
  const [account, setAccount] = useState(() => defaultAccount(user.accounts, null));
  const [trader, setTrader] = useState('');
  const [state, setState] = useState<CancelAllState>({ status: 'idle' });
  const pending = useRef<Subscription | null>(null);
  useEffect(() => () => pending.current?.unsubscribe(), []);

  const ask = (scope: CancelAllScope): void => setState({ status: 'confirming', scope, count: countInScope(working, scope, user.username) });

  function send(scope: CancelAllScope): void {
    setState({ status: 'sending', scope });
    const request = scope.kind === 'mine' ? {} : scope.kind === 'account' ? { account: scope.account } : { trader: scope.trader };
    pending.current?.unsubscribe();
    pending.current = session.cancelAll(request).subscribe({
      next: (msg) => setState({ status: 'done', scope, canceled: msg.canceled }),
      error: (err: unknown) => setState({ status: 'failed', scope, message: err instanceof Error ? err.message : String(err) }),
    });
  }

  const chosenTrader = trader || traders[0] || '';
  return (
    <span className="cancel-all" data-testid="cancel-all">
      {!desk && (
        <>
          {/* Nothing working, nothing to cancel: the confirmation only ever said "0 orders are working". */}
          <button type="button" className="cell-button" disabled={countInScope(working, { kind: 'mine' }, user.username) === 0} onClick={() => ask({ kind: 'mine' })} data-testid="cancel-all-mine">
            Cancel all mine
          </button>
          {user.accounts.length > 1 && (
            <>
              <select value={account} onChange={(e) => setAccount(e.target.value)} data-testid="cancel-all-account-choice" aria-label="Account to cancel">
                {user.accounts.map((a) => (
                  <option key={a}>{a}</option>
                ))}
              </select>
              <button
                type="button"
                className="cell-button"
                disabled={countInScope(working, { kind: 'account', account }, user.username) === 0}
                onClick={() => ask({ kind: 'account', account })}
                data-testid="cancel-all-account"
              >
                Cancel account
              </button>
            </>
          )}
        </>
      )}
      {desk && (
        <>
          <select value={chosenTrader} onChange={(e) => setTrader(e.target.value)} data-testid="cancel-all-trader-choice" aria-label="Trader to cancel">
            {traders.length === 0 && <option value="">no working orders</option>}
            {traders.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
          <button type="button" className="cell-button" disabled={!chosenTrader} onClick={() => ask({ kind: 'trader', trader: chosenTrader })} data-testid="cancel-all-trader">
            Cancel trader's
          </button>
        </>
      )}
      {state.status === 'sending' && <span className="muted">Cancelling {scopeWords(state.scope)}…</span>}
      {state.status === 'done' && (
        <span className="muted" data-testid="cancel-all-result">
          {state.canceled === 1 ? '1 cancel sent' : `${state.canceled} cancels sent`}
        </span>
      )}
      {state.status === 'failed' && (
        <span className="bad" data-testid="cancel-all-result">
          Cancel-all refused: {state.message}
        </span>
      )}
      {state.status === 'confirming' && (
        <ConfirmDialog
          title="Cancel all?"
          testId="cancel-all-confirm"
          lines={[`Cancel ${scopeWords(state.scope)}?`, state.count === 1 ? '1 order is working.' : `${state.count} orders are working.`]}
          confirmLabel="Cancel them"
          onConfirm={() => send(state.scope)}
          onCancel={() => setState({ status: 'idle' })}
        />
      )}
    </span>
  );
}
