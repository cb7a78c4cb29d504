import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { type Observable, filter, firstValueFrom } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dec } from '../../src/core/decimal.ts';
import { type Order, type Side, newOrder } from '../../src/core/order.ts';
import type { FixConnectionState } from '../../server/venues/fix/fixConnection.ts';
import { type FixVenue, createFixVenue } from '../../server/venues/fix/fixVenue.ts';
import { parseFixVenueConfig } from '../../server/venues/fix/fixVenueConfig.ts';
import type { VenueEvent } from '../../server/venues/types.ts';
import { type Counterparty, startCounterparty } from '../support/quickfix/counterparty.ts';

/**
 * The FIX venue against FIX engines no one here wrote: QuickFIX's C++ example
 * programs, built from Debian's libquickfix-doc sources and started here.
 * executor fills every limit order at once at its price (FIX 4.4); ordermatch
 * keeps a book per symbol and matches crossing orders, but its message cracker
 * only handles FIX 4.2, so the venue speaks FIX 4.2 to it.
 */

const log = pino({ level: process.env['FIX_TEST_LOG'] ?? 'silent' });
const dirs: string[] = [];
const venues: FixVenue[] = [];

function storeDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'fix-venue-'));
  dirs.push(d);
  return d;
}

/** Everything a stream emitted, and a way to wait for the first value (past or future) that matches. */
function record<T>(source$: Observable<T>) {
  const seen: T[] = [];
  const waiters: Array<{ match: (v: T) => boolean; resolve: (v: T) => void }> = [];
  source$.subscribe((v) => {
    seen.push(v);
    for (const w of waiters.splice(0)) {
      if (w.match(v)) w.resolve(v);
      else waiters.push(w);
    }
  });
  return {
    seen,
    waitFor(match: (v: T) => boolean): Promise<T> {
      const hit = seen.find(match);
      return hit !== undefined ? Promise.resolve(hit) : new Promise((resolve) => waiters.push({ match, resolve }));
    },
  };
}

function openVenue(cp: Counterparty, senderCompId: string, version: 'FIX.4.2' | 'FIX.4.4', dir = storeDir(), heartbeatSeconds = 30) {
  const config = parseFixVenueConfig({
    name: `${cp.program}-${senderCompId}`,
    host: cp.host,
    port: cp.port,
    version,
    senderCompId,
    targetCompId: cp.program.toUpperCase(),
    heartbeatSeconds,
    storeDir: dir,
    reconnectSeconds: 1,
  });
  const venue = createFixVenue(config, { log });
  venues.push(venue);
  return {
    venue,
    dir,
    events: record(venue.events$),
    reports: record(venue.reports$),
    replaces: record(venue.replaces$),
    wire: record(venue.wire$),
    states: record(venue.state$),
  };
}

type Opened = ReturnType<typeof openVenue>;
type LoggedOn = Extract<FixConnectionState, { status: 'loggedOn' }>;

function loggedOn(v: FixVenue): Promise<LoggedOn> {
  return firstValueFrom(v.state$.pipe(filter((s): s is LoggedOn => s.status === 'loggedOn')));
}

let orderNo = 0;
function limitOrder(side: Side, quantity: string, price: string, symbol: string): Order {
  orderNo += 1;
  const orderId = `T${process.pid}x${orderNo}`;
  return newOrder(
    { type: 'limit', symbol, side, quantity: dec(quantity), limitPrice: dec(price), account: 'ACC-7', tif: 'day' },
    { orderId, clOrdId: `c${orderNo}`, trader: 'trader1' },
    0,
  );
}

function marketOrder(side: Side, quantity: string, symbol: string): Order {
  orderNo += 1;
  return newOrder(
    { type: 'market', symbol, side, quantity: dec(quantity), account: 'ACC-7', tif: 'day' },
    { orderId: `T${process.pid}x${orderNo}`, clOrdId: `c${orderNo}`, trader: 'trader1' },
    0,
  );
}

const kindsOf = (o: Opened, orderId: string) => o.events.seen.filter((e) => e.orderId === orderId).map((e) => e.kind);
const isEvent = (orderId: string, kind: VenueEvent['kind']) => (e: VenueEvent) => e.orderId === orderId && e.kind === kind;
const lastOutgoingSeq = (o: Opened) => Math.max(...o.wire.seen.filter((m) => m.direction === 'out').map((m) => m.seqNum ?? 0));

let executor: Counterparty;
let ordermatch: Counterparty;

beforeAll(async () => {
  // The first run compiles both programs with g++ (tens of seconds); later runs reuse the cached binaries.
  [executor, ordermatch] = await Promise.all([
    startCounterparty('executor', {
      sessions: [
        { beginString: 'FIX.4.4', senderCompId: 'EXECUTOR', targetCompId: 'TERMINAL' },
        { beginString: 'FIX.4.4', senderCompId: 'EXECUTOR', targetCompId: 'TERMINAL-HB' },
      ],
    }),
    startCounterparty('ordermatch', {
      sessions: [
        { beginString: 'FIX.4.2', senderCompId: 'ORDERMATCH', targetCompId: 'TERMINAL' },
        { beginString: 'FIX.4.2', senderCompId: 'ORDERMATCH', targetCompId: 'TERMINAL2' },
        { beginString: 'FIX.4.2', senderCompId: 'ORDERMATCH', targetCompId: 'RESTARTER' },
        { beginString: 'FIX.4.4', senderCompId: 'ORDERMATCH', targetCompId: 'TERMINAL44' },
      ],
    }),
  ]);
}, 300_000);

afterAll(async () => {
  await Promise.all(venues.map((v) => v.close()));
  await Promise.all([executor?.stop(), ordermatch?.stop()]);
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}, 60_000);

describe('FIX 4.4 to QuickFIX executor', () => {
  let ex: Opened;

  beforeAll(async () => {
    ex = openVenue(executor, 'TERMINAL', 'FIX.4.4');
    await loggedOn(ex.venue);
  });

  it('logs on with a fresh store at MsgSeqNum 1, without a sequence reset', () => {
    const on = ex.states.seen.find((s): s is LoggedOn => s.status === 'loggedOn');
    expect(on).toEqual({ status: 'loggedOn', logonSeqNum: 1, peerLogonSeqNum: 1, peerResetSeqNum: false });
    expect(ex.states.seen.map((s) => s.status)).toEqual(['disconnected', 'loggingOn', 'loggedOn']);
  });

  it('sends a NewOrderSingle that comes back New and Filled with the exact quantity and price', async () => {
    const order = limitOrder('buy', '1250.5', '187.35', 'IBM');
    ex.venue.submit(order);
    const fill = await ex.events.waitFor(isEvent(order.orderId, 'fill'));

    expect(kindsOf(ex, order.orderId)).toEqual(['accepted', 'fill']);
    expect(fill).toMatchObject({ kind: 'fill', orderId: order.orderId });
    if (fill.kind !== 'fill') throw new Error('not a fill');
    expect(fill.quantity.toFixed()).toBe('1250.5');
    expect(fill.price.toFixed()).toBe('187.35');
    const { report } = await ex.reports.waitFor((r) => r.orderId === order.orderId);
    expect(report.ordStatus).toBe('filled');
    expect(report.execType).toBe('F');
    expect(report.cumQty.toFixed()).toBe('1250.5');
    expect(report.avgPx.toFixed()).toBe('187.35');
    expect(report.leavesQty?.toFixed()).toBe('0');

    const nos = ex.wire.seen.find((m) => m.direction === 'out' && m.msgType === 'D' && m.text.includes(`|11=${order.orderId}|`));
    expect(nos?.text).toContain('|38=1250.5|');
    expect(nos?.text).toContain('|44=187.35|');
    expect(nos?.text).toContain('|1=ACC-7|');
  });

  it('maps the session Reject of a market order (executor takes limit orders only) to rejected', async () => {
    const order = marketOrder('sell', '10', 'IBM');
    ex.venue.submit(order);
    const rejected = await ex.events.waitFor(isEvent(order.orderId, 'rejected'));
    expect(rejected).toMatchObject({ kind: 'rejected', orderId: order.orderId });
    if (rejected.kind !== 'rejected') throw new Error('not a reject');
    expect(rejected.reason).toMatch(/tag 40/);
    expect(ex.wire.seen.some((m) => m.direction === 'in' && m.msgType === '3')).toBe(true);
  });

  it('maps the BusinessMessageReject of an OrderCancelRequest (executor does not support cancels) to cancelRejected', async () => {
    const order = limitOrder('sell', '5', '10.5', 'MSFT');
    ex.venue.submit(order);
    await ex.events.waitFor(isEvent(order.orderId, 'fill'));
    ex.venue.cancel(order);
    const rejected = await ex.events.waitFor(isEvent(order.orderId, 'cancelRejected'));
    if (rejected.kind !== 'cancelRejected') throw new Error('not a cancel reject');
    expect(rejected.reason).toMatch(/Unsupported Message Type/i);
    expect(ex.wire.seen.some((m) => m.direction === 'in' && m.msgType === 'j')).toBe(true);
  });
});

describe('heartbeats', () => {
  it('keeps an idle session logged on by exchanging heartbeats every HeartBtInt', async () => {
    const hb = openVenue(executor, 'TERMINAL-HB', 'FIX.4.4', storeDir(), 1);
    await loggedOn(hb.venue);
    await hb.wire.waitFor((m) => m.direction === 'in' && m.msgType === '0' && (m.seqNum ?? 0) >= 3);
    await hb.wire.waitFor((m) => m.direction === 'out' && m.msgType === '0');
    expect(hb.states.seen.at(-1)?.status).toBe('loggedOn');
    expect(hb.states.seen.filter((s) => s.status === 'loggedOn')).toHaveLength(1);
    await hb.venue.close();
    expect(hb.states.seen.at(-1)).toEqual({ status: 'disconnected', reason: 'closed' });
  });
});

describe('FIX 4.2 to QuickFIX ordermatch', () => {
  let om: Opened;

  beforeAll(async () => {
    om = openVenue(ordermatch, 'TERMINAL', 'FIX.4.2');
    await loggedOn(om.venue);
  });

  it('acknowledges a resting order, fills both sides of a crossing order, and cancels the rest', async () => {
    const sell = limitOrder('sell', '100', '50.25', 'ACME');
    om.venue.submit(sell);
    await om.events.waitFor(isEvent(sell.orderId, 'accepted'));
    const rest = await om.reports.waitFor((r) => r.orderId === sell.orderId);
    expect(rest.report.ordStatus).toBe('new');
    expect(rest.report.leavesQty?.toFixed()).toBe('100');

    const buy = limitOrder('buy', '60', '50.30', 'ACME');
    om.venue.submit(buy);
    const buyFill = await om.events.waitFor(isEvent(buy.orderId, 'fill'));
    const sellFill = await om.events.waitFor(isEvent(sell.orderId, 'fill'));
    // ordermatch trades at the resting order's price.
    expect(buyFill).toMatchObject({ quantity: dec('60'), price: dec('50.25') });
    expect(sellFill).toMatchObject({ quantity: dec('60'), price: dec('50.25') });
    expect(kindsOf(om, buy.orderId)).toEqual(['accepted', 'fill']);
    const sellReport = om.reports.seen.filter((r) => r.orderId === sell.orderId).at(-1)?.report;
    expect(sellReport?.ordStatus).toBe('partiallyFilled');
    expect(sellReport?.cumQty.toFixed()).toBe('60');
    expect(sellReport?.leavesQty?.toFixed()).toBe('40');
    expect(sellReport?.avgPx.toFixed()).toBe('50.25');

    om.venue.cancel(sell);
    const canceled = await om.events.waitFor(isEvent(sell.orderId, 'canceled'));
    expect(canceled.kind).toBe('canceled');
    expect(kindsOf(om, sell.orderId)).toEqual(['accepted', 'fill', 'canceled']);
    const cancelReport = om.reports.seen.filter((r) => r.orderId === sell.orderId).at(-1)?.report;
    expect(cancelReport?.ordStatus).toBe('canceled');
    expect(cancelReport?.cumQty.toFixed()).toBe('60');
  });

  it('answers an OrderCancelReplaceRequest with a BusinessMessageReject, which ends as replaceRejected', async () => {
    const bid = limitOrder('buy', '30', '12.5', 'ZETA');
    om.venue.submit(bid);
    await om.events.waitFor(isEvent(bid.orderId, 'accepted'));
    om.venue.replace(bid, dec('20'), dec('12.75'));
    const answer = await om.replaces.waitFor((r) => r.orderId === bid.orderId);
    expect(answer).toMatchObject({ kind: 'replaceRejected', orderId: bid.orderId });
    if (answer.kind !== 'replaceRejected') throw new Error('not a replace reject');
    expect(answer.reason).toMatch(/Unsupported Message Type/i);
    const g = om.wire.seen.find((m) => m.direction === 'out' && m.msgType === 'G');
    expect(g?.text).toContain(`|41=${bid.orderId}|`);
    expect(g?.text).toContain('|38=20|');
    expect(g?.text).toContain('|44=12.75|');
  });

  it('gets no answer at all to a cancel of an order ordermatch no longer holds (it swallows the error)', async () => {
    const bid = limitOrder('buy', '10', '99', 'GONE');
    const ask = limitOrder('sell', '10', '99', 'GONE');
    om.venue.submit(bid);
    om.venue.submit(ask);
    await om.events.waitFor(isEvent(bid.orderId, 'fill'));
    om.venue.cancel(bid);
    // One session is one ordered stream: once a later order is acknowledged, any answer to the cancel has arrived.
    const later = limitOrder('buy', '1', '1', 'GONE');
    om.venue.submit(later);
    await om.events.waitFor(isEvent(later.orderId, 'accepted'));
    expect(kindsOf(om, bid.orderId)).toEqual(['accepted', 'fill']);
    expect(om.wire.seen.some((m) => m.direction === 'out' && m.msgType === 'F' && m.text.includes(`|41=${bid.orderId}|`))).toBe(true);
  });

  it('over FIX 4.4 has its NewOrderSingle refused with a BusinessMessageReject, mapped to rejected', async () => {
    const om44 = openVenue(ordermatch, 'TERMINAL44', 'FIX.4.4');
    await loggedOn(om44.venue);
    const order = limitOrder('buy', '1', '1', 'ACME');
    om44.venue.submit(order);
    const rejected = await om44.events.waitFor(isEvent(order.orderId, 'rejected'));
    if (rejected.kind !== 'rejected') throw new Error('not a reject');
    expect(rejected.reason).toMatch(/Unsupported Message Type/i);
    await om44.venue.close();
  });
});

describe('restart on the same store', () => {
  it('logs on again without a reset, continues the sequence numbers, and receives by resend a fill made while it was away', async () => {
    const dir = storeDir();
    const first = openVenue(ordermatch, 'RESTARTER', 'FIX.4.2', dir);
    await loggedOn(first.venue);
    const ask = limitOrder('sell', '25', '7.5', 'RSTR');
    first.venue.submit(ask);
    await first.events.waitFor(isEvent(ask.orderId, 'accepted'));
    const sentBefore = lastOutgoingSeq(first);
    const receivedBefore = Math.max(...first.wire.seen.filter((m) => m.direction === 'in').map((m) => m.seqNum ?? 0));
    await first.venue.close();

    // Another session takes the resting order while RESTARTER is logged out; ordermatch stores the report for it.
    const other = openVenue(ordermatch, 'TERMINAL2', 'FIX.4.2');
    await loggedOn(other.venue);
    const bid = limitOrder('buy', '25', '7.5', 'RSTR');
    other.venue.submit(bid);
    await other.events.waitFor(isEvent(bid.orderId, 'fill'));

    const second = openVenue(ordermatch, 'RESTARTER', 'FIX.4.2', dir);
    const on = await loggedOn(second.venue);
    expect(on.logonSeqNum).toBeGreaterThan(sentBefore);
    expect(on.peerResetSeqNum).toBe(false);
    expect(on.peerLogonSeqNum).toBeGreaterThan(receivedBefore + 1);
    const logon = second.wire.seen.find((m) => m.direction === 'out' && m.msgType === 'A');
    expect(logon?.text).toContain('|141=N|');

    // The gap is closed by a ResendRequest; the stored report comes again as a possible duplicate and still finds its order.
    const fill = await second.events.waitFor(isEvent(ask.orderId, 'fill'));
    expect(fill).toMatchObject({ quantity: dec('25'), price: dec('7.5') });
    expect(second.wire.seen.some((m) => m.direction === 'out' && m.msgType === '2')).toBe(true);
    const resent = second.reports.seen.find((r) => r.orderId === ask.orderId);
    expect(resent?.report.possDup).toBe(true);
    expect(resent?.report.ordStatus).toBe('filled');
    expect(kindsOf(second, ask.orderId)).toEqual(['fill']);

    const next = limitOrder('sell', '1', '8', 'RSTR');
    second.venue.submit(next);
    await second.events.waitFor(isEvent(next.orderId, 'accepted'));
    const nos = second.wire.seen.find((m) => m.direction === 'out' && m.msgType === 'D');
    expect(nos?.seqNum).toBeGreaterThan(on.logonSeqNum);
    await second.venue.close();
  });
});

describe('counterparty restart', () => {
  it('notices the lost connection, logs on again by itself when the counterparty is back, and continues the sequence numbers', async () => {
    const sessions = [{ beginString: 'FIX.4.4' as const, senderCompId: 'EXECUTOR', targetCompId: 'TERMINAL' }];
    let own = await startCounterparty('executor', { sessions });
    try {
      const v = openVenue(own, 'TERMINAL', 'FIX.4.4');
      await loggedOn(v.venue);
      const before = limitOrder('buy', '3', '20', 'IBM');
      v.venue.submit(before);
      await v.events.waitFor(isEvent(before.orderId, 'fill'));
      const sentBefore = lastOutgoingSeq(v);

      const seenBefore = v.states.seen.length;
      await own.stop({ keepFiles: true });
      const lost = await v.states.waitFor((s) => s.status === 'disconnected' && v.states.seen.indexOf(s) >= seenBefore);
      expect(lost.status === 'disconnected' && lost.reason).not.toMatch(/^(not connected yet|closed|logged out)$/);
      own = await startCounterparty('executor', { sessions, dir: own.dir, port: own.port });

      const again = await v.states.waitFor((s): s is LoggedOn => s.status === 'loggedOn' && s.logonSeqNum > 1);
      expect(again).toMatchObject({ peerResetSeqNum: false });
      if (again.status !== 'loggedOn') throw new Error('not logged on');
      expect(again.logonSeqNum).toBe(sentBefore + 1);
      const after = limitOrder('sell', '3', '21', 'IBM');
      v.venue.submit(after);
      await v.events.waitFor(isEvent(after.orderId, 'fill'));
      expect(kindsOf(v, after.orderId)).toEqual(['accepted', 'fill']);
      await v.venue.close();
    } finally {
      await own.stop();
    }
  });
});
