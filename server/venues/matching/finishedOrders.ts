/** How an order that left the venue's books ended. */
export type Finish = 'filled' | 'canceled' | 'rejected';

/**
 * How many finished orders the venue remembers. The memory is only there to
 * word a cancel or replace that crossed the order's last event ("order is
 * filled" rather than "not open at the venue"): the OMS refuses a cancel of an
 * order it already knows is done, so only commands sent while the order's
 * last reports were still on their way reach the venue for a finished order —
 * a window of milliseconds. 100,000 is over three seconds of the order path's
 * 30,000 orders/s target, and hours at a desk's real rate, for a few MB at
 * most (the ids are the OMS's own strings; this keeps a Map entry and a slot
 * each). An order older than that gets the generic wording, which is still
 * true.
 */
export const FINISHED_ORDERS_KEPT = 100_000;

/**
 * The most recent finished orders and how each ended, oldest forgotten first,
 * so a venue open all day (or all week, GTC) does not grow with every order
 * it ever saw. The ids are kept in a ring in the order they finished: noting
 * one past capacity drops the oldest with one Map delete and no allocation
 * (a Map's keys() iterator would make an object per finish on the order path).
 */
export class FinishedOrders {
  private readonly how = new Map<string, Finish>();
  /** Ids in the order they were first noted; grown up to capacity, then overwritten from `next` on. */
  private readonly ring: string[] = [];
  private next = 0;

  constructor(readonly capacity: number = FINISHED_ORDERS_KEPT) {
    if (!Number.isSafeInteger(capacity) || capacity < 1) throw new Error(`capacity must be a positive integer, not ${capacity}`);
  }

  get size(): number {
    return this.how.size;
  }

  /** How the order ended, when it is among the most recent `capacity` finished. */
  get(orderId: string): Finish | undefined {
    return this.how.get(orderId);
  }

  /** Records how an order ended; noting it again updates the outcome but not its age. */
  note(orderId: string, how: Finish): void {
    const before = this.how.size;
    this.how.set(orderId, how);
    // Already held: its slot in the ring stays where it is (a second slot would evict it early).
    if (this.how.size === before) return;
    const ring = this.ring;
    if (ring.length < this.capacity) {
      ring.push(orderId);
      return;
    }
    this.how.delete(ring[this.next]!);
    ring[this.next] = orderId;
    this.next = this.next + 1 === this.capacity ? 0 : this.next + 1;
  }
}
