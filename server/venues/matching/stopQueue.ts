import type { Side } from '../../../src/core/order.ts';
import type { OrderNode } from './orderNode.ts';

/**
 * Pending stop orders of one side, kept so that the next to trigger is last.
 * A buy stop triggers when a trade prints at or above its stop price (lowest
 * stop first), a sell stop at or below it (highest first); ties trigger in
 * arrival order. Stops are rare next to limit orders, so a sorted array is
 * plenty.
 */
export class StopQueue {
  private readonly pending: OrderNode[] = [];

  constructor(readonly side: Side) {}

  get size(): number {
    return this.pending.length;
  }

  /** Whether a trade at this tick triggers a stop of this side at stopTick. */
  reaches(stopTick: number, tradeTick: number): boolean {
    return this.side === 'buy' ? tradeTick >= stopTick : tradeTick <= stopTick;
  }

  add(node: OrderNode): void {
    const pending = this.pending;
    // Find the first index from which every stop triggers before the new one.
    let lo = 0;
    let hi = pending.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.triggersBefore(pending[mid]!, node)) hi = mid;
      else lo = mid + 1;
    }
    pending.splice(lo, 0, node);
  }

  remove(node: OrderNode): void {
    const i = this.pending.lastIndexOf(node);
    if (i >= 0) this.pending.splice(i, 1);
  }

  /**
   * Takes out, in trigger order, every stop reached by a trade at `tradeTick`
   * (the highest print for buy stops, the lowest for sell stops).
   */
  takeReached(tradeTick: number, into: OrderNode[]): void {
    const pending = this.pending;
    for (;;) {
      const next = pending[pending.length - 1];
      if (next === undefined || !this.reaches(next.stopTick, tradeTick)) return;
      pending.pop();
      into.push(next);
    }
  }

  private triggersBefore(a: OrderNode, b: OrderNode): boolean {
    if (a.stopTick === b.stopTick) return a.stopSeq < b.stopSeq;
    return this.side === 'buy' ? a.stopTick < b.stopTick : a.stopTick > b.stopTick;
  }
}
