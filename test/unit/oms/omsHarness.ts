import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { Subject } from 'rxjs';
import { afterEach } from 'vitest';
import { dec } from '../../../src/core/decimal.ts';
import type { Instrument } from '../../../src/core/instrument.ts';
import type { Order } from '../../../src/core/order.ts';
import { createJournal } from '../../../server/oms/journal.ts';
import { type OmsUpdate, type OrderManagerDeps, createOrderManager } from '../../../server/oms/orderManager.ts';
import { createRouter } from '../../../server/oms/router.ts';
import { type Db, openDatabase } from '../../../server/storage/database.ts';
import type { Venue, VenueEvent } from '../../../server/venues/types.ts';
import { AAPL, catalog } from './fixtures.ts';

/** A venue the test drives by hand: it records the commands and emits what the test says, synchronously. */
export interface FakeVenue extends Venue {
  readonly calls: string[];
  emit(e: VenueEvent): void;
}

export function fakeVenue(): FakeVenue {
  const events = new Subject<VenueEvent>();
  const calls: string[] = [];
  return {
    name: 'FAKE',
    calls,
    events$: events,
    submit: (o: Order) => void calls.push(`submit ${o.orderId} ${o.status}`),
    cancel: (o: Order) => void calls.push(`cancel ${o.orderId}`),
    replace: (o: Order, next: Order) =>
      void calls.push(`replace ${o.orderId} ${o.clOrdId}→${next.clOrdId} qty ${next.quantity.toFixed()} px ${next.limitPrice?.toFixed() ?? '-'}`),
    emit: (e) => events.next(e),
    stop: () => events.complete(),
  };
}

const dirs: string[] = [];
const dbs: Db[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) if (db.open) db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export interface HarnessOptions {
  dir?: string;
  instruments?: Instrument[];
  /** Epoch ms the clock starts at; it moves 1 ms per reading unless set. */
  start?: number;
  deps?: Partial<OrderManagerDeps>;
}

/** An OMS on a real SQLite journal in a temp dir, a fake venue, and a clock the test sets. */
export function omsHarness(opts: HarnessOptions = {}) {
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'oms-'));
  if (!dirs.includes(dir)) dirs.push(dir);
  const db = openDatabase(dir);
  dbs.push(db);
  const venue = fakeVenue();
  const clock = { now: opts.start ?? 1_000 };
  const oms = createOrderManager({
    journal: createJournal(db),
    router: createRouter(venue),
    instruments: catalog(...(opts.instruments ?? [AAPL])),
    touch: () => ({ bid: dec('199.99'), ask: dec('200.01') }),
    now: () => ++clock.now,
    log: pino({ level: 'silent' }),
    ...opts.deps,
  });
  const updates: OmsUpdate[] = [];
  oms.updates$.subscribe((u) => updates.push(u));
  /** The updates as short strings: `execType/status` for a report, `cancelReject(responseTo): reason`, `orderWarning`. */
  const reports = () =>
    updates.map((u) =>
      u.kind === 'execReport'
        ? `${u.execution.execType}/${u.execution.order.status}`
        : u.kind === 'cancelReject'
          ? `cancelReject(${u.responseTo}): ${u.reason}`
          : `orderWarning: ${u.warnings.map((w) => w.rule).join(',')}`,
    );
  const place = (...args: Parameters<typeof oms.placeOrder>): Order => {
    const o = oms.placeOrder(...args);
    if (!o) throw new Error('order was held back by warnings');
    return o;
  };
  return { dir, db, venue, oms, updates, reports, clock, place };
}

export const limitTicket = (over: Record<string, string> = {}) => ({
  symbol: 'AAPL',
  side: 'buy',
  type: 'limit',
  quantity: '300',
  limitPrice: '200.00',
  account: 'T1-MAIN',
  ...over,
});
