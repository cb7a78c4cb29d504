import { useState } from 'react';
import type { SendState } from './sendState.ts';

type Warned = Extract<SendState, { status: 'warned' }>;

/**
 * The gateway held the order and said why. "Send anyway" places it with
 * confirm: true; a warning that needs a justification (an advisor overriding
 * suitability) asks for one in words first.
 */
export function WarningPanel({ state, onSendAnyway, onBack }: { state: Warned; onSendAnyway(justification: string | undefined): void; onBack(): void }) {
  const needsWhy = state.warnings.some((w) => w.requiresJustification);
  const [why, setWhy] = useState('');
  const ready = !needsWhy || why.trim().length > 0;
  return (
    <div className="warning-panel" role="alert" data-testid="order-warning">
      <strong>Not sent yet: {state.summary}</strong>
      <ul>
        {state.warnings.map((w) => (
          <li key={w.rule + w.message} data-rule={w.rule}>
            {w.message}
          </li>
        ))}
      </ul>
      {needsWhy && (
        <label>
          Justification (kept with the order)
          <textarea data-testid="order-warning-justification" maxLength={500} rows={2} value={why} onChange={(e) => setWhy(e.target.value)} />
        </label>
      )}
      <div className="modal-actions">
        <button type="button" className="modal-secondary" onClick={onBack} data-testid="order-warning-back">
          Back <kbd>Esc</kbd>
        </button>
        <button type="button" className="modal-primary" disabled={!ready} onClick={() => onSendAnyway(needsWhy ? why.trim() : undefined)} data-testid="order-warning-send">
          Send anyway
        </button>
      </div>
    </div>
  );
}
