/**
 * In-process microbenchmark of the OMS's own bookkeeping on the order path
 * (issue 4), part by part, without the journal, the transport or risk:
 *  - expiry: the due time of each new DAY order (expiry.dueAt, the session's next close);
 *  - openOrders.track: a new order, then its accept;
 *  - venue submit: the internal venue's submit of a resting limit buy (events drained);
 *  - venue submit + publish (--only=publish): the venue on the real simulated market data, each order
 *    published (book shown, trade printed, the maker's re-quote) in its own microtask turn;
 *  - OMS place + accept: placeOrder (ticket rules included) with a null journal and a
 *    built-in risk check, then the venue's 'accepted' through onVenueEvent, then the
 *    expiry sweep that schedules them;
 *  - portfolio: one fill through the portfolio; then with the desk feed's roll-up after each fill,
 *    and after every 50 fills (what the gateway's fill timer does under load), per fill.
 * Prints CPU µs per operation: the best and the median of 7 runs after a warm-up
 * (the machine is shared: the best run is the one least disturbed). A benchmark, not a test:
 * `npx tsx test/bench/oms/omsCore.bench.ts`. Run the same file in a checkout of
 * an older commit to compare before/after on the same machine.
 */
import { pino } from 'pino';
import { Subject } from 'rxjs';
import { dec } from '../../../src/core/decimal.ts';
import type { Instrument } from '../../../src/core/instrument.ts';
import { type Order, applyEvent, newOrder } from '../../../src/core/order.ts';
import { validateTicket } from '../../../src/core/ticket.ts';
import { createWorkingOrderTotals } from '../../../server/risk/workingOrders.ts';
import type { DepthWire, QuoteWire } from '../../../src/core/protocol.ts';
import type { UserProfile } from '../../../src/core/users.ts';
import { loadInstruments } from '../../../server/marketdata/loadInstruments.ts';
import { createMarketData } from '../../../server/marketdata/marketData.ts';
import { createExpiryClock } from '../../../server/oms/expiry.ts';
import type { Journal } from '../../../server/oms/journal.ts';
import { createOpenOrders } from '../../../server/oms/openOrders.ts';
import { createOrderManager } from '../../../server/oms/orderManager.ts';
import { createRouter } from '../../../server/oms/router.ts';
import { createDeskFeed } from '../../../server/portfolio/deskFeed.ts';
import { DEFAULT_LIMITS_FILE, loadLimits } from '../../../server/portfolio/limits.ts';
import { createPortfolioService } from '../../../server/portfolio/portfolioService.ts';
import type { Fill } from '../../../server/portfolio/positionBook.ts';
import { createMatchingVenue } from '../../../server/venues/matching/matchingVenue.ts';
import type { Venue, VenueEvent } from '../../../server/venues/types.ts';

const N = Number(process.argv.find((a) => a.startsWith('--n='))?.slice(4) ?? 20_000);
const RUNS = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 7);
const catalog = loadInstruments();
const equities = catalog.all().filter((i) => i.assetClass === 'equity' && i.session !== undefined).slice(0, 50);
const T0 = Date.UTC(2026, 10, 23, 15, 0, 0);

/** CPU time of this process in ms (user + system): on a shared machine, less disturbed by the other processes than the wall clock. */
function cpuNow(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Runs `body` (which does `n` operations and returns the ms it took) RUNS times after one warm-up; µs per op, best and median. */
async function measure(name: string, n: number, body: (run: number) => number | Promise<number>): Promise<number> {
  await body(-1);
  const per: number[] = [];
  for (let r = 0; r < RUNS; r++) per.push(((await body(r)) * 1000) / n);
  const best = Math.min(...per);
  console.log(`${name.padEnd(36)} best ${best.toFixed(2).padStart(7)} µs/op  median ${median(per).toFixed(2).padStart(7)}`);
  return best;
}

function restingPrice(ins: Instrument): string {
  // Two ticks under the reference, on the grid (display arithmetic of the bench only).
  const places = ins.tickSize.decimalPlaces();
  return ins.referencePrice.minus(ins.tickSize.times(2)).toFixed(places);
}

function orderOf(i: number, seq: number, createdAt: number): Order {
  const ins = equities[i % equities.length]!;
  return newOrder(
    { symbol: ins.symbol, side: 'buy', type: 'limit', quantity: ins.lotSize, limitPrice: dec(restingPrice(ins)), account: 'T1-MAIN', tif: 'day' },
    { orderId: `O${String(seq).padStart(8, '0')}`, clOrdId: `C${seq}`, trader: 'trader1' },
    createdAt,
  );
}

// ---------------------------------------------------------------- expiry

async function benchExpiry(): Promise<void> {
  let base = 0;
  await measure('expiry.dueAt (new DAY order)', N, () => {
    const clock = createExpiryClock((s) => catalog.get(s)?.session);
    const orders = Array.from({ length: N }, (_, i) => ({ orderId: `X${base + i}`, symbol: equities[i % equities.length]!.symbol, tif: 'day' as const, expireAt: null, createdAt: T0 + (base + i) * 3 }));
    base += N;
    const t = cpuNow();
    let sum = 0;
    for (const o of orders) sum += clock.dueAt(o) ?? 0;
    const ms = cpuNow() - t;
    if (sum === 42) console.log('');
    return ms;
  });
}

// ---------------------------------------------------------------- open orders

async function benchOpenOrders(): Promise<void> {
  await measure('openOrders (enter + fill: leave)', N, () => {
    const open = createOpenOrders();
    const held = Array.from({ length: N }, (_, i) => ({ order: orderOf(i, i + 1, T0 + i) }));
    const filled = held.map((h) => ({ ...h.order, status: 'filled' as const }));
    const t = cpuNow();
    for (let i = 0; i < N; i++) open.enter(held[i]!);
    for (let i = 0; i < N; i++) {
      held[i]!.order = filled[i]!;
      open.leave(held[i]!);
    }
    return cpuNow() - t;
  });
}

// ---------------------------------------------------------------- the market for the venue

class StillMarket {
  readonly instruments = catalog;
  readonly quotes$ = new Subject<QuoteWire>();
  private readonly depths = new Map<string, DepthWire>();
  private readonly quotes = new Map<string, QuoteWire>();
  constructor(symbols: readonly Instrument[]) {
    for (const ins of symbols) {
      const places = ins.tickSize.decimalPlaces();
      const px = (k: number) => ins.referencePrice.plus(ins.tickSize.times(k)).toFixed(places);
      const size = ins.lotSize.times(10).toFixed();
      this.depths.set(ins.symbol, {
        symbol: ins.symbol,
        seq: 1,
        ts: 1,
        bids: Array.from({ length: 10 }, (_, k) => ({ price: px(-10 - k), size })),
        asks: Array.from({ length: 10 }, (_, k) => ({ price: px(1 + k), size })),
      });
      const p = px(0);
      this.quotes.set(ins.symbol, {
        symbol: ins.symbol, bid: px(-10), ask: px(1), last: p, bidSize: size, askSize: size, lastSize: size,
        open: p, high: p, low: p, prevClose: p, change: '0', changePct: '0', volume: '0', ts: 1, seq: 1,
      });
    }
  }
  latest = (s: string) => this.quotes.get(s);
  depth = (s: string) => this.depths.get(s);
  simulatedDepth = (s: string) => this.depths.get(s);
  applyVenueBook = () => undefined;
  applyVenueTrade = () => undefined;
}

const drain = () => new Promise<void>((r) => setImmediate(r));

async function benchVenueSubmit(): Promise<void> {
  let seq = 0;
  await measure('venue submit (resting limit)', N, async () => {
    const venue = createMatchingVenue(new StillMarket(equities), { now: () => T0 });
    const orders = Array.from({ length: N }, (_, i) => orderOf(i, ++seq, T0 + i));
    let accepted = 0;
    venue.events$.subscribe((e) => {
      if (e.kind === 'accepted') accepted += 1;
    });
    // Open every book first: the first order of a symbol builds its book.
    for (let i = 0; i < equities.length; i++) venue.submit(orderOf(i, ++seq, T0));
    await drain();
    const t = cpuNow();
    for (const o of orders) venue.submit(o);
    await drain();
    const ms = cpuNow() - t;
    if (accepted < N) throw new Error(`only ${accepted} of ${N} accepted`);
    venue.stop();
    return ms;
  });
}

/**
 * The venue on the real simulated market data, its hooks on: each order's publish (the book shown to the
 * market data, a trade printed, the maker's re-quote around it) is in the figure. Four orders in nine buy at
 * the ask (they fill against the maker), the others rest two ticks under the bid; the market moves every
 * 100 orders. A microtask turn per order, as orders arrive over the socket.
 */
async function benchVenuePublish(): Promise<void> {
  let seq = 0;
  await measure('venue submit + publish (real md)', N, async () => {
    const md = createMarketData({ seed: 11, catalog, tickIntervalMs: 250, clock: () => T0 });
    const venue = createMatchingVenue(md, { now: () => T0 });
    let events = 0;
    let fills = 0;
    venue.events$.subscribe((e) => {
      events += 1;
      if (e.kind === 'fill') fills += 1;
    });
    const priced = (i: number): Order => {
      const ins = equities[i % equities.length]!;
      const q = md.latest(ins.symbol)!;
      const px = i % 9 < 4 ? dec(q.ask) : dec(q.bid).minus(ins.tickSize.times(2));
      return newOrder(
        { symbol: ins.symbol, side: 'buy', type: 'limit', quantity: ins.lotSize, limitPrice: px, account: 'T1-MAIN', tif: 'day' },
        { orderId: `P${String(++seq).padStart(8, '0')}`, clOrdId: `C${seq}`, trader: 'trader1' },
        T0,
      );
    };
    for (let i = 0; i < equities.length; i++) venue.submit(priced(i + 4));
    await drain();
    let ms = 0;
    for (let i = 0; i < N; i++) {
      if (i % 100 === 0) md.step();
      const o = priced(i);
      const t = cpuNow();
      venue.submit(o);
      await null;
      ms += cpuNow() - t;
    }
    await drain();
    if (events < N || fills < N / 4) throw new Error(`only ${events} events and ${fills} fills for ${N} orders`);
    venue.stop();
    return ms;
  });
}

// ---------------------------------------------------------------- the OMS

function nullJournal(): Journal {
  return {
    recordNewOrder: () => undefined,
    recordExecution: () => undefined,
    load: () => ({ orders: new Map(), executions: [], lastOrderSeq: 0, lastExecSeq: 0, pendingReplaces: new Map(), seenFills: new Set(), problems: [] }),
  };
}

/** A venue that holds what it is sent and says 'accepted' when told. */
function heldVenue(): Venue & { held: Order[]; events: Subject<VenueEvent> } {
  const events = new Subject<VenueEvent>();
  const held: Order[] = [];
  return { name: 'HELD', held, events, events$: events, submit: (o) => void held.push(o), cancel: () => undefined, replace: () => undefined, stop: () => events.complete() };
}

const trader: UserProfile = { username: 'trader1', displayName: 'T1', role: 'trader', desk: 'Equities', accounts: ['T1-MAIN'] };

async function benchOms(): Promise<void> {
  const make = () => {
    const venue = heldVenue();
    let now = T0;
    const oms = createOrderManager({
      journal: nullJournal(),
      router: createRouter(venue),
      instruments: catalog,
      touch: () => undefined,
      risk: { check: () => ({ ok: true, warnings: [] }) },
      now: () => (now += 1),
      log: pino({ level: 'silent' }),
    });
    let reports = 0;
    oms.updates$.subscribe(() => (reports += 1));
    const tickets = Array.from({ length: N }, (_, i) => {
      const ins = equities[i % equities.length]!;
      return { clOrdId: `C${i}`, order: { symbol: ins.symbol, side: 'buy', type: 'limit', quantity: ins.lotSize.toFixed(), limitPrice: restingPrice(ins), account: 'T1-MAIN', tif: 'day' } };
    });
    return { venue, oms, tickets, reports: () => reports, now: () => now };
  };
  let built = make();
  await measure('OMS placeOrder (null journal)', N, (run) => {
    built = make();
    const { oms, tickets } = built;
    const t = cpuNow();
    for (const c of tickets) oms.placeOrder(trader, c, { sessionId: 1, reqId: c.clOrdId });
    const ms = cpuNow() - t;
    if (built.venue.held.length !== N) throw new Error(`run ${run}: ${built.venue.held.length} submitted`);
    return ms;
  });
  await measure("OMS onVenueEvent 'accepted'", N, (run) => {
    if (run >= 0 || built.venue.held.length === 0) {
      built = make();
      for (const c of built.tickets) built.oms.placeOrder(trader, c, { sessionId: 1 });
    }
    const { venue, oms } = built;
    const t = cpuNow();
    for (const o of venue.held) venue.events.next({ kind: 'accepted', orderId: o.orderId });
    const ms = cpuNow() - t;
    if (oms.order(venue.held[N - 1]!.orderId)?.status !== 'new') throw new Error('not accepted');
    return ms;
  });
  // What of the two above is not the OMS's own work: the ticket rules, the order model and risk's running totals, done
  // alone on the same orders (subtract from the lines above for the OMS's bookkeeping).
  await measure('  of which ticket+newOrder+totals', N, () => {
    const totals = createWorkingOrderTotals((s) => catalog.get(s));
    const { tickets } = make();
    const instrument = (s: string) => catalog.get(s);
    let now = T0;
    const t = cpuNow();
    for (let i = 0; i < N; i++) {
      const c = tickets[i]!;
      const v = validateTicket(c.order, { instrument, accounts: trader.accounts, now: (now += 1) });
      if (!v.ok) throw new Error('ticket refused');
      const o = newOrder(v.order, { orderId: `O${i}`, clOrdId: c.clOrdId, trader: trader.username }, now);
      totals.track({ ...o, venue: 'HELD' });
    }
    return cpuNow() - t;
  });
  await measure("  of which applyEvent+totals (accept)", N, () => {
    const totals = createWorkingOrderTotals((s) => catalog.get(s));
    const orders = Array.from({ length: N }, (_, i) => orderOf(i, i + 1, T0 + i));
    for (const o of orders) totals.track(o);
    const t = cpuNow();
    for (const o of orders) {
      const r = applyEvent(o, 'accepted', T0 + N);
      if (r.ok) totals.track(r.order);
    }
    return cpuNow() - t;
  });
  await measure('OMS expireDue (schedule new orders)', N, () => {
    const b = make();
    for (const c of b.tickets) b.oms.placeOrder(trader, c, { sessionId: 1 });
    const t = cpuNow();
    b.oms.expireDue(b.now());
    return cpuNow() - t;
  });
}

// ---------------------------------------------------------------- portfolio

async function benchPortfolio(): Promise<void> {
  const fillsOf = (n: number, traders: readonly string[]) =>
    Array.from({ length: n }, (_, i) => {
      const ins = equities[i % equities.length]!;
      const trader = traders[Math.floor(i / equities.length) % traders.length]!;
      return { trader, account: `${trader.toUpperCase()}-MAIN`, symbol: ins.symbol, side: (i % 3 === 0 ? 'sell' : 'buy') as 'buy' | 'sell', quantity: ins.lotSize, price: dec(restingPrice(ins)), ts: T0 + i, orderId: `O${i}` };
    });
  await measure('portfolio fill', N, () => {
    const fills = new Subject<Fill & { orderId: string }>();
    const p = createPortfolioService({ pastFills: [], fills$: fills, instrument: (s) => catalog.get(s), canSee: () => true });
    const items = fillsOf(N, ['trader1']);
    const t = cpuNow();
    for (const f of items) fills.next(f);
    const ms = cpuNow() - t;
    p.stop();
    return ms;
  });

  // The desk roll-up the gateway runs after fills (deskFeed: at most every 20 ms or twice its own cost while fills
  // arrive), over the WS bench's book: two traders in 50 equities, still quotes, the FX pairs quoted, the default limits.
  const market = new StillMarket([...equities, ...catalog.all().filter((i) => i.assetClass === 'fx')]);
  const limits = loadLimits(DEFAULT_LIMITS_FILE);
  const desked = (label: string, n: number, every: number) =>
    measure(label, n, () => {
      const fills = new Subject<Fill & { orderId: string }>();
      const allocations = new Subject<never>();
      const traders = ['trader1', 'trader2'];
      const p = createPortfolioService({
        pastFills: fillsOf(2 * equities.length, traders),
        fills$: fills,
        allocations$: allocations,
        instrument: (s) => catalog.get(s),
        canSee: () => true,
        latest: market.latest,
        fxPairs: catalog.all().filter((i) => i.assetClass === 'fx'),
      });
      const desk = createDeskFeed({ portfolio: p, limits, deskOf: () => 'Equities', now: () => T0, onTraderBreach: () => null });
      const items = fillsOf(n, traders);
      const t = cpuNow();
      for (let i = 0; i < n; i++) {
        fills.next(items[i]!);
        if ((i + 1) % every === 0) desk.refresh();
      }
      const ms = cpuNow() - t;
      desk.stop();
      p.stop();
      return ms;
    });
  await desked('portfolio fill + desk roll-up each', N / 4, 1);
  await desked('portfolio fill + roll-up per 50 fills', N, 50);
}

const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
const sections: Record<string, () => Promise<void>> = { expiry: benchExpiry, open: benchOpenOrders, venue: benchVenueSubmit, publish: benchVenuePublish, oms: benchOms, portfolio: benchPortfolio };
console.log(`omsCore bench: ${N} operations per run, ${RUNS} runs, node ${process.version}`);
for (const [name, run] of Object.entries(sections)) if (only === undefined || only.split(',').includes(name)) await run();
