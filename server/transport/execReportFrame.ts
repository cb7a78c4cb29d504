import { begin, chars, lit, literal, takeBuffer } from '../oms/jsonWriter.ts';
import { writeReport } from '../oms/reportWire.ts';
import type { Execution } from '../oms/execution.ts';

/**
 * An execReport frame, as the bytes ws sends: JSON.stringify of
 * `{ type: 'execReport', reqId, report: executionToWire(e) }` (reqId left out
 * when undefined), written straight into a Buffer. A report goes to the
 * connection that asked (with its reqId) and to every other connection
 * entitled to see it (without): those share one Buffer, and ws writes a
 * Buffer to the socket as it is, where a string would be encoded again for
 * each connection.
 */
const HEAD = literal('{"type":"execReport","report":');
const HEAD_REQ = literal('{"type":"execReport","reqId":"');
const REPORT_AFTER_REQ = literal('","report":');
const CLOSE = literal('}');

export function execReportFrame(e: Execution, reqId: string | undefined): Buffer {
  begin();
  if (reqId === undefined) {
    lit(HEAD);
  } else {
    lit(HEAD_REQ);
    chars(reqId);
    lit(REPORT_AFTER_REQ);
  }
  writeReport(e);
  lit(CLOSE);
  return takeBuffer();
}
