import { describe, expect, it } from 'vitest';
import { CLIENT_MESSAGE_TYPES, MAX_FRAME_BYTES, parseClientMessage } from '../../../src/core/protocol.ts';
import { CLIENT_BOOK_REQUESTS } from '../../../src/core/protocol/clientBook.ts';

describe('parseClientMessage', () => {
  it('accepts each well-formed message type', () => {
    const good = [
      { type: 'login', username: 'trader1', password: 'demo' },
      { type: 'logout' },
      { type: 'ping', reqId: 'p1', ts: 1 },
      { type: 'subscribe', symbols: ['AAPL', 'EURUSD'] },
      { type: 'unsubscribe', symbols: ['AAPL'] },
      { type: 'history', symbol: 'AAPL', interval: '5m', limit: 100 },
      { type: 'placeOrder', clOrdId: 'c-1', order: { symbol: 'AAPL', side: 'buy', type: 'limit', quantity: '100', limitPrice: '1.00', account: 'A' } },
      { type: 'cancelOrder', orderId: 'O-1' },
      { type: 'replaceOrder', orderId: 'O-1', clOrdId: 'c-2', quantity: '200', limitPrice: '1.01' },
      { type: 'cancelAll', reqId: 'ca1', account: 'A' },
      { type: 'subscribeOrders' },
      { type: 'subscribePositions' },
      { type: 'clientBook' },
      { type: 'setKillSwitch', scope: { kind: 'trader', trader: 'trader1' }, mode: 'halted', reason: 'runaway algo' },
      { type: 'clearKillSwitch', scope: { kind: 'all' } },
      { type: 'subscribeKillSwitch' },
      { type: 'riskLimits' },
      { type: 'subscribeDepth', symbol: 'AAPL' },
      { type: 'unsubscribeDepth', symbol: 'AAPL' },
      { type: 'subscribeDesk', method: 'fifo' },
      { type: 'unsubscribeDesk' },
    ];
    // The client book's requests have their examples checked in test/unit/clientbook/protocolExamples.test.ts.
    const clientBook = new Set<string>(CLIENT_BOOK_REQUESTS.map((r) => r.shape.type.value));
    expect(new Set(good.map((g) => g.type))).toEqual(new Set(CLIENT_MESSAGE_TYPES.filter((t) => !clientBook.has(t))));
    for (const g of good) expect(parseClientMessage(JSON.stringify(g))).toMatchObject({ ok: true, msg: g });
  });

  it.each([
    ['not JSON', '{"type":', 'BAD_JSON', /not valid JSON/],
    ['an array', '[1,2]', 'BAD_MESSAGE', /JSON object/],
    ['a string', '"login"', 'BAD_MESSAGE', /JSON object/],
    ['null', 'null', 'BAD_MESSAGE', /JSON object/],
    ['no type', '{"username":"x"}', 'BAD_MESSAGE', /no "type"/],
    ['a numeric type', '{"type":7}', 'BAD_MESSAGE', /no "type"/],
    ['an unknown type', '{"type":"buyEverything"}', 'UNKNOWN_TYPE', /unknown message type 'buyEverything'; expected one of login/],
    ['an unknown field', '{"type":"logout","sudo":true}', 'BAD_MESSAGE', /unknown field 'sudo'/],
    ['a missing field', '{"type":"login","username":"a"}', 'BAD_MESSAGE', /^login: password: /],
    ['a wrong field type', '{"type":"subscribe","symbols":"AAPL"}', 'BAD_MESSAGE', /^subscribe: symbols: /],
    ['an empty symbol list', '{"type":"subscribe","symbols":[]}', 'BAD_MESSAGE', /at least one symbol/],
    ['a bad symbol', '{"type":"subscribe","symbols":["<script>"]}', 'BAD_MESSAGE', /symbols\.0: has characters/],
    ['a bad interval', '{"type":"history","symbol":"AAPL","interval":"7m"}', 'BAD_MESSAGE', /interval/],
    ['a quantity as a number', '{"type":"placeOrder","clOrdId":"c","order":{"symbol":"AAPL","side":"buy","type":"market","quantity":100,"account":"A"}}', 'BAD_MESSAGE', /order\.quantity/],
  ] as const)('answers %s with %s', (_name, raw, code, message) => {
    const r = parseClientMessage(raw);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe(code);
    expect(r.message).toMatch(message);
  });

  it('refuses an oversized frame before parsing it', () => {
    const r = parseClientMessage(' '.repeat(MAX_FRAME_BYTES + 1));
    expect(r).toMatchObject({ ok: false, code: 'TOO_LARGE' });
  });

  it('echoes the reqId of a bad message so the sender can match the error', () => {
    expect(parseClientMessage('{"type":"history","reqId":"r9","symbol":"AAPL"}')).toMatchObject({ ok: false, reqId: 'r9' });
  });
});
