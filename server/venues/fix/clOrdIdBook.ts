import { type Decimal, dec } from '../../../src/core/decimal.ts';
import type { OrderType, Side, TimeInForce } from '../../../src/core/order.ts';
import type { OrderTerms } from './outboundMessages.ts';

/**
 * One fact the venue keeps about the orders it sent. The book is rebuilt on
 * start by applying them in order, so a report that arrives after a restart
 * still finds its order. Decimals are strings, as in every file we write.
 */
export type BookEntry =
  | {
      t: 'order';
      orderId: string;
      clOrdId: string;
      symbol: string;
      side: Side;
      account: string;
      type: OrderType;
      tif: TimeInForce;
      quantity: string;
      price: string | null;
    }
  | { t: 'cancel'; orderId: string; clOrdId: string; origClOrdId: string }
  | { t: 'replace'; orderId: string; clOrdId: string; origClOrdId: string; quantity: string; price: string | null }
  /** The MsgSeqNum a request went out under: session and business rejects name a message only by it. */
  | { t: 'seq'; clOrdId: string; seq: number }
  | { t: 'acked'; orderId: string }
  | { t: 'replaced'; orderId: string; clOrdId: string; quantity: string; price: string | null }
  /** An answer already applied (an ExecID, a reject of a request): a resent copy must not apply twice. */
  | { t: 'seen'; key: string };

export type RequestKind = 'new' | 'cancel' | 'replace';

export interface VenueRequest {
  readonly kind: RequestKind;
  readonly orderId: string;
  readonly clOrdId: string;
  readonly origClOrdId: string | null;
  /** Asked-for terms of a replace. */
  readonly quantity: Decimal | null;
  readonly price: Decimal | null;
}

/** An order as the venue last accepted it. */
export interface VenueOrder extends OrderTerms {
  readonly orderId: string;
  /** The ClOrdID the venue knows the order by now: the NewOrderSingle's, then each accepted replace's. */
  readonly workingClOrdId: string;
  readonly requestCount: number;
  readonly acked: boolean;
}

/** The ClOrdID ↔ orderId mapping of one FIX session, cancel/replace chains included. */
export class ClOrdIdBook {
  private readonly orders = new Map<string, VenueOrder>();
  private readonly requests = new Map<string, VenueRequest>();
  private readonly bySeq = new Map<number, string>();
  private readonly seenKeys = new Set<string>();

  apply(e: BookEntry): void {
    switch (e.t) {
      case 'order': {
        const price = e.price === null ? null : dec(e.price);
        this.orders.set(e.orderId, {
          orderId: e.orderId,
          symbol: e.symbol,
          side: e.side,
          account: e.account,
          type: e.type,
          tif: e.tif,
          quantity: dec(e.quantity),
          limitPrice: price,
          workingClOrdId: e.clOrdId,
          requestCount: 1,
          acked: false,
        });
        this.requests.set(e.clOrdId, { kind: 'new', orderId: e.orderId, clOrdId: e.clOrdId, origClOrdId: null, quantity: null, price: null });
        return;
      }
      case 'cancel':
      case 'replace': {
        this.update(e.orderId, (o) => ({ ...o, requestCount: o.requestCount + 1 }));
        const replace = e.t === 'replace';
        this.requests.set(e.clOrdId, {
          kind: e.t,
          orderId: e.orderId,
          clOrdId: e.clOrdId,
          origClOrdId: e.origClOrdId,
          quantity: replace ? dec(e.quantity) : null,
          price: replace && e.price !== null ? dec(e.price) : null,
        });
        return;
      }
      case 'seq':
        this.bySeq.set(e.seq, e.clOrdId);
        return;
      case 'acked':
        this.update(e.orderId, (o) => ({ ...o, acked: true }));
        return;
      case 'replaced':
        this.update(e.orderId, (o) => ({
          ...o,
          workingClOrdId: e.clOrdId,
          quantity: dec(e.quantity),
          limitPrice: e.price === null ? o.limitPrice : dec(e.price),
        }));
        return;
      case 'seen':
        this.seenKeys.add(e.key);
        return;
    }
  }

  private update(orderId: string, f: (o: VenueOrder) => VenueOrder): void {
    const o = this.orders.get(orderId);
    if (o) this.orders.set(orderId, f(o));
  }

  order(orderId: string): VenueOrder | undefined {
    return this.orders.get(orderId);
  }

  request(clOrdId: string): VenueRequest | undefined {
    return this.requests.get(clOrdId);
  }

  requestAtSeq(seq: number): VenueRequest | undefined {
    const clOrdId = this.bySeq.get(seq);
    return clOrdId === undefined ? undefined : this.requests.get(clOrdId);
  }

  /**
   * The order a report is about. Any ClOrdID of the chain names it: venues
   * answer a cancel under the cancel's ClOrdID, or (QuickFIX's ordermatch)
   * under the order's original one; OrigClOrdID is the last resort.
   */
  orderFor(clOrdId: string, origClOrdId: string | null = null): VenueOrder | undefined {
    const r = this.requests.get(clOrdId) ?? (origClOrdId === null ? undefined : this.requests.get(origClOrdId));
    return r === undefined ? undefined : this.orders.get(r.orderId);
  }

  /** The next ClOrdID for a request on this order: the orderId itself, then orderId-1, orderId-2 … */
  nextClOrdId(orderId: string): string {
    const n = this.orders.get(orderId)?.requestCount ?? 0;
    return n === 0 ? orderId : `${orderId}-${n}`;
  }

  hasSeen(key: string): boolean {
    return this.seenKeys.has(key);
  }
}
