import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dec } from '../../../src/core/decimal.ts';
import { newOrder } from '../../../src/core/order.ts';
import type { DepthWire, QuoteWire } from '../../../src/core/protocol.ts';
import { createCatalog, createMarketData, loadInstruments } from '../../../server/marketdata/index.ts';
import { type MatchingMarket, createMatchingVenue } from '../../../server/venues/matching/matchingVenue.ts';
import type { VenueEvent } from '../../../server/venues/types.ts';

// Over the real simulator the venue talks to the market data in integers (the simulated book's
// pairs for the maker, prints and books in units and lots). Clients must see exactly what the
// Decimal and string hooks gave: the same quotes in the same order, the same depth, the same
// venue events. Two markets with one seed and clock, one seen through the Decimal hooks only.

const catalog = loadInstruments();
// A share on the US equity grid (two bands), another equity and a future: different ticks and lots.
const symbols = ['GS', 'PFE', ...catalog.all().filter((i) => i.assetClass !== 'equity').slice(0, 1).map((i) => i.symbol)];
const subset = createCatalog(symbols.map((s) => catalog.get(s)!));
const START = Date.UTC(2025, 10, 24, 15, 0, 0);

type Action = { kind: 'order'; sym: number; buy: boolean; offset: number; lots: number } | { kind: 'cancel'; nth: number } | { kind: 'step' };

const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('order' as const), sym: fc.nat(symbols.length - 1), buy: fc.boolean(), offset: fc.integer({ min: -4, max: 3 }), lots: fc.integer({ min: 1, max: 40 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancel' as const), nth: fc.nat(50) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('step' as const) }) },
);

const turn = () => new Promise<void>((r) => setImmediate(r));

/** Runs the actions on a fresh market; `decimalHooksOnly` hides the integer hooks from the venue. */
async function run(seed: number, actions: readonly Action[], decimalHooksOnly: boolean) {
  let now = START;
  const md = createMarketData({ seed, catalog: subset, tickIntervalMs: 250, clock: () => now });
  const market: MatchingMarket = decimalHooksOnly
    ? {
        instruments: md.instruments,
        quotes$: md.quotes$,
        latest: (s) => md.latest(s),
        depth: (s, n) => md.depth(s, n),
        applyVenueTrade: (s, p) => md.applyVenueTrade(s, p),
        applyVenueBook: (s, b) => md.applyVenueBook(s, b),
        simulatedDepth: (s, n) => md.simulatedDepth(s, n),
      }
    : md;
  const venue = createMatchingVenue(market, { now: () => 0 });
  const events: VenueEvent[] = [];
  venue.events$.subscribe((e) => events.push(e));
  const quotes: QuoteWire[] = [];
  md.quotes$.subscribe((q) => quotes.push(q));
  const depths: (DepthWire | undefined)[] = [];
  const orders: ReturnType<typeof newOrder>[] = [];
  let n = 0;
  for (const a of actions) {
    if (a.kind === 'step') {
      now += 250;
      md.step();
    } else if (a.kind === 'cancel') {
      const o = orders[a.nth % Math.max(1, orders.length)];
      if (o !== undefined) venue.cancel(o);
    } else {
      const ins = subset.all()[a.sym]!;
      const q = md.latest(ins.symbol)!;
      // Around the touch: a positive offset crosses it (fills against the maker), a negative one rests.
      const tick = ins.tickSize;
      const price = a.buy ? dec(q.ask).plus(tick.times(a.offset)) : dec(q.bid).minus(tick.times(a.offset));
      if (!price.gt(0)) continue;
      const o = newOrder(
        { symbol: ins.symbol, side: a.buy ? 'buy' : 'sell', type: 'limit', quantity: ins.lotSize.times(a.lots), limitPrice: price, account: 'A', tif: 'gtc' },
        { orderId: `O${++n}`, clOrdId: `C${n}`, trader: n % 3 === 0 ? 'trader2' : 'trader1' },
        now,
      );
      orders.push(o);
      venue.submit(o);
    }
    await turn();
    for (const s of symbols) depths.push(md.depth(s, 10), md.simulatedDepth(s, 10));
  }
  venue.stop();
  return { events, quotes, depths };
}

describe('the venue over the real market data: integer hooks', () => {
  it('clients see the same quotes, depth and venue events as through the Decimal and string hooks', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 1000 }), fc.array(action, { minLength: 5, maxLength: 60 }), async (seed, actions) => {
        const fast = await run(seed, actions, false);
        const slow = await run(seed, actions, true);
        expect(fast.quotes).toEqual(slow.quotes);
        expect(fast.depths).toEqual(slow.depths);
        expect(fast.events).toEqual(slow.events);
      }),
      { numRuns: 60 },
    );
  });

  it('the venue trades and shows its book along the way (the property is not vacuous)', async () => {
    const actions: Action[] = [];
    for (let k = 0; k < 30; k++) actions.push({ kind: 'order', sym: k % symbols.length, buy: k % 2 === 0, offset: k % 4 === 0 ? 1 : -2, lots: 3 }, { kind: 'step' });
    const fast = await run(7, actions, false);
    expect(fast.events.filter((e) => e.kind === 'fill').length).toBeGreaterThan(5);
    expect(fast.depths.some((d) => d !== undefined && d.bids.length > 0)).toBe(true);
    const slow = await run(7, actions, true);
    expect(fast.quotes).toEqual(slow.quotes);
    expect(fast.events).toEqual(slow.events);
  });
});
