/**
 * Reference for server/oms/dueQueue.ts (kept by test/unit/oms/dueQueue.test.ts): the heap of one
 * {at, orderId} object per order it replaced, which kept ~56 bytes per order of the day.
 *
 * When the next open order runs out (DAY at its session close, GTD at its
 * expiry): a min-heap of due times, so the expiry sweep every second can tell
 * in O(log n) that nothing is due instead of walking every open order.
 * Entries are never updated: an order's due time does not change (a replace
 * changes quantity and prices only), and an order that is done is dropped
 * when it reaches the top.
 */
interface Entry {
  readonly at: number;
  readonly orderId: string;
}

interface DueQueue {
  add(at: number, orderId: string): void;
  /**
   * Whether an order still open (`open(orderId)`) is due at `now`; entries of
   * orders no longer open are dropped on the way.
   */
  anyDue(now: number, open: (orderId: string) => boolean): boolean;
  readonly size: number;
}

export function createReferenceDueQueue(): DueQueue {
  const heap: Entry[] = [];

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
    const last = heap.pop()!;
    if (heap.length === 0) return;
    heap[0] = last;
    down(0);
  }

  return {
    add(at, orderId) {
      heap.push({ at, orderId });
      up(heap.length - 1);
    },
    anyDue(now, open) {
      while (heap.length > 0 && heap[0]!.at <= now) {
        if (open(heap[0]!.orderId)) return true;
        pop();
      }
      return false;
    },
    get size() {
      return heap.length;
    },
  };
}
