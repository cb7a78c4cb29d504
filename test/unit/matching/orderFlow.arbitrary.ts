import fc from 'fast-check';
import type { BookCommand } from '../../../server/venues/matching/commands.ts';
import type { BookTif } from '../../../server/venues/matching/orderNode.ts';
import type { Side } from '../../../src/core/order.ts';

/** A command, or the end of the session (expire DAY orders). */
export type FlowStep = BookCommand | { kind: 'endOfDay' };

/**
 * Random order flows over a narrow price band (so orders cross often), few
 * owners (so self-trade prevention fires), and ids that sometimes repeat or
 * aim at orders already gone (so duplicates and unknown targets happen).
 */
const side = fc.constantFrom<Side>('buy', 'sell');
const price = fc.integer({ min: 95, max: 105 });
const lots = fc.integer({ min: 1, max: 8 });
const owner = fc.integer({ min: 1, max: 3 });
const tif = fc.constantFrom<BookTif>('gtc', 'gtc', 'day', 'ioc', 'fok');
const MAX_STEPS = 120;
/** -1: the step's own index (a fresh id); otherwise an id that may belong to a live order. */
const newId = fc.oneof({ weight: 9, arbitrary: fc.constant(-1) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: MAX_STEPS }) });
const target = fc.integer({ min: 0, max: MAX_STEPS });

const step: fc.Arbitrary<FlowStep> = fc.oneof(
  { weight: 10, arbitrary: fc.record({ kind: fc.constant('limit' as const), id: newId, owner, side, price, lots, tif }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('market' as const), id: newId, owner, side, lots }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('stop' as const), id: newId, owner, side, stopPrice: price, lots }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('stopLimit' as const), id: newId, owner, side, stopPrice: price, price, lots, tif }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('cancel' as const), id: target }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('amend' as const), id: target, price, lots: fc.integer({ min: 1, max: 12 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'endOfDay' as const }) },
);

export const orderFlow: fc.Arbitrary<FlowStep[]> = fc
  .array(step, { minLength: 1, maxLength: MAX_STEPS })
  .map((steps) => steps.map((s, i) => (s.kind === 'cancel' || s.kind === 'amend' || s.kind === 'endOfDay' || s.id >= 0 ? s : { ...s, id: i })));
