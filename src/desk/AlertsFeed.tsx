import type { AlertWire } from '../core/protocol/desk.ts';
import type { DeskState } from '../streams/deskState.ts';

const clock = (ms: number) => new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
const LEVEL_WORD: Record<AlertWire['level'], string> = { breach: 'BREACH', warning: 'WARNING', cleared: 'CLEARED' };

/** Limit alerts as they happen, newest on top, with what the gateway did about each. */
export function AlertsFeed({ desk }: { desk: DeskState | null }) {
  const alerts = desk?.alerts ?? [];
  return (
    <section className="panel desk-alerts" data-testid="desk-alerts">
      <div className="panel-head">
        <h2>
          Alerts <span className="muted">{alerts.length === 0 ? 'none today' : `${alerts.length}`}</span>
        </h2>
      </div>
      <div className="panel-body alert-list" role="log" aria-live="polite">
        {alerts.map((a) => (
          <div key={a.id} className={`alert alert-${a.level}`} data-testid="desk-alert" data-level={a.level} data-name={a.name}>
            <span className="alert-time num muted">{clock(a.ts)}</span>
            <span className="alert-level">{LEVEL_WORD[a.level]}</span>
            {/* The level is in its own column: the message need not say it again. */}
            <span className="alert-message">{a.message.replace(/^(breach|warning|cleared):\s*/i, '')}</span>
            {a.action && <span className="alert-action">→ {a.action}</span>}
          </div>
        ))}
        {alerts.length === 0 && <p className="muted empty-note">No limit warnings or breaches so far.</p>}
      </div>
    </section>
  );
}
