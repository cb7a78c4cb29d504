import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Execution, executionToWire, orderToWire } from '../../../server/oms/execution.ts';
import { Decimal, PARSED_CACHE_SLOTS, ZERO, dec, isMultipleOf, toWire } from '../../../src/core/decimal.ts';
import type { Instrument } from '../../../src/core/instrument.ts';
import { type Order, type PlainEvent, applyEvent, applyFill, newOrder } from '../../../src/core/order.ts';
import { CLIENT_MESSAGE_TYPES, parseClientMessage } from '../../../src/core/protocol.ts';
import { type TicketDraft, validateTicket } from '../../../src/core/ticket.ts';
import {
  refApplyEvent,
  refApplyFill,
  refExecutionToWire,
  refIsMultipleOf,
  refNewOrder,
  refOrderToWire,
  refParseClientMessage,
  refValidateTicket,
} from './orderPathReference.ts';

/**
 * Issue 4 replaced the algorithms of the order path (parse, ticket rules,
 * order model, report serialisation) with cheaper ones. Each must decide and
 * write exactly what the code before it did: here both run on arbitrary input
 * and their answers are compared (orderPathReference.ts holds the code before).
 */

/** A decimal as the wire carries it (DECIMAL_PATTERN), with trailing zeros and signs. */
const wireDecimal = fc
  .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 20n - 1n }), fc.option(fc.stringMatching(/^[0-9]{1,12}$/), { nil: undefined }))
  .map(([neg, int, frac]) => `${neg ? '-' : ''}${int}${frac === undefined ? '' : `.${frac}`}`);
/** Steps as instruments have them, and some that are not. */
const step = fc.oneof(
  fc.constantFrom('0.0001', '0.01', '0.05', '0.25', '0.5', '1', '5', '25', '100', '1000', '0.00001', '0.125', '1.5', '0.000000000001', '123456789012345', '1234567890123456', '0.3'),
  fc.tuple(fc.integer({ min: 1, max: 999_999 }), fc.integer({ min: 0, max: 12 })).map(([units, places]) => new Decimal(units).div(new Decimal(10).pow(places)).toFixed()),
);

describe('isMultipleOf (scaled integers) = Decimal.mod', () => {
  it('agrees on arbitrary values and steps', () => {
    fc.assert(
      fc.property(wireDecimal, step, (v, s) => {
        expect(isMultipleOf(dec(v), dec(s))).toBe(refIsMultipleOf(new Decimal(v), new Decimal(s)));
      }),
      { numRuns: 5000 },
    );
  }, 60_000);

  it('agrees on whole multiples of the step, and one unit of the last digit off them', () => {
    fc.assert(
      fc.property(step, fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }), fc.constantFrom('0', '0.000000000001', '0.001', '1', '-0.01'), (s, k, off) => {
        const value = new Decimal(s).times(k.toString()).plus(off);
        expect(isMultipleOf(value, dec(s))).toBe(refIsMultipleOf(value, new Decimal(s)));
      }),
      { numRuns: 5000 },
    );
  }, 60_000);

  it('takes the mod for what does not fit 15 digits, a zero or negative step, and non-finite values', () => {
    const cases: [Decimal, Decimal][] = [
      [dec('99999999999999999999.999999999999'), dec('0.000000000001')],
      [dec('12345678901234567890'), dec('10')],
      [dec('1000000000000000'), dec('1000000000000000')],
      [dec('5'), dec('-5')],
      [dec('5'), dec('-2')],
      [new Decimal(Infinity), dec('1')],
      [new Decimal(NaN), dec('1')],
      [dec('0'), dec('0.01')],
      [dec('-0'), dec('0.01')],
      [new Decimal('1e-30'), dec('0.01')],
      [new Decimal('1e+30'), dec('0.01')],
    ];
    for (const [v, s] of cases) expect(isMultipleOf(v, s)).toBe(refIsMultipleOf(v, s));
  });
});

describe('dec (cached by text) = new Decimal', () => {
  it('gives the same value for the same text, and refuses what it refused', () => {
    fc.assert(
      fc.property(fc.oneof(wireDecimal, fc.string({ maxLength: 8 })), (s) => {
        let fresh: Decimal | Error;
        try {
          fresh = dec(s);
        } catch (err) {
          fresh = err as Error;
        }
        const again = (() => {
          try {
            return dec(s);
          } catch (err) {
            return err as Error;
          }
        })();
        if (fresh instanceof Error) {
          expect(again).toBeInstanceOf(Error);
          expect((again as Error).message).toBe(fresh.message);
        } else {
          expect(again).toBe(fresh);
          expect(fresh.toFixed()).toBe(new Decimal(s).toFixed());
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('stays bounded: texts past its size take the slots of older ones, and every answer stays right', () => {
    const first = dec('0.123456789');
    expect(dec('0.123456789')).toBe(first);
    const texts = Array.from({ length: 3 * PARSED_CACHE_SLOTS }, (_, k) => `${k}.5`);
    for (const t of texts) dec(t);
    for (const t of texts) expect(dec(t).toFixed()).toBe(t);
    expect(dec('0.123456789').toFixed()).toBe('0.123456789');
  });

  it('toWire writes ZERO and every other value as toFixed does', () => {
    expect(toWire(ZERO)).toBe('0');
    fc.assert(
      fc.property(wireDecimal, (s) => {
        expect(toWire(dec(s))).toBe(new Decimal(s).toFixed());
      }),
    );
  });
});

// ---------------------------------------------------------------- parsing frames

const frameOfAnyType = fc.oneof(
  fc.record(
    {
      type: fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...CLIENT_MESSAGE_TYPES) }, { weight: 1, arbitrary: fc.oneof(fc.string({ maxLength: 50 }), fc.integer()) }),
      reqId: fc.oneof(fc.string({ maxLength: 70 }), fc.integer()),
      symbols: fc.array(fc.constantFrom('AAPL', '', 'bad symbol', 'EURUSD'), { maxLength: 3 }),
      symbol: fc.constantFrom('AAPL', '', 'x'.repeat(33)),
      username: fc.constantFrom('trader1', ''),
      password: fc.constantFrom('demo', ''),
      orderId: fc.constantFrom('O1', ''),
      clOrdId: fc.constantFrom('c-1', 'c 1', ''),
      quantity: fc.oneof(wireDecimal, fc.constantFrom('1e3', 'x')),
      limitPrice: fc.oneof(wireDecimal, fc.constant('1,000')),
      interval: fc.constantFrom('1m', '5m', '2m'),
      from: fc.integer({ min: -5, max: 100 }),
      to: fc.integer({ min: -5, max: 100 }),
      ts: fc.oneof(fc.integer(), fc.double()),
      extra: fc.jsonValue({ maxDepth: 1 }),
    },
    { requiredKeys: ['type'] },
  ),
  fc.record({
    type: fc.constant('placeOrder'),
    reqId: fc.stringMatching(/^o[0-9]{1,4}$/),
    clOrdId: fc.oneof(fc.stringMatching(/^B[0-9]{1,6}$/), fc.string({ maxLength: 3 })),
    order: fc.record(
      {
        symbol: fc.constantFrom('AAPL', ''),
        side: fc.constantFrom('buy', 'x'),
        type: fc.constantFrom('limit', 'market'),
        quantity: fc.oneof(wireDecimal, fc.integer()),
        limitPrice: wireDecimal,
        account: fc.constantFrom('A', 'x'.repeat(65)),
        tif: fc.constantFrom('day', 'x'.repeat(9)),
        extra: fc.constant(1),
      },
      { requiredKeys: ['symbol', 'side', 'type', 'quantity'] },
    ),
    confirm: fc.boolean(),
  }),
);
const frame = fc.oneof(
  { weight: 8, arbitrary: frameOfAnyType.map((m) => JSON.stringify(m)) },
  { weight: 1, arbitrary: fc.json({ maxDepth: 2 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
);

describe('parseClientMessage = the union parse it replaced', () => {
  it('answers every frame as before: the message, or the same code, words and reqId', () => {
    fc.assert(
      fc.property(frame, (raw) => {
        const now = parseClientMessage(raw);
        const before = refParseClientMessage(raw);
        expect(now).toStrictEqual(before);
        expect(JSON.stringify(now)).toBe(JSON.stringify(before));
      }),
      { numRuns: 3000 },
    );
  }, 60_000);

  it('answers the oversized frame as before', () => {
    const raw = JSON.stringify({ type: 'ping', pad: 'x'.repeat(70_000) });
    expect(parseClientMessage(raw)).toStrictEqual(refParseClientMessage(raw));
  });
});

// ---------------------------------------------------------------- the ticket rules

const TODAY = Date.UTC(2026, 10, 23, 12);
const instrument = (symbol: string, over: Partial<Instrument>): Instrument => ({
  symbol,
  name: symbol,
  assetClass: 'equity',
  sector: 'Test',
  currency: 'USD',
  tickSize: dec('0.01'),
  lotSize: dec(100),
  multiplier: dec(1),
  referencePrice: dec('100'),
  ...over,
});
const INSTRUMENTS = [
  instrument('AAPL', {}),
  instrument('EURUSD', { assetClass: 'fx', tickSize: dec('0.00001'), lotSize: dec(1000) }),
  instrument('ES', { assetClass: 'future', tickSize: dec('0.25'), lotSize: dec(1), multiplier: dec(50) }),
  instrument('ODD', { tickSize: dec('0.05'), lotSize: dec('0.5') }),
  instrument('NYS', { session: { open: 570, close: 960, timeZone: 'America/New_York', opensOn: [false, true, true, true, true, true, false] } }),
];
const ctx = { instrument: (s: string) => INSTRUMENTS.find((i) => i.symbol === s), accounts: ['T1-MAIN', 'T1-ALT'], now: TODAY };

const amountText = fc.oneof(
  wireDecimal,
  fc.constantFrom('', ' ', '100', '1,000', ' 250 ', '0', '-1', '0.5', '190.10', '190.105', '1.00001', '1e3', 'abc', '999999999999', '1000000000000', '1,000,000,000,000', '0.000000000001'),
  fc.tuple(fc.integer({ min: 1, max: 100_000 }), fc.constantFrom('', '.5', '.25', '.05', '.01', '.00001', '.10', '.000')).map(([i, f]) => `${i}${f}`),
);
const wildDraft: fc.Arbitrary<TicketDraft> = fc.record(
  {
    symbol: fc.constantFrom('AAPL', ' aapl ', 'EURUSD', 'ES', 'ODD', 'NYS', '', 'NOPE'),
    side: fc.constantFrom('buy', 'sell', 'sellShort', 'short', ''),
    type: fc.constantFrom('market', 'limit', 'stop', 'stopLimit', 'stop limit', ''),
    quantity: amountText,
    limitPrice: fc.option(amountText, { nil: undefined }),
    stopPrice: fc.option(amountText, { nil: undefined }),
    account: fc.constantFrom('T1-MAIN', ' T1-ALT ', 'OTHER', ''),
    tif: fc.option(fc.constantFrom('day', 'gtc', 'ioc', 'fok', 'gtd', '', ' ', 'forever'), { nil: undefined }),
    expireAt: fc.option(fc.constantFrom('2026-11-27', '2026-11-27T21:00:00Z', '2026-11-20', '2028-01-01', 'soon', ''), { nil: undefined }),
    locate: fc.option(fc.constantFrom('LOC-1', ' LOC/2 ', 'bad locate', ''), { nil: undefined }),
  },
  { requiredKeys: ['symbol', 'side', 'type', 'quantity', 'account'] },
);
/** Mostly right: whole lots, prices near the tick grid (written with and without trailing zeros). */
const onGrid = (unit: Decimal, k: number, pad: boolean) => {
  const text = unit.times(k).toFixed();
  return pad && text.includes('.') ? `${text}0` : text;
};
const goodDraft: fc.Arbitrary<TicketDraft> = fc
  .record({
    ins: fc.constantFrom(...INSTRUMENTS),
    side: fc.constantFrom('buy', 'sell'),
    type: fc.constantFrom('market', 'limit', 'stop', 'stopLimit'),
    lots: fc.integer({ min: 1, max: 50_000 }),
    ticks: fc.integer({ min: 1, max: 10_000_000 }),
    offGrid: fc.boolean(),
    pad: fc.boolean(),
    tif: fc.constantFrom(undefined, 'day', 'gtc'),
  })
  .map(({ ins, side, type, lots, ticks, offGrid, pad, tif }) => {
    const price = offGrid ? ins.tickSize.times(ticks).plus(ins.tickSize.div(2)).toFixed() : onGrid(ins.tickSize, ticks, pad);
    return {
      symbol: ins.symbol,
      side,
      type,
      quantity: onGrid(ins.lotSize, lots, pad),
      ...(type === 'limit' || type === 'stopLimit' ? { limitPrice: price } : {}),
      ...(type === 'stop' || type === 'stopLimit' ? { stopPrice: price } : {}),
      account: 'T1-MAIN',
      tif: type === 'market' && tif === 'gtc' ? 'day' : tif,
    };
  });
const draft = fc.oneof(goodDraft, wildDraft);

describe('validateTicket = the rules as they were', () => {
  it('gives the same order (same keys, same values) or the same errors, on arbitrary drafts', () => {
    let accepted = 0;
    fc.assert(
      fc.property(draft, (d) => {
        const now = validateTicket(d, ctx);
        const before = refValidateTicket(d, ctx);
        expect(now.ok).toBe(before.ok);
        if (!now.ok || !before.ok) {
          expect(now).toStrictEqual(before);
          return;
        }
        accepted++;
        expect(Object.keys(now.order)).toEqual(Object.keys(before.order));
        const wire = (o: object) => JSON.stringify(o, (_k, v: unknown) => (v instanceof Decimal ? `D:${v.toFixed()}` : v));
        expect(wire(now.order)).toBe(wire(before.order));
      }),
      { numRuns: 4000 },
    );
    expect(accepted).toBeGreaterThan(500);
  }, 60_000);
});

// ---------------------------------------------------------------- the order model and its reports

type Step = { k: 'event'; event: PlainEvent } | { k: 'fill'; qty: string; px: string };
const steps = fc.array(
  fc.oneof(
    { weight: 3, arbitrary: fc.record({ k: fc.constant('event' as const), event: fc.constantFrom<PlainEvent>('accepted', 'cancelRequested', 'canceled', 'cancelRejected', 'triggered', 'expired', 'rejected', 'replaceRequested', 'replaceRejected') }) },
    {
      weight: 4,
      arbitrary: fc.record({
        k: fc.constant('fill' as const),
        qty: fc.oneof(fc.constantFrom('100', '1', '0.5', '250', '0', '-1', '99999999999999999999.999999999999', '12345678901234567890.123456789012'), wireDecimal),
        // 22 and 32 significant digits: a first fill whose notional does not fit 40 digits must take the division.
        px: fc.oneof(fc.constantFrom('190.1', '190.10', '0.000000000001', '0.123456789', '1', '0', '12345678901234.12345678', '12345678901234567890.123456789012'), wireDecimal),
      }),
    },
  ),
  { maxLength: 12 },
);
const spec = fc.record({
  quantity: fc.oneof(fc.constantFrom('100', '1000', '0.5', '12345678901234567890.123456789012'), wireDecimal.filter((s) => !s.startsWith('-') && /[1-9]/.test(s))),
  limitPrice: fc.option(fc.constantFrom('190.1', '0.123456789', '1'), { nil: undefined }),
  venue: fc.option(fc.constantFrom('INTERNAL', 'FIX1'), { nil: undefined }),
  side: fc.constantFrom('buy' as const, 'sellShort' as const),
});

/** The reports the OMS would send for an order's life: PendingNew, then one per event that applied. */
function life(impl: 'now' | 'before', s: { quantity: string; limitPrice?: string | undefined; venue?: string | undefined; side: 'buy' | 'sellShort' }, flow: readonly Step[]): { orders: Order[]; reports: string[]; refusals: string[] } {
  const mk = impl === 'now' ? newOrder : refNewOrder;
  const ev = impl === 'now' ? applyEvent : refApplyEvent;
  const fill = impl === 'now' ? applyFill : refApplyFill;
  const toWireOf = impl === 'now' ? executionToWire : refExecutionToWire;
  const orderWire = impl === 'now' ? orderToWire : refOrderToWire;
  const quantity = new Decimal(s.quantity);
  const orderSpec =
    s.limitPrice === undefined
      ? { type: 'market' as const, symbol: 'X', side: s.side, quantity, account: 'A', tif: 'day' as const, locate: 'L1' }
      : { type: 'limit' as const, symbol: 'X', side: s.side, quantity, limitPrice: new Decimal(s.limitPrice), account: 'A', tif: 'gtd' as const, expireAt: 9 };
  const ids = s.venue === undefined ? { orderId: 'O1', clOrdId: 'C1', trader: 't' } : { orderId: 'O1', clOrdId: 'C1', trader: 't', venue: s.venue };
  let order = mk(orderSpec, ids, 0);
  const orders = [order];
  const reports: string[] = [];
  const refusals: string[] = [];
  const report = (e: Omit<Execution, 'execId'>) => {
    reports.push(JSON.stringify(toWireOf({ execId: `E${reports.length}`, ...e })));
    reports.push(JSON.stringify(orderWire(e.order)));
  };
  report({ execType: 'pendingNew', lastQty: ZERO, lastPx: ZERO, ts: 0, order });
  flow.forEach((st, i) => {
    if (st.k === 'event') {
      const r = ev(order, st.event, i + 1, i % 2 === 0 ? '' : `text ${i}`);
      if (!r.ok) return void refusals.push(r.reason);
      order = r.order;
      report({ execType: 'new', lastQty: ZERO, lastPx: ZERO, ts: i + 1, order });
    } else {
      // The same instance as the order's limit price when the text says the same, as a venue filling at the limit would.
      const px = s.limitPrice !== undefined && st.px === s.limitPrice && order.limitPrice ? order.limitPrice : new Decimal(st.px);
      const qty = new Decimal(st.qty);
      const r = fill(order, qty, px, i + 1);
      if (!r.ok) return void refusals.push(r.reason);
      order = r.order;
      report({ execType: 'trade', lastQty: qty, lastPx: px, ts: i + 1, order });
      report({ execType: 'trade', lastQty: order.cumQty, lastPx: order.avgPx, ts: i + 1, order });
    }
    orders.push(order);
  });
  return { orders, reports, refusals };
}

describe('order model and reports = as they were', () => {
  it('newOrder, applyEvent and applyFill give the same orders, and the reports the same bytes', () => {
    let fills = 0;
    fc.assert(
      fc.property(spec, steps, (s, flow) => {
        const now = life('now', s, flow);
        const before = life('before', s, flow);
        fills += now.reports.filter((r) => r.includes('"execType":"trade"')).length;
        expect(now.refusals).toEqual(before.refusals);
        expect(now.reports).toEqual(before.reports);
        expect(now.orders.length).toBe(before.orders.length);
        now.orders.forEach((o, k) => {
          const b = before.orders[k]!;
          expect(Object.keys(o)).toEqual(Object.keys(b));
          for (const key of Object.keys(b) as (keyof Order)[]) {
            const x = o[key];
            const y = b[key];
            if (y instanceof Decimal) expect([key, (x as Decimal).toFixed()]).toEqual([key, y.toFixed()]);
            else expect([key, x]).toEqual([key, y]);
          }
        });
      }),
      { numRuns: 1500 },
    );
    expect(fills).toBeGreaterThan(500);
  }, 60_000);
});
