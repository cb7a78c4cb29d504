import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FRAME_BYTES } from '../../src/core/protocol.ts';
import { type TestGateway, startTestGateway } from '../support/gateway.ts';
import { type TestClient, connect } from '../support/wsClient.ts';

/**
 * Bad input from an authenticated terminal: every kind gets an `error` (or, for
 * orders, a rejected execReport / cancelReject) that names the problem, and
 * neither the connection nor the gateway stops. Each case is followed by a ping
 * on the same connection to prove the session goes on.
 */

let gw: TestGateway;
let c: TestClient;

beforeAll(async () => {
  gw = await startTestGateway();
  c = await connect(gw.wsUrl);
  await c.login('trader1');
});
afterAll(async () => {
  await c.close();
  await gw.dispose();
});

const order = { symbol: 'AAPL', side: 'buy', type: 'limit', quantity: '100', limitPrice: '100.00', account: 'T1-MAIN' };

/** [name, raw frame, expected code, what the message must say] */
const FRAMES: ReadonlyArray<readonly [string, string, string, RegExp]> = [
  ['text that is not JSON', 'hello gateway', 'BAD_JSON', /not valid JSON/],
  ['truncated JSON', '{"type":"subscribe","symbols":["AAPL"', 'BAD_JSON', /not valid JSON/],
  ['an empty frame', '', 'BAD_JSON', /not valid JSON/],
  ['a JSON number', '42', 'BAD_MESSAGE', /JSON object/],
  ['a JSON array', '[{"type":"ping"}]', 'BAD_MESSAGE', /JSON object/],
  ['JSON null', 'null', 'BAD_MESSAGE', /JSON object/],
  ['an object without type', '{"symbols":["AAPL"]}', 'BAD_MESSAGE', /no "type"/],
  ['a type that is not a string', '{"type":["subscribe"]}', 'BAD_MESSAGE', /no "type"/],
  ['an unknown type', '{"type":"deleteAllOrders"}', 'UNKNOWN_TYPE', /unknown message type 'deleteAllOrders'/],
  ['a type in the wrong case', '{"type":"PlaceOrder"}', 'UNKNOWN_TYPE', /expected one of/],
  ['an unknown field', '{"type":"ping","admin":true}', 'BAD_MESSAGE', /unknown field 'admin'/],
  ['symbols as a string', '{"type":"subscribe","symbols":"AAPL"}', 'BAD_MESSAGE', /symbols/],
  ['an empty symbol list', '{"type":"subscribe","symbols":[]}', 'BAD_MESSAGE', /at least one symbol/],
  ['a symbol that is a number', '{"type":"subscribe","symbols":[7]}', 'BAD_MESSAGE', /symbols\.0/],
  ['a symbol with markup', '{"type":"unsubscribe","symbols":["<img src=x>"]}', 'BAD_MESSAGE', /symbols\.0: has characters/],
  ['too many symbols', JSON.stringify({ type: 'subscribe', symbols: Array.from({ length: 1001 }, (_, i) => `S${i}`) }), 'BAD_MESSAGE', /symbols/],
  ['a history interval that does not exist', '{"type":"history","symbol":"AAPL","interval":"2m"}', 'BAD_MESSAGE', /interval/],
  ['a history limit out of range', '{"type":"history","symbol":"AAPL","interval":"1m","limit":100000}', 'BAD_MESSAGE', /limit/],
  ['a history limit that is not whole', '{"type":"history","symbol":"AAPL","interval":"1m","limit":1.5}', 'BAD_MESSAGE', /limit/],
  ['an order without its body', '{"type":"placeOrder","clOrdId":"x1"}', 'BAD_MESSAGE', /order/],
  ['an order quantity as a JSON number', JSON.stringify({ type: 'placeOrder', clOrdId: 'x2', order: { ...order, quantity: 100 } }), 'BAD_MESSAGE', /order\.quantity/],
  ['an order with an unknown field', JSON.stringify({ type: 'placeOrder', clOrdId: 'x3', order: { ...order, qty: '100' } }), 'BAD_MESSAGE', /unknown field 'qty'/],
  ['a clOrdId with spaces', JSON.stringify({ type: 'placeOrder', clOrdId: 'a b', order }), 'BAD_MESSAGE', /clOrdId/],
  ['a cancel without an order id', '{"type":"cancelOrder"}', 'BAD_MESSAGE', /orderId/],
  ['a login field of the wrong type', '{"type":"ping","ts":"now"}', 'BAD_MESSAGE', /ts/],
  ['a prototype-pollution attempt', '{"type":"ping","__proto__":{"admin":true}}', 'BAD_MESSAGE', /unknown field '__proto__'/],
  ['a frame over the size limit', JSON.stringify({ type: 'ping', reqId: 'big', pad: 'x'.repeat(MAX_FRAME_BYTES) }), 'TOO_LARGE', /limit is 65536/],
];

describe('bad frames after login', () => {
  it.each(FRAMES)('%s → an error naming the problem, and the session goes on', async (_name, raw, code, message) => {
    c.sendRaw(raw);
    const err = await c.next('error');
    expect(err.code).toBe(code);
    expect(err.message).toMatch(message);
    expect(await c.request({ type: 'ping' })).toMatchObject({ type: 'pong' });
  });

  it('a binary frame is refused in words and the session goes on', async () => {
    c.sendRaw(Buffer.from([0xde, 0xad, 0xbe, 0xef]));
    expect((await c.next('error')).message).toMatch(/binary frames are not accepted/);
    expect(await c.request({ type: 'ping' })).toMatchObject({ type: 'pong' });
  });
});

describe('well-formed requests that make no sense', () => {
  it('an unknown symbol is named', async () => {
    c.send({ type: 'subscribe', reqId: 'unknown-sym', symbols: ['NOPE', 'AAPL'] });
    const err = await c.next('error', (m) => m.reqId === 'unknown-sym');
    expect(err.code).toBe('UNKNOWN_SYMBOL');
    expect(err.message).toMatch(/NOPE/);
    // The known symbol in the same request is still served.
    const snap = await c.next('quoteSnapshot', (m) => m.reqId === 'unknown-sym');
    expect(snap.quotes.map((q) => q.symbol)).toEqual(['AAPL']);
  });

  it('history of an unknown symbol is named', async () => {
    const r = await c.request({ type: 'history', symbol: 'NOPE', interval: '1m' });
    expect(r).toMatchObject({ type: 'error', code: 'UNKNOWN_SYMBOL' });
  });

  it.each([
    ['quantity 0', { quantity: '0' }, /quantity must be greater than 0/],
    ['an odd lot', { quantity: '150' }, /quantity must be a multiple of the lot size 100/],
    ['a price off the tick grid', { limitPrice: '100.001' }, /limit price must be a multiple of the tick size 0.01/],
    ['a side that does not exist', { side: 'short' }, /side must be buy, sell or sell short/],
    ["someone else's account", { account: 'T2-MAIN' }, /you may not trade for account T2-MAIN/],
    ['an unknown symbol', { symbol: 'NOPE' }, /unknown symbol NOPE/],
    ['a quantity in words', { quantity: 'one hundred' }, /quantity must be a number/],
  ] as const)('an order with %s is rejected with the reason', async (_name, over, reason) => {
    const r = await c.request({ type: 'placeOrder', clOrdId: `bad-${Math.random().toString(36).slice(2)}`, order: { ...order, ...over } });
    expect(r.type).toBe('execReport');
    if (r.type !== 'execReport') return;
    expect(r.report.execType).toBe('rejected');
    expect(r.report.order.status).toBe('rejected');
    expect(r.report.order.text).toMatch(reason);
  });

  it('a cancel of an order that does not exist gets a cancelReject', async () => {
    const r = await c.request({ type: 'cancelOrder', orderId: 'O-does-not-exist' });
    expect(r).toMatchObject({ type: 'cancelReject', orderId: 'O-does-not-exist' });
  });
});

describe('after all of it', () => {
  it('the same session still trades, and a second client is served', async () => {
    await c.request({ type: 'subscribe', symbols: ['AAPL'] });
    const placed = await c.request({ type: 'placeOrder', clOrdId: `ok-${Date.now()}`, order: { ...order, limitPrice: '1.00' } });
    expect(placed.type === 'execReport' && placed.report.order.status).toBe('pendingNew');
    const other = await connect(gw.wsUrl);
    expect((await other.login('trader2')).user.username).toBe('trader2');
    await other.close();
    expect(c.isOpen).toBe(true);
  });
});
