import { ZERO, dec, isDecimalString } from '../../src/core/decimal.ts';
import { ORDER_TYPES, SIDES, TIME_IN_FORCE, hasLimitPrice, hasStopPrice, type Order } from '../../src/core/order.ts';
import type { TicketDraft } from '../../src/core/ticket.ts';

function oneOf<T extends string>(values: readonly T[], raw: string | undefined, fallback: T): T {
  return values.find((v) => v === raw) ?? fallback;
}

function decimalOr<T>(raw: string | undefined, fallback: T) {
  const text = (raw ?? '').trim().replace(/,/g, '');
  return isDecimalString(text) ? dec(text) : fallback;
}

/**
 * A ticket that failed validation still becomes a (rejected) order, so the
 * trader sees it in the blotter and the journal keeps it. Fields the ticket
 * got wrong are shown as the nearest valid value (a side that is neither buy
 * nor sell reads "buy", an unreadable quantity 0); the text says what was wrong.
 */
export function rejectedOrder(draft: TicketDraft, ids: { orderId: string; clOrdId: string; trader: string }, now: number, text: string): Order {
  const type = oneOf(ORDER_TYPES, draft.type, 'limit');
  return {
    orderId: ids.orderId,
    clOrdId: ids.clOrdId,
    origClOrdId: null,
    trader: ids.trader,
    account: draft.account.trim(),
    symbol: draft.symbol.trim().toUpperCase(),
    side: oneOf(SIDES, draft.side, 'buy'),
    type,
    tif: oneOf(TIME_IN_FORCE, draft.tif, 'day'),
    quantity: decimalOr(draft.quantity, ZERO),
    limitPrice: hasLimitPrice(type) ? decimalOr(draft.limitPrice, null) : null,
    stopPrice: hasStopPrice(type) ? decimalOr(draft.stopPrice, null) : null,
    // An unreadable expiry is shown as none; the text says what was wrong with it.
    expireAt: null,
    locate: (draft.locate ?? '').trim().slice(0, 64) || null,
    status: 'rejected',
    cumQty: ZERO,
    leavesQty: ZERO,
    filledNotional: ZERO,
    avgPx: ZERO,
    text,
    createdAt: now,
    updatedAt: now,
  };
}
