import { describe, expect, it } from 'vitest';
import { type Decimal, dec, toWire } from '../../../src/core/decimal.ts';
import { newOrder, type OrderSpec } from '../../../src/core/order.ts';
import type { DepthLevelWire, QuoteWire } from '../../../src/core/protocol.ts';
import { createCatalog, createMarketData, loadInstruments } from '../../../server/marketdata/index.ts';
import { createMatchingVenue } from '../../../server/venues/matching/matchingVenue.ts';
import type { VenueEvent } from '../../../server/venues/types.ts';
import { settle } from './venueMarket.ts';

// The quote and the depth show the venue's real book while traders' orders
// rest in it (maker and traders, per price level, sizes summed), and the
// simulator's own book otherwise. Over the real simulator.

const catalog = loadInstruments();
const SYM = 'GS';
const subset = createCatalog([SYM, 'PFE'].map((s) => catalog.get(s)!));
const START = Date.UTC(2025, 10, 24, 15, 0, 0);
const INSTRUMENT = catalog.get(SYM)!;
// GS trades on the US equity grid, at a spread of several ticks: a cent above 1.00.
const TICK = dec('0.01');
const lots = (n: number): Decimal => INSTRUMENT.lotSize.times(n);

function running(seed: number, withVenue = true) {
  let now = START;
  const md = createMarketData({ seed, catalog: subset, tickIntervalMs: 250, clock: () => now });
  const venue = withVenue ? createMatchingVenue(md, { now: () => now }) : undefined;
  const events: VenueEvent[] = [];
  venue?.events$.subscribe((e) => events.push(e));
  const quotes: QuoteWire[] = [];
  md.quotes$.subscribe((q) => q.symbol === SYM && quotes.push(q));
  let n = 0;
  const order = (spec: Omit<OrderSpec, 'symbol' | 'account' | 'tif'> & Partial<OrderSpec>, trader = 'trader1') =>
    newOrder({ symbol: SYM, account: 'A', tif: 'gtc', ...spec } as OrderSpec, { orderId: `O${++n}`, clOrdId: `C${n}`, trader }, now);
  const step = () => ((now += 250), md.step());
  return { md, venue: venue!, events, quotes, order, step };
}

/** Steps the simulator until the spread is at least `ticks` ticks, so an order can rest inside it. */
async function untilSpread(r: ReturnType<typeof running>, ticks: number): Promise<QuoteWire> {
  for (let k = 0; k < 2000; k++) {
    const q = r.md.latest(SYM)!;
    if (dec(q.ask).minus(dec(q.bid)).gte(TICK.times(ticks))) return q;
    r.step();
    await settle();
  }
  throw new Error('the spread never widened');
}

const level = (l: DepthLevelWire) => `${toWire(dec(l.price))} x ${toWire(dec(l.size))}`;
const levelsOf = (ls: readonly DepthLevelWire[]) => ls.map(level);
const viewLevels = (ls: readonly { price: Decimal; quantity: Decimal }[]) => ls.map((l) => `${toWire(l.price)} x ${toWire(l.quantity)}`);

describe('the venue book in the market data', () => {
  it('a bid resting one tick above the best is the quote’s bid and the depth’s first level, the maker’s levels below', async () => {
    const r = running(3);
    const q0 = await untilSpread(r, 3);
    const own = r.md.simulatedDepth(SYM)!;
    const price = dec(q0.bid).plus(TICK);
    r.venue.submit(r.order({ type: 'limit', side: 'buy', quantity: lots(3), limitPrice: price }));
    await settle();

    const q = r.md.latest(SYM)!;
    expect(toWire(dec(q.bid))).toBe(toWire(price));
    expect(toWire(dec(q.bidSize))).toBe(toWire(lots(3)));
    expect(q.ask).toBe(q0.ask);
    expect(q.askSize).toBe(q0.askSize);
    expect(q.seq).toBeGreaterThan(q0.seq);

    const depth = r.md.depth(SYM)!;
    expect(levelsOf(depth.bids)).toEqual([`${toWire(price)} x ${toWire(lots(3))}`, ...levelsOf(own.bids).slice(0, 9)]);
    expect(levelsOf(depth.asks)).toEqual(levelsOf(own.asks));
    expect(depth.seq).toBe(q.seq);
    // Exactly the venue's book.
    const book = r.venue.book(SYM)!;
    expect(levelsOf(depth.bids)).toEqual(viewLevels(book.bids));
    expect(levelsOf(depth.asks)).toEqual(viewLevels(book.asks));
    // The maker still mirrors the simulator's own book, which did not move.
    expect(levelsOf(r.md.simulatedDepth(SYM)!.bids)).toEqual(levelsOf(own.bids));
  });

  it('orders of two traders at one price show as one level, sizes summed; an offer inside the spread is the ask', async () => {
    const r = running(5);
    const q0 = await untilSpread(r, 4);
    const bid = dec(q0.bid).plus(TICK);
    const ask = dec(q0.ask).minus(TICK);
    r.venue.submit(r.order({ type: 'limit', side: 'buy', quantity: lots(2), limitPrice: bid }, 'trader1'));
    r.venue.submit(r.order({ type: 'limit', side: 'buy', quantity: lots(5), limitPrice: bid }, 'trader2'));
    r.venue.submit(r.order({ type: 'limit', side: 'sell', quantity: lots(4), limitPrice: ask }, 'trader3'));
    await settle();
    const q = r.md.latest(SYM)!;
    expect(`${toWire(dec(q.bidSize))} @ ${toWire(dec(q.bid))}`).toBe(`${toWire(lots(7))} @ ${toWire(bid)}`);
    expect(`${toWire(dec(q.askSize))} @ ${toWire(dec(q.ask))}`).toBe(`${toWire(lots(4))} @ ${toWire(ask)}`);
    const depth = r.md.depth(SYM)!;
    expect(level(depth.bids[0]!)).toBe(`${toWire(bid)} x ${toWire(lots(7))}`);
    expect(level(depth.asks[0]!)).toBe(`${toWire(ask)} x ${toWire(lots(4))}`);
    expect(r.venue.book(SYM)!.bids[0]!.orders).toBe(2);
  });

  it('the simulator’s quotes never drop a resting bid, and the depth stays the venue’s book as the market moves', async () => {
    const r = running(9);
    await untilSpread(r, 3);
    let price: Decimal | undefined;
    let o: ReturnType<typeof r.order> | undefined;
    let checked = 0;
    for (let k = 0; k < 300; k++) {
      // The trader keeps a bid one tick above the market's: a new one once the last has filled, else moved up
      // (replace) when the market's bid passed it, whenever the spread leaves room.
      const touch = r.md.latest(SYM)!;
      const room = dec(touch.ask).minus(dec(touch.bid)).gte(TICK.times(2));
      if (o === undefined && room) {
        price = dec(touch.bid).plus(TICK);
        o = r.order({ type: 'limit', side: 'buy', quantity: lots(2), limitPrice: price });
        r.venue.submit(o);
        await settle();
      } else if (o !== undefined && price !== undefined && room && dec(touch.bid).gt(price)) {
        price = dec(touch.bid).plus(TICK);
        const next = { ...o, clOrdId: `${o.clOrdId}R`, origClOrdId: o.clOrdId, limitPrice: price };
        r.venue.replace(o, next);
        o = next;
        await settle();
        expect(toWire(dec(r.md.latest(SYM)!.bid))).toBe(toWire(price));
      }
      const from = r.quotes.length;
      r.step();
      await settle();
      if (o === undefined || price === undefined) continue;
      const id = o.orderId;
      if (r.events.some((e) => e.orderId === id && e.kind === 'fill')) {
        o = undefined;
        continue;
      }
      checked += 1;
      // Every quote of this step, the simulator's own included, shows a bid at or above the trader's.
      for (const q of r.quotes.slice(from)) expect(dec(q.bid).gte(price), `step ${k}: bid ${q.bid} below ${toWire(price)}`).toBe(true);
      const book = r.venue.book(SYM)!;
      const depth = r.md.depth(SYM)!;
      expect(levelsOf(depth.bids)).toEqual(viewLevels(book.bids));
      expect(levelsOf(depth.asks)).toEqual(viewLevels(book.asks));
      const q = r.md.latest(SYM)!;
      expect(dec(q.bid).eq(book.bid!) && dec(q.ask).eq(book.ask!)).toBe(true);
      expect(dec(q.bid).lt(dec(q.ask))).toBe(true);
    }
    expect(checked).toBeGreaterThan(50);
    expect(r.events.filter((e) => e.kind === 'fill').length).toBeGreaterThan(2);
  });

  it('a cancel gives the simulator’s own quote and depth back', async () => {
    const r = running(3);
    const q0 = await untilSpread(r, 3);
    const o = r.order({ type: 'limit', side: 'buy', quantity: lots(3), limitPrice: dec(q0.bid).plus(TICK) });
    r.venue.submit(o);
    await settle();
    expect(r.md.latest(SYM)!.bid).not.toBe(q0.bid);
    r.venue.cancel(o);
    await settle();
    expect(r.events.filter((e) => e.orderId === o.orderId).map((e) => e.kind)).toEqual(['accepted', 'canceled']);
    const q = r.md.latest(SYM)!;
    const own = r.md.simulatedDepth(SYM)!;
    expect([q.bid, q.bidSize, q.ask, q.askSize]).toEqual([own.bids[0]!.price, own.bids[0]!.size, own.asks[0]!.price, own.asks[0]!.size]);
    expect([q.bid, q.bidSize, q.ask, q.askSize]).toEqual([q0.bid, q0.bidSize, q0.ask, q0.askSize]);
    const depth = r.md.depth(SYM)!;
    expect(depth.bids).toEqual(own.bids);
    expect(depth.asks).toEqual(own.asks);
    expect(depth.seq).toBe(q.seq);
  });

  it('a replace to a better price moves the shown level there', async () => {
    const r = running(3);
    const q0 = await untilSpread(r, 3);
    const o = r.order({ type: 'limit', side: 'buy', quantity: lots(3), limitPrice: dec(q0.bid).plus(TICK) });
    r.venue.submit(o);
    await settle();
    const better = dec(q0.bid).plus(TICK.times(2));
    r.venue.replace(o, { ...o, clOrdId: `${o.clOrdId}R`, origClOrdId: o.clOrdId, quantity: lots(6), limitPrice: better });
    await settle();
    const q = r.md.latest(SYM)!;
    expect(`${toWire(dec(q.bidSize))} @ ${toWire(dec(q.bid))}`).toBe(`${toWire(lots(6))} @ ${toWire(better)}`);
    expect(levelsOf(r.md.depth(SYM)!.bids).slice(0, 2)).toEqual([`${toWire(better)} x ${toWire(lots(6))}`, ...levelsOf(r.md.simulatedDepth(SYM)!.bids).slice(0, 1)]);
  });

  it('a partial fill of the resting bid shows what is left of it (with the maker’s size at that price, if any)', async () => {
    const r = running(3);
    const q0 = await untilSpread(r, 3);
    const price = dec(q0.bid).plus(TICK);
    const o = r.order({ type: 'limit', side: 'buy', quantity: lots(5), limitPrice: price }, 'trader1');
    r.venue.submit(o);
    await settle();
    r.venue.submit(r.order({ type: 'market', side: 'sell', quantity: lots(2), tif: 'day' }, 'trader2'));
    await settle();
    const fills = r.events.filter((e) => e.orderId === o.orderId && e.kind === 'fill');
    expect(fills.map((e) => (e.kind === 'fill' ? `${toWire(e.quantity)}@${toWire(e.price)}` : ''))).toEqual([`${toWire(lots(2))}@${toWire(price)}`]);
    // The sell moved the simulated bid to the venue's; the maker may now rest at the trader's price too.
    const makerThere = r.md.simulatedDepth(SYM)!.bids.find((l) => dec(l.price).eq(price));
    const expected = lots(3).plus(makerThere === undefined ? 0 : dec(makerThere.size));
    const q = r.md.latest(SYM)!;
    expect(`${toWire(dec(q.bidSize))} @ ${toWire(dec(q.bid))}`).toBe(`${toWire(expected)} @ ${toWire(price)}`);
    expect(toWire(dec(q.last))).toBe(toWire(price));
    expect(level(r.md.depth(SYM)!.bids[0]!)).toBe(`${toWire(price)} x ${toWire(expected)}`);
    expect(r.venue.book(SYM)!.bids[0]!.quantity.eq(expected)).toBe(true);
  });

  it('a quote made by the venue’s book does not make the maker move again: nothing more is emitted until the simulator moves', async () => {
    const r = running(3);
    const q0 = await untilSpread(r, 3);
    r.venue.submit(r.order({ type: 'limit', side: 'buy', quantity: lots(3), limitPrice: dec(q0.bid).plus(TICK) }));
    await settle();
    const seen = r.quotes.length;
    const seq = r.md.latest(SYM)!.seq;
    for (let k = 0; k < 5; k++) await settle();
    expect(r.quotes.length).toBe(seen);
    expect(r.md.latest(SYM)!.seq).toBe(seq);
    // One simulator move of the symbol: its own quote and at most one of the venue's book after the maker followed it.
    for (let k = 0; k < 50; k++) {
      const from = r.quotes.length;
      const moved = r.step().filter((q) => q.symbol === SYM).length;
      await settle();
      await settle();
      expect(r.quotes.length - from).toBeLessThanOrEqual(moved * 4);
    }
  });

  it('a venue that stops takes its book off the market data', async () => {
    const r = running(3);
    const q0 = await untilSpread(r, 3);
    r.venue.submit(r.order({ type: 'limit', side: 'buy', quantity: lots(3), limitPrice: dec(q0.bid).plus(TICK) }));
    await settle();
    expect(r.md.latest(SYM)!.bid).not.toBe(q0.bid);
    r.venue.stop();
    const q = r.md.latest(SYM)!;
    expect([q.bid, q.bidSize, q.ask, q.askSize]).toEqual([q0.bid, q0.bidSize, q0.ask, q0.askSize]);
    expect(r.md.depth(SYM)!.bids).toEqual(r.md.simulatedDepth(SYM)!.bids);
  });

  it('applyVenueBook refuses a level off the grid or in part lots, and changes nothing', () => {
    const r = running(3, false);
    const q0 = r.md.latest(SYM)!;
    const unit = dec('0.01');
    const ok = { ticks: Math.round(dec(q0.bid).div(unit).toNumber()), lots: 1 };
    expect(r.md.applyVenueBook(SYM, { unit: dec('0.001'), lot: INSTRUMENT.lotSize, bids: [{ ticks: ok.ticks * 10 + 3, lots: 1 }], asks: [] })).toBeUndefined();
    expect(r.md.applyVenueBook(SYM, { unit, lot: dec(1), bids: [{ ticks: ok.ticks, lots: 50 }], asks: [] })).toBeUndefined();
    expect(r.md.applyVenueBook('NOPE', { unit, lot: INSTRUMENT.lotSize, bids: [ok], asks: [] })).toBeUndefined();
    expect(r.md.latest(SYM)).toBe(q0);
    // The same book in a finer unit and a smaller lot is converted exactly.
    const q = r.md.applyVenueBook(SYM, { unit: dec('0.001'), lot: INSTRUMENT.lotSize.div(4), bids: [{ ticks: ok.ticks * 10, lots: 8 }], asks: [] })!;
    expect(`${toWire(dec(q.bidSize))} @ ${toWire(dec(q.bid))}`).toBe(`${toWire(lots(2))} @ ${toWire(dec(q0.bid))}`);
    // An empty side falls back to the simulator's.
    expect(q.ask).toBe(q0.ask);
  });

  it('a book holding only the maker’s orders (and a trader’s pending stop) changes nothing in the quotes or the depth', async () => {
    const a = running(13);
    const b = running(13, false);
    const q = a.md.latest(SYM)!;
    a.venue.submit(a.order({ type: 'stop', side: 'sell', quantity: lots(1), stopPrice: dec(q.bid).times('0.5').toDecimalPlaces(2), tif: 'gtc' }));
    await settle();
    for (let k = 0; k < 100; k++) {
      a.step();
      b.step();
      await settle();
      expect(a.md.latest(SYM)).toEqual(b.md.latest(SYM));
      expect(a.md.depth(SYM)).toEqual(b.md.depth(SYM));
    }
    expect(a.quotes).toEqual(b.quotes);
  });
});
