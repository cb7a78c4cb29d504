import { begin, chars, lit, literal } from '../oms/jsonWriter.ts';
import { writeReport } from '../oms/reportWire.ts';
import type { Execution } from '../oms/execution.ts';
import { type WsTextFrame, beginTextFrame, takeTextFrame } from './wsTextFrame.ts';

/**
 * An execReport message as the WebSocket text frame that carries it: the
 * payload is JSON.stringify of `{ type: 'execReport', reqId, report:
 * executionToWire(e) }` (reqId left out when undefined), written straight
 * into a Buffer behind its frame header. A report goes to the connection that
 * asked (with its reqId) and to every other connection entitled to see it
 * (without): those share one frame.
 */
const HEAD = literal('{"type":"execReport","report":');
const HEAD_REQ = literal('{"type":"execReport","reqId":"');
const REPORT_AFTER_REQ = literal('","report":');
const CLOSE = literal('}');

export function execReportFrame(e: Execution, reqId: string | undefined): WsTextFrame {
  begin();
  beginTextFrame();
  if (reqId === undefined) {
    lit(HEAD);
  } else {
    lit(HEAD_REQ);
    chars(reqId);
    lit(REPORT_AFTER_REQ);
  }
  writeReport(e);
  lit(CLOSE);
  return takeTextFrame();
}
