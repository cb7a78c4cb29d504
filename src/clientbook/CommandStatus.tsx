import type { CommandState } from './useCommand.ts';

/** The outcome line under a form: sending, the confirmation, or the gateway's reason in red. */
export function CommandStatus({ status, testId }: { status: CommandState; testId?: string }) {
  if (status.state === 'idle') return null;
  const text = status.state === 'sending' ? 'Sending…' : status.message;
  const cls = status.state === 'error' ? 'bad' : status.state === 'done' ? 'good' : 'muted';
  return (
    <p className={`command-status ${cls}`} data-testid={testId} data-state={status.state} role={status.state === 'error' ? 'alert' : 'status'}>
      {text}
    </p>
  );
}
