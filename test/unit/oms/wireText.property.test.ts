import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, ZERO, dec, toWire } from '../../../src/core/decimal.ts';
import { EXEC_TYPES, ORDER_STATUSES, ORDER_TYPES, SIDES, TIME_IN_FORCE, type Order } from '../../../src/core/order.ts';
import { createDecimalTexts, decimalText } from '../../../server/oms/decimalText.ts';
import { type Execution, execIdOf, orderIdOf } from '../../../server/oms/execution.ts';
import { execLine, orderLine } from '../../../server/oms/journal.ts';
import { reportJsonOf } from '../../../server/oms/reportWire.ts';
import { execReportFrame } from '../../../server/transport/execReportFrame.ts';
import { payloadOf } from '../../../server/transport/wsTextFrame.ts';
import { refExecIdOf, refExecLine, refExecReportFrame, refOrderIdOf, refOrderLine, refReportJson } from './referenceSerialisers.ts';

/**
 * The journal lines and execution reports are written straight as JSON text
 * (server/oms/jsonWriter.ts) and their decimals come from a memory of recent
 * values (decimalText). Both must give exactly the bytes the stringified wire
 * objects gave (referenceSerialisers.ts): checked here on arbitrary orders,
 * with text that needs escaping, non-ASCII, lone surrogates, and numbers
 * JSON writes as null.
 */

/** Decimals of every shape: wire texts with and without fractions, signs, huge and tiny exponents, long quotients. */
const decimal: fc.Arbitrary<Decimal> = fc.oneof(
  fc.constant(ZERO),
  fc.constantFrom('0', '100', '187.35', '0.0001', '1', '25', '-3.5', '1000000', '0.1').map((t) => dec(t)),
  fc
    .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 20n - 1n }), fc.option(fc.stringMatching(/^[0-9]{1,12}$/), { nil: undefined }))
    .map(([neg, int, frac]) => new Decimal(`${neg ? '-' : ''}${int}${frac === undefined ? '' : `.${frac}`}`)),
  fc.tuple(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: 1, max: 999 })).map(([a, b]) => new Decimal(a).div(b)),
  fc.tuple(fc.integer({ min: 1, max: 99_999 }), fc.integer({ min: -39, max: 39 })).map(([m, x]) => new Decimal(`${m}e${x}`)),
);
/** Strings as a trader or a venue might send them, and worse. */
const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('', 'T-1', 'quote " and \\ backslash', 'tab\tnew\nline\u0000\u001f\u007f', 'ünïcødé — ≥ 5 €', '\ud83d\ude00 pair', 'lone \ud800 high', 'lone \udfff low', '\u2028\u2029'),
);
/** Numbers JSON writes as digits, with a fraction or an exponent, or as null. */
const anyNumber = fc.oneof(
  fc.integer({ min: 0, max: 4_000_000_000_000 }),
  fc.maxSafeInteger(),
  fc.constantFrom(0, -0, 1, 9, 10, 2 ** 31 - 1, 2 ** 31, 2 ** 53 - 1, 2 ** 53, 1e21, 1.5, -7, NaN, Infinity, -Infinity, 1763900000201),
  fc.double(),
);

const order: fc.Arbitrary<Order> = fc.record(
  {
    orderId: text,
    clOrdId: text,
    origClOrdId: fc.option(text),
    trader: text,
    account: text,
    symbol: text,
    side: fc.constantFrom(...SIDES),
    type: fc.constantFrom(...ORDER_TYPES),
    tif: fc.constantFrom(...TIME_IN_FORCE),
    quantity: decimal,
    limitPrice: fc.option(decimal),
    stopPrice: fc.option(decimal),
    expireAt: fc.option(anyNumber),
    locate: fc.option(text),
    venue: fc.option(text, { nil: undefined }),
    status: fc.constantFrom(...ORDER_STATUSES),
    cumQty: decimal,
    leavesQty: decimal,
    filledNotional: decimal,
    avgPx: decimal,
    text,
    createdAt: anyNumber,
    updatedAt: anyNumber,
  },
  { requiredKeys: ['orderId', 'clOrdId', 'origClOrdId', 'trader', 'account', 'symbol', 'side', 'type', 'tif', 'quantity', 'limitPrice', 'stopPrice', 'expireAt', 'locate', 'status', 'cumQty', 'leavesQty', 'filledNotional', 'avgPx', 'text', 'createdAt', 'updatedAt'] },
);

/** An event, sometimes reusing the order's own decimal instances (as a fill at the limit does). */
const execution: fc.Arbitrary<Execution> = fc
  .record({
    execId: text,
    execType: fc.constantFrom(...EXEC_TYPES),
    lastQty: decimal,
    lastPx: decimal,
    ts: anyNumber,
    order,
    venueExecId: fc.option(text, { nil: undefined }),
    requested: fc.option(fc.record({ clOrdId: text, quantity: fc.option(decimal, { nil: undefined }), limitPrice: fc.option(decimal, { nil: undefined }), stopPrice: fc.option(decimal, { nil: undefined }) }), { nil: undefined }),
    reuse: fc.boolean(),
  })
  .map(({ reuse, ...e }) => (reuse ? { ...e, lastQty: e.order.cumQty, lastPx: e.order.limitPrice ?? e.lastPx } : e) as Execution);

const reqId = fc.option(text, { nil: undefined });

describe('execution reports written straight as JSON', () => {
  it('a report is the bytes of JSON.stringify(executionToWire(e))', () => {
    fc.assert(
      fc.property(execution, (e) => {
        expect(reportJsonOf(e)).toBe(refReportJson(e));
      }),
      { numRuns: 2000 },
    );
  });

  it('an execReport frame carries the UTF-8 bytes of the whole message stringified, with or without a reqId', () => {
    fc.assert(
      fc.property(execution, reqId, (e, r) => {
        const frame = execReportFrame(e, r);
        expect(payloadOf(frame).equals(Buffer.from(refExecReportFrame(e, r), 'utf8'))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('frames made one after another are separate buffers (one is not overwritten by the next)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(execution, reqId), { minLength: 2, maxLength: 8 }), (pairs) => {
        const frames = pairs.map(([e, r]) => execReportFrame(e, r));
        pairs.forEach(([e, r], i) => expect(payloadOf(frames[i]!).toString('utf8')).toBe(refExecReportFrame(e, r)));
      }),
      { numRuns: 200 },
    );
  });

  it('frames stay whole when journal lines are written between them and the writer moves on to new slabs', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(execution, reqId), { minLength: 1, maxLength: 5 }), fc.string({ minLength: 500, maxLength: 1500 }), (pairs, pad) => {
        // About 150 frames of 1-2 KB: past several 64 KB slabs.
        const sent: Array<{ frame: ReturnType<typeof execReportFrame>; expected: string }> = [];
        for (let k = 0; k < 150; k++) {
          const [e0, r] = pairs[k % pairs.length]!;
          const e = { ...e0, order: { ...e0.order, text: `${k}${pad}` } };
          sent.push({ frame: execReportFrame(e, r), expected: refExecReportFrame(e, r) });
          expect(execLine(k + 1, e)).toBe(refExecLine(k + 1, e));
        }
        for (const { frame, expected } of sent) expect(payloadOf(frame).toString('utf8')).toBe(expected);
      }),
      { numRuns: 10 },
    );
  });

  it('a report far larger than the writer starts with comes out whole', () => {
    fc.assert(
      fc.property(execution, fc.string({ unit: 'binary', minLength: 30_000, maxLength: 100_000 }), (e, long) => {
        const big = { ...e, order: { ...e.order, text: long } };
        expect(reportJsonOf(big)).toBe(refReportJson(big));
        expect(payloadOf(execReportFrame(big, 'r1')).equals(Buffer.from(refExecReportFrame(big, 'r1'), 'utf8'))).toBe(true);
      }),
      { numRuns: 50 },
    );
  });
});

describe('journal lines written straight as JSON', () => {
  it('an event line is the bytes of JSON.stringify of its values in EXEC_COLUMNS order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 40 }), execution, (seq, e) => {
        expect(execLine(seq, e)).toBe(refExecLine(seq, e));
      }),
      { numRuns: 2000 },
    );
  });

  it('a new order line is the bytes of JSON.stringify of its values in ORDER_COLUMNS order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 40 }), order, (seq, o) => {
        expect(orderLine(seq, o)).toBe(refOrderLine(seq, o));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('decimal texts remembered by value', () => {
  it('give toWire(d) for every value, in a memory small enough that values keep colliding', () => {
    const tiny = createDecimalTexts(4);
    const one = createDecimalTexts(1);
    fc.assert(
      fc.property(fc.array(decimal, { minLength: 1, maxLength: 40 }), (ds) => {
        // Each value twice, the second time as a fresh equal instance too: hits, misses and evictions.
        for (const d of [...ds, ...ds, ...ds.map((x) => new Decimal(x))]) {
          expect(tiny.textOf(d)).toBe(toWire(d));
          expect(one.textOf(d)).toBe(toWire(d));
          expect(decimalText(d)).toBe(toWire(d));
        }
      }),
    );
  });

  it('tell apart values that differ only in sign, exponent or one digit word', () => {
    // One slot: every value meets the one before it. 5, 5e7 and 5e-7 have the same digit words ([5]).
    const one = createDecimalTexts(1);
    const texts = ['5', '-5', '50000000', '0.0000005', '5e14', '50', '0.5', '5.0000001', '5.00000001', '12345678', '12345679', '-0', '0', '5'];
    for (const t of [...texts, ...texts.reverse()]) expect(one.textOf(new Decimal(t))).toBe(toWire(new Decimal(t)));
  });
});

describe('order and execution ids', () => {
  it('are the letter and the sequence padded to eight digits, as before', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: 0, max: 2 ** 40 }), fc.constantFrom(0, 1, 9, 10, 99_999_999, 100_000_000, 123_456_789, -1, 1.5, NaN, -0)), (seq) => {
        expect(orderIdOf(seq)).toBe(refOrderIdOf(seq));
        expect(execIdOf(seq)).toBe(refExecIdOf(seq));
      }),
    );
  });
});
