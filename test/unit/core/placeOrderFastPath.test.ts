import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PlaceOrderMsg, placeOrderFastPath } from '../../../src/core/protocol.ts';

/**
 * The hand-written placeOrder check must say yes exactly when zod's
 * PlaceOrderMsg says yes, and give the same data (same keys in the same
 * order); when it says no, the parser asks zod, so the reject's words are zod's.
 * Inputs are JSON values, as JSON.parse gives them.
 */

/** A string of a length around each limit the schema sets (1, 8, 16, 32, 40, 64, 500). */
const lengthAround = fc.constantFrom(0, 1, 2, 7, 8, 9, 15, 16, 17, 31, 32, 33, 39, 40, 41, 63, 64, 65, 499, 500, 501);
const textOfLength = fc.tuple(lengthAround, fc.constantFrom('a', 'Z', '9', '.', '-', ' ', 'é', '😀', ':', '_', '/')).map(([n, c]) => c.repeat(n).slice(0, Math.max(n, 0)));
const notAString = fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.constant([]), fc.constant({}), fc.double({ noNaN: true, noDefaultInfinity: true }));
const anyField = fc.oneof({ weight: 6, arbitrary: textOfLength }, { weight: 4, arbitrary: fc.string({ maxLength: 70 }) }, { weight: 1, arbitrary: notAString });
const clOrdIdText = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9._:-]{1,64}$/),
  fc.stringMatching(/^[A-Za-z0-9._:\- #/é]{0,66}$/),
  textOfLength,
  notAString,
);

/** A field that is absent (undefined, dropped by the JSON round trip) or present with a value. */
const maybe = <T,>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined, freq: 3 });

const goodOrder = fc.record({
  symbol: fc.constantFrom('AAPL', 'EURUSD', 'ES=F', ''),
  side: fc.constantFrom('buy', 'sell', 'sellShort', 'sideways'),
  type: fc.constantFrom('limit', 'market', 'stop', 'stopLimit'),
  quantity: fc.constantFrom('100', '1,000', '0', '-5', '12.5'),
  limitPrice: maybe(fc.constantFrom('190.10', '', '1e5')),
  stopPrice: maybe(fc.constantFrom('189.5', 'x')),
  account: fc.constantFrom('T1-MAIN', ''),
  tif: maybe(fc.constantFrom('day', 'gtd', 'gtc', 'forever!')),
  expireAt: maybe(fc.constantFrom('2026-11-27', '2026-11-27T21:00:00Z')),
  locate: maybe(fc.constantFrom('LOC-1', 'bad locate')),
});
const wildOrder = fc.record(
  {
    symbol: anyField,
    side: anyField,
    type: anyField,
    quantity: anyField,
    limitPrice: anyField,
    stopPrice: anyField,
    account: anyField,
    tif: anyField,
    expireAt: anyField,
    locate: anyField,
  },
  { requiredKeys: [] },
);
const extraKeys = fc.dictionary(fc.constantFrom('extra', 'Symbol', 'qty', 'constructor', 'toString', 'order', 'type'), fc.jsonValue(), { maxKeys: 2 });

const message = fc
  .record(
    {
      type: fc.oneof({ weight: 9, arbitrary: fc.constant('placeOrder') }, { weight: 1, arbitrary: fc.oneof(fc.constant('placeorder'), notAString) }),
      reqId: fc.oneof({ weight: 4, arbitrary: fc.stringMatching(/^o[0-9]{1,8}$/) }, { weight: 1, arbitrary: fc.oneof(textOfLength, notAString) }),
      clOrdId: fc.oneof({ weight: 4, arbitrary: fc.stringMatching(/^B[0-9]{1,8}-[a-z]{0,4}$/) }, { weight: 1, arbitrary: clOrdIdText }),
      order: fc.oneof({ weight: 6, arbitrary: goodOrder }, { weight: 3, arbitrary: wildOrder }, { weight: 1, arbitrary: fc.oneof(notAString, fc.array(fc.string())) }),
      confirm: fc.oneof({ weight: 4, arbitrary: fc.boolean() }, { weight: 1, arbitrary: notAString }),
      justification: fc.oneof({ weight: 4, arbitrary: fc.string({ maxLength: 20 }) }, { weight: 1, arbitrary: fc.oneof(textOfLength, notAString) }),
    },
    { requiredKeys: [] },
  )
  .chain((m) =>
    fc.oneof(
      { weight: 8, arbitrary: fc.constant(m) },
      { weight: 1, arbitrary: extraKeys.map((x) => ({ ...m, ...x })) },
      {
        weight: 1,
        arbitrary: extraKeys.map((x) => ({ ...m, order: typeof m.order === 'object' && m.order !== null && !Array.isArray(m.order) ? { ...m.order, ...x } : m.order })),
      },
    ),
  );

/** As the parser sees it: what JSON.parse makes of the frame. */
const asParsed = (m: unknown) => JSON.parse(JSON.stringify(m)) as Record<string, unknown>;

function expectSameAsZod(input: Record<string, unknown>): boolean {
  const zod = PlaceOrderMsg.safeParse(input);
  const fast = placeOrderFastPath(input);
  if (zod.success) {
    expect(fast).toStrictEqual(zod.data);
    expect(JSON.stringify(fast)).toBe(JSON.stringify(zod.data));
    expect(fast).not.toBe(input);
  } else {
    expect(fast).toBeUndefined();
  }
  return zod.success;
}

describe('placeOrderFastPath', () => {
  it('accepts exactly what PlaceOrderMsg accepts, with the same data, on arbitrary messages', () => {
    let accepted = 0;
    let runs = 0;
    fc.assert(
      fc.property(message, (m) => {
        runs++;
        if (expectSameAsZod(asParsed(m))) accepted++;
      }),
      { numRuns: 3000 },
    );
    // Both sides of the property were exercised, not only refusals.
    expect(accepted).toBeGreaterThan(runs / 20);
    expect(accepted).toBeLessThan(runs);
  }, 60_000);

  it('agrees with zod on arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 7 }), (d) => {
        expectSameAsZod(asParsed({ type: 'placeOrder', ...d }));
      }),
      { numRuns: 1000 },
    );
  }, 60_000);

  it('agrees on the edge cases: each limit, a __proto__ key, an array order, every optional field', () => {
    const base = { type: 'placeOrder', clOrdId: 'c-1', order: { symbol: 'AAPL', side: 'buy', type: 'limit', quantity: '100', account: 'A' } };
    const cases: unknown[] = [
      base,
      { ...base, reqId: 'r'.repeat(64) },
      { ...base, reqId: 'r'.repeat(65) },
      { ...base, reqId: '' },
      { ...base, clOrdId: 'c'.repeat(64) },
      { ...base, clOrdId: 'c'.repeat(65) },
      { ...base, clOrdId: 'c 1' },
      { ...base, clOrdId: '' },
      { ...base, confirm: true, justification: 'j'.repeat(500) },
      { ...base, justification: 'j'.repeat(501) },
      { ...base, justification: '' },
      { ...base, order: [] },
      { ...base, order: null },
      { ...base, order: { ...base.order, symbol: 's'.repeat(33) } },
      { ...base, order: { ...base.order, limitPrice: '1', stopPrice: '2', tif: 'gtd', expireAt: '2026-11-27', locate: 'L' } },
      { ...base, order: { ...base.order, tif: 't'.repeat(9) } },
      { ...base, order: { ...base.order, extra: 1 } },
      { ...base, extra: 1 },
      { ...base, confirm: 'yes' },
    ];
    for (const c of cases) expectSameAsZod(asParsed(c));
    expectSameAsZod(JSON.parse('{"type":"placeOrder","clOrdId":"c","__proto__":{},"order":{"symbol":"A","side":"b","type":"t","quantity":"1","account":"A"}}'));
    expectSameAsZod(JSON.parse('{"type":"placeOrder","clOrdId":"c","order":{"__proto__":"x","symbol":"A","side":"b","type":"t","quantity":"1","account":"A"}}'));
    expect(placeOrderFastPath(asParsed(base))).toEqual(base);
  });
});
