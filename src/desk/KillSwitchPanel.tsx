import { useEffect, useMemo, useRef, useState } from 'react';
import type { Subscription } from 'rxjs';
import { useSession } from '../app/sessionContext.ts';
import { useObservable } from '../app/useObservable.ts';
import { NO_ORDERS } from '../streams/ordersState.ts';
import type { DeskState } from '../streams/deskState.ts';
import { KillSwitchDialog, type KillSwitchAsk } from './KillSwitchDialog.tsx';
import { MODE_LABEL, describeEvent, describeSwitch, killTargets } from './killSwitchView.ts';

/**
 * The kill switch per trader, per desk and for everyone: the state of each,
 * HALTED or REDUCING behind a confirmation with a reason, clear behind
 * another, and the history of who set and who cleared what.
 */
export function KillSwitchPanel({ desk }: { desk: DeskState | null }) {
  const session = useSession();
  const state = useObservable(session.killSwitch.state$, null);
  const orders = useObservable(session.orders$, NO_ORDERS);
  const traders = useMemo(() => new Set([...orders.orders.values()].map((o) => o.trader)), [orders]);
  const targets = useMemo(() => killTargets(desk?.lines ?? [], traders, session.user.desk, state?.switches ?? []), [desk?.lines, traders, session.user.desk, state?.switches]); // eslint-disable-line react-hooks/exhaustive-deps
  const [ask, setAsk] = useState<KillSwitchAsk | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const pending = useRef<Subscription | null>(null);
  useEffect(() => () => pending.current?.unsubscribe(), []);

  const open = (a: KillSwitchAsk) => {
    setError(null);
    setAsk(a);
  };
  const send = (reason: string) => {
    if (!ask) return;
    setBusy(true);
    const request = ask.action === 'set' ? session.killSwitch.set(ask.scope, ask.mode, reason) : session.killSwitch.clear(ask.scope, reason);
    pending.current = request.subscribe({
      next: (m) => {
        setBusy(false);
        setAsk(null);
        const what = m.event.action === 'set' ? `${MODE_LABEL[m.event.mode]} set` : `${MODE_LABEL[m.event.mode]} cleared`;
        setNotice(m.canceled ? `${what}; ${m.canceled} working order${m.canceled === 1 ? '' : 's'} canceled` : what);
      },
      error: (err: unknown) => {
        setBusy(false);
        setError(err instanceof Error ? err.message : String(err));
      },
    });
  };

  const history = state?.history ?? [];
  return (
    <section className="panel kill-switch" data-testid="kill-switch">
      <div className="panel-head">
        <h2>
          Kill switch <span className="muted">{state ? `${state.switches.length} in force` : 'loading…'}</span>
        </h2>
        {notice && (
          <span className="kill-notice" data-testid="kill-switch-notice">
            {notice}
          </span>
        )}
      </div>
      <div className="panel-body kill-body">
        <table className="kill-table">
          <tbody>
            {targets.map((t) => (
              <tr key={t.key} data-testid={`kill-target-${t.key}`} className={t.current ? `kill-on kill-${t.current.mode}` : ''}>
                <td className="kill-who">{t.label}</td>
                <td className="kill-state" data-testid={`kill-state-${t.key}`}>
                  {t.current ? (
                    <>
                      <strong className={`kill-mode ${t.current.mode}`}>{MODE_LABEL[t.current.mode]}</strong>{' '}
                      <span className="muted" title={t.current.reason}>
                        {describeSwitch(t.current).slice(MODE_LABEL[t.current.mode].length + 1)}
                      </span>
                    </>
                  ) : (
                    <span className="muted">Trading</span>
                  )}
                </td>
                <td className="kill-actions">
                  <button type="button" className="kill-btn halt" onClick={() => open({ action: 'set', mode: 'halted', scope: t.scope })} data-testid={`kill-halt-${t.key}`} disabled={t.current?.mode === 'halted'}>
                    Halt
                  </button>
                  <button type="button" className="kill-btn reduce" onClick={() => open({ action: 'set', mode: 'reducing', scope: t.scope })} data-testid={`kill-reduce-${t.key}`} disabled={t.current?.mode === 'reducing'}>
                    Reduce
                  </button>
                  <button type="button" className="kill-btn clear" onClick={() => t.current && open({ action: 'clear', scope: t.scope, current: t.current })} data-testid={`kill-clear-${t.key}`} disabled={!t.current}>
                    Clear
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3 className="kill-history-head">History</h3>
        <ol className="kill-history" data-testid="kill-history" reversed>
          {[...history].reverse().map((e) => (
            <li key={e.seq} className={`kill-event ${e.action}`} data-testid="kill-event" data-action={e.action}>
              {describeEvent(e)}
            </li>
          ))}
          {history.length === 0 && <li className="muted">Nothing set or cleared yet.</li>}
        </ol>
      </div>
      {ask && <KillSwitchDialog ask={ask} busy={busy} error={error} onConfirm={send} onCancel={() => setAsk(null)} />}
    </section>
  );
}
