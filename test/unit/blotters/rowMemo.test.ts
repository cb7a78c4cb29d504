import { describe, expect, it } from 'vitest';
import { type Decimal, dec } from '../../../src/core/decimal.ts';
import { type Instrument, instrumentFromWire } from '../../../src/core/instrument.ts';
import type { ExecReportWire, OrderWire, PositionWire } from '../../../src/core/protocol.ts';
import type { DeskLineWire, LimitUsageWire } from '../../../src/core/protocol/desk.ts';
import { fillRows, orderRow, orderRows } from '../../../src/blotters/orderRow.ts';
import { keepUnchangedRows, rowMemo, rowsById, sameRows, shallowEqual } from '../../../src/blotters/rowMemo.ts';
import { limitRowKey, limitRows } from '../../../src/desk/limitRows.ts';
import { expandedDownTo, visibleLines } from '../../../src/desk/rollupLines.ts';
import { rollupRow, rollupRowId } from '../../../src/desk/rollupRow.ts';
import { positionRows } from '../../../src/positions/positionRow.ts';
import { NO_ORDERS, type OrdersState, fillsNewestFirst, ordersNewestFirst, reduceOrders } from '../../../src/streams/ordersState.ts';
import { NO_POSITIONS, reducePositions } from '../../../src/streams/positionsState.ts';
import { valuePosition } from '../../../src/streams/valuation.ts';
import { order as baseOrder, report } from '../ticket/fixtures.ts';

/*
 * A grid fed by order events gets ag-grid immutable data with getRowId: an
 * unchanged row object is no update. These check that the rows of what did
 * not change keep their objects, and that what did change gets a new one.
 */

/** The ticket tests' order, placed at `createdAt` (and last updated then, unless the patch says otherwise). */
function order(orderId: string, createdAt: number, patch: Partial<OrderWire> = {}): OrderWire {
  return baseOrder(orderId, { createdAt, updatedAt: createdAt, ...patch });
}

const AAPL: Instrument = instrumentFromWire({
  symbol: 'AAPL',
  name: 'Apple',
  assetClass: 'equity',
  sector: 'Technology',
  currency: 'USD',
  tickSize: '0.01',
  lotSize: '1',
  multiplier: '1',
  referencePrice: '190',
});
const known = (symbol: string) => (symbol === 'AAPL' ? AAPL : undefined);
const unknown = () => undefined;

function snapshot(orders: OrderWire[], executions: ExecReportWire[] = []): OrdersState {
  return reduceOrders(NO_ORDERS, { kind: 'snapshot', orders, executions });
}

describe('rowMemo', () => {
  it('gives back the row it built while the key and inputs are the same, and builds again when either changes', () => {
    let builds = 0;
    const rowOf = rowMemo((key: { id: string }, inputs: string) => {
      builds += 1;
      return { id: key.id, inputs };
    });
    const a = { id: 'a' };
    const first = rowOf(a, 'x');
    expect(rowOf(a, 'x')).toBe(first);
    expect(builds).toBe(1);
    const other = rowOf(a, 'y');
    expect(other).not.toBe(first);
    expect(other).toEqual({ id: 'a', inputs: 'y' });
    // A new object with the same content is a new key: the stream makes one only for a change.
    expect(rowOf({ id: 'a' }, 'y')).not.toBe(other);
    expect(builds).toBe(3);
  });

  it('compares the inputs with the given equality', () => {
    const rowOf = rowMemo((key: object, mark: Decimal) => ({ key, mark: mark.toFixed() }), (x, y) => x.eq(y));
    const k = {};
    const first = rowOf(k, dec('190.10'));
    expect(rowOf(k, dec('190.1'))).toBe(first);
    expect(rowOf(k, dec('190.11'))).not.toBe(first);
  });
});

describe('order and fill rows', () => {
  it('an execution report makes a new row for its order only; the other orders keep their row objects', () => {
    const orders = [order('O1', 1), order('O2', 2), order('O3', 3)];
    const before = snapshot(orders);
    const rowsBefore = orderRows(ordersNewestFirst(before), known);
    const canceled = order('O2', 2, { status: 'canceled', leavesQty: '0', updatedAt: 10 });
    const after = reduceOrders(before, { kind: 'execReport', report: report('E1', canceled, { execType: 'canceled' }) });
    const rowsAfter = orderRows(ordersNewestFirst(after), known);

    expect(rowsAfter.map((r) => r.orderId)).toEqual(['O3', 'O2', 'O1']);
    expect(rowsAfter[0]).toBe(rowsBefore[0]);
    expect(rowsAfter[2]).toBe(rowsBefore[2]);
    expect(rowsAfter[1]).not.toBe(rowsBefore[1]);
    expect(rowsAfter[1]).toEqual(orderRow(canceled, AAPL));
    expect(rowsAfter[1]?.status).toBe('Canceled');
  });

  it('a new order adds its row and leaves the others as they were', () => {
    const before = snapshot([order('O1', 1), order('O2', 2)]);
    const rowsBefore = orderRows(ordersNewestFirst(before), known);
    const after = reduceOrders(before, { kind: 'execReport', report: report('E1', order('O3', 3)) });
    const rowsAfter = orderRows(ordersNewestFirst(after), known);
    expect(rowsAfter.slice(1)).toEqual(rowsBefore);
    rowsBefore.forEach((row, i) => expect(rowsAfter[i + 1]).toBe(row));
  });

  it('a snapshot (after a reconnect) brings new order objects: their rows are built afresh, equal where nothing changed', () => {
    const rowsBefore = orderRows(ordersNewestFirst(snapshot([order('O1', 1)])), known);
    const rowsAgain = orderRows(ordersNewestFirst(snapshot([order('O1', 1)])), known);
    expect(rowsAgain[0]).not.toBe(rowsBefore[0]);
    expect(rowsAgain).toEqual(rowsBefore);
  });

  it('an instrument that arrives later makes the row again (its prices are formatted to the tick)', () => {
    const state = snapshot([order('O1', 1, { limitPrice: '190.1' })]);
    const without = orderRows(ordersNewestFirst(state), unknown);
    const withInstrument = orderRows(ordersNewestFirst(state), known);
    expect(withInstrument[0]).not.toBe(without[0]);
    expect(withInstrument[0]?.limit).toBe('190.10');
    expect(orderRows(ordersNewestFirst(state), known)[0]).toBe(withInstrument[0]);
  });

  it('a fill shown before keeps its row when another fill comes', () => {
    const o = order('O1', 1, { status: 'partiallyFilled', cumQty: '40', leavesQty: '60', avgPx: '190' });
    const fill1 = report('E1', o, { execType: 'trade', lastQty: '40', lastPx: '190', ts: 5 });
    const before = snapshot([o], [fill1]);
    const rowsBefore = fillRows(fillsNewestFirst(before), known);
    const filled = order('O1', 1, { status: 'filled', cumQty: '100', leavesQty: '0', avgPx: '190.06', updatedAt: 6 });
    const after = reduceOrders(before, { kind: 'execReport', report: report('E2', filled, { execType: 'trade', lastQty: '60', lastPx: '190.1', ts: 6 }) });
    const rowsAfter = fillRows(fillsNewestFirst(after), known);
    expect(rowsAfter.map((r) => r.execId)).toEqual(['E2', 'E1']);
    expect(rowsAfter[1]).toBe(rowsBefore[0]);
  });
});

describe('position rows', () => {
  const pos = (symbol: string, quantity: string, realizedPnl = '0'): PositionWire => ({
    trader: 'trader1',
    account: 'T1-MAIN',
    symbol,
    currency: 'USD',
    quantity,
    avgCost: '100',
    realizedPnl,
    multiplier: '1',
  });
  const marks = (entries: Record<string, string>) => new Map(Object.entries(entries).map(([k, v]) => [k, dec(v)]));

  it('keeps a row while its position and mark are the same (a new Decimal of the same price included)', () => {
    const state = reducePositions(NO_POSITIONS, { kind: 'snapshot', positions: [pos('AAPL', '10'), pos('MSFT', '5')] });
    const value = (m: Record<string, string>) => [...state.values()].map((p) => valuePosition(p, marks(m)));
    const first = positionRows(value({ AAPL: '190', MSFT: '400' }), known);
    const same = positionRows(value({ AAPL: '190.00', MSFT: '400' }), known);
    expect(sameRows(same, first)).toBe(true);

    // MSFT's price moves: its row only.
    const moved = positionRows(value({ AAPL: '190', MSFT: '401' }), known);
    expect(moved.map((r) => r.symbol)).toEqual(['AAPL', 'MSFT']);
    expect(moved[0]).toBe(first[0]);
    expect(moved[1]).not.toBe(first[1]);
    expect(moved[1]?.last).toBe('401.00');
  });

  it('a position update (a fill) makes a new row for that position only', () => {
    let state = reducePositions(NO_POSITIONS, { kind: 'snapshot', positions: [pos('AAPL', '10'), pos('MSFT', '5')] });
    const m = marks({ AAPL: '190', MSFT: '400' });
    const first = positionRows([...state.values()].map((p) => valuePosition(p, m)), known);
    state = reducePositions(state, { kind: 'update', position: pos('AAPL', '0', '900') });
    const after = positionRows([...state.values()].map((p) => valuePosition(p, m)), known);
    expect(after[0]).not.toBe(first[0]);
    expect(after[0]).toMatchObject({ symbol: 'AAPL', quantity: '0', flat: true });
    expect(after[1]).toBe(first[1]);
  });

  it('a position waiting for its first mark gets a new row when the mark comes', () => {
    const state = reducePositions(NO_POSITIONS, { kind: 'snapshot', positions: [pos('AAPL', '10')] });
    const pending = positionRows([...state.values()].map((p) => valuePosition(p, marks({}))), known);
    const priced = positionRows([...state.values()].map((p) => valuePosition(p, marks({ AAPL: '190' }))), known);
    expect(pending[0]?.last).toBe('…');
    expect(priced[0]).not.toBe(pending[0]);
    expect(priced[0]?.last).toBe('190.00');
  });
});

describe('keepUnchangedRows', () => {
  type Row = { id: string; value: string; flag: boolean };
  const id = (r: Row) => r.id;

  it('keeps the previous object of every row equal to it, and takes the new one where a field moved or the row is new', () => {
    const prev: Row[] = [
      { id: 'a', value: '1', flag: false },
      { id: 'b', value: '2', flag: false },
    ];
    const next: Row[] = [
      { id: 'c', value: '3', flag: false },
      { id: 'b', value: '2', flag: true },
      { id: 'a', value: '1', flag: false },
    ];
    const kept = keepUnchangedRows(rowsById(prev, id), next, id);
    expect(kept).toEqual(next);
    expect(kept[0]).toBe(next[0]);
    expect(kept[1]).toBe(next[1]);
    expect(kept[2]).toBe(prev[0]);
  });

  it('returns the new rows themselves when there is nothing to keep', () => {
    const next: Row[] = [{ id: 'a', value: '1', flag: false }];
    expect(keepUnchangedRows(new Map(), next, id)).toBe(next);
    expect(keepUnchangedRows(rowsById([{ id: 'a', value: '2', flag: false }], id), next, id)).toBe(next);
  });

  it('shallowEqual compares own fields only one level deep', () => {
    expect(shallowEqual({ a: 1, b: 'x' }, { b: 'x', a: 1 })).toBe(true);
    expect(shallowEqual({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(shallowEqual({ a: {} }, { a: {} })).toBe(false);
    expect(shallowEqual({ a: Number.NaN }, { a: Number.NaN })).toBe(true);
  });

  it('sameRows: the same objects in the same order', () => {
    const a = { id: 'a' };
    const b = { id: 'b' };
    expect(sameRows([a, b], [a, b])).toBe(true);
    expect(sameRows([a, b], [b, a])).toBe(false);
    expect(sameRows([a], [a, b])).toBe(false);
    expect(sameRows([a], [{ id: 'a' }])).toBe(false);
  });
});

describe('desk monitor rows from a whole new picture', () => {
  const usage = (name: string, value: string, utilisation: string): LimitUsageWire => ({
    scope: 'trader',
    name,
    metric: 'grossExposure',
    symbol: null,
    value,
    limit: '30000',
    utilisation,
    level: 'ok',
  });

  it('limits: an update that moves one trader’s use keeps every other limit’s row', () => {
    const first = limitRows([usage('trader1', '3000', '10.00'), usage('trader2', '6000', '20.00')], 'USD');
    const update = limitRows([usage('trader1', '3000', '10.00'), usage('trader2', '9000', '30.00')], 'USD');
    const kept = keepUnchangedRows(rowsById(first, limitRowKey), update, limitRowKey);
    expect(kept.map((r) => r.name)).toEqual(['trader2', 'trader1']);
    expect(kept[0]).toBe(update[0]);
    expect(kept[1]).toBe(first.find((r) => r.name === 'trader1'));
  });

  it('roll-up: a line whose figures did not move keeps its row; one that moved, or opened, gets a new one', () => {
    const line = (id: string, level: DeskLineWire['level'], unrealized: string): DeskLineWire => {
      const cut = id.lastIndexOf('/');
      return {
        id,
        parentId: cut === -1 ? null : id.slice(0, cut),
        level,
        label: id.slice(cut + 1),
        positions: 1,
        quantity: null,
        priceCurrency: null,
        averagePrice: null,
        mark: null,
        marketValue: '19050',
        grossExposure: '19050',
        netExposure: '19050',
        realized: '0',
        unrealized,
        daily: '0',
        fees: '0',
        dailyNet: '0',
      };
    };
    const lines1 = [line('Eq', 'desk', '50'), line('Eq/trader1', 'trader', '30'), line('Eq/trader2', 'trader', '20')];
    const lines2 = [line('Eq', 'desk', '55'), line('Eq/trader1', 'trader', '35'), line('Eq/trader2', 'trader', '20')];
    const open = expandedDownTo(lines1, 'trader');
    const first = visibleLines(lines1, open).map(rollupRow);
    const next = keepUnchangedRows(rowsById(first, rollupRowId), visibleLines(lines2, open).map(rollupRow), rollupRowId);
    expect(next.map((r) => r.id)).toEqual(['Eq', 'Eq/trader1', 'Eq/trader2']);
    expect(next[0]).not.toBe(first[0]);
    expect(next[1]).not.toBe(first[1]);
    expect(next[2]).toBe(first[2]);
    const closed = keepUnchangedRows(rowsById(next, rollupRowId), visibleLines(lines2, new Set()).map(rollupRow), rollupRowId);
    expect(closed).toHaveLength(1);
    expect(closed[0]?.expanded).toBe(false);
    expect(closed[0]).not.toBe(next[0]);
  });
});
