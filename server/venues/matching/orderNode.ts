import type { Side } from '../../../src/core/order.ts';
import type { Level } from './level.ts';

/** How long an order may live once it is in the book, or how it must fill at once. */
export const TIME_IN_FORCE = ['gtc', 'day', 'ioc', 'fok'] as const;
export type BookTif = (typeof TIME_IN_FORCE)[number];

/** What a node is doing right now; 'free' nodes wait in the pool. */
export type NodeState = 'free' | 'taking' | 'resting' | 'stop';

/** What a pending stop becomes when a trade reaches its stop price. */
export type StopKind = 'stop-market' | 'stop-limit';

/**
 * One order inside the engine. The same mutable object is the incoming taker,
 * the resting maker (an intrusive node of its price level's queue) or the
 * pending stop, and goes back to the pool when the order is done, so the hot
 * path allocates no order objects once the pool is warm. Every field is set in
 * the constructor so all nodes share one hidden class.
 */
export class OrderNode {
  id = 0;
  owner = 0;
  side: Side = 'buy';
  state: NodeState = 'free';
  tif: BookTif = 'gtc';
  /** How it takes liquidity now: a market order (or triggered stop-market) walks the book without a limit. */
  orderType: 'limit' | 'market' = 'limit';
  /** Limit price in ticks; ±Infinity for a market order walking the book. */
  tick = 0;
  /** Order quantity in lots (the amended quantity after an amend). */
  lots = 0;
  filled = 0;
  /** Open quantity: lots - filled while live. */
  leaves = 0;
  stopKind: StopKind = 'stop-market';
  stopTick = 0;
  /** Arrival order among pending stops: ties at one stop price trigger first-come. */
  stopSeq = 0;
  prev: OrderNode | null = null;
  next: OrderNode | null = null;
  level: Level | null = null;
}

/** Free nodes, reused so that a steady order flow allocates none. */
export class NodePool {
  private readonly free: OrderNode[] = [];

  acquire(): OrderNode {
    return this.free.pop() ?? new OrderNode();
  }

  release(node: OrderNode): void {
    node.state = 'free';
    node.prev = null;
    node.next = null;
    node.level = null;
    this.free.push(node);
  }
}
