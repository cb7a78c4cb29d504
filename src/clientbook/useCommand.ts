import { useCallback, useEffect, useRef, useState } from 'react';
import type { Observable, Subscription } from 'rxjs';
import { errorText } from '../streams/clientBook.ts';

export type CommandState = { state: 'idle' } | { state: 'sending' } | { state: 'done'; message: string } | { state: 'error'; message: string };

/**
 * Sends one gateway command at a time for a form and keeps what came of it:
 * the form shows "Sending…", then the confirmation or the gateway's reason.
 */
export function useCommand<T>(): { status: CommandState; run: (request: Observable<T>, done: (answer: T) => string) => void; reset: () => void } {
  const [status, setStatus] = useState<CommandState>({ state: 'idle' });
  const sub = useRef<Subscription | null>(null);
  useEffect(() => () => sub.current?.unsubscribe(), []);
  const run = useCallback((request: Observable<T>, done: (answer: T) => string) => {
    sub.current?.unsubscribe();
    setStatus({ state: 'sending' });
    sub.current = request.subscribe({
      next: (answer) => setStatus({ state: 'done', message: done(answer) }),
      error: (err: unknown) => setStatus({ state: 'error', message: errorText(err) }),
    });
  }, []);
  const reset = useCallback(() => setStatus({ state: 'idle' }), []);
  return { status, run, reset };
}
