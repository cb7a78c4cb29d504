/**
 * When the next open order runs out (DAY at its session close, GTD at its
 * expiry): a min-heap of due times, so the expiry sweep every second can tell
 * in O(log n) that nothing is due instead of walking every open order.
 * Entries are never updated: an order's due time does not change (a replace
 * changes quantity and prices only), and an order that is done is dropped
 * when its time reaches the top.
 *
 * The heap holds each due time once, with the ids of the orders due then in
 * a list: nearly every order of a day is due at its session's close, so a
 * day's orders share a handful of times. Per order that is one slot of a
 * list (8 bytes), where an {at, orderId} object and its boxed time were ~56
 * (test/unit/oms/referenceDueQueue.ts; the test checks both answer alike).
 */

/** The orders due at one time, oldest first; those before `head` are dropped. */
class DueAt {
  ids: string[] = [];
  head = 0;
  /** Out of the heap (all its orders dropped). */
  gone = false;
  constructor(readonly at: number) {}
}

export interface DueQueue {
  add(at: number, orderId: string): void;
  /**
   * Whether an order still open (`open(orderId)`) is due at `now`; entries of
   * orders no longer open are dropped on the way.
   */
  anyDue(now: number, open: (orderId: string) => boolean): boolean;
  readonly size: number;
}

export function createDueQueue(): DueQueue {
  const heap: DueAt[] = [];
  const byTime = new Map<number, DueAt>();
  let size = 0;
  /** The time last added to: a day's new orders are nearly all due at one close (no Map look-up of a double then). */
  let recent: DueAt | undefined;

  function up(i: number): void {
    const e = heap[i]!;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent]!;
      if (p.at <= e.at) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = e;
  }

  function down(i: number): void {
    const e = heap[i]!;
    const n = heap.length;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && heap[r]!.at < heap[l]!.at ? r : l;
      if (heap[c]!.at >= e.at) break;
      heap[i] = heap[c]!;
      i = c;
    }
    heap[i] = e;
  }

  function pop(): void {
    heap[0]!.gone = true;
    byTime.delete(heap[0]!.at);
    const last = heap.pop()!;
    if (heap.length === 0) return;
    heap[0] = last;
    down(0);
  }

  return {
    add(at, orderId) {
      let due = recent !== undefined && recent.at === at && !recent.gone ? recent : byTime.get(at);
      if (due === undefined) {
        byTime.set(at, (due = new DueAt(at)));
        heap.push(due);
        up(heap.length - 1);
      }
      due.ids.push(orderId);
      recent = due;
      size += 1;
    },
    anyDue(now, open) {
      while (heap.length > 0 && heap[0]!.at <= now) {
        const due = heap[0]!;
        const { ids } = due;
        while (due.head < ids.length) {
          if (open(ids[due.head]!)) {
            // Dropped ones are cut off once they are most of the list, so it stays within twice what it holds.
            if (due.head > 32 && due.head * 2 > ids.length) {
              due.ids = ids.slice(due.head);
              due.head = 0;
            }
            return true;
          }
          due.head += 1;
          size -= 1;
        }
        pop();
      }
      return false;
    },
    get size() {
      return size;
    },
  };
}
