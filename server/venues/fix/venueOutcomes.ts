import type { Decimal } from '../../../src/core/decimal.ts';
import type { VenueEvent } from '../types.ts';
import type { VenueOrder, VenueRequest } from './clOrdIdBook.ts';
import type { ExecutionReport } from './executionReport.ts';
import type { OrderCancelReject, RefusedMessage } from './rejects.ts';

/** How a cancel/replace ended; the OMS has no events for amendments yet, so they travel apart. */
export type ReplaceEvent =
  | { kind: 'replaced'; orderId: string; clOrdId: string; quantity: Decimal; price: Decimal | null }
  | { kind: 'replaceRejected'; orderId: string; reason: string };

/** What one inbound message does: events for the OMS, a replace outcome, and whether the order is now acknowledged. */
export interface Outcome {
  readonly events: VenueEvent[];
  readonly replace: ReplaceEvent | null;
  readonly acks: boolean;
}

const NOTHING: Outcome = { events: [], replace: null, acks: false };

/**
 * The events of an ExecutionReport. A venue may fill an order at once without
 * a separate New (QuickFIX's executor does): its first report that is not a
 * reject is the acknowledgement, so the OMS still sees New before the fill.
 */
export function outcomeOfReport(r: ExecutionReport, order: VenueOrder, request: VenueRequest | undefined): Outcome {
  const orderId = order.orderId;
  const ack: VenueEvent[] = order.acked ? [] : [{ kind: 'accepted', orderId }];
  const m = r.meaning;
  switch (m.kind) {
    case 'ack':
      return { events: ack, replace: null, acks: true };
    case 'fill':
      return {
        events: [...ack, { kind: 'fill', orderId, venueExecId: r.execId, quantity: m.lastQty, price: m.lastPx }],
        replace: null,
        acks: true,
      };
    case 'canceled':
      return { events: [{ kind: 'canceled', orderId, reason: m.reason }], replace: null, acks: false };
    case 'rejected':
      return { events: [{ kind: 'rejected', orderId, reason: m.reason }], replace: null, acks: false };
    case 'replaced': {
      const asked = request?.kind === 'replace' ? request : undefined;
      return {
        events: [],
        replace: {
          kind: 'replaced',
          orderId,
          clOrdId: r.clOrdId,
          quantity: m.quantity ?? asked?.quantity ?? order.quantity,
          price: m.price ?? asked?.price ?? order.limitPrice,
        },
        acks: false,
      };
    }
    case 'info':
      return NOTHING;
  }
}

export function outcomeOfCancelReject(rej: OrderCancelReject, order: VenueOrder): Outcome {
  if (rej.responseTo === 'replace') return { events: [], replace: { kind: 'replaceRejected', orderId: order.orderId, reason: rej.reason }, acks: false };
  return { events: [{ kind: 'cancelRejected', orderId: order.orderId, reason: rej.reason }], replace: null, acks: false };
}

/** A refused request ends the way its kind fails: a new order is rejected, a cancel or replace is refused. */
export function outcomeOfRefusal(refusal: RefusedMessage, request: VenueRequest): Outcome {
  const { orderId } = request;
  const reason = refusal.reason;
  switch (request.kind) {
    case 'new':
      return { events: [{ kind: 'rejected', orderId, reason }], replace: null, acks: false };
    case 'cancel':
      return { events: [{ kind: 'cancelRejected', orderId, reason }], replace: null, acks: false };
    case 'replace':
      return { events: [], replace: { kind: 'replaceRejected', orderId, reason }, acks: false };
  }
}

/** Identities of answers, so a copy resent after a sequence gap is recognised (keys of the journal's 'seen'). */
export const answerKey = {
  report: (r: Pick<ExecutionReport, 'clOrdId' | 'execId'>) => `8|${r.clOrdId}|${r.execId}`,
  cancelReject: (rej: Pick<OrderCancelReject, 'clOrdId'>) => `9|${rej.clOrdId}`,
  refusal: (request: Pick<VenueRequest, 'clOrdId'>) => `refused|${request.clOrdId}`,
};
