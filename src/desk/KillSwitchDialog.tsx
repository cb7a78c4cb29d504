import { useState } from 'react';
import type { KillSwitchScopeWire, KillSwitchWire } from '../core/protocol/risk.ts';
import { Modal } from '../ticket/Modal.tsx';
import { MAX_REASON, MODE_LABEL, consequence, describeSwitch, reasonProblem, scopeLabel } from './killSwitchView.ts';

export type KillSwitchAsk = { action: 'set'; mode: 'halted' | 'reducing'; scope: KillSwitchScopeWire } | { action: 'clear'; scope: KillSwitchScopeWire; current: KillSwitchWire };

/**
 * The confirmation before a switch is set or cleared. Setting one needs a
 * reason (kept with it and shown to the trader whose orders are refused);
 * clearing takes one if the desk head gives it.
 */
export function KillSwitchDialog({ ask, busy, error, onConfirm, onCancel }: { ask: KillSwitchAsk; busy: boolean; error: string | null; onConfirm(reason: string): void; onCancel(): void }) {
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const required = ask.action === 'set';
  const problem = reasonProblem(reason, required);
  const who = scopeLabel(ask.scope);
  const title = ask.action === 'set' ? `Set ${who} to ${MODE_LABEL[ask.mode]}?` : `Clear ${MODE_LABEL[ask.current.mode]} on ${who}?`;
  return (
    <Modal title={title} testId="kill-switch-dialog" onClose={onCancel} tone="warn">
      {ask.action === 'set' ? <p>{consequence(ask.mode, ask.scope)}</p> : <p>Now: {describeSwitch(ask.current)}. Clearing lets {who} trade normally again.</p>}
      <label className="justification">
        Reason {required ? '(required, kept with the switch)' : '(optional, kept in the history)'}
        <textarea
          data-testid="kill-switch-reason"
          data-autofocus
          maxLength={MAX_REASON}
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          onBlur={() => setTouched(true)}
          onKeyDown={(e) => {
            // Enter confirms, as in the other dialogs (in an emergency the desk head types a reason and presses Enter,
            // which only added a line); Shift+Enter still starts a new line.
            if (e.key !== 'Enter' || e.shiftKey) return;
            e.preventDefault();
            setTouched(true);
            if (problem === null && !busy) onConfirm(reason);
          }}
        />
      </label>
      {touched && problem && <p className="bad">{problem}</p>}
      {error && (
        <p className="bad" data-testid="kill-switch-error">
          {error}
        </p>
      )}
      <div className="modal-actions">
        <button type="button" className="modal-secondary" onClick={onCancel} data-testid="kill-switch-cancel">
          Back <kbd>Esc</kbd>
        </button>
        <button
          type="button"
          className={`modal-primary${ask.action === 'set' ? ' danger' : ''}`}
          disabled={problem !== null || busy}
          onClick={() => onConfirm(reason)}
          data-testid="kill-switch-confirm"
        >
          {busy ? 'Sending…' : ask.action === 'set' ? `Set ${MODE_LABEL[ask.mode]}` : 'Clear'} {!busy && <kbd>Enter</kbd>}
        </button>
      </div>
    </Modal>
  );
}
