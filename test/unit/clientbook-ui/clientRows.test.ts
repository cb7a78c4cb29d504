import { describe, expect, it } from 'vitest';
import { clientRow, filterRows, flagCounts, matchesSearch } from '../../../src/clientbook/clientRows.ts';
import { summary } from './fixtures.ts';

const NOW = new Date(2026, 10, 23, 12, 0).getTime();

describe('client list rows', () => {
  it('turns a summary into grid text: money grouped, returns signed, n/a dashed, drift as a weight', () => {
    const r = clientRow(summary({ lastContact: new Date(2026, 10, 20, 15, 0).getTime() }), NOW);
    expect(r.aum).toBe('1,254,300.12');
    expect([r.mtd, r.qtd, r.ytd, r.oneYear]).toEqual(['+1.12%', '-2.51%', '0.00%', '–']);
    expect([r.mtdDir, r.qtdDir, r.ytdDir, r.oneYearDir]).toEqual(['up', 'down', 'flat', 'flat']);
    expect(r.drift).toBe('6.1%');
    expect(r.risk).toBe('3 Balanced');
    expect(r.riskLabel).toBe('3 · Balanced');
    expect(r.lastContact).toBe('3d ago');
    expect(r.nextAppointment).toBe('');
    expect(r.flagText).toBe('Review · Drift');
    expect(r.flagTitle).toBe('Review overdue, Drift');
  });

  it('type-ahead: every word typed starts a word of the client, accents ignored, ids match inside', () => {
    const r = clientRow(summary({ name: 'Zoë Müller-Hart', householdName: 'Müller household', accountIds: ['A-10077'] }), NOW);
    expect(matchesSearch(r, '')).toBe(true);
    expect(matchesSearch(r, 'zoe')).toBe(true);
    expect(matchesSearch(r, 'hart zo')).toBe(true);
    expect(matchesSearch(r, 'MUELLER')).toBe(false);
    expect(matchesSearch(r, 'muller')).toBe(true);
    expect(matchesSearch(r, '10077')).toBe(true);
    expect(matchesSearch(r, 'c0001')).toBe(true);
    expect(matchesSearch(r, 'zoe smith')).toBe(false);
  });

  it('filters on "needs attention" (any flag or one flag) together with the search, and counts each flag', () => {
    const rows = [
      clientRow(summary({ clientId: 'C1', name: 'Ann Able', flags: ['kycExpired'] }), NOW),
      clientRow(summary({ clientId: 'C2', name: 'Bob Baker', flags: [] }), NOW),
      clientRow(summary({ clientId: 'C3', name: 'Ann Cole', flags: ['largeCash', 'kycExpired'] }), NOW),
    ];
    expect(filterRows(rows, { query: '', attention: 'all' }).map((r) => r.clientId)).toEqual(['C1', 'C2', 'C3']);
    expect(filterRows(rows, { query: '', attention: 'any' }).map((r) => r.clientId)).toEqual(['C1', 'C3']);
    expect(filterRows(rows, { query: '', attention: 'largeCash' }).map((r) => r.clientId)).toEqual(['C3']);
    expect(filterRows(rows, { query: 'ann', attention: 'kycExpired' }).map((r) => r.clientId)).toEqual(['C1', 'C3']);
    expect(filterRows(rows, { query: 'cole', attention: 'any' }).map((r) => r.clientId)).toEqual(['C3']);
    expect(flagCounts(rows)).toEqual({ any: 2, reviewOverdue: 0, driftOverThreshold: 0, kycExpired: 2, largeCash: 1 });
  });
});
