import type { Side } from '../../../src/core/order.ts';
import { EventLog } from './events.ts';
import { IdTable } from './idTable.ts';
import { Ladder } from './ladder.ts';
import type { Level } from './level.ts';
import { NodePool, type BookTif, type OrderNode, type StopKind } from './orderNode.ts';
import {
  C_DAY_EXPIRED,
  C_FOK_UNFILLABLE,
  C_IOC_REMAINDER,
  C_MARKET_REMAINDER,
  C_REQUESTED,
  C_SELF_TRADE,
  Q_KEPT,
  Q_LOST,
  R_BAD_ID,
  R_BAD_OWNER,
  R_BAD_PRICE,
  R_BAD_QUANTITY,
  R_BAD_SIDE,
  R_BAD_TIF,
  R_DUPLICATE_ID,
  R_NOT_AMENDABLE,
  R_UNKNOWN_ORDER,
} from './reasons.ts';
import { StopQueue } from './stopQueue.ts';
import { isLots, isOrderId, isSide, isTick, isTif } from './validate.ts';

/** A live order as the book holds it (prices in ticks, quantities in lots). */
export type OrderView =
  | { state: 'resting'; id: number; owner: number; side: Side; tif: BookTif; price: number; lots: number; filled: number; leaves: number }
  | {
      state: 'stop';
      id: number;
      owner: number;
      side: Side;
      tif: BookTif;
      stopKind: StopKind;
      stopPrice: number;
      /** Limit once triggered; null for a stop-market. */
      price: number | null;
      lots: number;
    };

export interface DepthLevel {
  price: number;
  lots: number;
  orders: number;
}

/**
 * The limit order book of one instrument: price-time priority over integer
 * ticks and lots, no I/O, no clock. Each command clears `events`, writes what
 * happened into it and returns it; read it before the next command.
 *
 * Rules the book applies, beyond price-time priority:
 * - Trades print at the resting (maker) order's price.
 * - Self-trade prevention, policy "cancel resting": when an incoming order
 *   meets a resting order of the same owner, the resting order is canceled
 *   (reason 'self-trade') and the incoming one goes on matching. The newest
 *   instruction wins, and the incoming order is never left half-done by it.
 * - IOC cancels its remainder; FOK is checked against the book (orders of its
 *   own owner excluded, as they would be canceled, not traded) before
 *   anything is touched, and is canceled whole when it cannot fill.
 * - A market order walks the book; what is left is canceled, it never rests.
 * - Amend: a smaller quantity at the same price keeps the queue place; a
 *   larger quantity or a new price goes to the back, and a new price that
 *   crosses trades at once. The quantity is the new total (filled included),
 *   as in a FIX replace, and must stay above what is filled.
 * - Stops: a buy stop triggers when a trade prints at or above its stop price,
 *   a sell stop at or below. After each taker (an incoming order, an amend, a
 *   triggered stop) the range it printed is checked; triggered stops run in
 *   trigger order (buy stops first, then sell), and what they print may
 *   trigger more. A stop sent when the last trade already reaches it triggers
 *   at once. A stop-market becomes a market order, a stop-limit a limit order
 *   with its time in force.
 * - DAY and GTC rest alike; `expireDayOrders` ends the session's DAY orders.
 */
export class OrderBook {
  readonly events = new EventLog();
  private readonly bids = new Ladder('buy');
  private readonly asks = new Ladder('sell');
  /** Resting orders and pending stops by id. */
  private readonly live = new IdTable<OrderNode>();
  private readonly pool = new NodePool();
  private readonly buyStops = new StopQueue('buy');
  private readonly sellStops = new StopQueue('sell');
  private readonly triggered: OrderNode[] = [];
  private stopSeq = 0;
  private lastTick = NaN;
  // Extremes of the prices printed since stops were last looked at.
  private printedHigh = -Infinity;
  private printedLow = Infinity;

  // ------------------------------------------------------------------ commands

  limit(id: number, owner: number, side: Side, tick: number, lots: number, tif: BookTif = 'gtc'): EventLog {
    const events = this.begin();
    if (!this.admits(id, owner, side, lots)) return events;
    if (!isTick(tick)) return this.reject(id, R_BAD_PRICE);
    if (!isTif(tif)) return this.reject(id, R_BAD_TIF);
    events.accepted(id);
    const node = this.newNode(id, owner, side, lots, tif);
    node.tick = tick;
    this.execute(node);
    this.runStops();
    return events;
  }

  market(id: number, owner: number, side: Side, lots: number): EventLog {
    const events = this.begin();
    if (!this.admits(id, owner, side, lots)) return events;
    events.accepted(id);
    const node = this.newNode(id, owner, side, lots, 'ioc');
    node.orderType = 'market';
    this.execute(node);
    this.runStops();
    return events;
  }

  /** A stop-market order: a market order once a trade reaches stopTick. Good till canceled. */
  stop(id: number, owner: number, side: Side, stopTick: number, lots: number): EventLog {
    return this.addStop(id, owner, side, 'stop-market', stopTick, 0, lots, 'gtc');
  }

  /** A stop-limit order: a limit order at tick, with this time in force, once a trade reaches stopTick. */
  stopLimit(id: number, owner: number, side: Side, stopTick: number, tick: number, lots: number, tif: BookTif = 'gtc'): EventLog {
    return this.addStop(id, owner, side, 'stop-limit', stopTick, tick, lots, tif);
  }

  cancel(id: number): EventLog {
    const events = this.begin();
    const node = this.live.get(id);
    if (node === undefined) return this.reject(id, R_UNKNOWN_ORDER);
    if (node.state === 'resting') this.unrest(node);
    else this.stopsOf(node.side).remove(node);
    events.canceled(id, node.leaves, C_REQUESTED);
    this.retire(node);
    return events;
  }

  /** Changes a resting order's price and/or total quantity (see the class comment for priority). */
  amend(id: number, tick: number, lots: number): EventLog {
    const events = this.begin();
    const node = this.live.get(id);
    if (node === undefined) return this.reject(id, R_UNKNOWN_ORDER);
    if (node.state !== 'resting') return this.reject(id, R_NOT_AMENDABLE);
    if (!isTick(tick)) return this.reject(id, R_BAD_PRICE);
    if (!isLots(lots) || lots <= node.filled) return this.reject(id, R_BAD_QUANTITY);
    const leaves = lots - node.filled;
    const level = node.level!;
    if (tick === node.tick) {
      if (leaves <= node.leaves) {
        level.lots -= node.leaves - leaves;
        node.leaves = leaves;
        node.lots = lots;
        events.amended(id, tick, lots, Q_KEPT);
      } else {
        level.unlink(node);
        node.leaves = leaves;
        node.lots = lots;
        level.append(node);
        events.amended(id, tick, lots, Q_LOST);
      }
      return events;
    }
    this.unrest(node);
    this.live.delete(id);
    node.state = 'taking';
    node.tick = tick;
    node.lots = lots;
    node.leaves = leaves;
    events.amended(id, tick, lots, Q_LOST);
    this.execute(node);
    this.runStops();
    return events;
  }

  /**
   * A trade printed outside this book (the simulated market's tape) at tick:
   * the last trade price moves there and the stops it reaches trigger, as if
   * it had printed here, so a stop follows the market a trader sees and not
   * only this book's own trades. Nothing rests or trades by it.
   */
  print(tick: number): EventLog {
    const events = this.begin();
    if (!isTick(tick)) return events;
    this.lastTick = tick;
    this.printedHigh = tick;
    this.printedLow = tick;
    this.runStops();
    return events;
  }

  /** End of session: cancels every resting DAY order and pending DAY stop-limit. */
  expireDayOrders(): EventLog {
    const events = this.begin();
    const day = this.live.toArray().filter((node) => node.tif === 'day');
    day.sort((a, b) => a.id - b.id);
    for (const node of day) {
      if (node.state === 'resting') this.unrest(node);
      else this.stopsOf(node.side).remove(node);
      events.canceled(node.id, node.leaves, C_DAY_EXPIRED);
      this.retire(node);
    }
    return events;
  }

  // ------------------------------------------------------------------ queries

  bestBid(): number | undefined {
    return this.bids.best()?.tick;
  }

  bestAsk(): number | undefined {
    return this.asks.best()?.tick;
  }

  lastTradePrice(): number | undefined {
    return Number.isNaN(this.lastTick) ? undefined : this.lastTick;
  }

  /** Resting orders plus pending stops. */
  get liveOrders(): number {
    return this.live.size;
  }

  /** Resting orders only (pending stops are not in the book's depth). */
  get restingOrders(): number {
    return this.live.size - this.buyStops.size - this.sellStops.size;
  }

  isLive(id: number): boolean {
    return this.live.has(id);
  }

  order(id: number): OrderView | undefined {
    const n = this.live.get(id);
    if (n === undefined) return undefined;
    const common = { id: n.id, owner: n.owner, side: n.side, tif: n.tif, lots: n.lots };
    if (n.state === 'resting') return { state: 'resting', ...common, price: n.tick, filled: n.filled, leaves: n.leaves };
    return { state: 'stop', ...common, stopKind: n.stopKind, stopPrice: n.stopTick, price: n.stopKind === 'stop-limit' ? n.tick : null };
  }

  /** Up to maxLevels levels of one side, best first. */
  depth(side: Side, maxLevels = 10): DepthLevel[] {
    const levels = this.ladderOf(side).levels;
    const out: DepthLevel[] = [];
    for (let i = levels.length - 1; i >= 0 && out.length < maxLevels; i--) {
      const l = levels[i]!;
      out.push({ price: l.tick, lots: l.lots, orders: l.orders });
    }
    return out;
  }

  /** Like depth(), as flat tick, lots pairs written into `out` (cleared first): nothing allocated per level. */
  depthPairs(side: Side, maxLevels: number, out: number[]): number[] {
    // Written in place and cut at the end: emptying the array first (length 0) would drop its store.
    const levels = this.ladderOf(side).levels;
    let n = 0;
    for (let i = levels.length - 1; i >= 0 && n < 2 * maxLevels; i--) {
      const l = levels[i]!;
      out[n++] = l.tick;
      out[n++] = l.lots;
    }
    out.length = n;
    return out;
  }

  /** Resting orders of one price level in queue order (ids), for inspection. */
  queueAt(side: Side, tick: number): number[] {
    const ids: number[] = [];
    for (let n = this.ladderOf(side).get(tick)?.head ?? null; n !== null; n = n.next) ids.push(n.id);
    return ids;
  }

  // ------------------------------------------------------------------ matching

  private begin(): EventLog {
    this.events.clear();
    this.printedHigh = -Infinity;
    this.printedLow = Infinity;
    return this.events;
  }

  private reject(id: number, reason: number): EventLog {
    this.events.rejected(id, reason);
    return this.events;
  }

  /** Checks shared by every new order; writes the reject and answers false when one fails. */
  private admits(id: number, owner: number, side: Side, lots: number): boolean {
    let reason = -1;
    if (!isOrderId(id)) reason = R_BAD_ID;
    else if (!Number.isSafeInteger(owner)) reason = R_BAD_OWNER;
    else if (!isSide(side)) reason = R_BAD_SIDE;
    else if (!isLots(lots)) reason = R_BAD_QUANTITY;
    else if (this.live.has(id)) reason = R_DUPLICATE_ID;
    if (reason < 0) return true;
    this.events.rejected(id, reason);
    return false;
  }

  private newNode(id: number, owner: number, side: Side, lots: number, tif: BookTif): OrderNode {
    const node = this.pool.acquire();
    node.id = id;
    node.owner = owner;
    node.side = side;
    node.tif = tif;
    node.orderType = 'limit';
    node.state = 'taking';
    node.lots = lots;
    node.filled = 0;
    node.leaves = lots;
    return node;
  }

  /**
   * The worst price a taker accepts: its limit, or no limit at all for a
   * market order. Kept out of the node so its tick field only ever holds
   * small integers, which V8 stores unboxed.
   */
  private limitOf(taker: OrderNode): number {
    if (taker.orderType === 'limit') return taker.tick;
    return taker.side === 'buy' ? Infinity : -Infinity;
  }

  /** Runs a taker against the book, then rests, cancels or retires what is left. */
  private execute(node: OrderNode): void {
    const limit = this.limitOf(node);
    if (node.tif === 'fok' && !this.canFill(node, limit)) {
      this.events.canceled(node.id, node.leaves, C_FOK_UNFILLABLE);
      this.retire(node);
      return;
    }
    this.match(node, limit);
    if (node.leaves === 0) {
      this.retire(node);
    } else if (node.orderType === 'market') {
      this.events.canceled(node.id, node.leaves, C_MARKET_REMAINDER);
      this.retire(node);
    } else if (node.tif === 'gtc' || node.tif === 'day') {
      node.state = 'resting';
      this.ladderOf(node.side).levelAt(node.tick).append(node);
      this.live.set(node.id, node);
    } else {
      // IOC, or a FOK the check let through that self-trade cancels cut short: neither may rest.
      this.events.canceled(node.id, node.leaves, C_IOC_REMAINDER);
      this.retire(node);
    }
  }

  private match(taker: OrderNode, limit: number): void {
    const buy = taker.side === 'buy';
    const ladder = buy ? this.asks : this.bids;
    while (taker.leaves > 0) {
      const level = ladder.best();
      if (level === undefined || (buy ? level.tick > limit : level.tick < limit)) return;
      this.fillAt(level, taker);
      if (level.head === null) ladder.remove(level);
    }
  }

  /** Takes from one level's queue, head first, until the taker or the level is done. */
  private fillAt(level: Level, taker: OrderNode): void {
    const events = this.events;
    const tick = level.tick;
    let traded = false;
    let maker = level.head;
    while (maker !== null && taker.leaves > 0) {
      const next = maker.next;
      if (maker.owner === taker.owner) {
        level.unlink(maker);
        events.canceled(maker.id, maker.leaves, C_SELF_TRADE);
        this.retire(maker);
      } else {
        const lots = maker.leaves < taker.leaves ? maker.leaves : taker.leaves;
        events.trade(maker.id, taker.id, tick, lots);
        maker.leaves -= lots;
        maker.filled += lots;
        taker.leaves -= lots;
        taker.filled += lots;
        level.lots -= lots;
        traded = true;
        if (maker.leaves === 0) {
          level.unlink(maker);
          this.retire(maker);
        }
      }
      maker = next;
    }
    if (traded) {
      this.lastTick = tick;
      if (tick > this.printedHigh) this.printedHigh = tick;
      if (tick < this.printedLow) this.printedLow = tick;
    }
  }

  /** Whether the book holds enough at acceptable prices, from other owners, to fill the taker whole. */
  private canFill(taker: OrderNode, limit: number): boolean {
    const buy = taker.side === 'buy';
    const levels = (buy ? this.asks : this.bids).levels;
    let need = taker.leaves;
    for (let i = levels.length - 1; i >= 0; i--) {
      const level = levels[i]!;
      if (buy ? level.tick > limit : level.tick < limit) return false;
      for (let m = level.head; m !== null; m = m.next) {
        if (m.owner === taker.owner) continue;
        need -= m.leaves;
        if (need <= 0) return true;
      }
    }
    return false;
  }

  /** Takes a resting order out of its level, dropping the level when it empties. */
  private unrest(node: OrderNode): void {
    const level = node.level!;
    level.unlink(node);
    if (level.head === null) this.ladderOf(node.side).remove(level);
  }

  /** The order is done: forget it and recycle its node. */
  private retire(node: OrderNode): void {
    // A taker is not in the map: new orders enter it only when they rest.
    if (node.state !== 'taking') this.live.delete(node.id);
    this.pool.release(node);
  }

  // ------------------------------------------------------------------ stops

  private addStop(id: number, owner: number, side: Side, kind: StopKind, stopTick: number, tick: number, lots: number, tif: BookTif): EventLog {
    const events = this.begin();
    if (!this.admits(id, owner, side, lots)) return events;
    if (!isTick(stopTick) || (kind === 'stop-limit' && !isTick(tick))) return this.reject(id, R_BAD_PRICE);
    if (!isTif(tif)) return this.reject(id, R_BAD_TIF);
    events.accepted(id);
    const node = this.newNode(id, owner, side, lots, tif);
    node.state = 'stop';
    node.stopKind = kind;
    node.stopTick = stopTick;
    node.stopSeq = ++this.stopSeq;
    node.tick = tick;
    this.live.set(id, node);
    const stops = this.stopsOf(side);
    if (!Number.isNaN(this.lastTick) && stops.reaches(stopTick, this.lastTick)) this.activate(node);
    else stops.add(node);
    this.runStops();
    return events;
  }

  private runStops(): void {
    if (this.buyStops.size + this.sellStops.size === 0) return;
    const triggered = this.triggered;
    while (this.printedLow <= this.printedHigh) {
      this.buyStops.takeReached(this.printedHigh, triggered);
      this.sellStops.takeReached(this.printedLow, triggered);
      this.printedHigh = -Infinity;
      this.printedLow = Infinity;
      for (let i = 0; i < triggered.length; i++) this.activate(triggered[i]!);
      triggered.length = 0;
    }
  }

  private activate(node: OrderNode): void {
    this.events.triggered(node.id);
    this.live.delete(node.id);
    node.state = 'taking';
    node.orderType = node.stopKind === 'stop-market' ? 'market' : 'limit';
    this.execute(node);
  }

  private ladderOf(side: Side): Ladder {
    return side === 'buy' ? this.bids : this.asks;
  }

  private stopsOf(side: Side): StopQueue {
    return side === 'buy' ? this.buyStops : this.sellStops;
  }
}
