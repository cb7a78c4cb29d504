import { useState } from 'react';
import { Modal } from './Modal.tsx';
import type { SendState } from './sendState.ts';

type Warned = Extract<SendState, { status: 'warned' }>;

/**
 * The gateway held the order and said why, in a dialog the trader cannot
 * miss. "Send anyway" places it with confirm: true; a warning that needs a
 * justification (an advisor overriding suitability) asks for one in words first.
 */
export function WarningPanel({ state, onSendAnyway, onBack }: { state: Warned; onSendAnyway(justification: string | undefined): void; onBack(): void }) {
  const needsWhy = state.warnings.some((w) => w.requiresJustification);
  const [why, setWhy] = useState('');
  const ready = !needsWhy || why.trim().length > 0;
  return (
    <Modal title="The gateway held this order" testId="order-warning" onClose={onBack} tone="warn">
      <p>
        <strong>Not sent yet: {state.summary}</strong>
      </p>
      <ul className="warning-list" role="alert">
        {state.warnings.map((w) => (
          <li key={w.rule + w.message} data-rule={w.rule}>
            {w.message}
          </li>
        ))}
      </ul>
      {needsWhy && (
        <label className="justification">
          Justification (kept with the order)
          <textarea data-testid="order-warning-justification" maxLength={500} rows={3} value={why} onChange={(e) => setWhy(e.target.value)} />
        </label>
      )}
      <div className="modal-actions">
        <button type="button" className="modal-secondary" onClick={onBack} data-testid="order-warning-back">
          Back <kbd>Esc</kbd>
        </button>
        <button
          type="button"
          className="modal-primary"
          data-autofocus={needsWhy ? undefined : true}
          disabled={!ready}
          onClick={() => onSendAnyway(needsWhy ? why.trim() : undefined)}
          data-testid="order-warning-send"
        >
          Send anyway {!needsWhy && <kbd>Enter</kbd>}
        </button>
      </div>
    </Modal>
  );
}
