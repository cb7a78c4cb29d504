import { describe, expect, it } from 'vitest';
import { activityItems, performanceRows, transactionRows } from '../../../src/clientbook/view/viewRows.ts';
import { detail } from './fixtures.ts';

describe('client view rows', () => {
  it('performance: TWR, IRR and benchmark as signed percentages, the gap in percentage points, n/a with its note', () => {
    const rows = performanceRows([
      { period: 'YTD', from: '2025-12-31', to: '2026-11-23', startValue: '1100000', endValue: '1254300.12', netFlows: '50000', gain: '104300.12', twr: '0.0874', irr: '0.0951', benchmark: '0.071', note: '' },
      { period: 'MTD', from: '2026-10-31', to: '2026-11-23', startValue: '100', endValue: '99', netFlows: '0', gain: '-1', twr: '-0.01', irr: null, benchmark: '0.002', note: 'IRR needs more than one day' },
    ]);
    expect(rows[0]).toMatchObject({ period: 'Year to date', range: '31 Dec 2025 – 23 Nov 2026', twr: '+8.74%', irr: '+9.51%', benchmark: '+7.10%', relative: '+1.64 pp', relativeDir: 'up', gain: '+104,300.12', netFlows: '+50,000.00' });
    expect(rows[1]).toMatchObject({ period: 'Month to date', twr: '-1.00%', twrDir: 'down', irr: '–', relative: '-1.20 pp', relativeDir: 'down', note: 'IRR needs more than one day' });
  });

  it('transactions: quantities and prices only for trades, cash signed', () => {
    const rows = transactionRows(
      [
        { txId: 'T2', accountId: 'A-1', date: '2026-11-20', kind: 'dividend', symbol: 'MSFT', quantity: null, price: null, amount: '225', description: 'MSFT dividend' },
        { txId: 'T1', accountId: 'A-1', date: '2026-11-19', kind: 'buy', symbol: 'MSFT', quantity: '1200', price: '402.105', amount: '-482526', description: 'Bought' },
      ],
      () => undefined,
    );
    expect(rows[0]).toMatchObject({ kind: 'Dividend', quantity: '', price: '', amount: '+225.00', amountDir: 'up' });
    expect(rows[1]).toMatchObject({ kind: 'Buy', quantity: '1,200', price: '402.105', amount: '-482,526.00', amountDir: 'down' });
  });

  it('activity: every kind of record in one feed, newest first, overrides with their justification', () => {
    const items = activityItems(
      detail({
        interactions: [{ interactionId: 'I-1', clientId: 'C0001', kind: 'call', subject: 'Check-in', body: 'Fine', author: 'advisor1', at: 1000 }],
        tasks: [{ taskId: 'K-1', clientId: 'C0001', title: 'Send list', notes: '', dueDate: '2026-11-25', owner: 'advisor1', done: true, createdAt: 500, completedAt: 3000 }],
        appointments: [{ appointmentId: 'P-1', clientId: 'C0001', clientName: 'M', title: 'Review', location: 'Office', startsAt: 5000, durationMinutes: 60, owner: 'advisor1' }],
        overrides: [
          {
            orderId: 'O-1',
            clOrdId: 'c1',
            accountId: 'A-1',
            symbol: 'XOM',
            side: 'buy',
            quantity: '100',
            warnings: [{ rule: 'suitability', message: 'Energy is excluded' }],
            justification: 'Client asked in writing',
            by: 'advisor1',
            at: 2000,
          },
        ],
      }),
    );
    expect(items.map((i) => i.kind)).toEqual(['appointment', 'task', 'override', 'call']);
    expect(items[1]?.title).toBe('Done: Send list');
    expect(items[2]?.detail).toBe('Energy is excluded — justification: Client asked in writing');
    expect(items[0]?.detail).toBe('60 min · Office');
  });
});
