import { describe, expect, it } from 'vitest';
import { parseExecutionReport } from '../../../server/venues/fix/executionReport.ts';
import { parseFixText } from '../../../server/venues/fix/fixFields.ts';
import { wire } from './wireSamples.ts';

const parse = (text: string) => parseExecutionReport(parseFixText(text));
function ok(text: string) {
  const r = parse(text);
  if (!r.ok) throw new Error(r.reason);
  return r.value;
}

describe('parseExecutionReport', () => {
  it("reads executor's FIX 4.4 fill with every number exact", () => {
    const r = ok(wire.executorFill);
    expect(r).toMatchObject({ clOrdId: 'c1', venueOrderId: '1', execId: '1', execType: 'F', ordStatus: 'filled', possDup: false, msgSeqNum: 2 });
    expect(r.meaning.kind).toBe('fill');
    if (r.meaning.kind !== 'fill') return;
    expect(r.meaning.lastQty.toFixed()).toBe('100');
    expect(r.meaning.lastPx.toFixed()).toBe('10.25');
    expect([r.cumQty, r.avgPx, r.leavesQty, r.orderQty].map((d) => d?.toFixed())).toEqual(['100', '10.25', '0', '100']);
  });

  it('flags a copy resent after a gap as a possible duplicate', () => {
    expect(ok(wire.executorFillResent)).toMatchObject({ possDup: true, msgSeqNum: 5, execId: '1' });
  });

  it("reads ordermatch's FIX 4.2 New, partial fill (ExecType 1) and fill (ExecType 2)", () => {
    expect(ok(wire.ordermatchNew)).toMatchObject({ meaning: { kind: 'ack' }, ordStatus: 'new' });
    const partial = ok(wire.ordermatchPartial);
    expect(partial.ordStatus).toBe('partiallyFilled');
    expect(partial.meaning.kind === 'fill' && [partial.meaning.lastQty.toFixed(), partial.meaning.lastPx.toFixed()]).toEqual(['60', '10.2']);
    expect(partial.leavesQty?.toFixed()).toBe('40');
    const filled = ok(wire.ordermatchFilled);
    expect(filled.ordStatus).toBe('filled');
    expect(filled.meaning.kind).toBe('fill');
  });

  it('reads a cancel and a reject with their reasons', () => {
    expect(ok(wire.ordermatchCanceled)).toMatchObject({ meaning: { kind: 'canceled', reason: 'canceled by the venue' }, ordStatus: 'canceled' });
    expect(ok(wire.ordermatchRejected)).toMatchObject({ meaning: { kind: 'rejected', reason: 'Incorrect data format for value' }, ordStatus: 'rejected' });
    expect(ok(wire.executorFill.replace('150=F', '150=C').replace('39=2', '39=C')).meaning).toEqual({ kind: 'canceled', reason: 'expired at the venue' });
  });

  it('reads a Replaced report with the new quantity and price', () => {
    const r = ok(wire.brokerReplaced);
    expect(r).toMatchObject({ clOrdId: 'O7-1', origClOrdId: 'O7', ordStatus: 'replaced' });
    expect(r.meaning.kind === 'replaced' && [r.meaning.quantity?.toFixed(), r.meaning.price?.toFixed()]).toEqual(['80', '10.75']);
  });

  it.each([
    ['A', 'pending new'],
    ['6', 'pending cancel'],
    ['E', 'pending replace'],
    ['D', 'restated'],
    ['I', 'order status'],
    ['H', 'trade cancel'],
  ])('reports ExecType %s (%s) as information only', (execType, what) => {
    expect(ok(wire.ordermatchNew.replace('150=0', `150=${execType}`)).meaning).toEqual({ kind: 'info', what });
  });

  it('takes a FIX 4.2 execution cancel or correction (ExecTransType 1, 2) as information, not a new fill', () => {
    expect(ok(wire.ordermatchPartial.replace('20=0', '20=1')).meaning).toEqual({ kind: 'info', what: 'ExecTransType 1' });
  });

  it.each([
    ['ClOrdID', wire.executorFill.replace('11=c1|', ''), 'ClOrdID (11) is missing'],
    ['ExecID', wire.executorFill.replace('17=1|', ''), 'ExecID (17) is missing'],
    ['ExecType', wire.executorFill.replace('150=F|', ''), 'ExecType (150) is missing'],
    ['CumQty', wire.executorFill.replace('14=100|', ''), 'CumQty (14) is missing'],
    ['LastPx', wire.executorFill.replace('31=10.25|', ''), 'LastPx (31) is missing'],
    ['a malformed LastQty', wire.executorFill.replace('32=100', '32=1e2'), "LastQty (32) '1e2' is not a FIX float"],
    ['a zero LastQty', wire.executorFill.replace('32=100', '32=0'), 'LastQty (32) 0 of a trade is not positive'],
    ['an unknown ExecType', wire.executorFill.replace('150=F', '150=Z'), "unknown ExecType (150) 'Z'"],
  ])('refuses a report without %s', (_what, text, reason) => {
    const r = parse(text);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toContain(reason);
  });
});
