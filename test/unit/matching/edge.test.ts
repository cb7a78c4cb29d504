import { describe, expect, it } from 'vitest';
import { dec, toWire } from '../../../src/core/decimal.ts';
import type { Instrument } from '../../../src/core/instrument.ts';
import { bookTicksToPrice, lotsToQuantity, priceToBookTicks, quantityToLots, toDecimalEvent } from '../../../server/venues/matching/edge.ts';

const equity: Pick<Instrument, 'tickSize' | 'lotSize'> = { tickSize: dec('0.01'), lotSize: dec(1) };
const future: Pick<Instrument, 'tickSize' | 'lotSize'> = { tickSize: dec('0.25'), lotSize: dec('0.5') };

describe('edge between decimals and ticks/lots', () => {
  it('turns prices into whole ticks and back, exactly', () => {
    expect(priceToBookTicks(dec('187.43'), equity)).toEqual({ ok: true, value: 18_743 });
    expect(priceToBookTicks(dec('4512.75'), future)).toEqual({ ok: true, value: 18_051 });
    expect(toWire(bookTicksToPrice(18_743, equity))).toBe('187.43');
    expect(toWire(bookTicksToPrice(18_051, future))).toBe('4512.75');
  });

  it('refuses a price off the tick grid or outside the book', () => {
    expect(priceToBookTicks(dec('187.435'), equity)).toEqual({ ok: false, reason: 'price 187.435 is not a multiple of the tick size 0.01' });
    expect(priceToBookTicks(dec(0), equity).ok).toBe(false);
    expect(priceToBookTicks(dec('-1.00'), equity).ok).toBe(false);
    expect(priceToBookTicks(dec('99999999999999999999'), equity).ok).toBe(false);
  });

  it('turns quantities into whole lots and back, and refuses part lots', () => {
    expect(quantityToLots(dec('2.5'), future)).toEqual({ ok: true, value: 5 });
    expect(toWire(lotsToQuantity(5, future))).toBe('2.5');
    expect(quantityToLots(dec('2.25'), future)).toEqual({ ok: false, reason: 'quantity 2.25 is not a multiple of the lot size 0.5' });
    expect(quantityToLots(dec(0), equity).ok).toBe(false);
  });

  it('gives trades, cancels and amends their decimal price and quantity', () => {
    const trade = toDecimalEvent({ kind: 'trade', makerId: 1, takerId: 2, price: 18_051, lots: 3 }, future);
    expect(trade.kind === 'trade' && [toWire(trade.price), toWire(trade.quantity)]).toEqual(['4512.75', '1.5']);
    const canceled = toDecimalEvent({ kind: 'canceled', orderId: 2, lots: 4, reason: 'ioc-remainder' }, future);
    expect(canceled.kind === 'canceled' && toWire(canceled.quantity)).toBe('2');
    const amended = toDecimalEvent({ kind: 'amended', orderId: 2, price: 100, lots: 1, queue: 'kept' }, equity);
    expect(amended.kind === 'amended' && [toWire(amended.price), toWire(amended.quantity), amended.queue]).toEqual(['1', '1', 'kept']);
    expect(toDecimalEvent({ kind: 'rejected', orderId: 9, reason: 'bad-price' }, equity)).toEqual({ kind: 'rejected', orderId: 9, reason: 'bad-price' });
  });
});
