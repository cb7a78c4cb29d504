import type { OrderNode } from './orderNode.ts';

/**
 * One price level: a FIFO queue of resting orders as an intrusive doubly linked
 * list, so appending, filling at the head and canceling anywhere are O(1)
 * without allocating. `lots` is the open quantity of the level.
 */
export class Level {
  tick = 0;
  lots = 0;
  orders = 0;
  head: OrderNode | null = null;
  tail: OrderNode | null = null;

  append(node: OrderNode): void {
    node.level = this;
    node.prev = this.tail;
    node.next = null;
    if (this.tail === null) this.head = node;
    else this.tail.next = node;
    this.tail = node;
    this.lots += node.leaves;
    this.orders += 1;
  }

  /** Takes the node out of the queue; its open lots leave the level with it. */
  unlink(node: OrderNode): void {
    const { prev, next } = node;
    if (prev === null) this.head = next;
    else prev.next = next;
    if (next === null) this.tail = prev;
    else next.prev = prev;
    node.prev = null;
    node.next = null;
    node.level = null;
    this.lots -= node.leaves;
    this.orders -= 1;
  }

  isEmpty(): boolean {
    return this.head === null;
  }
}
