import { describe, expect, it } from 'vitest';
import { dec } from '../../../src/core/decimal.ts';
import { newOrder } from '../../../src/core/order.ts';
import { executionToWire, type Execution } from '../../../server/oms/execution.ts';
import { execReportFrame } from '../../../server/transport/execReportFrame.ts';
import { payloadOf } from '../../../server/transport/wsTextFrame.ts';

/** Arbitrary executions are compared with JSON.stringify in test/unit/oms/wireText.property.test.ts. */
describe('execReport frame', () => {
  const order = newOrder({ symbol: 'AAPL', side: 'buy', type: 'limit', quantity: dec('100'), limitPrice: dec('191.13'), account: 'T1-MAIN', tif: 'day' }, { orderId: 'O00000007', clOrdId: 'T1-"1"', trader: 'trader1', venue: 'INTERNAL' }, 1763900000190);
  const e: Execution = { execId: 'E00000012', execType: 'pendingNew', lastQty: order.cumQty, lastPx: order.cumQty, ts: 1763900000190, order };

  it('is the UTF-8 of JSON.stringify of the whole message, with the reqId', () => {
    const frame = payloadOf(execReportFrame(e, 'o1 ✓'));
    expect(frame.toString('utf8')).toBe(JSON.stringify({ type: 'execReport', reqId: 'o1 ✓', report: executionToWire(e) }));
    expect(JSON.parse(frame.toString('utf8'))).toMatchObject({ type: 'execReport', reqId: 'o1 ✓', report: { order: { clOrdId: 'T1-"1"', limitPrice: '191.13' } } });
  });

  it('leaves reqId out when there is none', () => {
    expect(payloadOf(execReportFrame(e, undefined)).toString('utf8')).toBe(JSON.stringify({ type: 'execReport', report: executionToWire(e) }));
  });
});
