import {
  CANCEL_REASONS,
  QUEUE_PRIORITY,
  REJECT_REASONS,
  type CancelReason,
  type QueuePriority,
  type RejectReason,
} from './reasons.ts';

/**
 * What one book operation produced, in the order it happened. Prices are
 * ticks, quantities lots, ids the caller's numeric order ids.
 */
export type MatchEvent =
  | { kind: 'accepted'; orderId: number }
  | { kind: 'trade'; makerId: number; takerId: number; price: number; lots: number }
  | { kind: 'canceled'; orderId: number; lots: number; reason: CancelReason }
  | { kind: 'rejected'; orderId: number; reason: RejectReason }
  | { kind: 'triggered'; orderId: number }
  | { kind: 'amended'; orderId: number; price: number; lots: number; queue: QueuePriority };

export type MatchEventKind = MatchEvent['kind'];

export const EVENT_KINDS = ['accepted', 'trade', 'canceled', 'rejected', 'triggered', 'amended'] as const satisfies readonly MatchEventKind[];

export const E_ACCEPTED = 0;
export const E_TRADE = 1;
export const E_CANCELED = 2;
export const E_REJECTED = 3;
export const E_TRIGGERED = 4;
export const E_AMENDED = 5;

const INITIAL_CAPACITY = 256;

/**
 * The events of the last operation, held column-wise in typed arrays that are
 * reused from one operation to the next: the matching loop writes numbers and
 * allocates nothing. The log is cleared when the next operation starts, so a
 * caller reads (or copies) it before calling the book again.
 *
 * Column use per kind: `id` is the order (the taker for a trade), `maker` the
 * resting order of a trade, `price` the trade price or amended limit, `lots`
 * the traded, canceled or amended quantity, `reason` a code from reasons.ts.
 */
export class EventLog {
  /** Events written by the last operation. */
  length = 0;
  /** Trades in the last operation, and the lots they moved. */
  trades = 0;
  tradedLots = 0;
  private kinds = new Uint8Array(INITIAL_CAPACITY);
  private ids = new Float64Array(INITIAL_CAPACITY);
  private makers = new Float64Array(INITIAL_CAPACITY);
  private prices = new Float64Array(INITIAL_CAPACITY);
  private quantities = new Float64Array(INITIAL_CAPACITY);
  private reasons = new Uint8Array(INITIAL_CAPACITY);

  clear(): void {
    this.length = 0;
    this.trades = 0;
    this.tradedLots = 0;
  }

  // Each writer fills only the columns its kind uses; readers never look at the others.
  accepted(id: number): void {
    const n = this.next();
    this.kinds[n] = E_ACCEPTED;
    this.ids[n] = id;
  }

  trade(makerId: number, takerId: number, price: number, lots: number): void {
    const n = this.next();
    this.kinds[n] = E_TRADE;
    this.ids[n] = takerId;
    this.makers[n] = makerId;
    this.prices[n] = price;
    this.quantities[n] = lots;
    this.trades += 1;
    this.tradedLots += lots;
  }

  canceled(id: number, lots: number, reason: number): void {
    const n = this.next();
    this.kinds[n] = E_CANCELED;
    this.ids[n] = id;
    this.quantities[n] = lots;
    this.reasons[n] = reason;
  }

  rejected(id: number, reason: number): void {
    const n = this.next();
    this.kinds[n] = E_REJECTED;
    this.ids[n] = id;
    this.reasons[n] = reason;
  }

  triggered(id: number): void {
    const n = this.next();
    this.kinds[n] = E_TRIGGERED;
    this.ids[n] = id;
  }

  amended(id: number, price: number, lots: number, queue: number): void {
    const n = this.next();
    this.kinds[n] = E_AMENDED;
    this.ids[n] = id;
    this.prices[n] = price;
    this.quantities[n] = lots;
    this.reasons[n] = queue;
  }

  // Column readers for callers that want to avoid building objects.
  kindCode(i: number): number {
    return this.kinds[i] ?? -1;
  }
  orderId(i: number): number {
    return this.ids[i] ?? NaN;
  }
  makerId(i: number): number {
    return this.makers[i] ?? NaN;
  }
  price(i: number): number {
    return this.prices[i] ?? NaN;
  }
  lots(i: number): number {
    return this.quantities[i] ?? NaN;
  }
  reasonCode(i: number): number {
    return this.reasons[i] ?? -1;
  }

  /** The i-th event as a plain object (allocates: for the edge and tests, not the hot path). */
  at(i: number): MatchEvent {
    if (i < 0 || i >= this.length) throw new RangeError(`event ${i} of ${this.length}`);
    const id = this.orderId(i);
    switch (this.kindCode(i)) {
      case E_ACCEPTED:
        return { kind: 'accepted', orderId: id };
      case E_TRADE:
        return { kind: 'trade', makerId: this.makerId(i), takerId: id, price: this.price(i), lots: this.lots(i) };
      case E_CANCELED:
        return { kind: 'canceled', orderId: id, lots: this.lots(i), reason: CANCEL_REASONS[this.reasonCode(i)] ?? 'requested' };
      case E_REJECTED:
        return { kind: 'rejected', orderId: id, reason: REJECT_REASONS[this.reasonCode(i)] ?? 'unknown-order' };
      case E_TRIGGERED:
        return { kind: 'triggered', orderId: id };
      default:
        return { kind: 'amended', orderId: id, price: this.price(i), lots: this.lots(i), queue: QUEUE_PRIORITY[this.reasonCode(i)] ?? 'lost' };
    }
  }

  toArray(): MatchEvent[] {
    const out: MatchEvent[] = [];
    for (let i = 0; i < this.length; i++) out.push(this.at(i));
    return out;
  }

  /** Index of the next event, growing the columns when they are full. */
  private next(): number {
    const n = this.length;
    if (n === this.kinds.length) this.grow();
    this.length = n + 1;
    return n;
  }

  private grow(): void {
    const capacity = this.kinds.length * 2;
    this.kinds = grown(new Uint8Array(capacity), this.kinds);
    this.ids = grown(new Float64Array(capacity), this.ids);
    this.makers = grown(new Float64Array(capacity), this.makers);
    this.prices = grown(new Float64Array(capacity), this.prices);
    this.quantities = grown(new Float64Array(capacity), this.quantities);
    this.reasons = grown(new Uint8Array(capacity), this.reasons);
  }
}

function grown<T extends Uint8Array | Float64Array>(into: T, from: T): T {
  into.set(from);
  return into;
}
