import type { EventLog, MatchEvent } from '../../../server/venues/matching/events.ts';

/** The events of one book call as plain objects. */
export function list(log: EventLog): MatchEvent[] {
  return log.toArray();
}

export function tradesOf(events: readonly MatchEvent[]): Extract<MatchEvent, { kind: 'trade' }>[] {
  return events.filter((e): e is Extract<MatchEvent, { kind: 'trade' }> => e.kind === 'trade');
}
