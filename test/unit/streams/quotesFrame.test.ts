import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DECIMAL_PATTERN } from '../../../src/core/decimal.ts';
import { QuoteWire, ServerMessage } from '../../../src/core/protocol.ts';
import { type FrameResult, parseServerFrame } from '../../../src/streams/frames.ts';
import { QUOTE_KEYS, plainQuotesFrame } from '../../../src/streams/quotesFrame.ts';
import { quote } from './fakeSocket.ts';

/** parseServerFrame as it was before the fast path: JSON, then zod for every frame. */
function zodOnly(raw: string): FrameResult {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { ok: false, reason: 'frame is not JSON' };
  }
  const parsed = ServerMessage.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'message';
    return { ok: false, reason: `frame does not match the protocol (${where}: ${issue?.message ?? 'invalid'})` };
  }
  return { ok: true, msg: parsed.data };
}

const DECIMAL_FIELDS = ['bid', 'ask', 'last', 'bidSize', 'askSize', 'lastSize', 'open', 'high', 'low', 'prevClose', 'change', 'changePct', 'volume'];

const validDecimal = fc.stringMatching(DECIMAL_PATTERN);
/** Texts on both sides of the decimal pattern's edges, and values of other types. */
const nearDecimal = fc.oneof(
  fc.constantFrom('', '1e5', ' 1', '1 ', '01', '-0', '1.', '.5', '+1', '1.0000000000001', '123456789012345678901', '12345678901234567890', '0x1f', 'NaN', '-'),
  fc.string({ maxLength: 8 }),
  fc.double(),
  fc.integer(),
  fc.constant(null),
  fc.boolean(),
);
const anyNumber = fc.oneof(
  fc.integer(),
  fc.maxSafeInteger(),
  fc.constantFrom(-0, 0.5, 2 ** 53, -(2 ** 53), 1e308, -1),
  fc.double(),
  fc.string({ maxLength: 3 }),
  fc.constant(null),
);
const validSeq = fc.nat();
/** Undefined most of the time, a value once in about twenty. */
const rarely = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.oneof({ weight: 20, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });

/** A wire quote, valid, with some fields bent out of shape, removed, or extra keys added. */
const quoteArb = fc
  .record({
    symbol: fc.oneof({ weight: 20, arbitrary: fc.string({ minLength: 1, maxLength: 6 }) }, { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.constant(null)) }),
    decimals: fc.array(fc.oneof({ weight: 40, arbitrary: validDecimal }, { weight: 1, arbitrary: nearDecimal }), { minLength: 13, maxLength: 13 }),
    ts: fc.oneof({ weight: 20, arbitrary: fc.integer({ min: 0, max: 2 ** 45 }) }, { weight: 1, arbitrary: anyNumber }),
    seq: fc.oneof({ weight: 20, arbitrary: validSeq }, { weight: 1, arbitrary: anyNumber }),
    sessionState: fc.option(
      fc.oneof({ weight: 10, arbitrary: fc.constantFrom('preOpen', 'open', 'closed') }, { weight: 1, arbitrary: fc.oneof(fc.constantFrom('Open', 'halted', ''), fc.integer()) }),
      { freq: 2, nil: undefined },
    ),
    drop: rarely(fc.constantFrom(...QUOTE_KEYS)),
    extra: rarely(fc.constantFrom('__proto__', 'constructor', 'toString', 'bidPrice', 'Symbol', 'type')),
  })
  .map(({ symbol, decimals, ts, seq, sessionState, drop, extra }) => {
    const q: Record<string, unknown> = { symbol };
    DECIMAL_FIELDS.forEach((field, i) => {
      q[field] = decimals[i];
    });
    q.ts = ts;
    q.seq = seq;
    if (sessionState !== undefined) q.sessionState = sessionState;
    if (drop !== undefined) delete q[drop];
    // Written into the JSON text, so "__proto__" becomes an own key as JSON.parse makes it.
    return { q, extra };
  });

/** A frame as text: mostly `quotes` frames, some of other types or with other top-level keys. */
const frameText = fc
  .record({
    type: fc.oneof({ weight: 10, arbitrary: fc.constant('quotes') }, { weight: 1, arbitrary: fc.constantFrom('quoteSnapshot', 'Quotes', 'heartbeat', '') }),
    quotes: fc.oneof({ weight: 10, arbitrary: fc.array(quoteArb, { maxLength: 4 }) }, { weight: 1, arbitrary: fc.constant(null) }),
    seq: fc.option(fc.oneof({ weight: 6, arbitrary: validSeq }, { weight: 1, arbitrary: anyNumber }), { nil: undefined }),
    extra: rarely(fc.constantFrom('reqId', '__proto__', 'serverTime')),
  })
  .map(({ type, quotes, seq, extra }) => {
    const quoteTexts =
      quotes === null
        ? 'null'
        : `[${quotes.map(({ q, extra: key }) => (key === undefined ? JSON.stringify(q) : `${JSON.stringify(q).slice(0, -1)},${JSON.stringify(key)}:"x"}`)).join(',')}]`;
    const parts = [`"type":${JSON.stringify(type)}`, `"quotes":${quoteTexts}`];
    if (seq !== undefined) parts.push(`"seq":${JSON.stringify(seq)}`);
    if (extra !== undefined) parts.push(`${JSON.stringify(extra)}:"r1"`);
    return `{${parts.join(',')}}`;
  });

describe('plainQuotesFrame (the fast check of `quotes` frames)', () => {
  it('knows exactly the keys of the protocol’s QuoteWire', () => {
    expect([...QUOTE_KEYS].sort()).toEqual(Object.keys(QuoteWire.shape).sort());
  });

  it('takes a frame only when zod accepts it, and returns what zod returns (random frames, valid and broken)', () => {
    let taken = 0;
    let refused = 0;
    fc.assert(
      fc.property(frameText, (text) => {
        const data: unknown = JSON.parse(text);
        const zod = ServerMessage.safeParse(JSON.parse(text));
        const fast = plainQuotesFrame(data);
        if (fast !== undefined) {
          taken += 1;
          expect(zod.success).toBe(true);
          expect(fast).toStrictEqual(zod.data);
        } else if (!zod.success) refused += 1;
      }),
      { numRuns: 3000 },
    );
    // Both sides were exercised: frames the check took, and broken frames it left to zod.
    expect(taken).toBeGreaterThan(300);
    expect(refused).toBeGreaterThan(300);
  });

  it('takes every valid quotes frame, so the hot path never pays for zod', () => {
    const valid = fc.record(
      {
        quotes: fc.array(
          fc.record(
            {
              symbol: fc.string({ minLength: 1, maxLength: 8 }),
              ...Object.fromEntries(DECIMAL_FIELDS.map((f) => [f, validDecimal])),
              ts: fc.integer({ min: 0, max: 2 ** 45 }),
              seq: fc.nat(),
              sessionState: fc.constantFrom('preOpen', 'open', 'closed'),
            },
            // sessionState may be missing; every other field must be there.
            { requiredKeys: ['symbol', ...DECIMAL_FIELDS, 'ts', 'seq'] as never[] },
          ),
          { maxLength: 20 },
        ),
        seq: validSeq,
      },
      { requiredKeys: ['quotes'] },
    );
    fc.assert(
      fc.property(valid, (frame) => {
        const text = JSON.stringify({ type: 'quotes', ...frame });
        expect(ServerMessage.safeParse(JSON.parse(text)).success).toBe(true);
        expect(plainQuotesFrame(JSON.parse(text))).toStrictEqual(JSON.parse(text));
      }),
      { numRuns: 1000 },
    );
  });

  it('leaves to zod a seq beyond the safe integers, a non-finite ts, an unknown key and other message types', () => {
    const q = quote('AAPL', 1, '190.01');
    expect(plainQuotesFrame({ type: 'quotes', quotes: [q], seq: 2 ** 53 })).toBeUndefined();
    expect(plainQuotesFrame({ type: 'quotes', quotes: [{ ...q, ts: Number.POSITIVE_INFINITY }] })).toBeUndefined();
    expect(plainQuotesFrame({ type: 'quotes', quotes: [{ ...q, extra: 1 }] })).toBeUndefined();
    expect(plainQuotesFrame(JSON.parse(`{"type":"quotes","quotes":[],"__proto__":{}}`))).toBeUndefined();
    expect(plainQuotesFrame({ type: 'quoteSnapshot', quotes: [q] })).toBeUndefined();
    expect(plainQuotesFrame({ type: 'quotes', quotes: [q], seq: 7 })).toEqual({ type: 'quotes', quotes: [q], seq: 7 });
  });
});

describe('parseServerFrame with the fast path', () => {
  it('answers every text exactly as the zod-only parse did, reasons included', () => {
    fc.assert(
      fc.property(fc.oneof({ weight: 8, arbitrary: frameText }, { weight: 1, arbitrary: fc.string() }, { weight: 1, arbitrary: fc.json() }), (text) => {
        expect(parseServerFrame(text)).toStrictEqual(zodOnly(text));
      }),
      { numRuns: 3000 },
    );
  });
});
