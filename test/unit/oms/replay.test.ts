import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dec } from '../../../src/core/decimal.ts';
import { applyEvent, applyFill, newOrder, type Order } from '../../../src/core/order.ts';
import { type Execution, execIdOf, orderIdOf } from '../../../server/oms/execution.ts';
import { createJournal } from '../../../server/oms/journal.ts';
import type { ExecRow, OrderRow } from '../../../server/oms/journalRows.ts';
import { replayJournal } from '../../../server/oms/replay.ts';
import { openDatabase } from '../../../server/storage/database.ts';

const orderRow = (seq: number, over: Partial<OrderRow> = {}): OrderRow => ({
  seq,
  order_id: orderIdOf(seq),
  cl_ord_id: `c${seq}`,
  trader: 'trader1',
  account: 'T1-MAIN',
  symbol: 'AAPL',
  side: 'buy',
  type: 'limit',
  tif: 'day',
  quantity: '300',
  limit_price: '200.5',
  created_at: 1000 + seq,
  // Columns of migration 2: null, as on a row written before it.
  stop_price: null,
  expire_at: null,
  locate: null,
  venue: null,
  ...over,
});

const execRow = (seq: number, orderSeq: number, over: Partial<ExecRow>): ExecRow => ({
  seq,
  exec_id: execIdOf(seq),
  order_id: orderIdOf(orderSeq),
  exec_type: 'pendingNew',
  last_qty: '0',
  last_px: '0',
  ts: 2000 + seq,
  status: 'pendingNew',
  cum_qty: '0',
  leaves_qty: '300',
  filled_notional: '0',
  avg_px: '0',
  text: '',
  cl_ord_id: null,
  orig_cl_ord_id: null,
  quantity: null,
  limit_price: null,
  stop_price: null,
  venue_exec_id: null,
  req_cl_ord_id: null,
  req_quantity: null,
  req_limit_price: null,
  req_stop_price: null,
  ...over,
});

describe('replayJournal', () => {
  it('gives each order the state of its latest execution and keeps every execution in order', () => {
    const rows = [orderRow(1), orderRow(2, { symbol: 'MSFT', limit_price: null, type: 'market' })];
    const execs = [
      execRow(1, 1, {}),
      execRow(2, 2, {}),
      execRow(3, 1, { exec_type: 'new', status: 'new' }),
      execRow(5, 1, { exec_type: 'trade', status: 'partiallyFilled', last_qty: '100', last_px: '200.25', cum_qty: '100', leaves_qty: '200', filled_notional: '20025', avg_px: '200.25' }),
      execRow(4, 2, { exec_type: 'rejected', status: 'rejected', leaves_qty: '0', text: 'no quote' }),
    ];
    const r = replayJournal(rows, execs);
    expect(r.problems).toEqual([]);
    expect(r.lastOrderSeq).toBe(2);
    expect(r.lastExecSeq).toBe(5);
    expect(r.executions.map((e) => e.execId)).toEqual(['E00000001', 'E00000002', 'E00000003', 'E00000004', 'E00000005']);
    const o1 = r.orders.get('O00000001')!;
    expect(o1).toMatchObject({ status: 'partiallyFilled', clOrdId: 'c1', updatedAt: 2005, createdAt: 1001 });
    expect(o1.cumQty.eq(100) && o1.leavesQty.eq(200) && o1.avgPx.eq(dec('200.25')) && o1.limitPrice!.eq(dec('200.5'))).toBe(true);
    expect(r.orders.get('O00000002')).toMatchObject({ status: 'rejected', limitPrice: null, text: 'no quote' });
    // Each execution carries the order as it stood then.
    expect(r.executions[0]!.order.status).toBe('pendingNew');
    expect(r.executions[4]!.lastQty.eq(100)).toBe(true);
    expect([...r.orders.keys()]).toEqual(['O00000001', 'O00000002']);
  });

  it('reports rows it cannot use instead of failing the start', () => {
    const r = replayJournal([orderRow(1), orderRow(2)], [execRow(1, 1, {}), execRow(2, 7, {})]);
    expect(r.orders.size).toBe(1);
    expect(r.problems).toEqual(['execution E00000002 names unknown order O00000007', 'order O00000002 has no execution and is ignored']);
    expect(r.lastExecSeq).toBe(2);
  });

  it('is empty for an empty journal', () => {
    expect(replayJournal([], [])).toMatchObject({ lastOrderSeq: 0, lastExecSeq: 0, problems: [], executions: [] });
  });
});

describe('SQLite journal round trip', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('reads back exactly what it wrote, decimals included', () => {
    const dir = mkdtempSync(join(tmpdir(), 'journal-'));
    dirs.push(dir);
    const db = openDatabase(dir);
    const journal = createJournal(db);
    const spec = { type: 'limit', symbol: 'AAPL', side: 'sell', quantity: dec('300'), limitPrice: dec('200.01'), account: 'T1-MAIN', tif: 'gtc' } as const;
    const o0 = newOrder(spec, { orderId: orderIdOf(1), clOrdId: 'x', trader: 'trader1' }, 10);
    const exec = (seq: number, o: Order, execType: Execution['execType'], q = '0', p = '0'): Execution => ({
      execId: execIdOf(seq),
      execType,
      lastQty: dec(q),
      lastPx: dec(p),
      ts: o.updatedAt,
      order: o,
    });
    journal.recordNewOrder(1, o0, 1, exec(1, o0, 'pendingNew'));
    const o1 = (applyEvent(o0, 'accepted', 11) as { ok: true; order: Order }).order;
    journal.recordExecution(2, exec(2, o1, 'new'));
    const o2 = (applyFill(o1, dec('100'), dec('200.03'), 12) as { ok: true; order: Order }).order;
    journal.recordExecution(3, exec(3, o2, 'trade', '100', '200.03'));
    const o3 = (applyFill(o2, dec('100'), dec('200.04'), 13) as { ok: true; order: Order }).order;
    journal.recordExecution(4, exec(4, o3, 'trade', '100', '200.04'));
    db.close();

    const again = openDatabase(dir);
    const r = createJournal(again).load();
    again.close();
    const back = r.orders.get(orderIdOf(1))!;
    expect(back).toEqual(o3);
    expect(back.avgPx.toFixed()).toBe('200.035');
    expect(r.executions.map((e) => e.execType)).toEqual(['pendingNew', 'new', 'trade', 'trade']);
    expect(r.executions[2]!.order).toEqual(o2);
  });
});
