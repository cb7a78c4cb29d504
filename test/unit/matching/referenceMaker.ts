// The market maker as it was before it kept its orders and levels in flat arrays (issue 4, MKT2): kept as the
// reference the new one is checked against (test/unit/matching/makerReference.test.ts). Do not use it in the gateway.
import type { EventLog } from '../../../server/venues/matching/events.ts';
import type { OrderBook } from '../../../server/venues/matching/orderBook.ts';
import type { BookSide } from '../../../server/venues/matching/bookPlan.ts';

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
const MAKER_OWNER = 0;

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
export class ReferenceMarketMaker {
  private readonly orders = new Map<number, MakerOrder>();
  private readonly at: Record<BookSide, Map<number, MakerOrder>> = { buy: new Map(), sell: new Map() };
  // Reused from one re-quote to the next: it runs on every quote of every open book.
  private readonly wanted: Record<BookSide, Map<number, number>> = { buy: new Map(), sell: new Map() };
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
    const wanted = this.wanted;
    fill(wanted.buy, bids);
    fill(wanted.sell, asks);
    const stale = this.stale;
    stale.length = 0;
    for (const side of SIDES) for (const o of this.at[side].values()) if (!wanted[side].has(o.tick)) stale.push(o.id);
    for (const id of stale) absorb(book.cancel(id));
    for (const side of SIDES) {
      for (const [tick, lots] of wanted[side]) {
        const o = this.at[side].get(tick);
        if (o === undefined) {
          const id = nextId();
          const placed: MakerOrder = { id, side, tick, total: lots, leaves: lots };
          this.orders.set(id, placed);
          this.at[side].set(tick, placed);
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
    if (this.at[o.side].get(o.tick) === o) this.at[o.side].delete(o.tick);
  }
}

const SIDES = ['buy', 'sell'] as const;

/** Levels by tick, in the simulator's order; a repeated tick or an empty level is left out. */
function fill(into: Map<number, number>, levels: readonly MakerLevel[]): void {
  into.clear();
  for (const l of levels) if (l.lots > 0 && !into.has(l.tick)) into.set(l.tick, l.lots);
}
