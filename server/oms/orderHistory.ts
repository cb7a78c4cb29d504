/**
 * The OMS's memory of every event of the day, kept small.
 *
 * Why: each Execution the OMS announces carries the whole order as it stood
 * after the event (23 fields, ~210 bytes plus two boxed timestamps), and the
 * OMS used to keep every one of them, in a global list and in a per-order
 * history array. At tens of thousands of orders that was most of the heap the
 * gateway's garbage collector marks again and again (heap snapshots: ~2 KB
 * kept per order, about half of it these snapshots).
 *
 * Here an order keeps one full state, its latest (`OrderRecord.order`, which
 * the OMS needs anyway). Each event keeps only what makes it different: its
 * type, the order's status after it, its sequence number as a small integer
 * (the execution id is rebuilt from it), its time as milliseconds after the
 * order was created (a small integer, not a boxed double), a fill's quantity
 * and price, and — once the order has moved on — the fields its next event
 * changed, as they were before (a "back step"), and its order's previous
 * event. An event keeps no pointer to its order: the OMS lists, in journal
 * order, the record each event belongs to (one slot an event). An event's
 * order is rebuilt by walking back from the latest state. Everything rebuilt
 * holds the very values (same Decimal instances, same strings) the announced
 * execution held (a non-fill's zero quantity and price read back from the
 * journal come back as the shared ZERO: the same value, the same text).
 * test/unit/oms/orderHistory.test.ts checks on random order lives that the
 * rebuilt executions equal the announced ones, key for key.
 *
 * Anything that does not fit these rules (a constant field that changed, a
 * time that is no small offset, an execution id not made by execIdOf) is
 * kept as it was, in the event's `extra`.
 */
import { type Decimal, ZERO } from '../../src/core/decimal.ts';
import type { Amend, ExecType, Order, OrderStatus } from '../../src/core/order.ts';
import { type Execution, execIdOf } from './execution.ts';

/** Where the OMS keeps an order: its latest state and its latest event (the earlier ones hang off it). */
export class OrderRecord {
  constructor(
    public order: Order,
    public last: StoredEvent | null,
  ) {}
}

/** The fields of an order's state before an event that the event changed (besides status and updatedAt, see StoredEvent). */
type BackStep = {
  -readonly [K in 'clOrdId' | 'origClOrdId' | 'quantity' | 'limitPrice' | 'stopPrice' | 'cumQty' | 'leavesQty' | 'filledNotional' | 'avgPx' | 'text' | 'updatedAt']?: Order[K];
};

/**
 * The back step of an order's first fill when nothing else changed: before it the order was as placed
 * (cumQty, filledNotional and avgPx the shared ZERO, leavesQty its quantity). Half the orders of a day
 * fill, most at once: one shared step instead of one of four fields each.
 */
const UNFILLED: BackStep = Object.freeze({});

/** What only some events carry; absent (null) for most. */
interface EventExtra {
  /** A fill's (anything not ZERO). */
  lastQty?: Decimal;
  lastPx?: Decimal;
  venueExecId?: string | undefined;
  requested?: Amend | undefined;
  /** An execution id not made by execIdOf. */
  execId?: string;
  /** A time that is no small whole offset from the order's creation. */
  ts?: number;
  /** The order after this event, when it cannot be rebuilt from the next state (a field that never changes did). */
  order?: Order;
}

/** Offsets kept inline must be small integers (V8's Smi on every build), so no boxed number is made for them. */
const SMALL = 2 ** 30 - 1;

/** Execution ids as execIdOf makes them: kept as their number. */
function seqOfExecId(execId: string): number | undefined {
  if (execId.length < 2 || execId.charCodeAt(0) !== 69 /* E */) return undefined;
  const n = Number(execId.slice(1));
  return Number.isSafeInteger(n) && n >= 0 && n <= SMALL && execIdOf(n) === execId ? n : undefined;
}

/** One event of one order, small (see the module comment). */
export class StoredEvent {
  /** Set when the order's next event is adopted: the fields that event changed, as they were after this one. */
  back: BackStep | null = null;
  constructor(
    /** The same order's previous event. */
    readonly prev: StoredEvent | null,
    readonly execType: ExecType,
    /** The order's status after this event. */
    readonly status: OrderStatus,
    /** The execution id's sequence number (execIdOf), or -1 when `extra.execId` holds the id. */
    readonly seq: number,
    /** The event's time, in ms after the order's creation, or 0 when `extra.ts` holds it. */
    readonly dt: number,
    /** Set later only to keep the state after this event whole (see pinLatest). */
    public extra: EventExtra | null,
  ) {}
}

/**
 * Keeps the state after a record's latest event whole in that event, so its events read the same once
 * another record carries on from them (an order the journal had events of before it had the order).
 */
export function pinLatest(record: OrderRecord): void {
  const last = record.last;
  if (last !== null) (last.extra ??= {}).order = record.order;
}

/**
 * Records `e` as the latest event of `record` and moves the record's order on to `e.order`. `fresh`: the record
 * was made for this event (its `last`, if any, is another record's event it carries on from); else `record.order`
 * must still be the state after the previous event. `execSeq`: the number e.execId was made from by execIdOf,
 * when the caller made it so (the OMS's own events); else it is read off the id.
 */
export function storeEvent(record: OrderRecord, e: Execution, fresh: boolean, execSeq?: number): StoredEvent {
  const order = e.order;
  let extra: EventExtra | null = null;
  const seq = execSeq !== undefined && execSeq >= 0 && execSeq <= SMALL && Number.isInteger(execSeq) ? execSeq : seqOfExecId(e.execId);
  if (seq === undefined) (extra ??= {}).execId = e.execId;
  const ts = e.ts;
  const dt = ts - order.createdAt;
  const inline = Number.isSafeInteger(ts) && Number.isSafeInteger(order.createdAt) && dt <= SMALL && dt >= -SMALL;
  if (!inline) (extra ??= {}).ts = ts;
  if (!isPlainZero(e.lastQty) || !isPlainZero(e.lastPx)) {
    extra ??= {};
    extra.lastQty = e.lastQty;
    extra.lastPx = e.lastPx;
  }
  if ('venueExecId' in e) (extra ??= {}).venueExecId = e.venueExecId;
  if ('requested' in e) (extra ??= {}).requested = e.requested;
  const prev = record.last;
  if (!fresh && prev !== null) {
    // The previous event's state is the record's order until now: keep only what this event changed of it.
    const step = backStep(record.order, order, tsOf(prev, record.order));
    if (step === undefined) (prev.extra ??= {}).order = record.order;
    else prev.back = step;
  }
  // `| 0`: a difference of two boxed doubles is a boxed double even when whole, and one stored in the field would
  // make V8 box the field in every event; a small integer is kept inline.
  const stored = new StoredEvent(prev, e.execType, order.status, seq === undefined ? -1 : seq | 0, inline ? dt | 0 : 0, extra);
  record.order = order;
  record.last = stored;
  return stored;
}

/**
 * A zero that may be kept as the shared ZERO: ZERO itself, or another +0 (a journal read back parses
 * "0" into its own instance; +0 is one value, written "0" on the wire and in the journal alike).
 */
function isPlainZero(x: Decimal): boolean {
  return x === ZERO || (x.isZero() && !x.isNeg());
}

/** The event's time, given the order's state after it (for its creation time). */
function tsOf(e: StoredEvent, stateAfter: Order): number {
  const extra = e.extra;
  if (extra !== null && extra.ts !== undefined) return extra.ts;
  return stateAfter.createdAt + e.dt;
}

/**
 * What `before` (the state after an event at time `ts`) has that `after` (the next state) does not, besides status;
 * undefined when a field that never changes on an order did (the state is then kept whole).
 */
function backStep(before: Order, after: Order, ts: number): BackStep | null | undefined {
  if (
    before.orderId !== after.orderId ||
    before.trader !== after.trader ||
    before.account !== after.account ||
    before.symbol !== after.symbol ||
    before.side !== after.side ||
    before.type !== after.type ||
    before.tif !== after.tif ||
    before.expireAt !== after.expireAt ||
    before.locate !== after.locate ||
    before.venue !== after.venue ||
    ('venue' in before) !== ('venue' in after) ||
    before.createdAt !== after.createdAt
  ) {
    return undefined;
  }
  let step: BackStep | null = null;
  // A fill changes these four; a replace the terms; a cancel, reject or expiry the leaves and text.
  if (before.cumQty !== after.cumQty) (step ??= {}).cumQty = before.cumQty;
  if (before.leavesQty !== after.leavesQty) (step ??= {}).leavesQty = before.leavesQty;
  if (before.filledNotional !== after.filledNotional) (step ??= {}).filledNotional = before.filledNotional;
  if (before.avgPx !== after.avgPx) (step ??= {}).avgPx = before.avgPx;
  if (before.text !== after.text) (step ??= {}).text = before.text;
  if (before.clOrdId !== after.clOrdId) (step ??= {}).clOrdId = before.clOrdId;
  if (before.origClOrdId !== after.origClOrdId) (step ??= {}).origClOrdId = before.origClOrdId;
  if (before.quantity !== after.quantity) (step ??= {}).quantity = before.quantity;
  if (before.limitPrice !== after.limitPrice) (step ??= {}).limitPrice = before.limitPrice;
  if (before.stopPrice !== after.stopPrice) (step ??= {}).stopPrice = before.stopPrice;
  // The state's time is its event's time (the OMS stamps both with one clock reading): kept only when not.
  if (!Object.is(before.updatedAt, ts)) (step ??= {}).updatedAt = before.updatedAt;
  if (
    step !== null &&
    before.cumQty === ZERO &&
    before.filledNotional === ZERO &&
    before.avgPx === ZERO &&
    before.leavesQty === after.quantity &&
    step.cumQty !== undefined &&
    step.leavesQty !== undefined &&
    step.filledNotional !== undefined &&
    step.avgPx !== undefined &&
    // Nothing else in the step (no field of an order is ever undefined).
    step.text === undefined &&
    step.clOrdId === undefined &&
    step.origClOrdId === undefined &&
    step.quantity === undefined &&
    step.limitPrice === undefined &&
    step.stopPrice === undefined &&
    step.updatedAt === undefined
  ) {
    return UNFILLED;
  }
  return step;
}

/** The order after event `e`, given the order after the same order's next event. */
function stateBefore(e: StoredEvent, next: Order): Order {
  const extra = e.extra;
  if (extra !== null && extra.order !== undefined) return extra.order;
  const step = e.back;
  const ts = tsOf(e, next);
  if (step === UNFILLED) return { ...next, status: e.status, cumQty: ZERO, leavesQty: next.quantity, filledNotional: ZERO, avgPx: ZERO, updatedAt: ts };
  const updatedAt = step !== null && 'updatedAt' in step ? step.updatedAt! : ts;
  // Spread first: the rebuilt state has the keys of the next in their order, which is the order every state of an order has.
  return { ...next, ...step, status: e.status, updatedAt };
}

/** The order after the latest event of `record`. */
function latestState(record: OrderRecord, e: StoredEvent): Order {
  const extra = e.extra;
  if (extra !== null && extra.order !== undefined) return extra.order;
  return record.order;
}

/** The execution `e` was, around its order's state after it. */
function executionOf(e: StoredEvent, order: Order): Execution {
  const extra = e.extra;
  const execId = e.seq >= 0 ? execIdOf(e.seq) : extra!.execId!;
  const ts = tsOf(e, order);
  if (extra === null) return { execId, execType: e.execType, lastQty: ZERO, lastPx: ZERO, ts, order };
  const lastQty = extra.lastQty ?? ZERO;
  const lastPx = extra.lastPx ?? ZERO;
  const v = 'venueExecId' in extra;
  const r = 'requested' in extra;
  // One literal per set of keys, so each has the key order the announced execution had.
  if (v && r) return { execId, execType: e.execType, lastQty, lastPx, ts, order, venueExecId: extra.venueExecId, requested: extra.requested };
  if (v) return { execId, execType: e.execType, lastQty, lastPx, ts, order, venueExecId: extra.venueExecId };
  if (r) return { execId, execType: e.execType, lastQty, lastPx, ts, order, requested: extra.requested };
  return { execId, execType: e.execType, lastQty, lastPx, ts, order };
}

/**
 * One order's events, oldest first. (Events it carries on from, of another record, keep their states
 * whole from where they join: pinLatest; stepping back from one returns that state.)
 */
export function historyOf(record: OrderRecord | undefined): Execution[] {
  if (record === undefined || record.last === null) return [];
  const events: StoredEvent[] = [];
  for (let x: StoredEvent | null = record.last; x !== null; x = x.prev) events.push(x);
  const out: Execution[] = new Array(events.length);
  let state = latestState(record, events[0]!);
  out[events.length - 1] = executionOf(events[0]!, state);
  for (let i = 1; i < events.length; i++) {
    state = stateBefore(events[i]!, state);
    out[events.length - 1 - i] = executionOf(events[i]!, state);
  }
  return out;
}

/** Where a walk back over the journal stands in one order: its event last met and the state after it. */
interface Cursor {
  event: StoredEvent;
  state: Order;
}

/**
 * The executions of the journal, oldest first, given the record of each event in journal order (an event
 * is the next of its record's events: events are stored in the order they are journaled). `keep` picks
 * the records whose events are wanted; each record's latest order carries its trader and account.
 */
export function executionsOf(journal: readonly OrderRecord[], keep?: (record: OrderRecord) => boolean): Execution[] {
  // Walk backwards: a record met first is at its latest event, and each time after at the one before.
  const cursors = new Map<OrderRecord, Cursor>();
  const out: Execution[] = [];
  for (let i = journal.length - 1; i >= 0; i--) {
    const r = journal[i]!;
    if (keep !== undefined && !keep(r)) continue;
    let c = cursors.get(r);
    if (c === undefined) {
      const last = r.last!;
      cursors.set(r, (c = { event: last, state: latestState(r, last) }));
    } else {
      const e = c.event.prev!;
      c.state = stateBefore(e, c.state);
      c.event = e;
    }
    out.push(executionOf(c.event, c.state));
  }
  return out.reverse();
}

/** Past this many events an order's fills are looked up in a set (see FillIds), not by walking its events. */
const WALK_LIMIT = 32;

/**
 * Which venue fill ids each order has applied, so a resent fill is dropped. An order's own events say it
 * (a fill keeps its venue id), so most orders need nothing more: their few events are walked. An order
 * with many events (a large order filled in many pieces) gets a set, made once from its events, so a
 * fill costs it no more than before. This replaces a set of "orderId|venueExecId" strings kept for every
 * fill of the day (~40 bytes a fill, and a string made to ask).
 */
export class FillIds {
  private readonly many = new Map<OrderRecord, Set<string>>();

  has(record: OrderRecord, venueExecId: string): boolean {
    const set = this.many.get(record);
    if (set !== undefined) return set.has(venueExecId);
    let n = 0;
    for (let x = record.last; x !== null; x = x.prev) {
      const extra = x.extra;
      if (extra !== null && extra.venueExecId === venueExecId && 'venueExecId' in extra) return true;
      if (++n > WALK_LIMIT) return this.setOf(record).has(venueExecId);
    }
    return false;
  }

  /** After a fill of `record` was stored (its id is among its events now). */
  added(record: OrderRecord, venueExecId: string): void {
    this.many.get(record)?.add(venueExecId);
  }

  private setOf(record: OrderRecord): Set<string> {
    const set = new Set<string>();
    for (let x = record.last; x !== null; x = x.prev) {
      const extra = x.extra;
      if (extra !== null && extra.venueExecId !== undefined) set.add(extra.venueExecId);
    }
    this.many.set(record, set);
    return set;
  }
}
