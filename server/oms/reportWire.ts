import { executionToWire, type Execution } from './execution.ts';
import type { ExecReportWire } from '../../src/core/protocol.ts';

/**
 * Each event's wire form, made once: the journal line and the execution
 * report sent to every connection are written from the same strings, so an
 * event's decimals are turned into text once. Held weakly: it goes when the
 * event does.
 */
const wires = new WeakMap<Execution, ExecReportWire>();

export function reportWireOf(e: Execution): ExecReportWire {
  let w = wires.get(e);
  if (w === undefined) wires.set(e, (w = executionToWire(e)));
  return w;
}
