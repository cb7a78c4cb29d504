import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { execReportFrame } from '../../../server/transport/execReportFrame.ts';

describe('execReport frame', () => {
  it('is byte for byte what JSON.stringify of the whole message gives, with or without a reqId', () => {
    const report = fc.record({ execId: fc.string(), execType: fc.constantFrom('new', 'trade'), order: fc.record({ text: fc.string({ unit: 'grapheme' }), cumQty: fc.string() }) });
    fc.assert(
      fc.property(report, fc.option(fc.string({ unit: 'grapheme', maxLength: 64 }), { nil: undefined }), (r, reqId) => {
        expect(execReportFrame(JSON.stringify(r), reqId)).toBe(JSON.stringify({ type: 'execReport', reqId, report: r }));
      }),
    );
  });
});
