import { describe, expect, it } from 'vitest';
import { dec } from '../../../src/core/decimal.ts';
import { instrumentFromWire } from '../../../src/core/instrument.ts';
import type { PositionWire } from '../../../src/core/protocol.ts';
import type { LimitUsageWire } from '../../../src/core/protocol/desk.ts';
import { validateTicket } from '../../../src/core/ticket.ts';
import { consequence, describeEvent, describeSwitch, killTargets, reasonProblem } from '../../../src/desk/killSwitchView.ts';
import { limitRows } from '../../../src/desk/limitRows.ts';
import { chartLines } from '../../../src/desk/pnlChartData.ts';
import { flattenPlan } from '../../../src/positions/flatten.ts';
import { todayPnl, totalsByCurrency } from '../../../src/positions/todayPnl.ts';
import { valuePosition } from '../../../src/streams/valuation.ts';

const usage = (name: string, utilisation: string, level: LimitUsageWire['level'], metric: LimitUsageWire['metric'] = 'grossExposure'): LimitUsageWire => ({
  scope: 'trader',
  name,
  metric,
  symbol: metric === 'position' ? 'AAPL' : null,
  value: '26842.5',
  limit: '30000',
  utilisation,
  level,
});

describe('limit rows', () => {
  it('puts breaches first, then warnings, each by use, and caps the bar at 100', () => {
    const rows = limitRows([usage('a', '10.00', 'ok'), usage('b', '85.00', 'warning'), usage('c', '140.50', 'breach'), usage('d', '95.00', 'warning')], 'USD');
    expect(rows.map((r) => r.name)).toEqual(['c', 'd', 'b', 'a']);
    expect(rows[0]).toMatchObject({ utilisation: '140.50%', barPercent: 100, level: 'breach', used: '26,842.50', limit: '30,000.00', unit: 'USD', metric: 'Gross exposure' });
  });

  it('shows a position limit in quantity, naming the instrument', () => {
    expect(limitRows([usage('a', '50.00', 'ok', 'position')], 'USD')[0]).toMatchObject({ unit: 'qty', used: '26,842.5', metric: 'Position AAPL' });
  });
});

describe('kill switch view', () => {
  const sw = { scope: { kind: 'trader', trader: 'trader2' } as const, mode: 'halted' as const, reason: 'runaway algo', setBy: 'deskhead', setAt: 0 };
  const clock = () => '14:02:00';

  it('lists everyone, each desk, then each trader, with the switch in force on each', () => {
    const lines = [
      { id: 'Equities', parentId: null, level: 'desk', label: 'Equities' },
      { id: 'Equities/trader1', parentId: 'Equities', level: 'trader', label: 'trader1' },
    ] as unknown as Parameters<typeof killTargets>[0];
    const targets = killTargets(lines, ['trader3'], 'Equities', [sw]);
    expect(targets.map((t) => t.key)).toEqual(['all', 'desk:Equities', 'trader:trader1', 'trader:trader2', 'trader:trader3']);
    expect(targets.find((t) => t.key === 'trader:trader2')?.current).toBe(sw);
    expect(targets.find((t) => t.key === 'trader:trader1')?.current).toBeUndefined();
  });

  it('says who set what, when and why, and who cleared it', () => {
    expect(describeSwitch(sw, clock)).toBe('HALTED by deskhead at 14:02:00: runaway algo');
    expect(describeEvent({ seq: 4, action: 'clear', scope: sw.scope, mode: 'halted', reason: '', by: 'deskhead2', at: 0 }, clock)).toBe('14:02:00 deskhead2 cleared HALTED on trader2');
    expect(describeEvent({ seq: 3, action: 'set', scope: { kind: 'desk', desk: 'Equities' }, mode: 'reducing', reason: 'loss limit', by: 'deskhead', at: 0 }, clock)).toBe(
      '14:02:00 deskhead set REDUCING on Desk Equities: loss limit',
    );
  });

  it('needs a reason to set a switch, not to clear one, and says what each mode does', () => {
    expect(reasonProblem('   ', true)).toMatch(/Say why/);
    expect(reasonProblem('', false)).toBeNull();
    expect(reasonProblem('x'.repeat(501), false)).toMatch(/longer than 500/);
    expect(consequence('halted', { kind: 'trader', trader: 'trader2' })).toMatch(/trader2.*refuses every new order/);
    expect(consequence('reducing', { kind: 'all' })).toMatch(/every trader.*towards flat/);
  });
});

describe('intraday P&L chart lines', () => {
  it('draws the desk first and thicker, traders in a colour fixed by name order', () => {
    const lines = chartLines([
      { key: 'trader:trader2', label: 'trader2', points: [{ time: 10, net: '-3.5' }] },
      { key: 'desk:Equities', label: 'Equities', points: [{ time: 10, net: '12' }] },
      { key: 'trader:trader1', label: 'trader1', points: [] },
    ]);
    expect(lines.map((l) => [l.key, l.width])).toEqual([
      ['desk:Equities', 2],
      ['trader:trader1', 1],
      ['trader:trader2', 1],
    ]);
    expect(lines[2]!.points).toEqual([{ time: 10, value: -3.5 }]);
    expect(new Set(lines.map((l) => l.color)).size).toBe(3);
  });
});

const position = (over: Partial<PositionWire> = {}): PositionWire => ({
  trader: 'trader1',
  account: 'T1-MAIN',
  symbol: 'AAPL',
  currency: 'USD',
  quantity: '1000',
  avgCost: '255.10',
  realizedPnl: '0',
  multiplier: '1',
  fees: '1',
  sodQuantity: '1000',
  sodMark: '268.47',
  todayQuantity: '0',
  todayNotional: '0',
  ...over,
});

describe("today's P&L of a position", () => {
  it('is the overnight holding against the start-of-day mark plus today’s trades against their prices', () => {
    // Held 1000 from 268.47; bought 100 today for 26,900 (at 269); mark 270.
    const p = position({ quantity: '1100', todayQuantity: '100', todayNotional: '26900' });
    const t = todayPnl(p, dec('270'));
    expect(t.priced && t.value.toFixed()).toBe(dec(1000).times('1.53').plus(100).toFixed());
  });

  it('counts the multiplier, and a position closed today needs no mark', () => {
    const fut = position({ multiplier: '50', sodQuantity: '0', sodMark: null, quantity: '2', todayQuantity: '2', todayNotional: '10000' });
    const t = todayPnl(fut, dec('5001.25'));
    expect(t.priced && t.value.toFixed()).toBe('125');
    const closed = position({ sodQuantity: '0', sodMark: null, quantity: '0', todayQuantity: '0', todayNotional: '-12.5' });
    const c = todayPnl(closed, undefined);
    expect(c.priced && c.value.toFixed()).toBe('12.5');
  });

  it('waits for a price, or for a start-of-day mark when one is missing', () => {
    expect(todayPnl(position(), undefined)).toEqual({ priced: false });
    expect(todayPnl(position({ sodMark: null }), dec('270'))).toEqual({ priced: false });
  });

  it('totals per currency, never across them', () => {
    const marks = new Map([
      ['AAPL', dec('270')],
      ['SAP', dec('200')],
    ]);
    const totals = totalsByCurrency([
      valuePosition(position(), marks),
      valuePosition(position({ symbol: 'SAP', currency: 'EUR', quantity: '10', avgCost: '190', sodQuantity: '10', sodMark: '199', fees: '2.5' }), marks),
    ]);
    expect(totals.map((t) => [t.currency, t.today.toFixed(), t.fees.toFixed()])).toEqual([
      ['EUR', '10', '2.5'],
      ['USD', '1530', '1'],
    ]);
  });
});

describe('flatten', () => {
  const aapl = instrumentFromWire({ symbol: 'AAPL', name: 'Apple', assetClass: 'equity', currency: 'USD', tickSize: '0.01', lotSize: '1', multiplier: '1', exchange: 'XNAS' } as unknown as Parameters<typeof instrumentFromWire>[0]);
  const ctx = { instrument: (s: string) => (s === 'AAPL' ? aapl : undefined), accounts: ['T1-MAIN'] };

  it('sells a long and buys back a short, the whole quantity at market for the day, and passes the ticket rules', () => {
    const long = flattenPlan(position(), aapl);
    expect(long).toMatchObject({ ok: true, draft: { side: 'sell', type: 'market', quantity: '1000', account: 'T1-MAIN', tif: 'day' }, summary: 'Sell 1,000 AAPL at market in T1-MAIN' });
    const short = flattenPlan(position({ quantity: '-250' }), aapl);
    expect(short).toMatchObject({ ok: true, draft: { side: 'buy', quantity: '250' } });
    if (long.ok) expect(validateTicket(long.draft, ctx).ok).toBe(true);
    if (short.ok) expect(validateTicket(short.draft, ctx).ok).toBe(true);
  });

  it('says why there is nothing to send', () => {
    expect(flattenPlan(position({ quantity: '0' }), aapl)).toEqual({ ok: false, reason: 'AAPL in T1-MAIN is already flat' });
    expect(flattenPlan(position(), undefined)).toMatchObject({ ok: false });
  });
});
