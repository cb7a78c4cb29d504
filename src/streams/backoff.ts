/** How long to wait before the next reconnect attempt. */
export interface BackoffPolicy {
  readonly initialMs: number;
  readonly maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 250, maxMs: 8_000 };

/**
 * Doubles per failed attempt and stops growing at the cap, so a gateway that
 * restarts is found within seconds and a dead one is not hammered.
 */
export function reconnectDelay(attempt: number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  const exponent = Math.max(0, Math.min(attempt, 30));
  return Math.min(policy.maxMs, policy.initialMs * 2 ** exponent);
}
