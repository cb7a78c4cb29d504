import { executionToWire, type Execution } from './execution.ts';
import type { ExecReportWire } from '../../src/core/protocol.ts';

/**
 * Each event's wire form, made once: the journal line (written first) and the
 * execution report sent to every connection (once the line is durable) are
 * written from the same strings, so an event's decimals are turned into text
 * once. Only recent events are kept — an event is journaled and announced
 * within one commit batch — so the memo does not hold a wire copy of the whole
 * day's history; an event that fell out is simply written again.
 *
 * Two generations: when the newer map is full it becomes the older one and the
 * oldest generation is dropped whole. Deleting entries one by one from the
 * front of one big Map cost more than the memo saved.
 */
const GENERATION = 8_192;
let newer = new Map<Execution, ExecReportWire>();
let older = new Map<Execution, ExecReportWire>();

export function reportWireOf(e: Execution): ExecReportWire {
  let w = newer.get(e) ?? older.get(e);
  if (w === undefined) {
    w = executionToWire(e);
    if (newer.size >= GENERATION) {
      older = newer;
      newer = new Map();
    }
    newer.set(e, w);
  }
  return w;
}
