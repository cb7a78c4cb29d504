import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dec } from '../../../src/core/decimal.ts';
import type { EventLog } from '../../../server/venues/matching/events.ts';
import { bookScale, lotsToQuantity, planOrder, scaledStep, ticksToPrice, toBookTicks, toLots, wholeSteps } from '../../../server/venues/matching/bookPlan.ts';
import { MAKER_OWNER, MarketMaker } from '../../../server/venues/matching/marketMaker.ts';
import { OrderBook } from '../../../server/venues/matching/orderBook.ts';
import { INSTRUMENTS } from './venueMarket.ts';

const [ACME, PENY] = INSTRUMENTS as [(typeof INSTRUMENTS)[0], (typeof INSTRUMENTS)[0]];

describe('book plan: orders to book instructions', () => {
  it('counts prices in the finest tick of the table, so both bands of a Reg NMS share are whole ticks', () => {
    const scale = bookScale(PENY);
    expect(scale.unit.toFixed()).toBe('0.0001');
    expect(toBookTicks('limit price', dec('0.9995'), PENY, scale)).toEqual({ ok: true, value: 9995 });
    expect(toBookTicks('limit price', dec('1.01'), PENY, scale)).toEqual({ ok: true, value: 10100 });
    expect(toBookTicks('limit price', dec('1.0001'), PENY, scale)).toEqual({
      ok: false,
      reason: 'limit price 1.0001 is not a multiple of the tick size 0.01 at that price',
    });
    expect(toBookTicks('stop price', dec('0'), PENY, scale)).toEqual({ ok: false, reason: 'stop price must be positive' });
    expect(ticksToPrice(10100, scale).toFixed()).toBe('1.01');
  });

  it('reads wire decimals as whole steps with integer digits only, refusing what is off the step', () => {
    const unit = scaledStep(dec('0.0001'));
    expect(wholeSteps('268.47', unit)).toBe(2684700);
    expect(wholeSteps('0.9995', unit)).toBe(9995);
    expect(wholeSteps('12', unit)).toBe(120000);
    expect(wholeSteps('1.000000', unit)).toBe(10000);
    expect(wholeSteps('1.00005', unit)).toBeNaN();
    expect(wholeSteps('-1', unit)).toBeNaN();
    expect(wholeSteps('1e3', unit)).toBeNaN();
    const lot = scaledStep(dec('100'));
    expect(wholeSteps('700', lot)).toBe(7);
    expect(wholeSteps('750', lot)).toBeNaN();
    const fiveTicks = scaledStep(dec('0.25'));
    expect(wholeSteps('4.75', fiveTicks)).toBe(19);
    expect(wholeSteps('4.8', fiveTicks)).toBeNaN();
  });

  it('agrees with Decimal on every multiple of a step, and refuses a value half a step off', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000_000 }), fc.constantFrom('0.0001', '0.01', '0.25', '0.005', '1', '100', '0.5'), (n, stepText) => {
        const step = dec(stepText);
        const s = scaledStep(step);
        expect(wholeSteps(step.times(n).toFixed(), s)).toBe(n);
        expect(wholeSteps(step.times(n).plus(step.div(2)).toFixed(), s)).toBeNaN();
      }),
    );
  });

  it('converts quantities to whole lots and back exactly', () => {
    const scale = bookScale(PENY);
    expect(toLots(dec('700'), scale)).toEqual({ ok: true, value: 7 });
    expect(toLots(dec('750'), scale)).toEqual({ ok: false, reason: 'quantity 750 is not a multiple of the lot size 100' });
    expect(lotsToQuantity(7, scale).toFixed()).toBe('700');
  });

  it('maps each order type and time in force to the book; a short sale sells, GTD rests as GTC, a market FOK is a far FOK limit', () => {
    const scale = bookScale(ACME);
    const terms = { side: 'sellShort' as const, type: 'limit' as const, tif: 'gtd' as const, limitPrice: dec('100.5'), stopPrice: null };
    expect(planOrder(terms, 3, ACME, scale)).toEqual({ ok: true, plan: { kind: 'limit', side: 'sell', tick: 10050, lots: 3, tif: 'gtc' } });
    expect(planOrder({ ...terms, side: 'buy', type: 'market', tif: 'fok', limitPrice: null }, 3, ACME, scale)).toEqual({
      ok: true,
      plan: { kind: 'limit', side: 'buy', tick: Number.MAX_SAFE_INTEGER, lots: 3, tif: 'fok' },
    });
    expect(planOrder({ ...terms, type: 'market', tif: 'day', limitPrice: null }, 3, ACME, scale)).toEqual({ ok: true, plan: { kind: 'market', side: 'sell', lots: 3 } });
    expect(planOrder({ ...terms, type: 'stop', limitPrice: null, stopPrice: dec('99') }, 3, ACME, scale)).toEqual({
      ok: true,
      plan: { kind: 'stop', side: 'sell', stopTick: 9900, lots: 3 },
    });
    expect(planOrder({ ...terms, type: 'stopLimit', tif: 'day', stopPrice: dec('99') }, 3, ACME, scale)).toEqual({
      ok: true,
      plan: { kind: 'stopLimit', side: 'sell', stopTick: 9900, tick: 10050, lots: 3, tif: 'day' },
    });
    expect(planOrder({ ...terms, type: 'stopLimit', stopPrice: null }, 3, ACME, scale)).toEqual({ ok: false, reason: 'a stopLimit order needs a stop price' });
  });
});

describe('market maker', () => {
  const levels = (...pairs: [number, number][]) => pairs.map(([tick, lots]) => ({ tick, lots }));

  function quoted() {
    const book = new OrderBook();
    const maker = new MarketMaker();
    let id = 1000;
    const logs: string[] = [];
    const absorb = (log: EventLog) => {
      for (const e of log.toArray()) {
        logs.push(e.kind === 'amended' ? `amended ${e.orderId} ${e.lots} ${e.queue}` : `${e.kind} ${'orderId' in e ? e.orderId : `${e.makerId}/${e.takerId}`}`);
        if (e.kind === 'trade') {
          maker.traded(e.makerId, e.lots);
          maker.traded(e.takerId, e.lots);
        }
        if (e.kind === 'canceled') maker.gone(e.orderId);
      }
    };
    const requote = (bids: { tick: number; lots: number }[], asks: { tick: number; lots: number }[]) => {
      logs.length = 0;
      maker.requote(book, bids, asks, () => ++id, absorb);
      return [...logs];
    };
    return { book, maker, requote };
  }

  it('moves its orders with as few commands as it can: stale levels canceled first, sizes amended, new levels added', () => {
    const { book, maker, requote } = quoted();
    expect(requote(levels([99, 5], [98, 5]), levels([101, 5], [102, 5]))).toEqual(['accepted 1001', 'accepted 1002', 'accepted 1003', 'accepted 1004']);
    expect(book.order(1001)).toMatchObject({ owner: MAKER_OWNER, side: 'buy', price: 99, leaves: 5 });
    // Up one tick: 98 and 102 stay (102 smaller), 99 stays, 101 leaves; 100 and 103 are new.
    expect(requote(levels([100, 5], [99, 5], [98, 5]), levels([102, 3], [103, 5]))).toEqual([
      'canceled 1003',
      'accepted 1005',
      'amended 1004 3 kept',
      'accepted 1006',
    ]);
    expect(maker.size).toBe(5);
    expect(book.bestBid()).toBe(100);
    expect(book.bestAsk()).toBe(102);
  });

  it('a new level that crosses a resting order trades it at the resting price, then refills what traded', () => {
    const { book, requote } = quoted();
    requote(levels([99, 5]), levels([101, 5]));
    book.limit(1, 7, 'buy', 100, 3, 'gtc');
    expect(requote(levels([99, 5]), levels([100, 5], [101, 5]))).toEqual(['accepted 1003', 'trade 1/1003']);
    expect(book.depth('sell', 2)).toEqual([
      { price: 100, lots: 2, orders: 1 },
      { price: 101, lots: 5, orders: 1 },
    ]);
    // Same depth again: the traded-down level is topped up to its size (the amend's total counts the 3 filled).
    expect(requote(levels([99, 5]), levels([100, 5], [101, 5]))).toEqual(['amended 1003 8 lost']);
    expect(book.depth('sell', 1)).toEqual([{ price: 100, lots: 5, orders: 1 }]);
  });
});
