import { EMPTY, type MonoTypeOperatorFunction, catchError } from 'rxjs';

/**
 * A failed gateway request inside a live stream is logged and skipped: the
 * stream keeps its last state and tries again after the next reconnect,
 * instead of erroring every panel that listens.
 */
export function skipFailure<T>(what: string): MonoTypeOperatorFunction<T> {
  return catchError((err: unknown) => {
    console.warn(`[${what}] ${err instanceof Error ? err.message : String(err)}`);
    return EMPTY;
  });
}
