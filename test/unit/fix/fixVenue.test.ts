import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { dec } from '../../../src/core/decimal.ts';
import { type Order, newOrder } from '../../../src/core/order.ts';
import { bookJournalPath, createFixVenue } from '../../../server/venues/fix/fixVenue.ts';
import { parseFixVenueConfig } from '../../../server/venues/fix/fixVenueConfig.ts';
import type { VenueEvent } from '../../../server/venues/types.ts';
import { fakeConnection } from './fakeConnection.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function configIn(dir: string) {
  return parseFixVenueConfig({ name: 'BROKER', host: '127.0.0.1', port: 9876, senderCompId: 'T', targetCompId: 'BROKER', storeDir: dir });
}

const at = new Date('2026-11-23T10:00:00.000Z');

function open(dir = mkdtempSync(join(tmpdir(), 'fix-venue-unit-'))) {
  dirs.push(dir);
  const fake = fakeConnection();
  const venue = createFixVenue(configIn(dir), { log: pino({ level: 'silent' }), connect: fake.connect, now: () => at });
  const timeline: string[] = [];
  const events: VenueEvent[] = [];
  venue.events$.subscribe((e) => {
    events.push(e);
    timeline.push(`event ${e.kind} ${e.orderId}`);
  });
  const reports: Array<{ orderId: string; execId: string; duplicate: boolean }> = [];
  venue.reports$.subscribe((r) => {
    reports.push({ orderId: r.orderId, execId: r.report.execId, duplicate: r.duplicate });
    timeline.push(`report ${r.report.execId}${r.duplicate ? ' duplicate' : ''}`);
  });
  const replaces: unknown[] = [];
  venue.replaces$.subscribe((r) => replaces.push(r));
  return { dir, fake, venue, events, reports, replaces, timeline };
}

const order = (orderId: string, quantity = '100', price: string | null = '10.5'): Order =>
  newOrder(
    price === null
      ? { type: 'market', symbol: 'IBM', side: 'buy', quantity: dec(quantity), account: 'ACC-7', tif: 'day' }
      : { type: 'limit', symbol: 'IBM', side: 'buy', quantity: dec(quantity), limitPrice: dec(price), account: 'ACC-7', tif: 'day' },
    { orderId, clOrdId: 'trader-c1', trader: 'trader1' },
    0,
  );

/** An ExecutionReport as a FIX 4.4 counterparty would send it. */
function er(f: { clOrdId: string; execId: string; execType: string; ordStatus: string; lastQty?: string; lastPx?: string; cumQty: string; avgPx: string; seq: number; possDup?: boolean; orig?: string; qty?: string; price?: string }): string {
  const parts = [
    '8=FIX.4.4',
    '35=8',
    `34=${f.seq}`,
    ...(f.possDup ? ['43=Y'] : []),
    `6=${f.avgPx}`,
    `11=${f.clOrdId}`,
    `14=${f.cumQty}`,
    `17=${f.execId}`,
    ...(f.lastPx ? [`31=${f.lastPx}`] : []),
    ...(f.lastQty ? [`32=${f.lastQty}`] : []),
    '37=V1',
    ...(f.qty ? [`38=${f.qty}`] : []),
    `39=${f.ordStatus}`,
    ...(f.orig ? [`41=${f.orig}`] : []),
    ...(f.price ? [`44=${f.price}`] : []),
    '54=1',
    '55=IBM',
    `150=${f.execType}`,
  ];
  return `${parts.join('|')}|`;
}

const settle = () => new Promise<void>((r) => setTimeout(r, 0));

describe('createFixVenue with a hand-driven session', () => {
  it('sends a NewOrderSingle under the order id and journals it with its MsgSeqNum before anything comes back', () => {
    const { fake, venue, dir } = open();
    venue.submit(order('O1', '250', '187.35'));
    expect(fake.sent).toEqual([
      {
        msgType: 'D',
        seqNum: 2,
        body: expect.objectContaining({ ClOrdID: 'O1', Price: '187.35', OrderQtyData: { OrderQty: '250' }, Instrument: { Symbol: 'IBM' }, TransactTime: at }),
      },
    ]);
    const journal = readFileSync(bookJournalPath(configIn(dir)), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(journal).toEqual([
      expect.objectContaining({ t: 'order', orderId: 'O1', clOrdId: 'O1', quantity: '250', price: '187.35' }),
      { t: 'seq', clOrdId: 'O1', seq: 2 },
    ]);
  });

  it('announces a fill as the report, then accepted and the fill, and ignores the copy resent after a gap', () => {
    const { fake, venue, events, timeline } = open();
    venue.submit(order('O1'));
    const fill = { clOrdId: 'O1', execId: 'E1', execType: 'F', ordStatus: '2', lastQty: '100', lastPx: '10.25', cumQty: '100', avgPx: '10.25', seq: 2 };
    fake.receive(er(fill));
    fake.receive(er({ ...fill, seq: 3, possDup: true }));
    expect(timeline).toEqual(['report E1', 'event accepted O1', 'event fill O1', 'report E1 duplicate']);
    expect(events[1]).toEqual({ kind: 'fill', orderId: 'O1', venueExecId: 'E1', quantity: dec('100'), price: dec('10.25') });
  });

  it('after a restart on the same store does not send a working order again, and still maps and de-duplicates its reports', () => {
    const first = open();
    first.venue.submit(order('O1'));
    first.fake.receive(er({ clOrdId: 'O1', execId: 'E1', execType: '0', ordStatus: '0', cumQty: '0', avgPx: '0', seq: 2 }));
    first.fake.receive(er({ clOrdId: 'O1', execId: 'E2', execType: 'F', ordStatus: '1', lastQty: '40', lastPx: '10.5', cumQty: '40', avgPx: '10.5', seq: 3 }));

    const second = open(first.dir);
    second.venue.submit(order('O1'));
    expect(second.fake.sent).toEqual([]);
    second.fake.receive(er({ clOrdId: 'O1', execId: 'E2', execType: 'F', ordStatus: '1', lastQty: '40', lastPx: '10.5', cumQty: '40', avgPx: '10.5', seq: 3, possDup: true }));
    second.fake.receive(er({ clOrdId: 'O1', execId: 'E3', execType: 'F', ordStatus: '2', lastQty: '60', lastPx: '10.5', cumQty: '100', avgPx: '10.5', seq: 4 }));
    // Acknowledged before the restart: no second accepted; the resent fill is not applied twice.
    expect(second.events).toEqual([{ kind: 'fill', orderId: 'O1', venueExecId: 'E3', quantity: dec('60'), price: dec('10.5') }]);
    expect(second.reports.map((r) => `${r.execId}${r.duplicate ? ' duplicate' : ''}`)).toEqual(['E2 duplicate', 'E3']);
  });

  it('cancels under a new ClOrdID naming the working one, and takes the answer under either', () => {
    const { fake, venue, events } = open();
    const o = order('O1');
    venue.submit(o);
    venue.cancel(o);
    expect(fake.sent[1]).toMatchObject({ msgType: 'F', body: { ClOrdID: 'O1-1', OrigClOrdID: 'O1', OrderQtyData: { OrderQty: '100' } } });
    fake.receive(er({ clOrdId: 'O1-1', orig: 'O1', execId: 'E9', execType: '4', ordStatus: '4', cumQty: '0', avgPx: '0', seq: 2 }));
    expect(events).toEqual([{ kind: 'canceled', orderId: 'O1', reason: 'canceled by the venue' }]);
  });

  it('maps an OrderCancelReject to cancelRejected, once', () => {
    const { fake, venue, events } = open();
    const o = order('O1');
    venue.submit(o);
    venue.cancel(o);
    const reject = '8=FIX.4.4|35=9|34=2|11=O1-1|37=NONE|39=8|41=O1|58=no such order|102=1|434=1|';
    fake.receive(reject);
    fake.receive(reject.replace('34=2', '34=3|43=Y'));
    expect(events).toEqual([{ kind: 'cancelRejected', orderId: 'O1', reason: 'no such order (unknown order)' }]);
  });

  it('finds the request a session Reject or a BusinessMessageReject refuses by its MsgSeqNum', () => {
    const { fake, venue, events, replaces } = open();
    const market = order('O1', '10', null);
    const limit = order('O2');
    venue.submit(market); // seq 2
    venue.submit(limit); // seq 3
    venue.replace(limit, dec('50'), null); // seq 4
    fake.receive('8=FIX.4.4|35=3|34=2|45=2|58=Value is incorrect (out of range) for this tag|371=40|372=D|373=5|');
    fake.receive('8=FIX.4.4|35=j|34=3|45=4|58=Unsupported Message Type|372=G|380=3|');
    fake.receive('8=FIX.4.4|35=j|34=4|45=99|58=Unsupported Message Type|372=x|380=3|');
    // A replace outcome also reaches the OMS on events$ (the Venue contract).
    expect(events).toEqual([
      { kind: 'rejected', orderId: 'O1', reason: 'Value is incorrect (out of range) for this tag, tag 40' },
      { kind: 'replaceRejected', orderId: 'O2', reason: 'Unsupported Message Type' },
    ]);
    expect(replaces).toEqual([{ kind: 'replaceRejected', orderId: 'O2', reason: 'Unsupported Message Type' }]);
  });

  it('replaces, and sends the next request against the replacing ClOrdID and quantity', () => {
    const { fake, venue, replaces, events } = open();
    const o = order('O1');
    venue.submit(o);
    venue.replace(o, dec('80'), dec('10.75'));
    expect(fake.sent[1]).toMatchObject({ msgType: 'G', body: { ClOrdID: 'O1-1', OrigClOrdID: 'O1', OrderQtyData: { OrderQty: '80' }, Price: '10.75' } });
    fake.receive(er({ clOrdId: 'O1-1', orig: 'O1', execId: 'E4', execType: '5', ordStatus: '0', cumQty: '0', avgPx: '0', qty: '80', price: '10.75', seq: 2 }));
    expect(replaces).toEqual([{ kind: 'replaced', orderId: 'O1', clOrdId: 'O1-1', quantity: dec('80'), price: dec('10.75') }]);
    expect(events.at(-1)).toEqual({ kind: 'replaced', orderId: 'O1', quantity: dec('80'), limitPrice: dec('10.75'), stopPrice: null });
    venue.cancel(o);
    expect(fake.sent[2]).toMatchObject({ msgType: 'F', body: { ClOrdID: 'O1-2', OrigClOrdID: 'O1-1', OrderQtyData: { OrderQty: '80' } } });
  });

  it('refuses, after returning, what it cannot send: when logged out, or an order it never sent', async () => {
    const { fake, venue, events, replaces } = open();
    fake.setState({ status: 'disconnected', reason: 'connection refused' });
    const o = order('O1');
    venue.submit(o);
    venue.cancel(order('O2'));
    venue.replace(order('O3'), dec('1'), null);
    expect(events).toEqual([]);
    await settle();
    expect(fake.sent).toEqual([]);
    expect(events).toEqual([
      { kind: 'rejected', orderId: 'O1', reason: 'not logged on (disconnected)' },
      { kind: 'cancelRejected', orderId: 'O2', reason: 'order O2 was never sent to BROKER' },
      { kind: 'replaceRejected', orderId: 'O3', reason: 'order O3 was never sent to BROKER' },
    ]);
    expect(replaces).toEqual([{ kind: 'replaceRejected', orderId: 'O3', reason: 'order O3 was never sent to BROKER' }]);
  });

  it('drops an unreadable report and a report for an order it did not send, and goes on', () => {
    const { fake, venue, events } = open();
    venue.submit(order('O1'));
    fake.receive('8=FIX.4.4|35=8|34=2|11=O1|17=E1|150=F|39=2|14=x|6=1|');
    fake.receive(er({ clOrdId: 'ELSEWHERE', execId: 'E1', execType: '0', ordStatus: '0', cumQty: '0', avgPx: '0', seq: 3 }));
    fake.receive(er({ clOrdId: 'O1', execId: 'E2', execType: '0', ordStatus: '0', cumQty: '0', avgPx: '0', seq: 4 }));
    expect(events).toEqual([{ kind: 'accepted', orderId: 'O1' }]);
  });

  it('closes the session and completes its streams; later commands are ignored', async () => {
    const { fake, venue } = open();
    let completed = false;
    venue.events$.subscribe({ complete: () => (completed = true) });
    await venue.close();
    expect(fake.isClosed()).toBe(true);
    expect(completed).toBe(true);
    venue.submit(order('O1'));
    expect(fake.sent).toEqual([]);
  });
});
