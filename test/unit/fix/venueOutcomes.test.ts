import { describe, expect, it } from 'vitest';
import { dec } from '../../../src/core/decimal.ts';
import type { VenueOrder, VenueRequest } from '../../../server/venues/fix/clOrdIdBook.ts';
import { type ExecutionReport, parseExecutionReport } from '../../../server/venues/fix/executionReport.ts';
import { parseFixText } from '../../../server/venues/fix/fixFields.ts';
import { parseOrderCancelReject, parseRefusal } from '../../../server/venues/fix/rejects.ts';
import { answerKey, outcomeOfCancelReject, outcomeOfRefusal, outcomeOfReport } from '../../../server/venues/fix/venueOutcomes.ts';
import { wire } from './wireSamples.ts';

const order: VenueOrder = {
  orderId: 'O7',
  symbol: 'IBM',
  side: 'buy',
  account: 'ACC-7',
  type: 'limit',
  tif: 'day',
  quantity: dec('100'),
  limitPrice: dec('10.5'),
  workingClOrdId: 'O7',
  requestCount: 1,
  acked: false,
};
const acked = { ...order, acked: true };

function report(text: string): ExecutionReport {
  const r = parseExecutionReport(parseFixText(text));
  if (!r.ok) throw new Error(r.reason);
  return r.value;
}

const request = (kind: VenueRequest['kind']): VenueRequest => ({ kind, orderId: 'O7', clOrdId: 'O7-1', origClOrdId: 'O7', quantity: null, price: null });

describe('outcomeOfReport', () => {
  it('turns a New into accepted, once', () => {
    expect(outcomeOfReport(report(wire.ordermatchNew), order, undefined)).toEqual({ events: [{ kind: 'accepted', orderId: 'O7' }], replace: null, acks: true });
    expect(outcomeOfReport(report(wire.ordermatchNew), acked, undefined).events).toEqual([]);
  });

  it('acknowledges an order filled without a New before its fill, with the exact LastQty and LastPx', () => {
    expect(outcomeOfReport(report(wire.executorFill), order, undefined)).toEqual({
      events: [
        { kind: 'accepted', orderId: 'O7' },
        { kind: 'fill', orderId: 'O7', venueExecId: '1', quantity: dec('100'), price: dec('10.25') },
      ],
      replace: null,
      acks: true,
    });
  });

  it('reports only the fill of an order already acknowledged', () => {
    expect(outcomeOfReport(report(wire.ordermatchPartial), acked, undefined).events).toEqual([
      { kind: 'fill', orderId: 'O7', venueExecId: '3', quantity: dec('60'), price: dec('10.2') },
    ]);
  });

  it('passes on cancels and rejects with their reasons', () => {
    expect(outcomeOfReport(report(wire.ordermatchCanceled), acked, undefined).events).toEqual([{ kind: 'canceled', orderId: 'O7', reason: 'canceled by the venue' }]);
    expect(outcomeOfReport(report(wire.ordermatchRejected), order, undefined).events).toEqual([
      { kind: 'rejected', orderId: 'O7', reason: 'Incorrect data format for value' },
    ]);
  });

  it('announces a replace with the terms the venue confirmed', () => {
    expect(outcomeOfReport(report(wire.brokerReplaced), acked, request('replace'))).toEqual({
      events: [],
      replace: { kind: 'replaced', orderId: 'O7', clOrdId: 'O7-1', quantity: dec('80'), price: dec('10.75') },
      acks: false,
    });
  });

  it('takes the terms it asked for when the venue leaves them out of the Replaced report', () => {
    const asked: VenueRequest = { ...request('replace'), quantity: dec('70'), price: dec('11') };
    const bare = wire.brokerReplaced.replace('38=80|', '').replace('44=10.75|', '');
    expect(outcomeOfReport(report(bare), acked, asked).replace).toEqual({ kind: 'replaced', orderId: 'O7', clOrdId: 'O7-1', quantity: dec('70'), price: dec('11') });
  });

  it('does nothing on a pending or restated report', () => {
    expect(outcomeOfReport(report(wire.ordermatchNew.replace('150=0', '150=A')), order, undefined)).toEqual({ events: [], replace: null, acks: false });
  });
});

describe('outcomeOfCancelReject and outcomeOfRefusal', () => {
  it('turns a refused cancel into cancelRejected and a refused replace into replaceRejected', () => {
    const rej = parseOrderCancelReject(parseFixText(wire.brokerCancelReject));
    if (!rej.ok) throw new Error(rej.reason);
    expect(outcomeOfCancelReject(rej.value, acked).events).toEqual([{ kind: 'cancelRejected', orderId: 'O7', reason: 'no such order (unknown order)' }]);
    expect(outcomeOfCancelReject({ ...rej.value, responseTo: 'replace' }, acked)).toEqual({
      events: [],
      replace: { kind: 'replaceRejected', orderId: 'O7', reason: 'no such order (unknown order)' },
      acks: false,
    });
  });

  it('ends a refused request the way its kind fails', () => {
    const refusal = parseRefusal('j', parseFixText(wire.ordermatchRefusesReplace));
    if (!refusal.ok) throw new Error(refusal.reason);
    const reason = 'Unsupported Message Type';
    expect(outcomeOfRefusal(refusal.value, request('new')).events).toEqual([{ kind: 'rejected', orderId: 'O7', reason }]);
    expect(outcomeOfRefusal(refusal.value, request('cancel')).events).toEqual([{ kind: 'cancelRejected', orderId: 'O7', reason }]);
    expect(outcomeOfRefusal(refusal.value, request('replace')).replace).toEqual({ kind: 'replaceRejected', orderId: 'O7', reason });
  });
});

describe('answerKey', () => {
  it('knows a resent report by its ClOrdID and ExecID, whatever its MsgSeqNum', () => {
    expect(answerKey.report(report(wire.executorFill))).toBe(answerKey.report(report(wire.executorFillResent)));
    expect(answerKey.report(report(wire.ordermatchPartial))).not.toBe(answerKey.report(report(wire.ordermatchCanceled)));
  });
});
