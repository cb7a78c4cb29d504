/**
 * Live orders by id: an open-addressing hash table (linear probing, Fibonacci
 * hashing, backward-shift deletion so no tombstones pile up) over a typed
 * array of keys. Every resting order is inserted once and removed once, and
 * every new order is looked up for a duplicate id, so this sits on the hot
 * path; it is several times cheaper there than a Map<number, V>.
 * Keys are non-negative safe integers; -1 marks an empty slot.
 */
export class IdTable<V> {
  private keys: Float64Array;
  private values: (V | undefined)[];
  private mask: number;
  private shift: number;
  private count = 0;

  constructor(initialCapacity = 1024) {
    let capacity = 16;
    while (capacity < initialCapacity) capacity *= 2;
    this.keys = new Float64Array(capacity).fill(-1);
    this.values = new Array<V | undefined>(capacity).fill(undefined);
    this.mask = capacity - 1;
    this.shift = 32 - Math.log2(capacity);
  }

  get size(): number {
    return this.count;
  }

  get(key: number): V | undefined {
    const keys = this.keys;
    let i = this.slot(key);
    for (;;) {
      const k = keys[i]!;
      if (k === key) return this.values[i];
      if (k === -1) return undefined;
      i = (i + 1) & this.mask;
    }
  }

  has(key: number): boolean {
    return this.get(key) !== undefined;
  }

  /** Inserts or replaces. */
  set(key: number, value: V): void {
    if ((this.count + 1) * 2 > this.keys.length) this.grow();
    const keys = this.keys;
    let i = this.slot(key);
    for (;;) {
      const k = keys[i]!;
      if (k === key) {
        this.values[i] = value;
        return;
      }
      if (k === -1) {
        keys[i] = key;
        this.values[i] = value;
        this.count += 1;
        return;
      }
      i = (i + 1) & this.mask;
    }
  }

  delete(key: number): boolean {
    const keys = this.keys;
    const values = this.values;
    const mask = this.mask;
    let i = this.slot(key);
    for (;;) {
      const k = keys[i]!;
      if (k === -1) return false;
      if (k === key) break;
      i = (i + 1) & mask;
    }
    // Backward shift: pull later members of the probe run into the hole when
    // their home slot does not lie between the hole and where they sit.
    let hole = i;
    let j = i;
    for (;;) {
      j = (j + 1) & mask;
      const k = keys[j]!;
      if (k === -1) break;
      const home = this.slot(k);
      const movable = hole <= j ? home <= hole || home > j : home <= hole && home > j;
      if (movable) {
        keys[hole] = k;
        values[hole] = values[j];
        hole = j;
      }
    }
    keys[hole] = -1;
    values[hole] = undefined;
    this.count -= 1;
    return true;
  }

  /** A copy of the values in slot order (not insertion order); safe to delete from the table while walking it. */
  toArray(): V[] {
    const out: V[] = [];
    const keys = this.keys;
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] !== -1) out.push(this.values[i]!);
    }
    return out;
  }

  private slot(key: number): number {
    // Fold the high word in so ids beyond 2^32 still spread; the division is
    // skipped for the usual small ids.
    const mixed = key <= 0xffffffff ? key | 0 : (key | 0) ^ ((key / 4294967296) | 0);
    return Math.imul(mixed, 0x9e3779b1) >>> this.shift;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldValues = this.values;
    const capacity = oldKeys.length * 2;
    this.keys = new Float64Array(capacity).fill(-1);
    this.values = new Array<V | undefined>(capacity).fill(undefined);
    this.mask = capacity - 1;
    this.shift = 32 - Math.log2(capacity);
    this.count = 0;
    for (let i = 0; i < oldKeys.length; i++) {
      const k = oldKeys[i]!;
      if (k !== -1) this.set(k, oldValues[i]!);
    }
  }
}
