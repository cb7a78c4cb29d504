import { ServerMessage } from '../core/protocol.ts';
import { plainQuotesFrame } from './quotesFrame.ts';

export type FrameResult = { ok: true; msg: ServerMessage } | { ok: false; reason: string };

/** One incoming frame: JSON first, then the protocol schema; anything else is refused with a reason to log. */
export function parseServerFrame(raw: unknown): FrameResult {
  if (typeof raw !== 'string') return { ok: false, reason: 'binary frame' };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { ok: false, reason: 'frame is not JSON' };
  }
  // The hot frame first, by a check that gives zod's answer at a fraction of its cost; zod decides everything else.
  const quotes = plainQuotesFrame(data);
  if (quotes) return { ok: true, msg: quotes };
  const parsed = ServerMessage.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'message';
    return { ok: false, reason: `frame does not match the protocol (${where}: ${issue?.message ?? 'invalid'})` };
  }
  return { ok: true, msg: parsed.data };
}
