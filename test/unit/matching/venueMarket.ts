import { Subject } from 'rxjs';
import { type Decimal, dec, toWire } from '../../../src/core/decimal.ts';
import { type Instrument, instrumentFromWire } from '../../../src/core/instrument.ts';
import { type Order, type OrderSpec, newOrder } from '../../../src/core/order.ts';
import type { DepthWire, QuoteWire } from '../../../src/core/protocol.ts';
import type { VenuePrint } from '../../../server/marketdata/marketData.ts';
import type { InstrumentCatalog } from '../../../server/marketdata/types.ts';
import { type MatchingMarket, type MatchingVenue, createMatchingVenue } from '../../../server/venues/matching/matchingVenue.ts';
import type { VenueEvent } from '../../../server/venues/types.ts';

// A hand-driven market for the venue's unit tests: the test sets each
// symbol's depth (what the market maker mirrors) and prints simulated trades;
// the venue's own prints are recorded and applied as the simulator would
// (last and volume move, the touch goes where the venue says).

export const INSTRUMENTS: Instrument[] = [
  // Lot 1 and a fixed cent tick keep the arithmetic of most tests plain.
  { symbol: 'ACME', name: 'Acme', assetClass: 'equity', sector: 'Tech', currency: 'USD', tickSize: '0.01', lotSize: '1', multiplier: '1', referencePrice: '100' },
  // Reg NMS ticks (0.0001 below 1.00, 0.01 above) and round lots of 100.
  {
    symbol: 'PENY',
    name: 'Penny',
    assetClass: 'equity',
    sector: 'Tech',
    currency: 'USD',
    tickSize: '0.01',
    lotSize: '100',
    multiplier: '1',
    referencePrice: '1',
    tickTable: 'US_EQUITY',
  },
].map((w) => instrumentFromWire(w as Parameters<typeof instrumentFromWire>[0]));

export type Levels = readonly (readonly [price: string, size: string])[];

export class FakeMarket implements MatchingMarket {
  readonly instruments: InstrumentCatalog;
  private readonly quotes = new Subject<QuoteWire>();
  readonly quotes$ = this.quotes.asObservable();
  private readonly books = new Map<string, DepthWire>();
  private readonly current = new Map<string, QuoteWire>();
  /** Every venue print, in order. */
  readonly prints: { symbol: string; print: VenuePrint }[] = [];

  constructor(instruments: readonly Instrument[] = INSTRUMENTS) {
    const bySymbol = new Map(instruments.map((i) => [i.symbol, i] as const));
    this.instruments = { get: (s) => bySymbol.get(s), all: () => instruments };
  }

  latest(symbol: string): QuoteWire | undefined {
    return this.current.get(symbol);
  }

  depth(symbol: string): DepthWire | undefined {
    return this.books.get(symbol);
  }

  /** The simulated book moves: the maker will mirror these levels (best first). */
  setDepth(symbol: string, bids: Levels, asks: Levels): void {
    const prev = this.current.get(symbol);
    const seq = (prev?.seq ?? 0) + 1;
    this.books.set(symbol, {
      symbol,
      seq,
      ts: seq,
      bids: bids.map(([price, size]) => ({ price, size })),
      asks: asks.map(([price, size]) => ({ price, size })),
    });
    this.emit(symbol, seq, { last: prev?.last ?? bids[0]?.[0] ?? '0', volume: prev?.volume ?? '0', lastSize: prev?.lastSize ?? '0' });
  }

  /** A simulated trade prints (volume grows); the depth stays. */
  tape(symbol: string, price: string, size: string): void {
    const prev = this.current.get(symbol);
    const seq = (prev?.seq ?? 0) + 1;
    const book = this.books.get(symbol);
    if (book) this.books.set(symbol, { ...book, seq });
    this.emit(symbol, seq, { last: price, lastSize: size, volume: toWire(dec(prev?.volume ?? '0').plus(dec(size))) });
  }

  applyVenueTrade(symbol: string, print: VenuePrint): QuoteWire | undefined {
    this.prints.push({ symbol, print });
    const prev = this.current.get(symbol);
    const book = this.books.get(symbol);
    if (!prev || !book) return undefined;
    const seq = prev.seq + 1;
    // Like the simulator: the touch goes where the venue's book is, the deeper levels keep their sizes.
    const bids = print.bid === undefined ? book.bids : [{ price: toWire(print.bid), size: book.bids[0]?.size ?? '1' }, ...book.bids.filter((l) => dec(l.price).lt(print.bid!))];
    const asks = print.ask === undefined ? book.asks : [{ price: toWire(print.ask), size: book.asks[0]?.size ?? '1' }, ...book.asks.filter((l) => dec(l.price).gt(print.ask!))];
    this.books.set(symbol, { ...book, seq, bids, asks });
    return this.emit(symbol, seq, { last: toWire(print.price), lastSize: toWire(print.size), volume: toWire(dec(prev.volume).plus(print.size)) });
  }

  private emit(symbol: string, seq: number, t: { last: string; lastSize: string; volume: string }): QuoteWire {
    const book = this.books.get(symbol);
    const q: QuoteWire = {
      symbol,
      bid: book?.bids[0]?.price ?? '0',
      ask: book?.asks[0]?.price ?? '0',
      bidSize: book?.bids[0]?.size ?? '0',
      askSize: book?.asks[0]?.size ?? '0',
      last: t.last,
      lastSize: t.lastSize,
      open: t.last,
      high: t.last,
      low: t.last,
      prevClose: t.last,
      change: '0',
      changePct: '0.00',
      volume: t.volume,
      ts: seq,
      seq,
    };
    this.current.set(symbol, q);
    this.quotes.next(q);
    return q;
  }
}

/** Lets queued microtasks (the venue's reports and its prints to the market) run. */
export const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export interface Harness {
  market: FakeMarket;
  venue: MatchingVenue;
  events: VenueEvent[];
  /** Events of one order, as short strings: "accepted", "fill 10@100.01", "canceled: …". */
  of(orderId: string): string[];
  order(spec: Partial<OrderSpec> & { trader?: string; price?: string; stop?: string; qty?: string }): Order;
}

let orderNo = 0;

export function harness(): Harness {
  const market = new FakeMarket();
  const venue = createMatchingVenue(market, { now: () => 0 });
  const events: VenueEvent[] = [];
  venue.events$.subscribe((e) => events.push(e));
  return {
    market,
    venue,
    events,
    of: (orderId) => events.filter((e) => e.orderId === orderId).map(describe),
    order({ trader = 'trader1', price, stop, qty = '10', ...spec }) {
      orderNo += 1;
      const type = spec.type ?? (price === undefined ? 'market' : 'limit');
      const full = {
        symbol: 'ACME',
        side: 'buy',
        account: 'ACC',
        tif: 'gtc',
        ...spec,
        type,
        quantity: dec(qty),
        ...(price === undefined ? {} : { limitPrice: dec(price) }),
        ...(stop === undefined ? {} : { stopPrice: dec(stop) }),
      } as OrderSpec;
      return newOrder(full, { orderId: `O${orderNo}`, clOrdId: `C${orderNo}`, trader }, 0);
    },
  };
}

export function describe(e: VenueEvent): string {
  switch (e.kind) {
    case 'fill':
      return `fill ${toWire(e.quantity)}@${toWire(e.price)}`;
    case 'replaced':
      return `replaced ${toWire(e.quantity)}${e.limitPrice ? `@${toWire(e.limitPrice)}` : ''}${e.stopPrice ? ` stop ${toWire(e.stopPrice)}` : ''}`;
    case 'accepted':
    case 'triggered':
      return e.kind;
    default:
      return `${e.kind}: ${e.reason}`;
  }
}

/** Amended terms of an order, as the OMS hands them to replace(). */
export function amended(o: Order, change: { qty?: string; price?: string; stop?: string }): Order {
  return {
    ...o,
    clOrdId: `${o.clOrdId}R`,
    origClOrdId: o.clOrdId,
    quantity: change.qty === undefined ? o.quantity : dec(change.qty),
    limitPrice: change.price === undefined ? o.limitPrice : dec(change.price),
    stopPrice: change.stop === undefined ? o.stopPrice : dec(change.stop),
  };
}

export const d = (s: string): Decimal => dec(s);
