import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { Subject } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { dec } from '../../../src/core/decimal.ts';
import type { Order } from '../../../src/core/order.ts';
import { createCatalog, createMarketData, loadInstruments } from '../../../server/marketdata/index.ts';
import { createCommitQueue } from '../../../server/oms/commitQueue.ts';
import { createJournal } from '../../../server/oms/journal.ts';
import { createOrderManager } from '../../../server/oms/orderManager.ts';
import { createRouter } from '../../../server/oms/router.ts';
import { type Db, openDatabase } from '../../../server/storage/database.ts';
import { type MatchingMarket, createMatchingVenue } from '../../../server/venues/matching/matchingVenue.ts';
import type { Venue, VenueEvent } from '../../../server/venues/types.ts';
import { trader1 } from './fixtures.ts';

// An in-process venue (the internal matching engine) takes an order before the journal's sync, so its
// answer rides the same durable batch as the PendingNew: one sync for PendingNew, New and any fill. Nothing
// of it is seen outside before that sync: neither the reports nor the venue's trade print in the market
// data. A venue of another firm still hears of an order only once it is durable.

const catalog = loadInstruments();
const SYM = 'GS';
const subset = createCatalog([SYM].map((s) => catalog.get(s)!));
// A Monday 10:00 in New York: the US equity session is open.
const START = Date.UTC(2025, 10, 24, 15, 0, 0);

const dirs: string[] = [];
const dbs: Db[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) if (db.open) db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** What happened, in order: reports as the OMS announces them, syncs as they end, prints as the market data gets them. */
function setup(makeVenue: (md: MatchingMarket, schedulePublish: (fn: () => void) => void) => Venue) {
  const dir = mkdtempSync(join(tmpdir(), 'oms-inproc-'));
  dirs.push(dir);
  const db = openDatabase(dir);
  dbs.push(db);
  const now = START;
  const md = createMarketData({ seed: 3, catalog: subset, tickIntervalMs: 250, clock: () => now });
  const timeline: string[] = [];
  let syncs = 0;
  const journal = createJournal(db);
  const commits = createCommitQueue(
    {
      batch: (writes) => journal.batch(writes),
      sync: (done) =>
        journal.sync((err) => {
          syncs += 1;
          timeline.push(`sync ${syncs}`);
          done(err);
        }),
      syncNow: () => journal.syncNow(),
    },
    { mode: 'group', onCommitFailed: (err) => timeline.push(`commit failed: ${String(err)}`) },
  );
  const market: MatchingMarket = {
    instruments: md.instruments,
    quotes$: md.quotes$,
    latest: (s) => md.latest(s),
    depth: (s, l) => md.depth(s, l),
    simulatedDepth: (s, l) => md.simulatedDepth(s, l),
    applyVenueBook: (s, b) => md.applyVenueBook(s, b),
    applyVenueTrade: (s, p) => {
      timeline.push(`print ${p.size.toFixed()} @ ${p.price.toFixed()}`);
      return md.applyVenueTrade(s, p);
    },
  };
  const venue = makeVenue(market, (fn) => commits.afterPending(fn));
  const oms = createOrderManager({
    commits,
    journal,
    router: createRouter(venue),
    instruments: subset,
    touch: (s) => {
      const q = md.latest(s);
      return q && { bid: dec(q.bid), ask: dec(q.ask) };
    },
    now: () => now,
    log: pino({ level: 'silent' }),
  });
  oms.updates$.subscribe((u) => {
    if (u.kind === 'execReport') timeline.push(`${u.execution.execType}/${u.execution.order.status}`);
  });
  const lot = subset.get(SYM)!.lotSize;
  let n = 0;
  const place = (side: 'buy' | 'sell', limitPrice: string, lots: number) =>
    oms.placeOrder(trader1, { clOrdId: `C${++n}`, order: { symbol: SYM, side, type: 'limit', tif: 'day', quantity: lot.times(lots).toFixed(), limitPrice, account: 'T1-MAIN' } }, undefined);
  const until = async (cond: () => boolean) => {
    while (!cond()) await new Promise((r) => setTimeout(r, 1));
  };
  return { md, timeline, place, until, syncs: () => syncs, stop: () => commits.stop() };
}

describe('an order to the in-process venue', { timeout: 30_000 }, () => {
  it('is taken before the sync: PendingNew and New go out together after one sync', async () => {
    const t = setup((md, schedulePublish) => createMatchingVenue(md, { now: () => START, schedulePublish }));
    const q = t.md.latest(SYM)!;
    // Far under the bid: it rests.
    const placed = t.place('buy', dec(q.bid).times('0.9').toDecimalPlaces(2).toFixed(), 1);
    expect(placed).toBeDefined();
    expect(t.timeline).toEqual([]);
    await t.until(() => t.timeline.includes('new/new'));
    expect(t.timeline).toEqual(['sync 1', 'pendingNew/pendingNew', 'new/new']);
    t.stop();
  });

  it('that trades at once: PendingNew, New and the fill share one sync, and the trade is printed only after it', async () => {
    const t = setup((md, schedulePublish) => createMatchingVenue(md, { now: () => START, schedulePublish }));
    const q = t.md.latest(SYM)!;
    // Over the ask: it takes the maker's offer.
    t.place('buy', dec(q.ask).times('1.01').toDecimalPlaces(2).toFixed(), 1);
    await t.until(() => t.timeline.some((x) => x.startsWith('print')));
    const firstPrint = t.timeline.findIndex((x) => x.startsWith('print'));
    const fill = t.timeline.indexOf('trade/filled');
    expect(t.timeline.slice(0, 4)).toEqual(['sync 1', 'pendingNew/pendingNew', 'new/new', 'trade/filled']);
    expect(fill).toBeGreaterThan(0);
    expect(firstPrint).toBeGreaterThan(fill);
    t.stop();
  });
});

describe('an order to a venue of another firm', { timeout: 30_000 }, () => {
  it('is sent only once its PendingNew is durable, and its New waits for a sync of its own', async () => {
    const events = new Subject<VenueEvent>();
    const sent: string[] = [];
    let timelineRef: string[] = [];
    const t = setup(() => ({
      name: 'FIXLIKE',
      events$: events,
      submit: (o: Order) => {
        sent.push(o.orderId);
        timelineRef.push(`sent ${o.status}`);
        events.next({ kind: 'accepted', orderId: o.orderId });
      },
      cancel: () => {},
      replace: () => {},
      stop: () => events.complete(),
    }));
    timelineRef = t.timeline;
    const q = t.md.latest(SYM)!;
    t.place('buy', dec(q.bid).times('0.9').toDecimalPlaces(2).toFixed(), 1);
    expect(sent).toEqual([]);
    await t.until(() => t.timeline.includes('new/new'));
    expect(t.timeline).toEqual(['sync 1', 'pendingNew/pendingNew', 'sent pendingNew', 'sync 2', 'new/new']);
    t.stop();
  });
});
