import type { MatchEvent } from '../../../server/venues/matching/events.ts';
import type { BookTif } from '../../../server/venues/matching/orderNode.ts';
import type { CancelReason, RejectReason } from '../../../server/venues/matching/reasons.ts';
import type { Side } from '../../../src/core/order.ts';

/**
 * The book's rules written the slow, obvious way (arrays, filter, sort), to
 * check the fast engine against: for any command sequence both must emit the
 * same events. It shares no code with the engine beyond the event types.
 */
interface Resting {
  id: number;
  owner: number;
  side: Side;
  price: number;
  lots: number;
  filled: number;
  tif: BookTif;
  seq: number;
}

interface Stop {
  id: number;
  owner: number;
  side: Side;
  market: boolean;
  stopPrice: number;
  price: number;
  lots: number;
  tif: BookTif;
  seq: number;
}

interface Taker {
  id: number;
  owner: number;
  side: Side;
  /** undefined for a market order. */
  price: number | undefined;
  lots: number;
  filled: number;
  tif: BookTif;
}

const leaves = (o: { lots: number; filled: number }) => o.lots - o.filled;
const okId = (n: number) => Number.isSafeInteger(n) && n >= 0;
const okLots = (n: number) => Number.isSafeInteger(n) && n > 0;
const okPrice = okLots;
const TIFS: readonly string[] = ['gtc', 'day', 'ioc', 'fok'];

export class ReferenceBook {
  private resting: Resting[] = [];
  private stops: Stop[] = [];
  private seq = 0;
  private last: number | undefined;
  private out: MatchEvent[] = [];
  private printed: number[] = [];

  limit(id: number, owner: number, side: Side, price: number, lots: number, tif: BookTif = 'gtc'): MatchEvent[] {
    this.out = [];
    this.printed = [];
    const bad = this.check(id, owner, side, lots) ?? (!okPrice(price) ? 'bad-price' : !TIFS.includes(tif) ? 'bad-tif' : undefined);
    if (bad) return this.reject(id, bad);
    this.out.push({ kind: 'accepted', orderId: id });
    this.take({ id, owner, side, price, lots, filled: 0, tif });
    this.stopsRun();
    return this.out;
  }

  market(id: number, owner: number, side: Side, lots: number): MatchEvent[] {
    this.out = [];
    this.printed = [];
    const bad = this.check(id, owner, side, lots);
    if (bad) return this.reject(id, bad);
    this.out.push({ kind: 'accepted', orderId: id });
    this.take({ id, owner, side, price: undefined, lots, filled: 0, tif: 'ioc' });
    this.stopsRun();
    return this.out;
  }

  stop(id: number, owner: number, side: Side, stopPrice: number, lots: number): MatchEvent[] {
    return this.addStop(id, owner, side, true, stopPrice, 0, lots, 'gtc');
  }

  stopLimit(id: number, owner: number, side: Side, stopPrice: number, price: number, lots: number, tif: BookTif = 'gtc'): MatchEvent[] {
    return this.addStop(id, owner, side, false, stopPrice, price, lots, tif);
  }

  cancel(id: number): MatchEvent[] {
    this.out = [];
    const r = this.resting.find((o) => o.id === id);
    if (r) {
      this.resting = this.resting.filter((o) => o !== r);
      return [{ kind: 'canceled', orderId: id, lots: leaves(r), reason: 'requested' }];
    }
    const s = this.stops.find((o) => o.id === id);
    if (s) {
      this.stops = this.stops.filter((o) => o !== s);
      return [{ kind: 'canceled', orderId: id, lots: s.lots, reason: 'requested' }];
    }
    return [{ kind: 'rejected', orderId: id, reason: 'unknown-order' }];
  }

  amend(id: number, price: number, lots: number): MatchEvent[] {
    this.out = [];
    this.printed = [];
    const r = this.resting.find((o) => o.id === id);
    if (!r) return this.reject(id, this.stops.some((s) => s.id === id) ? 'not-amendable' : 'unknown-order');
    if (!okPrice(price)) return this.reject(id, 'bad-price');
    if (!okLots(lots) || lots <= r.filled) return this.reject(id, 'bad-quantity');
    const keep = price === r.price && lots - r.filled <= leaves(r);
    this.out.push({ kind: 'amended', orderId: id, price, lots, queue: keep ? 'kept' : 'lost' });
    if (keep) {
      r.lots = lots;
      return this.out;
    }
    if (price === r.price) {
      r.lots = lots;
      r.seq = ++this.seq;
      return this.out;
    }
    this.resting = this.resting.filter((o) => o !== r);
    this.take({ id, owner: r.owner, side: r.side, price, lots, filled: r.filled, tif: r.tif });
    this.stopsRun();
    return this.out;
  }

  expireDayOrders(): MatchEvent[] {
    const day = [
      ...this.resting.filter((o) => o.tif === 'day').map((o) => ({ id: o.id, lots: leaves(o) })),
      ...this.stops.filter((s) => s.tif === 'day').map((s) => ({ id: s.id, lots: s.lots })),
    ].sort((a, b) => a.id - b.id);
    this.resting = this.resting.filter((o) => o.tif !== 'day');
    this.stops = this.stops.filter((s) => s.tif !== 'day');
    return day.map((d) => ({ kind: 'canceled', orderId: d.id, lots: d.lots, reason: 'day-expired' }));
  }

  private check(id: number, owner: number, side: Side, lots: number): RejectReason | undefined {
    if (!okId(id)) return 'bad-id';
    if (!Number.isSafeInteger(owner)) return 'bad-owner';
    if (side !== 'buy' && side !== 'sell') return 'bad-side';
    if (!okLots(lots)) return 'bad-quantity';
    if (this.resting.some((o) => o.id === id) || this.stops.some((s) => s.id === id)) return 'duplicate-id';
    return undefined;
  }

  private reject(id: number, reason: RejectReason): MatchEvent[] {
    return [{ kind: 'rejected', orderId: id, reason }];
  }

  private addStop(id: number, owner: number, side: Side, market: boolean, stopPrice: number, price: number, lots: number, tif: BookTif): MatchEvent[] {
    this.out = [];
    this.printed = [];
    const bad =
      this.check(id, owner, side, lots) ?? (!okPrice(stopPrice) || (!market && !okPrice(price)) ? 'bad-price' : !TIFS.includes(tif) ? 'bad-tif' : undefined);
    if (bad) return this.reject(id, bad);
    this.out.push({ kind: 'accepted', orderId: id });
    const stop: Stop = { id, owner, side, market, stopPrice, price, lots, tif, seq: ++this.seq };
    if (this.last !== undefined && (side === 'buy' ? this.last >= stopPrice : this.last <= stopPrice)) this.fire(stop);
    else this.stops.push(stop);
    this.stopsRun();
    return this.out;
  }

  private crosses(taker: Taker, o: Resting): boolean {
    if (o.side === taker.side) return false;
    if (taker.price === undefined) return true;
    return taker.side === 'buy' ? o.price <= taker.price : o.price >= taker.price;
  }

  private available(taker: Taker): number {
    return this.resting.filter((o) => this.crosses(taker, o) && o.owner !== taker.owner).reduce((n, o) => n + leaves(o), 0);
  }

  private take(t: Taker): void {
    if (t.tif === 'fok' && this.available(t) < leaves(t)) {
      this.out.push({ kind: 'canceled', orderId: t.id, lots: leaves(t), reason: 'fok-unfillable' });
      return;
    }
    const better = (a: Resting, b: Resting) => (a.price === b.price ? a.seq - b.seq : t.side === 'buy' ? a.price - b.price : b.price - a.price);
    const queue = this.resting.filter((o) => this.crosses(t, o)).sort(better);
    for (const maker of queue) {
      if (leaves(t) === 0) break;
      if (maker.owner === t.owner) {
        this.resting = this.resting.filter((o) => o !== maker);
        this.out.push({ kind: 'canceled', orderId: maker.id, lots: leaves(maker), reason: 'self-trade' });
        continue;
      }
      const lots = Math.min(leaves(t), leaves(maker));
      this.out.push({ kind: 'trade', makerId: maker.id, takerId: t.id, price: maker.price, lots });
      maker.filled += lots;
      t.filled += lots;
      this.last = maker.price;
      this.printed.push(maker.price);
      if (leaves(maker) === 0) this.resting = this.resting.filter((o) => o !== maker);
    }
    if (leaves(t) === 0) return;
    const reason: CancelReason | undefined = t.price === undefined ? 'market-remainder' : t.tif === 'gtc' || t.tif === 'day' ? undefined : 'ioc-remainder';
    if (reason) this.out.push({ kind: 'canceled', orderId: t.id, lots: leaves(t), reason });
    else this.resting.push({ id: t.id, owner: t.owner, side: t.side, price: t.price!, lots: t.lots, filled: t.filled, tif: t.tif, seq: ++this.seq });
  }

  private fire(s: Stop): void {
    this.out.push({ kind: 'triggered', orderId: s.id });
    this.take({ id: s.id, owner: s.owner, side: s.side, price: s.market ? undefined : s.price, lots: s.lots, filled: 0, tif: s.tif });
  }

  private stopsRun(): void {
    while (this.printed.length > 0 && this.stops.length > 0) {
      const high = Math.max(...this.printed);
      const low = Math.min(...this.printed);
      this.printed = [];
      const buys = this.stops.filter((s) => s.side === 'buy' && high >= s.stopPrice).sort((a, b) => a.stopPrice - b.stopPrice || a.seq - b.seq);
      const sells = this.stops.filter((s) => s.side === 'sell' && low <= s.stopPrice).sort((a, b) => b.stopPrice - a.stopPrice || a.seq - b.seq);
      const fired = [...buys, ...sells];
      this.stops = this.stops.filter((s) => !fired.includes(s));
      for (const s of fired) this.fire(s);
    }
  }
}
