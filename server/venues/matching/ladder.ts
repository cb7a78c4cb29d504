import type { Side } from '../../../src/core/order.ts';
import { Level } from './level.ts';

/** Probes from the best end before falling back to binary search. */
const NEAR_TOUCH = 8;

/**
 * The price levels of one side of a book, sorted from worst to best so that
 * the best level is the last element: taking it, emptying it and adding a
 * level near the top of the book (where nearly all activity is) touch only the
 * end of the arrays. A level is found by searching a parallel array of sort
 * keys from the best end, which beats hashing the tick for the near-touch
 * prices orders mostly carry.
 */
export class Ladder {
  /** Levels from worst to best: bids ascending, asks descending. */
  readonly levels: Level[] = [];
  /** tick × direction for each level, ascending. */
  private readonly keys: number[] = [];
  private readonly spare: Level[] = [];
  /** +1 for bids (higher is better), -1 for asks. */
  private readonly direction: 1 | -1;

  constructor(readonly side: Side) {
    this.direction = side === 'buy' ? 1 : -1;
  }

  best(): Level | undefined {
    return this.levels[this.levels.length - 1];
  }

  get(tick: number): Level | undefined {
    const i = this.search(tick * this.direction);
    const level = this.levels[i];
    return level !== undefined && level.tick === tick ? level : undefined;
  }

  /** The level at this tick, created in its place when there is none. */
  levelAt(tick: number): Level {
    const key = tick * this.direction;
    const i = this.search(key);
    const found = this.levels[i];
    if (found !== undefined && this.keys[i] === key) return found;
    const level = this.spare.pop() ?? new Level();
    level.tick = tick;
    const levels = this.levels;
    const keys = this.keys;
    // Open a slot at i by shifting the better levels up one; a hand loop, as
    // splice allocates an array for what it removes and inserts usually land
    // a few places from the end.
    let j = levels.length;
    levels.push(level);
    keys.push(key);
    for (; j > i; j--) {
      levels[j] = levels[j - 1]!;
      keys[j] = keys[j - 1]!;
    }
    levels[i] = level;
    keys[i] = key;
    return level;
  }

  /** Drops an empty level. */
  remove(level: Level): void {
    const last = this.levels.length - 1;
    if (this.levels[last] === level) {
      this.levels.pop();
      this.keys.pop();
    } else {
      const i = this.search(level.tick * this.direction);
      if (this.levels[i] !== level) throw new Error(`level ${level.tick} is not in the ${this.side} ladder`);
      const levels = this.levels;
      const keys = this.keys;
      for (let j = i; j < last; j++) {
        levels[j] = levels[j + 1]!;
        keys[j] = keys[j + 1]!;
      }
      levels.pop();
      keys.pop();
    }
    level.lots = 0;
    level.orders = 0;
    level.head = null;
    level.tail = null;
    this.spare.push(level);
  }

  /** Index of the first key ≥ key (levels.length when all are smaller). */
  private search(key: number): number {
    const keys = this.keys;
    let hi = keys.length;
    const stop = hi > NEAR_TOUCH ? hi - NEAR_TOUCH : 0;
    while (hi > stop && keys[hi - 1]! >= key) hi--;
    if (hi > stop || stop === 0) return hi;
    let lo = 0;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (keys[mid]! < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
