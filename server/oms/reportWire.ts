import { executionToWire, type Execution } from './execution.ts';
import type { ExecReportWire } from '../../src/core/protocol.ts';

/**
 * Each event's wire form, made once: the journal line (written first) and the
 * execution report sent to every connection (once the line is durable) are
 * written from the same strings, so an event's decimals are turned into text
 * once. Only recent events are kept — an event is journaled and announced
 * within one commit batch — so the memo does not hold a wire copy of the whole
 * day's history; an event that fell out is simply written again.
 */
const RECENT_EVENTS = 16_384;
const recent = new Map<Execution, ExecReportWire>();

export function reportWireOf(e: Execution): ExecReportWire {
  let w = recent.get(e);
  if (w === undefined) {
    w = executionToWire(e);
    recent.set(e, w);
    // Map iteration is insertion order: the first key is the oldest event.
    if (recent.size > RECENT_EVENTS) recent.delete(recent.keys().next().value!);
  }
  return w;
}
