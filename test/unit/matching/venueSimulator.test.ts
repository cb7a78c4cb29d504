import { describe, expect, it } from 'vitest';
import { dec, toWire } from '../../../src/core/decimal.ts';
import { newOrder, type OrderSpec } from '../../../src/core/order.ts';
import { createCatalog, createMarketData, loadInstruments } from '../../../server/marketdata/index.ts';
import { mulberry32 } from '../../../server/marketdata/prng.ts';
import { createMatchingVenue } from '../../../server/venues/matching/matchingVenue.ts';
import type { VenueEvent } from '../../../server/venues/types.ts';
import { settle } from './venueMarket.ts';

// The venue over the real simulator: its depth is the maker's liquidity, and
// the venue's trades go back into the simulated quote, volume and bars.

const catalog = loadInstruments();
const subset = createCatalog(['AAPL', 'PFE', 'EURUSD'].map((s) => catalog.get(s)!));
const START = Date.UTC(2025, 10, 24, 15, 0, 0);

function running(seed: number) {
  let now = START;
  const md = createMarketData({ seed, catalog: subset, tickIntervalMs: 250, clock: () => now });
  const venue = createMatchingVenue(md, { now: () => now });
  const events: VenueEvent[] = [];
  venue.events$.subscribe((e) => events.push(e));
  let n = 0;
  const order = (spec: OrderSpec, trader = 'trader1') => newOrder(spec, { orderId: `O${++n}`, clOrdId: `C${n}`, trader }, now);
  return { md, venue, events, order, step: () => ((now += 250), md.step()) };
}

describe('matching venue over the simulator', () => {
  it('a market buy takes the simulated levels in order and moves the quote, volume and bars', async () => {
    const { md, venue, events, order } = running(7);
    const depth = md.depth('AAPL')!;
    const [l0, l1] = depth.asks;
    const before = md.latest('AAPL')!;
    const qty = dec(l0!.size).plus(dec(catalog.get('AAPL')!.lotSize));
    const o = order({ type: 'market', symbol: 'AAPL', side: 'buy', quantity: qty, account: 'A', tif: 'day' });
    venue.submit(o);
    await settle();
    const fills = events.filter((e) => e.kind === 'fill').map((e) => (e.kind === 'fill' ? `${toWire(e.quantity)}@${toWire(e.price)}` : ''));
    expect(fills).toEqual([`${l0!.size}@${toWire(dec(l0!.price))}`, `${catalog.get('AAPL')!.lotSize.toFixed()}@${toWire(dec(l1!.price))}`]);

    const after = md.latest('AAPL')!;
    expect(after.seq).toBeGreaterThan(before.seq);
    expect(dec(after.last).eq(dec(l1!.price))).toBe(true);
    expect(after.lastSize).toBe(toWire(qty));
    expect(dec(after.volume).minus(dec(before.volume)).eq(qty)).toBe(true);
    // The ask is now the rest of the second level; the bid follows at the usual spread, so the mid went up.
    expect(dec(after.ask).eq(dec(l1!.price))).toBe(true);
    expect(dec(after.bid).gt(dec(before.bid))).toBe(true);
    const bar = md.history('AAPL', '1m', 1)[0]!;
    expect(dec(bar.close).eq(dec(l1!.price))).toBe(true);
  });

  it('keeps the book uncrossed and the quote sane while the simulator runs and traders trade', async () => {
    const { md, venue, events, order, step } = running(11);
    const rng = mulberry32(5);
    const symbols = ['AAPL', 'PFE', 'EURUSD'];
    for (let k = 0; k < 300; k++) {
      step();
      const symbol = symbols[k % symbols.length]!;
      const instrument = catalog.get(symbol)!;
      const q = md.latest(symbol)!;
      const side = rng() < 0.5 ? 'buy' : 'sell';
      const lots = 1 + Math.floor(rng() * 20);
      const quantity = instrument.lotSize.times(lots);
      // Limits at the touch or one level through it, so some rest and are reached by later moves.
      const touch = side === 'buy' ? md.depth(symbol)!.asks[Math.floor(rng() * 2)]! : md.depth(symbol)!.bids[Math.floor(rng() * 2)]!;
      const kind = rng();
      const spec: OrderSpec =
        kind < 0.3
          ? { type: 'market', symbol, side, quantity, account: 'A', tif: 'day' }
          : kind < 0.4
            ? { type: 'limit', symbol, side, quantity, account: 'A', tif: 'ioc', limitPrice: dec(q.bid) }
            : { type: 'limit', symbol, side, quantity, account: 'A', tif: 'gtc', limitPrice: dec(touch.price) };
      venue.submit(order(spec, `trader${1 + (k % 3)}`));
      await settle();
      for (const s of symbols) {
        const book = venue.book(s);
        if (book?.bid !== undefined && book.ask !== undefined) expect(book.bid.lt(book.ask), `${s} book crossed at step ${k}`).toBe(true);
        const quote = md.latest(s)!;
        expect(dec(quote.bid).lt(dec(quote.ask)), `${s} quote crossed at step ${k}`).toBe(true);
      }
    }
    expect(events.filter((e) => e.kind === 'fill').length).toBeGreaterThan(100);
    expect(events.filter((e) => e.kind === 'rejected')).toEqual([]);
  });
});
