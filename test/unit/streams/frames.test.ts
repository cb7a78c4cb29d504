import { describe, expect, it } from 'vitest';
import { parseServerFrame } from '../../../src/streams/frames.ts';
import { quote } from './fakeSocket.ts';

describe('parseServerFrame', () => {
  it('accepts a frame that matches the protocol', () => {
    const r = parseServerFrame(JSON.stringify({ type: 'quotes', quotes: [quote('AAPL', 1, '190.01')] }));
    expect(r.ok && r.msg.type).toBe('quotes');
  });

  it('refuses text that is not JSON', () => {
    expect(parseServerFrame('{nope')).toEqual({ ok: false, reason: 'frame is not JSON' });
  });

  it('refuses a price sent as a number and says where', () => {
    const bad = { type: 'quotes', quotes: [{ ...quote('AAPL', 1, '190.01'), bid: 190.01 }] };
    const r = parseServerFrame(JSON.stringify(bad));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toContain('quotes.0.bid');
  });

  it('refuses an unknown message type and binary frames', () => {
    expect(parseServerFrame(JSON.stringify({ type: 'surprise' })).ok).toBe(false);
    expect(parseServerFrame(new ArrayBuffer(4))).toEqual({ ok: false, reason: 'binary frame' });
  });
});
