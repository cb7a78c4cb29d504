import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dec } from '../../../src/core/decimal.ts';
import { type Order, applyEvent, applyFill, newOrder } from '../../../src/core/order.ts';
import { type Execution, execIdOf, orderIdOf } from '../../../server/oms/execution.ts';
import { JOURNAL_FILE, createJournal, execRowOf, orderRowOf, readJournalFile } from '../../../server/oms/journal.ts';
import { type Db, openDatabase } from '../../../server/storage/database.ts';

const dirs: string[] = [];
const dbs: Db[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) if (db.open) db.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDb(dir = mkdtempSync(join(tmpdir(), 'fot-journal-'))): { db: Db; dir: string } {
  if (!dirs.includes(dir)) dirs.push(dir);
  const db = openDatabase(dir);
  dbs.push(db);
  return { db, dir };
}

const spec = { type: 'stopLimit', symbol: 'AAPL', side: 'sellShort', quantity: dec('300'), limitPrice: dec('200.01'), stopPrice: dec('200.5'), account: 'T1-MAIN', tif: 'gtd', expireAt: 99_000, locate: 'LOC-1' } as const;
const ok = (r: ReturnType<typeof applyEvent>): Order => (r as { ok: true; order: Order }).order;
const exec = (seq: number, o: Order, execType: Execution['execType'], extra: Partial<Execution> = {}): Execution => ({
  execId: execIdOf(seq),
  execType,
  lastQty: dec('0'),
  lastPx: dec('0'),
  ts: o.updatedAt,
  order: o,
  ...extra,
});

/** An order through new, a replace request and a fill, as four journal events. */
function story() {
  const o0 = { ...newOrder(spec, { orderId: orderIdOf(1), clOrdId: 'c-1', trader: 'trader1' }, 10), venue: 'INTERNAL' };
  const o1 = ok(applyEvent(o0, 'accepted', 11));
  const o2 = ok(applyEvent(o1, 'replaceRequested', 12));
  const requested = { clOrdId: 'c-2', quantity: dec('250'), limitPrice: dec('200.02'), stopPrice: dec('200.5') };
  const o3 = ok(applyFill(o2, dec('100'), dec('200.03'), 13));
  return {
    order: o0,
    events: [exec(1, o0, 'pendingNew'), exec(2, o1, 'new'), exec(3, o2, 'pendingReplace', { requested }), exec(4, o3, 'trade', { lastQty: dec('100'), lastPx: dec('200.03'), venueExecId: 'V-9' })],
  };
}

function record(journal: ReturnType<typeof createJournal>) {
  const { order, events } = story();
  journal.recordNewOrder(1, order, 1, events[0]!);
  for (const e of events.slice(1)) journal.recordExecution(Number(e.execId.replace(/\D/g, '')), e);
  return { order, events };
}

describe('order journal file', () => {
  it('holds each row exactly as the row builders make it, and reads back the same orders and events', () => {
    const { db } = tempDb();
    const journal = createJournal(db);
    const { order, events } = record(journal);
    journal.close();
    const rows = readJournalFile(journal.path);
    expect(rows.problems).toEqual([]);
    expect(rows.orders).toEqual([orderRowOf(1, order)]);
    expect(rows.execs).toEqual(events.map((e, i) => execRowOf(i + 1, e)));

    const r = createJournal(db).load();
    expect(r.problems).toEqual([]);
    expect(r.orders.get(order.orderId)).toEqual(events[3]!.order);
    expect(r.executions.map((e) => e.execType)).toEqual(['pendingNew', 'new', 'pendingReplace', 'trade']);
    expect([...r.seenFills]).toEqual([`${order.orderId}|V-9`]);
    expect(r.lastOrderSeq).toBe(1);
    expect(r.lastExecSeq).toBe(4);
  });

  it('starts with a header naming its columns, one line per event after it', () => {
    const { db, dir } = tempDb();
    record(createJournal(db));
    const lines = readFileSync(join(dir, JOURNAL_FILE), 'utf8').trim().split('\n');
    expect(JSON.parse(lines[0]!)).toMatchObject({ journal: 'orders', version: 1, order: expect.arrayContaining(['order_id']), exec: expect.arrayContaining(['exec_id']) });
    expect(lines.slice(1).map((l) => (JSON.parse(l) as string[])[0])).toEqual(['o', 'e', 'e', 'e', 'e']);
  });

  it('cuts off a last line torn by a crash, reports it, and appends cleanly after it', () => {
    const { db, dir } = tempDb();
    record(createJournal(db));
    const path = join(dir, JOURNAL_FILE);
    appendFileSync(path, '["e",5,"E0000000');
    const journal = createJournal(db);
    const r = journal.load();
    expect(r.problems).toEqual([expect.stringMatching(/unfinished last line of 16 bytes/)]);
    expect(r.executions).toHaveLength(4);
    // The next event lands on a line of its own.
    const { events } = story();
    journal.recordExecution(5, { ...events[3]!, execId: execIdOf(5), venueExecId: 'V-10' });
    const again = createJournal(db).load();
    expect(again.problems).toEqual([]);
    expect(again.executions).toHaveLength(5);
  });

  it('leaves out a line that is not a valid row, naming it, and keeps the rest', () => {
    const { db, dir } = tempDb();
    record(createJournal(db));
    const path = join(dir, JOURNAL_FILE);
    const lines = readFileSync(path, 'utf8').trim().split('\n');
    const bad = JSON.parse(lines[3]!) as unknown[];
    bad[9] = '12x'; // cum_qty
    lines[3] = JSON.stringify(bad);
    writeFileSync(path, `${lines.join('\n')}\nnot json at all\n`);
    const r = createJournal(db).load();
    expect(r.problems).toEqual([expect.stringMatching(/:4: cum_qty/), expect.stringMatching(/:7: not JSON/)]);
    expect(r.executions.map((e) => e.execType)).toEqual(['pendingNew', 'pendingReplace', 'trade']);
  });

  it('refuses to start on a journal from a newer version, saying so', () => {
    const { db, dir } = tempDb();
    writeFileSync(join(dir, JOURNAL_FILE), `${JSON.stringify({ journal: 'orders', version: 9, order: [], exec: [] })}\n`);
    expect(() => createJournal(db).load()).toThrow(/version 9 is newer than this gateway knows/);
  });

  it('reads orders an older gateway journaled in SQLite before the file, and continues their numbering', () => {
    const { db } = tempDb();
    const { order, events } = story();
    const insOrder = db.prepare(`INSERT INTO orders (seq, order_id, cl_ord_id, trader, account, symbol, side, type, tif, quantity, limit_price, created_at, stop_price, expire_at, locate, venue)
      VALUES (@seq, @order_id, @cl_ord_id, @trader, @account, @symbol, @side, @type, @tif, @quantity, @limit_price, @created_at, @stop_price, @expire_at, @locate, @venue)`);
    const insExec = db.prepare(`INSERT INTO executions (seq, exec_id, order_id, exec_type, last_qty, last_px, ts, status, cum_qty, leaves_qty, filled_notional, avg_px, text,
      cl_ord_id, orig_cl_ord_id, quantity, limit_price, stop_price, venue_exec_id, req_cl_ord_id, req_quantity, req_limit_price, req_stop_price)
      VALUES (@seq, @exec_id, @order_id, @exec_type, @last_qty, @last_px, @ts, @status, @cum_qty, @leaves_qty, @filled_notional, @avg_px, @text,
      @cl_ord_id, @orig_cl_ord_id, @quantity, @limit_price, @stop_price, @venue_exec_id, @req_cl_ord_id, @req_quantity, @req_limit_price, @req_stop_price)`);
    insOrder.run(orderRowOf(1, order));
    events.slice(0, 2).forEach((e, i) => insExec.run(execRowOf(i + 1, e)));
    const journal = createJournal(db);
    const before = journal.load();
    expect(before.lastExecSeq).toBe(2);
    expect(before.orders.get(order.orderId)?.status).toBe('new');
    // New events go to the file; the next start reads both, SQLite first.
    events.slice(2).forEach((e, i) => journal.recordExecution(i + 3, e));
    const after = createJournal(db).load();
    expect(after.executions.map((e) => e.execType)).toEqual(['pendingNew', 'new', 'pendingReplace', 'trade']);
    expect(after.orders.get(order.orderId)).toEqual(events[3]!.order);
  });

  it('a batch that throws writes none of its lines', () => {
    const { db } = tempDb();
    const journal = createJournal(db);
    const { order, events } = story();
    expect(() =>
      journal.batch(() => {
        journal.recordNewOrder(1, order, 1, events[0]!);
        throw new Error('bug after the first write');
      }),
    ).toThrow(/bug after/);
    journal.batch(() => journal.recordNewOrder(1, order, 1, events[0]!));
    journal.syncNow();
    const rows = readJournalFile(journal.path);
    expect(rows.orders).toHaveLength(1);
    expect(rows.execs).toHaveLength(1);
  });
});
