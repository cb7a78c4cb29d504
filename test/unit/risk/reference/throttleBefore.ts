// The risk code as it was before the per-order cost cut (issue 4), kept verbatim as the reference the fast paths are compared with (riskFastPath.test.ts, test/bench/oms/riskCheck.bench.ts). Do not optimise.
/**
 * Orders per connection within a sliding window. Every order that reaches
 * the check counts, refused or not: a runaway script that keeps sending stays
 * throttled until it slows down.
 */
export class SessionThrottle {
  private readonly sent = new Map<number, number[]>();
  private calls = 0;

  /** Records one order at `now`; answers how many the window holds with it, and whether that is within `maxOrders`. */
  record(sessionId: number, now: number, maxOrders: number, perMs: number): { ok: boolean; count: number } {
    if (++this.calls % 1024 === 0) this.sweep(now, perMs);
    let times = this.sent.get(sessionId);
    if (!times) this.sent.set(sessionId, (times = []));
    prune(times, now - perMs);
    times.push(now);
    return { ok: times.length <= maxOrders, count: times.length };
  }

  /** Drops connections with nothing left in their window, so closed connections do not pile up. */
  private sweep(now: number, perMs: number): void {
    for (const [id, times] of this.sent) {
      prune(times, now - perMs);
      if (times.length === 0) this.sent.delete(id);
    }
  }
}

function prune(times: number[], after: number): void {
  let k = 0;
  while (k < times.length && times[k]! <= after) k++;
  if (k > 0) times.splice(0, k);
}
