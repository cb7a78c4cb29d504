import { dec, toWire, type Decimal } from '../../../src/core/decimal.ts';
import { isOnTick, isWholeLots, priceToTicks, ticksToPrice, type Instrument } from '../../../src/core/instrument.ts';
import type { MatchEvent } from './events.ts';
import type { CancelReason, QueuePriority, RejectReason } from './reasons.ts';

// The border between exact decimals (OMS, wire, storage) and the engine's
// integer ticks and lots. Conversions refuse rather than round: a price off
// the tick grid or a quantity in part lots is the caller's error to report.

type Steps = Pick<Instrument, 'tickSize' | 'lotSize'>;

export type Converted = { ok: true; value: number } | { ok: false; reason: string };

export function priceToBookTicks(price: Decimal, instrument: Pick<Instrument, 'tickSize'>): Converted {
  if (!isOnTick(price, instrument)) {
    return { ok: false, reason: `price ${toWire(price)} is not a multiple of the tick size ${toWire(instrument.tickSize)}` };
  }
  const ticks = priceToTicks(price, instrument);
  if (!Number.isSafeInteger(ticks) || ticks <= 0) return { ok: false, reason: `price ${toWire(price)} is out of the book's range` };
  return { ok: true, value: ticks };
}

export function quantityToLots(quantity: Decimal, instrument: Pick<Instrument, 'lotSize'>): Converted {
  if (!isWholeLots(quantity, instrument)) {
    return { ok: false, reason: `quantity ${toWire(quantity)} is not a multiple of the lot size ${toWire(instrument.lotSize)}` };
  }
  const lots = quantity.div(instrument.lotSize).toNumber();
  if (!Number.isSafeInteger(lots) || lots <= 0) return { ok: false, reason: `quantity ${toWire(quantity)} is out of the book's range` };
  return { ok: true, value: lots };
}

export function bookTicksToPrice(ticks: number, instrument: Pick<Instrument, 'tickSize'>): Decimal {
  return ticksToPrice(ticks, instrument);
}

export function lotsToQuantity(lots: number, instrument: Pick<Instrument, 'lotSize'>): Decimal {
  return instrument.lotSize.times(dec(lots));
}

/** An engine event with its prices and quantities as exact decimals, ready for an execution report. */
export type DecimalMatchEvent =
  | { kind: 'accepted'; orderId: number }
  | { kind: 'trade'; makerId: number; takerId: number; price: Decimal; quantity: Decimal }
  | { kind: 'canceled'; orderId: number; quantity: Decimal; reason: CancelReason }
  | { kind: 'rejected'; orderId: number; reason: RejectReason }
  | { kind: 'triggered'; orderId: number }
  | { kind: 'amended'; orderId: number; price: Decimal; quantity: Decimal; queue: QueuePriority };

export function toDecimalEvent(e: MatchEvent, instrument: Steps): DecimalMatchEvent {
  switch (e.kind) {
    case 'trade':
      return { kind: 'trade', makerId: e.makerId, takerId: e.takerId, price: bookTicksToPrice(e.price, instrument), quantity: lotsToQuantity(e.lots, instrument) };
    case 'canceled':
      return { kind: 'canceled', orderId: e.orderId, quantity: lotsToQuantity(e.lots, instrument), reason: e.reason };
    case 'amended':
      return {
        kind: 'amended',
        orderId: e.orderId,
        price: bookTicksToPrice(e.price, instrument),
        quantity: lotsToQuantity(e.lots, instrument),
        queue: e.queue,
      };
    default:
      return e;
  }
}
