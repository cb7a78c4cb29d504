import type { EventLog } from './events.ts';
import type { OrderBook } from './orderBook.ts';
import type { BookSide } from './bookPlan.ts';

/** One level the maker wants to show: a price in book ticks and a size in lots. */
export interface MakerLevel {
  readonly tick: number;
  readonly lots: number;
}

interface MakerOrder {
  readonly id: number;
  readonly side: BookSide;
  readonly tick: number;
  /** Lots the book knows as the order's total (filled included), as an amend needs it. */
  total: number;
  leaves: number;
}

/** The owner id of the market maker in every book; traders are numbered from 1. */
export const MAKER_OWNER = 0;

/**
 * The simulated market's liquidity inside one book: a participant that is not
 * a trader and keeps one resting order at each level of the simulator's depth.
 * On each new depth it moves its orders there with as few book commands as it
 * can: levels that left are canceled (first, so its new orders never meet its
 * old ones), a level whose size changed is amended (a smaller size keeps its
 * queue place, a larger one goes to the back, as for anyone), new levels are
 * added. A new level that crosses a trader's resting order trades with it at
 * the trader's price: that is how the market moving through a limit fills it.
 * Trades and cancels of its orders are told to it by the venue, which reads
 * the book's events (`traded`, `gone`).
 */
export class MarketMaker {
  private readonly orders = new Map<number, MakerOrder>();
  /**
   * The maker's orders of each side in the order they were placed (at most one per tick): a side holds
   * a dozen, so an array read by index beats a Map and its iterator on every re-quote.
   */
  private readonly at: Record<BookSide, MakerOrder[]> = { buy: [], sell: [] };
  // Reused from one re-quote to the next: it runs on every quote of every open book.
  private readonly wanted: Record<BookSide, number[]> = { buy: [], sell: [] };
  private readonly given: Record<BookSide, number[]> = { buy: [], sell: [] };
  private readonly stale: number[] = [];

  owns(id: number): boolean {
    return this.orders.has(id);
  }

  sideOf(id: number): BookSide | undefined {
    return this.orders.get(id)?.side;
  }

  get size(): number {
    return this.orders.size;
  }

  /** A maker order traded `lots`; forgotten once nothing is left. */
  traded(id: number, lots: number): void {
    const o = this.orders.get(id);
    if (o === undefined) return;
    o.leaves -= lots;
    if (o.leaves <= 0) this.forget(o);
  }

  /** A maker order left the book (canceled). */
  gone(id: number): void {
    const o = this.orders.get(id);
    if (o !== undefined) this.forget(o);
  }

  /**
   * Moves the maker's orders to these levels. `nextId` hands out book ids;
   * `absorb` reads each command's events before the next command runs (the
   * book reuses its event log).
   */
  requote(book: OrderBook, bids: readonly MakerLevel[], asks: readonly MakerLevel[], nextId: () => number, absorb: (log: EventLog) => void): void {
    this.requotePairs(book, pairsInto(this.given.buy, bids), pairsInto(this.given.sell, asks), nextId, absorb);
  }

  /**
   * requote with each side's levels as flat tick, lots pairs (the simulator's order): a level with no
   * positive tick or lots, or a tick repeated, is left out. Nothing is allocated once the maker's
   * buffers have grown, and a quote whose levels the maker already shows issues no command.
   */
  requotePairs(book: OrderBook, bids: readonly number[], asks: readonly number[], nextId: () => number, absorb: (log: EventLog) => void): void {
    const wanted = this.wanted;
    fill(wanted.buy, bids);
    fill(wanted.sell, asks);
    // Levels that left, both sides' first (so new orders never meet the maker's old ones), oldest order first.
    const stale = this.stale;
    let staleCount = 0;
    for (let k = 0; k < SIDES.length; k++) {
      const side = SIDES[k]!;
      const mine = this.at[side];
      const want = wanted[side];
      for (let i = 0; i < mine.length; i++) if (!hasTick(want, mine[i]!.tick)) stale[staleCount++] = mine[i]!.id;
    }
    for (let i = 0; i < staleCount; i++) absorb(book.cancel(stale[i]!));
    for (let k = 0; k < SIDES.length; k++) {
      const side = SIDES[k]!;
      const want = wanted[side];
      for (let i = 0; i < want.length; i += 2) {
        const tick = want[i]!;
        const lots = want[i + 1]!;
        const o = orderAt(this.at[side], tick);
        if (o === undefined) {
          const id = nextId();
          const placed: MakerOrder = { id, side, tick, total: lots, leaves: lots };
          this.orders.set(id, placed);
          this.at[side].push(placed);
          absorb(book.limit(id, MAKER_OWNER, side, tick, lots, 'gtc'));
        } else if (o.leaves !== lots) {
          const total = o.total - o.leaves + lots;
          o.total = total;
          o.leaves = lots;
          absorb(book.amend(o.id, tick, total));
        }
      }
    }
  }

  private forget(o: MakerOrder): void {
    this.orders.delete(o.id);
    const mine = this.at[o.side];
    const i = mine.indexOf(o);
    if (i < 0) return;
    // Shifted down by hand: splice makes an array of what it removed.
    for (let j = i; j + 1 < mine.length; j++) mine[j] = mine[j + 1]!;
    mine.pop();
  }
}

const SIDES = ['buy', 'sell'] as const;

/** The maker's order at a tick of one side, if any. */
function orderAt(mine: readonly MakerOrder[], tick: number): MakerOrder | undefined {
  for (let i = 0; i < mine.length; i++) if (mine[i]!.tick === tick) return mine[i];
  return undefined;
}

/** Whether flat tick, lots pairs hold this tick. */
function hasTick(pairs: readonly number[], tick: number): boolean {
  for (let i = 0; i < pairs.length; i += 2) if (pairs[i] === tick) return true;
  return false;
}

/** Levels as flat tick, lots pairs, written into `into`. */
function pairsInto(into: number[], levels: readonly MakerLevel[]): number[] {
  for (let k = 0; k < levels.length; k++) {
    into[2 * k] = levels[k]!.tick;
    into[2 * k + 1] = levels[k]!.lots;
  }
  into.length = 2 * levels.length;
  return into;
}

/** The levels to show, in the simulator's order: a level without a positive tick and lots, or a repeated tick, is left out. */
function fill(into: number[], pairs: readonly number[]): void {
  let n = 0;
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    const tick = pairs[i]!;
    const lots = pairs[i + 1]!;
    if (!(tick > 0) || !(lots > 0)) continue;
    let seen = false;
    for (let j = 0; j < n; j += 2) if (into[j] === tick) seen = true;
    if (seen) continue;
    into[n++] = tick;
    into[n++] = lots;
  }
  into.length = n;
}
