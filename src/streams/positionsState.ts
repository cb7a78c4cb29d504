import type { PositionWire } from '../core/protocol.ts';

export type PositionsState = ReadonlyMap<string, PositionWire>;

export type PositionsEvent = { kind: 'snapshot'; positions: readonly PositionWire[] } | { kind: 'update'; position: PositionWire };

export const NO_POSITIONS: PositionsState = new Map();

/** A position is one trader's holding of one symbol in one account. */
export function positionKey(p: Pick<PositionWire, 'trader' | 'account' | 'symbol'>): string {
  return `${p.trader}/${p.account}/${p.symbol}`;
}

export function reducePositions(state: PositionsState, event: PositionsEvent): PositionsState {
  if (event.kind === 'snapshot') return new Map(event.positions.map((p) => [positionKey(p), p]));
  const next = new Map(state);
  next.set(positionKey(event.position), event.position);
  return next;
}
