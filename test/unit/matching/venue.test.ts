import { describe as group, expect, it } from 'vitest';
import { dec, toWire } from '../../../src/core/decimal.ts';
import { type Harness, type Levels, amended, harness, settle } from './venueMarket.ts';

// The matching venue over a hand-driven market: the maker mirrors these
// levels when the ACME book opens (at the first order).
const BIDS: Levels = [
  ['99.99', '50'],
  ['99.98', '100'],
  ['99.97', '200'],
];
const ASKS: Levels = [
  ['100.01', '50'],
  ['100.02', '100'],
  ['100.03', '200'],
];

function market(bids: Levels = BIDS, asks: Levels = ASKS): Harness {
  const h = harness();
  h.market.setDepth('ACME', bids, asks);
  return h;
}

const str = (x: { toFixed(): string } | undefined) => (x === undefined ? undefined : x.toFixed());

group('orders meeting orders', () => {
  it('a sell into a resting buy of another trader fills both at the resting price', async () => {
    const h = market();
    const buy = h.order({ trader: 'trader1', side: 'buy', price: '100.00', qty: '30' });
    const sell = h.order({ trader: 'trader2', side: 'sell', price: '99.99', qty: '30' });
    h.venue.submit(buy);
    h.venue.submit(sell);
    await settle();
    expect(h.of(buy.orderId)).toEqual(['accepted', 'fill 30@100']);
    expect(h.of(sell.orderId)).toEqual(['accepted', 'fill 30@100']);
    const ids = h.events.flatMap((e) => (e.kind === 'fill' ? [e.venueExecId] : []));
    expect(new Set(ids).size).toBe(2);
  });

  it('fills resting orders at one price first come, first served', async () => {
    const h = market();
    const first = h.order({ trader: 'trader1', price: '100.00', qty: '10' });
    const second = h.order({ trader: 'trader2', price: '100.00', qty: '10' });
    const seller = h.order({ trader: 'trader3', side: 'sell', price: '100.00', qty: '15' });
    for (const o of [first, second, seller]) h.venue.submit(o);
    await settle();
    expect(h.of(first.orderId)).toEqual(['accepted', 'fill 10@100']);
    expect(h.of(second.orderId)).toEqual(['accepted', 'fill 5@100']);
    expect(h.of(seller.orderId)).toEqual(['accepted', 'fill 10@100', 'fill 5@100']);
  });

  it('a market order walks the levels with a fill at each price, and its print moves the market', async () => {
    const h = market();
    const o = h.order({ side: 'buy', qty: '120' });
    h.venue.submit(o);
    await settle();
    expect(h.of(o.orderId)).toEqual(['accepted', 'fill 50@100.01', 'fill 70@100.02']);
    expect(h.market.prints).toHaveLength(1);
    const { print } = h.market.prints[0]!;
    expect({ price: str(print.price), size: str(print.size), aggressor: print.aggressor, bid: str(print.bid), ask: str(print.ask) }).toEqual({
      price: '100.02',
      size: '120',
      aggressor: 'buy',
      bid: '99.99',
      ask: '100.02',
    });
    const q = h.market.latest('ACME')!;
    expect({ last: q.last, ask: q.ask, volume: q.volume }).toEqual({ last: '100.02', ask: '100.02', volume: '120' });
  });

  it('every trade of a trader prints to the market data, however long the market stands still', async () => {
    const h = market();
    for (let k = 0; k < 12; k++) {
      h.venue.submit(h.order({ side: k % 2 === 0 ? 'buy' : 'sell', qty: '1' }));
      await settle();
    }
    expect(h.market.prints.map((p) => p.print.aggressor)).toEqual(Array.from({ length: 12 }, (_, k) => (k % 2 === 0 ? 'buy' : 'sell')));
  });

  it('a market order larger than the book fills what is there and cancels the rest', async () => {
    const h = market();
    const o = h.order({ side: 'sell', qty: '400' });
    h.venue.submit(o);
    await settle();
    expect(h.of(o.orderId)).toEqual([
      'accepted',
      'fill 50@99.99',
      'fill 100@99.98',
      'fill 200@99.97',
      'canceled: market order: no more liquidity in the book, the unfilled 50 was canceled',
    ]);
  });

  it('a book with nothing of a trader in it catches up with the market when the next order comes', async () => {
    const h = market();
    const first = h.order({ qty: '10' });
    h.venue.submit(first);
    await settle();
    h.market.setDepth('ACME', [['100.10', '10']], [['100.20', '30']]);
    h.market.tape('ACME', '100.15', '5');
    const stop = h.order({ type: 'stop', stop: '100.12', qty: '5' });
    const buy = h.order({ qty: '40' });
    h.venue.submit(stop);
    h.venue.submit(buy);
    await settle();
    expect(h.of(first.orderId)).toEqual(['accepted', 'fill 10@100.01']);
    // The last print (100.15) already reached the stop: it triggers at once, at the new ask.
    expect(h.of(stop.orderId)).toEqual(['accepted', 'triggered', 'fill 5@100.2']);
    expect(h.of(buy.orderId)).toEqual(['accepted', 'fill 25@100.2', 'canceled: market order: no more liquidity in the book, the unfilled 15 was canceled']);
  });

  it('a resting limit fills at its own price when the market moves through it', async () => {
    const h = market();
    const o = h.order({ side: 'buy', price: '100.00', qty: '80' });
    h.venue.submit(o);
    await settle();
    expect(h.of(o.orderId)).toEqual(['accepted']);
    h.market.setDepth(
      'ACME',
      [['99.98', '50']],
      [
        ['99.99', '50'],
        ['100.00', '100'],
        ['100.01', '100'],
      ],
    );
    await settle();
    expect(h.of(o.orderId)).toEqual(['accepted', 'fill 50@100', 'fill 30@100']);
    const book = h.venue.book('ACME')!;
    expect(book.bid!.lt(book.ask!)).toBe(true);
  });
});

group('time in force', () => {
  it('IOC fills what it can and cancels the remainder with its own report', async () => {
    const h = market();
    const o = h.order({ price: '100.02', qty: '200', tif: 'ioc' });
    h.venue.submit(o);
    await settle();
    expect(h.of(o.orderId)).toEqual(['accepted', 'fill 50@100.01', 'fill 100@100.02', 'canceled: immediate or cancel: the 50 not filled at once was canceled']);
  });

  it('FOK that the book cannot fill whole is canceled and trades nothing; one it can fill fills whole', async () => {
    const h = market();
    const short = h.order({ price: '100.01', qty: '60', tif: 'fok' });
    const whole = h.order({ price: '100.02', qty: '60', tif: 'fok' });
    const marketFok = h.order({ side: 'sell', qty: '1000', tif: 'fok' });
    for (const o of [short, whole, marketFok]) h.venue.submit(o);
    await settle();
    expect(h.of(short.orderId)).toEqual(['accepted', 'canceled: fill or kill: the book could not fill all 60 at once, nothing traded']);
    expect(h.of(whole.orderId)).toEqual(['accepted', 'fill 50@100.01', 'fill 10@100.02']);
    expect(h.of(marketFok.orderId)).toEqual(['accepted', 'canceled: fill or kill: the book could not fill all 1000 at once, nothing traded']);
  });
});

group('self-trade prevention (cancel resting)', () => {
  it("cancels the trader's resting order that its own incoming order meets, and the incoming order goes on", async () => {
    const h = market();
    const resting = h.order({ trader: 'trader1', side: 'sell', price: '100.00', qty: '20' });
    const incoming = h.order({ trader: 'trader1', side: 'buy', price: '100.01', qty: '30' });
    h.venue.submit(resting);
    h.venue.submit(incoming);
    await settle();
    expect(h.of(resting.orderId)).toEqual([
      'accepted',
      `canceled: self-trade prevention: your own incoming order ${incoming.orderId} would have traded against this resting order, so it was canceled`,
    ]);
    expect(h.of(incoming.orderId)).toEqual(['accepted', 'fill 30@100.01']);
  });

  it('another trader at the same price trades as usual', async () => {
    const h = market();
    const resting = h.order({ trader: 'trader1', side: 'sell', price: '100.00', qty: '20' });
    const other = h.order({ trader: 'trader2', side: 'buy', price: '100.00', qty: '20' });
    h.venue.submit(resting);
    h.venue.submit(other);
    await settle();
    expect(h.of(resting.orderId)).toEqual(['accepted', 'fill 20@100']);
  });
});

group('stops', () => {
  it("a buy stop triggers on another trader's print at its price and buys at market", async () => {
    const h = market();
    const stop = h.order({ trader: 'trader1', type: 'stop', stop: '100.02', qty: '10' });
    const sweep = h.order({ trader: 'trader2', qty: '60' });
    h.venue.submit(stop);
    await settle();
    expect(h.of(stop.orderId)).toEqual(['accepted']);
    h.venue.submit(sweep);
    await settle();
    expect(h.of(sweep.orderId)).toEqual(['accepted', 'fill 50@100.01', 'fill 10@100.02']);
    expect(h.of(stop.orderId)).toEqual(['accepted', 'triggered', 'fill 10@100.02']);
  });

  it("a sell stop triggers on the simulated market's print", async () => {
    const h = market();
    const stop = h.order({ side: 'sell', type: 'stop', stop: '99.95', qty: '10' });
    h.venue.submit(stop);
    h.market.tape('ACME', '99.96', '100');
    await settle();
    expect(h.of(stop.orderId)).toEqual(['accepted']);
    h.market.tape('ACME', '99.95', '100');
    await settle();
    expect(h.of(stop.orderId)).toEqual(['accepted', 'triggered', 'fill 10@99.99']);
  });

  it('a stop-limit triggers and rests at its limit when that is not marketable', async () => {
    const h = market();
    const stop = h.order({ type: 'stopLimit', stop: '100.05', price: '100.00', qty: '10' });
    h.venue.submit(stop);
    h.market.tape('ACME', '100.05', '100');
    await settle();
    expect(h.of(stop.orderId)).toEqual(['accepted', 'triggered']);
    expect(str(h.venue.book('ACME')!.bid)).toBe('100');
  });

  it('a stop the last trade already reached triggers at once', async () => {
    const h = market();
    h.venue.submit(h.order({ price: '1.00', qty: '1' })); // opens the book
    h.market.tape('ACME', '100.10', '100');
    const stop = h.order({ type: 'stop', stop: '100.05', qty: '10' });
    h.venue.submit(stop);
    await settle();
    expect(h.of(stop.orderId)).toEqual(['accepted', 'triggered', 'fill 10@100.01']);
  });
});

group('cancel and replace', () => {
  const WIDE_BIDS: Levels = [['99.90', '50']];
  const WIDE_ASKS: Levels = [['100.10', '50']];

  it('a size decrease keeps the queue place', async () => {
    const h = market(WIDE_BIDS, WIDE_ASKS);
    const first = h.order({ trader: 'trader1', price: '100.00', qty: '30' });
    const second = h.order({ trader: 'trader2', price: '100.00', qty: '30' });
    h.venue.submit(first);
    h.venue.submit(second);
    h.venue.replace(first, amended(first, { qty: '20' }));
    h.venue.submit(h.order({ trader: 'trader3', side: 'sell', price: '100.00', qty: '20' }));
    await settle();
    expect(h.of(first.orderId)).toEqual(['accepted', 'replaced 20@100', 'fill 20@100']);
    expect(h.of(second.orderId)).toEqual(['accepted']);
  });

  it('a size increase loses the queue place', async () => {
    const h = market(WIDE_BIDS, WIDE_ASKS);
    const first = h.order({ trader: 'trader1', price: '100.00', qty: '30' });
    const second = h.order({ trader: 'trader2', price: '100.00', qty: '30' });
    h.venue.submit(first);
    h.venue.submit(second);
    h.venue.replace(first, amended(first, { qty: '40' }));
    h.venue.submit(h.order({ trader: 'trader3', side: 'sell', price: '100.00', qty: '20' }));
    await settle();
    expect(h.of(first.orderId)).toEqual(['accepted', 'replaced 40@100']);
    expect(h.of(second.orderId)).toEqual(['accepted', 'fill 20@100']);
  });

  it('a price change loses the queue place: the order joins the back of its new price', async () => {
    const h = market(WIDE_BIDS, WIDE_ASKS);
    const mover = h.order({ trader: 'trader1', price: '100.00', qty: '30' });
    const there = h.order({ trader: 'trader2', price: '100.01', qty: '30' });
    h.venue.submit(mover);
    h.venue.submit(there);
    h.venue.replace(mover, amended(mover, { price: '100.01' }));
    h.venue.submit(h.order({ trader: 'trader3', side: 'sell', price: '100.01', qty: '20' }));
    await settle();
    expect(h.of(mover.orderId)).toEqual(['accepted', 'replaced 30@100.01']);
    expect(h.of(there.orderId)).toEqual(['accepted', 'fill 20@100.01']);
  });

  it('a new price that crosses trades at once', async () => {
    const h = market();
    const o = h.order({ price: '100.00', qty: '10' });
    h.venue.submit(o);
    h.venue.replace(o, amended(o, { price: '100.01' }));
    await settle();
    expect(h.of(o.orderId)).toEqual(['accepted', 'replaced 10@100.01', 'fill 10@100.01']);
  });

  it('refuses a replace of a filled order, and a quantity not above what is filled', async () => {
    const h = market();
    const filled = h.order({ price: '100.01', qty: '10' });
    const partial = h.order({ price: '100.01', qty: '80' });
    h.venue.submit(filled);
    h.venue.submit(partial);
    h.venue.replace(filled, amended(filled, { qty: '5' }));
    h.venue.replace(partial, amended(partial, { qty: '40' }));
    await settle();
    expect(h.of(filled.orderId)).toEqual(['accepted', 'fill 10@100.01', 'replaceRejected: too late to replace: order is filled']);
    expect(h.of(partial.orderId)).toEqual(['accepted', 'fill 40@100.01', 'replaceRejected: new quantity 40 must be above the 40 already filled']);
  });

  it('moves a pending stop to its new stop price', async () => {
    const h = market();
    const stop = h.order({ type: 'stop', stop: '100.05', qty: '10' });
    h.venue.submit(stop);
    h.venue.replace(stop, amended(stop, { stop: '100.02' }));
    h.market.tape('ACME', '100.02', '1');
    await settle();
    expect(h.of(stop.orderId)).toEqual(['accepted', 'replaced 10 stop 100.02', 'triggered', 'fill 10@100.01']);
  });

  it('a resubmitted order (after a restart) counts its earlier fills in a replace', async () => {
    const h = market(WIDE_BIDS, WIDE_ASKS);
    const o = h.order({ price: '100.00', qty: '100' });
    const half = { ...o, cumQty: dec('50'), leavesQty: dec('50'), status: 'partiallyFilled' as const };
    h.venue.submit(half);
    h.venue.replace(half, amended(half, { qty: '50' }));
    h.venue.replace(half, amended(half, { qty: '60' }));
    await settle();
    expect(h.of(o.orderId)).toEqual(['accepted', 'replaceRejected: new quantity 50 must be above the 50 already filled', 'replaced 60@100']);
    expect(h.venue.book('ACME')!.bids[0]).toMatchObject({ quantity: dec('10') });
  });

  it('cancels on request, and refuses a cancel that comes too late in words', async () => {
    const h = market();
    const o = h.order({ price: '100.00', qty: '10' });
    const filled = h.order({ price: '100.01', qty: '10' });
    h.venue.submit(o);
    h.venue.submit(filled);
    h.venue.cancel(o);
    h.venue.cancel(o);
    h.venue.cancel(filled);
    h.venue.cancel(h.order({ price: '1.00' }));
    await settle();
    expect(h.of(o.orderId)).toEqual(['accepted', 'canceled: canceled on request', 'cancelRejected: too late to cancel: order is already canceled']);
    expect(h.of(filled.orderId)).toEqual(['accepted', 'fill 10@100.01', 'cancelRejected: too late to cancel: order is filled']);
    expect(h.events.at(-1)).toMatchObject({ kind: 'cancelRejected', reason: expect.stringMatching(/^order O\d+ is not open at the INTERNAL venue$/) });
  });
});

group('decimals at the edge', () => {
  it('prices on a price-dependent tick table and round lots convert exactly both ways', async () => {
    const h = harness();
    h.market.setDepth(
      'PENY',
      [['0.9990', '3000']],
      [
        ['1.00', '5000'],
        ['1.01', '5000'],
      ],
    );
    const sub = h.order({ symbol: 'PENY', price: '0.9995', qty: '100' });
    const sweep = h.order({ symbol: 'PENY', qty: '7000' });
    const offGrid = h.order({ symbol: 'PENY', price: '1.005', qty: '100' });
    const oddLot = h.order({ symbol: 'PENY', price: '0.9995', qty: '150' });
    for (const o of [sub, sweep, offGrid, oddLot]) h.venue.submit(o);
    await settle();
    expect(h.of(sub.orderId)).toEqual(['accepted']);
    expect(h.of(sweep.orderId)).toEqual(['accepted', 'fill 5000@1', 'fill 2000@1.01']);
    expect(h.of(offGrid.orderId)).toEqual(['rejected: limit price 1.005 is not a multiple of the tick size 0.01 at that price']);
    expect(h.of(oddLot.orderId)).toEqual(['rejected: quantity 150 is not a multiple of the lot size 100']);
    expect(toWire(h.venue.book('PENY')!.bid!)).toBe('0.9995');
  });

  it('rejects an order for a symbol the venue does not know', async () => {
    const h = market();
    const o = h.order({ symbol: 'NOPE', price: '1.00' });
    h.venue.submit(o);
    await settle();
    expect(h.of(o.orderId)).toEqual(['rejected: unknown symbol NOPE']);
  });

  it('stops reporting after stop()', async () => {
    const h = market();
    h.venue.stop();
    h.venue.submit(h.order({ price: '100.00' }));
    await settle();
    expect(h.events).toEqual([]);
  });
});
