/** A fixed-capacity FIFO: pushing onto a full ring drops the oldest item, so memory stays bounded. */
export class Ring<T> {
  private readonly items: (T | undefined)[];
  private start = 0;
  private count = 0;

  constructor(readonly capacity: number) {
    if (!Number.isSafeInteger(capacity) || capacity < 1) throw new Error(`ring capacity must be a positive integer, got ${capacity}`);
    this.items = [];
  }

  get size(): number {
    return this.count;
  }

  push(item: T): void {
    if (this.count < this.capacity) {
      this.items[(this.start + this.count) % this.capacity] = item;
      this.count += 1;
    } else {
      this.items[this.start] = item;
      this.start = (this.start + 1) % this.capacity;
    }
  }

  /** Newest item, or undefined when empty. */
  last(): T | undefined {
    return this.count === 0 ? undefined : this.items[(this.start + this.count - 1) % this.capacity];
  }

  /** The newest `n` items (all when n ≥ size), oldest first. */
  newest(n: number): T[] {
    const take = Math.max(0, Math.min(n, this.count));
    const out: T[] = new Array(take);
    for (let k = 0; k < take; k++) out[k] = this.items[(this.start + this.count - take + k) % this.capacity] as T;
    return out;
  }
}
