import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { type Observable, Subject } from 'rxjs';
import { type Decimal, toWire } from '../../../src/core/decimal.ts';
import type { Order } from '../../../src/core/order.ts';
import type { Venue, VenueEvent } from '../types.ts';
import { appendBookEntries, loadBookJournal } from './bookJournal.ts';
import { type BookEntry, ClOrdIdBook, type VenueOrder } from './clOrdIdBook.ts';
import { type ExecutionReport, parseExecutionReport } from './executionReport.ts';
import type { ConnectFix, FixConnectionState, FixWireMessage, InboundMessage } from './fixConnection.ts';
import type { FixFields } from './fixFields.ts';
import { MsgType } from './fixTags.ts';
import type { FixVenueConfig } from './fixVenueConfig.ts';
import { connectWithJspurefix } from './jspurefixConnection.ts';
import { type FixBody, type OrderTerms, newOrderSingle, orderCancelReplaceRequest, orderCancelRequest } from './outboundMessages.ts';
import { parseOrderCancelReject, parseRefusal } from './rejects.ts';
import { type Outcome, type ReplaceEvent, answerKey, outcomeOfCancelReject, outcomeOfRefusal, outcomeOfReport } from './venueOutcomes.ts';

/** An ExecutionReport matched to its order; a copy resent after a gap comes again with duplicate set. */
export interface FixOrderReport {
  readonly orderId: string;
  readonly report: ExecutionReport;
  readonly duplicate: boolean;
}

/** A FIX 4.2/4.4 counterparty behind the Venue interface, plus what only FIX has. */
export interface FixVenue extends Venue {
  /** The Venue form: amend to `next`'s quantity and limit price. */
  replace(current: Order, next: Order): void;
  /** OrderCancelReplaceRequest: a new total quantity and, for a limit order, a new price (null keeps it). */
  replace(order: Order, quantity: Decimal, price: Decimal | null): void;
  readonly state$: Observable<FixConnectionState>;
  readonly reports$: Observable<FixOrderReport>;
  readonly replaces$: Observable<ReplaceEvent>;
  readonly wire$: Observable<FixWireMessage>;
  /** Logs out and stops; resolves when the session has ended and the streams completed. */
  close(): Promise<void>;
}

export interface FixVenueDeps {
  readonly log: Logger;
  /** The FIX engine; jspurefix unless a test supplies its own. */
  readonly connect?: ConnectFix;
  readonly now?: () => Date;
}

/** The venue's journal, beside jspurefix's files for the same session. */
export function bookJournalPath(c: Pick<FixVenueConfig, 'storeDir' | 'version' | 'senderCompId' | 'targetCompId'>): string {
  return join(c.storeDir, `${c.version}-${c.senderCompId}-${c.targetCompId}.orders.jsonl`);
}

/**
 * Sends orders to a FIX counterparty as an initiator and turns its answers into
 * VenueEvents. Every ClOrdID it sends is journaled before the message goes
 * out, and every answer before it is announced, so after a restart reports
 * still find their orders and a resent copy is not applied twice.
 */
export function createFixVenue(config: FixVenueConfig, deps: FixVenueDeps): FixVenue {
  const log = deps.log.child({ venue: config.name });
  const now = deps.now ?? (() => new Date());
  const connect = deps.connect ?? connectWithJspurefix;
  const { version } = config;

  mkdirSync(config.storeDir, { recursive: true });
  const journalPath = bookJournalPath(config);
  const book = new ClOrdIdBook();
  const loaded = loadBookJournal(journalPath);
  for (const problem of loaded.problems) log.warn({ problem }, 'FIX venue journal line skipped');
  for (const entry of loaded.entries) book.apply(entry);

  const events = new Subject<VenueEvent>();
  const reports = new Subject<FixOrderReport>();
  const replaces = new Subject<ReplaceEvent>();
  let stopping = false;

  function record(...entries: BookEntry[]): void {
    appendBookEntries(journalPath, entries);
    for (const e of entries) book.apply(e);
  }

  // Commands return at once; an answer we give ourselves arrives later, like the venue's would.
  const answerLater = (e: VenueEvent | ReplaceEvent) =>
    queueMicrotask(() => {
      if (e.kind === 'replaceRejected' || 'clOrdId' in e) announceReplace(e);
      else events.next(e);
    });

  /** A replace outcome goes to replaces$ (FIX detail) and, as a VenueEvent, to the OMS on events$. */
  function announceReplace(r: ReplaceEvent): void {
    replaces.next(r);
    events.next(r.kind === 'replaced' ? { kind: 'replaced', orderId: r.orderId, quantity: r.quantity, limitPrice: r.price, stopPrice: null } : r);
  }

  /**
   * Journals what an answer changes, with its key, then announces it: the
   * matched report first (a listener sees the venue's numbers before the
   * events they cause), then the OMS's events, then a replace outcome.
   */
  function settle(key: string, outcome: Outcome, order: VenueOrder, report?: ExecutionReport): void {
    const entries: BookEntry[] = [];
    if (outcome.acks && !order.acked) entries.push({ t: 'acked', orderId: order.orderId });
    const r = outcome.replace;
    if (r?.kind === 'replaced') {
      entries.push({ t: 'replaced', orderId: r.orderId, clOrdId: r.clOrdId, quantity: toWire(r.quantity), price: r.price === null ? null : toWire(r.price) });
    }
    entries.push({ t: 'seen', key });
    record(...entries);
    if (report) reports.next({ orderId: order.orderId, report, duplicate: false });
    for (const e of outcome.events) events.next(e);
    if (r) announceReplace(r);
  }

  function onReport(f: FixFields): void {
    const parsed = parseExecutionReport(f);
    if (!parsed.ok) {
      log.error({ reason: parsed.reason, fields: Object.fromEntries(f) }, 'unreadable ExecutionReport');
      return;
    }
    const r = parsed.value;
    const order = book.orderFor(r.clOrdId, r.origClOrdId);
    if (!order) {
      log.warn({ clOrdId: r.clOrdId, execId: r.execId }, 'ExecutionReport for an order this venue did not send');
      return;
    }
    const key = answerKey.report(r);
    if (book.hasSeen(key)) reports.next({ orderId: order.orderId, report: r, duplicate: true });
    else settle(key, outcomeOfReport(r, order, book.request(r.clOrdId)), order, r);
  }

  function onCancelReject(f: FixFields): void {
    const parsed = parseOrderCancelReject(f);
    if (!parsed.ok) {
      log.error({ reason: parsed.reason, fields: Object.fromEntries(f) }, 'unreadable OrderCancelReject');
      return;
    }
    const rej = parsed.value;
    const order = book.orderFor(rej.clOrdId, rej.origClOrdId);
    if (!order) {
      log.warn({ clOrdId: rej.clOrdId, origClOrdId: rej.origClOrdId }, 'OrderCancelReject for an order this venue did not send');
      return;
    }
    const key = answerKey.cancelReject(rej);
    if (!book.hasSeen(key)) settle(key, outcomeOfCancelReject(rej, order), order);
  }

  function onRefusal(msgType: string, f: FixFields): void {
    const parsed = parseRefusal(msgType, f);
    if (!parsed.ok) return;
    const refusal = parsed.value;
    const request =
      (refusal.refId === null ? undefined : book.request(refusal.refId)) ?? (refusal.refSeqNum === null ? undefined : book.requestAtSeq(refusal.refSeqNum));
    const order = request && book.order(request.orderId);
    if (!request || !order) {
      log.warn({ ...refusal }, 'the counterparty refused a message that was not an order request');
      return;
    }
    const key = answerKey.refusal(request);
    if (!book.hasSeen(key)) settle(key, outcomeOfRefusal(refusal, request), order);
  }

  function onInbound(m: InboundMessage): void {
    try {
      switch (m.msgType) {
        case MsgType.ExecutionReport:
          return onReport(m.fields);
        case MsgType.OrderCancelReject:
          return onCancelReject(m.fields);
        case MsgType.Reject:
        case MsgType.BusinessMessageReject:
          return onRefusal(m.msgType, m.fields);
        default:
          log.debug({ msgType: m.msgType }, 'FIX message the venue does not use');
      }
    } catch (err) {
      log.error({ err, msgType: m.msgType }, 'FIX message could not be applied');
    }
  }

  const connection = connect(
    {
      name: config.name,
      host: config.host,
      port: config.port,
      version,
      senderCompId: config.senderCompId,
      targetCompId: config.targetCompId,
      heartbeatSeconds: config.heartbeatSeconds,
      storeDir: config.storeDir,
      reconnectSeconds: config.reconnectSeconds,
    },
    log,
  );
  const inboundSub = connection.inbound$.subscribe(onInbound);

  /** Sends a request; its MsgSeqNum is journaled, or the request is refused with the reason it was not sent. */
  function send(msgType: string, body: FixBody, clOrdId: string, refused: (reason: string) => VenueEvent | ReplaceEvent): void {
    connection.send(msgType, body, (result) => {
      if (result.ok) record({ t: 'seq', clOrdId, seq: result.seqNum });
      else {
        log.warn({ clOrdId, msgType, reason: result.reason }, 'FIX request not sent');
        answerLater(refused(result.reason));
      }
    });
  }

  let closed: Promise<void> | null = null;
  function close(): Promise<void> {
    stopping = true;
    closed ??= connection.close().then(() => {
      inboundSub.unsubscribe();
      events.complete();
      reports.complete();
      replaces.complete();
    });
    return closed;
  }

  return {
    name: config.name,
    events$: events.asObservable(),
    reports$: reports.asObservable(),
    replaces$: replaces.asObservable(),
    state$: connection.state$,
    wire$: connection.wire$,

    submit(order) {
      if (stopping) return;
      if (book.order(order.orderId)) {
        // A restart hands working orders back; this one is already at the counterparty, so it is not sent twice.
        log.info({ orderId: order.orderId }, 'order already sent to the venue; its reports will follow');
        return;
      }
      const clOrdId = book.nextClOrdId(order.orderId);
      const terms: OrderTerms = {
        symbol: order.symbol,
        side: order.side,
        account: order.account,
        type: order.type,
        tif: order.tif,
        quantity: order.leavesQty,
        limitPrice: order.limitPrice,
        stopPrice: order.stopPrice,
        expireAt: order.expireAt,
      };
      record({
        t: 'order',
        orderId: order.orderId,
        clOrdId,
        symbol: terms.symbol,
        side: terms.side,
        account: terms.account,
        type: terms.type,
        tif: terms.tif,
        quantity: toWire(terms.quantity),
        price: terms.limitPrice === null ? null : toWire(terms.limitPrice),
      });
      send(MsgType.NewOrderSingle, newOrderSingle(version, clOrdId, terms, now()), clOrdId, (reason) => ({ kind: 'rejected', orderId: order.orderId, reason }));
    },

    cancel(order) {
      if (stopping) return;
      const at = book.order(order.orderId);
      if (!at) {
        answerLater({ kind: 'cancelRejected', orderId: order.orderId, reason: `order ${order.orderId} was never sent to ${config.name}` });
        return;
      }
      const clOrdId = book.nextClOrdId(at.orderId);
      record({ t: 'cancel', orderId: at.orderId, clOrdId, origClOrdId: at.workingClOrdId });
      send(MsgType.OrderCancelRequest, orderCancelRequest(version, clOrdId, at.workingClOrdId, at, now()), clOrdId, (reason) => ({
        kind: 'cancelRejected',
        orderId: at.orderId,
        reason,
      }));
    },

    replace(order: Order, nextOrQuantity: Order | Decimal, newPrice?: Decimal | null) {
      if (stopping) return;
      const amended = 'orderId' in nextOrQuantity;
      const quantity = amended ? nextOrQuantity.quantity : nextOrQuantity;
      const price = amended ? nextOrQuantity.limitPrice : (newPrice ?? null);
      const at = book.order(order.orderId);
      if (!at) {
        answerLater({ kind: 'replaceRejected', orderId: order.orderId, reason: `order ${order.orderId} was never sent to ${config.name}` });
        return;
      }
      const limitPrice = at.type === 'limit' ? (price ?? at.limitPrice) : null;
      const clOrdId = book.nextClOrdId(at.orderId);
      record({
        t: 'replace',
        orderId: at.orderId,
        clOrdId,
        origClOrdId: at.workingClOrdId,
        quantity: toWire(quantity),
        price: limitPrice === null ? null : toWire(limitPrice),
      });
      const body = orderCancelReplaceRequest(version, clOrdId, at.workingClOrdId, { ...at, quantity, limitPrice }, now());
      send(MsgType.OrderCancelReplaceRequest, body, clOrdId, (reason) => ({ kind: 'replaceRejected', orderId: at.orderId, reason }));
    },

    stop() {
      void close();
    },

    close,
  };
}
