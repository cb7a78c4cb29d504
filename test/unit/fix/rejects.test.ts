import { describe, expect, it } from 'vitest';
import { parseFixText } from '../../../server/venues/fix/fixFields.ts';
import { parseOrderCancelReject, parseRefusal } from '../../../server/venues/fix/rejects.ts';
import { wire } from './wireSamples.ts';

describe('parseOrderCancelReject', () => {
  it('reads a refused cancel with its text and reason code', () => {
    expect(parseOrderCancelReject(parseFixText(wire.brokerCancelReject))).toEqual({
      ok: true,
      value: { clOrdId: 'O7-1', origClOrdId: 'O7', responseTo: 'cancel', ordStatus: 'rejected', reason: 'no such order (unknown order)' },
    });
  });

  it('tells a refused cancel/replace (434=2) from a refused cancel, and explains a bare code', () => {
    const r = parseOrderCancelReject(parseFixText(wire.brokerCancelReject.replace('434=1', '434=2').replace('58=no such order|', '').replace('102=1', '102=0')));
    expect(r).toMatchObject({ ok: true, value: { responseTo: 'replace', reason: 'too late to cancel' } });
  });

  it('refuses a reject that does not say what it answers', () => {
    expect(parseOrderCancelReject(parseFixText(wire.brokerCancelReject.replace('434=1|', ''))).ok).toBe(false);
    expect(parseOrderCancelReject(parseFixText(wire.brokerCancelReject.replace('11=O7-1|', ''))).ok).toBe(false);
  });
});

describe('parseRefusal', () => {
  it("reads executor's session Reject of a market order: the refused MsgSeqNum and tag", () => {
    expect(parseRefusal('3', parseFixText(wire.executorRejectsMarket))).toEqual({
      ok: true,
      value: { source: 'sessionReject', refSeqNum: 2, refMsgType: 'D', refId: null, reason: 'Value is incorrect (out of range) for this tag, tag 40' },
    });
  });

  it("reads ordermatch's BusinessMessageReject of a cancel/replace", () => {
    expect(parseRefusal('j', parseFixText(wire.ordermatchRefusesReplace))).toEqual({
      ok: true,
      value: { source: 'businessReject', refSeqNum: 4, refMsgType: 'G', refId: null, reason: 'Unsupported Message Type' },
    });
  });

  it('uses BusinessRejectRefID when the venue names the business id, and the code when there is no text', () => {
    const f = parseFixText('35=j|45=9|372=D|379=O12|380=2|');
    expect(parseRefusal('j', f)).toMatchObject({ ok: true, value: { refId: 'O12', refSeqNum: 9, reason: 'unknown security' } });
  });

  it('is not fooled by other message types', () => {
    expect(parseRefusal('8', parseFixText(wire.executorFill)).ok).toBe(false);
  });
});
