import { OrderBook } from '../../../server/venues/matching/orderBook.ts';

/**
 * A recorded order flow for the matching benchmark, generated from a seed so
 * that every run (and every engine in a run) replays the same operations
 * without a multi-megabyte file in the repository. Columns, one row per
 * operation, in typed arrays so replaying allocates nothing.
 *
 * Mix: 70 % limit orders around a mid that drifts one tick at a time,
 * 20 % cancels of orders live at that moment, 10 % market orders.
 */
export const OP_LIMIT = 0;
export const OP_CANCEL = 1;
export const OP_MARKET = 2;

export const SIDE_BUY = 0;
export const SIDE_SELL = 1;

export interface OrderFlow {
  readonly length: number;
  readonly seed: number;
  readonly op: Uint8Array;
  readonly side: Uint8Array;
  /** New order id (limit, market) or the id to cancel. Ids are the row numbers. */
  readonly id: Int32Array;
  readonly owner: Int32Array;
  readonly tick: Int32Array;
  readonly lots: Int32Array;
  readonly counts: { limit: number; cancel: number; market: number };
  /** Orders resting when the flow ends, a measure of how deep the book grew. */
  readonly restingAtEnd: number;
}

export interface OrderFlowOptions {
  operations: number;
  seed: number;
  /** Distinct owners; orders of one owner never trade together (self-trade prevention). */
  owners?: number;
  startMid?: number;
}

/** mulberry32: small, fast, good enough to shuffle an order flow; the same seed gives the same stream. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Builds the flow. Cancels must aim at orders that are live when they arrive,
 * and only matching knows which are: the generator asks a scratch book, then
 * throws it away. The replay is the measurement, not this.
 */
export function generateOrderFlow(options: OrderFlowOptions): OrderFlow {
  const n = options.operations;
  const owners = options.owners ?? 64;
  const random = seededRandom(options.seed);
  const op = new Uint8Array(n);
  const side = new Uint8Array(n);
  const id = new Int32Array(n);
  const owner = new Int32Array(n);
  const tick = new Int32Array(n);
  const lots = new Int32Array(n);
  const counts = { limit: 0, cancel: 0, market: 0 };
  const oracle = new OrderBook();
  // Ids that rested at some point; ones filled since are dropped when drawn.
  const candidates: number[] = [];
  let mid = options.startMid ?? 10_000;

  const drawLive = (): number | undefined => {
    while (candidates.length > 0) {
      const k = Math.floor(random() * candidates.length);
      const found = candidates[k]!;
      candidates[k] = candidates[candidates.length - 1]!;
      candidates.pop();
      if (oracle.isLive(found)) return found;
    }
    return undefined;
  };

  for (let i = 0; i < n; i++) {
    const r = random();
    if (random() < 0.05) mid += random() < 0.5 ? -1 : 1;
    const s = random() < 0.5 ? SIDE_BUY : SIDE_SELL;
    const who = 1 + Math.floor(random() * owners);
    const sideName = s === SIDE_BUY ? 'buy' : 'sell';
    side[i] = s;
    owner[i] = who;
    id[i] = i;
    if (r < 0.9 && r >= 0.7) {
      const target = drawLive();
      if (target !== undefined) {
        op[i] = OP_CANCEL;
        id[i] = target;
        counts.cancel += 1;
        oracle.cancel(target);
        continue;
      }
      // Nothing live to cancel (only at the very start): send a limit order instead.
    }
    if (r < 0.9) {
      // Most orders join near the touch; about one in six crosses the spread.
      const u = random();
      const away = Math.floor(u * u * 40) - 2;
      const price = s === SIDE_BUY ? mid - away : mid + away;
      const size = 1 + Math.floor(random() * 20);
      op[i] = OP_LIMIT;
      tick[i] = price;
      lots[i] = size;
      counts.limit += 1;
      oracle.limit(i, who, sideName, price, size);
      if (oracle.isLive(i)) candidates.push(i);
    } else {
      const size = 1 + Math.floor(random() * 60);
      op[i] = OP_MARKET;
      lots[i] = size;
      counts.market += 1;
      oracle.market(i, who, sideName, size);
    }
  }
  return { length: n, seed: options.seed, op, side, id, owner, tick, lots, counts, restingAtEnd: oracle.liveOrders };
}
