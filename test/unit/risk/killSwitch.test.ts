import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type KillSwitchEvent, createKillSwitch } from '../../../server/risk/index.ts';
import { type Db, openDatabase } from '../../../server/storage/database.ts';

const dirs: string[] = [];
const dbs: Db[] = [];
function freshDb(dir = mkdtempSync(join(tmpdir(), 'risk-ks-'))): { db: Db; dir: string } {
  dirs.push(dir);
  const db = openDatabase(dir);
  dbs.push(db);
  return { db, dir };
}
afterEach(() => {
  for (const db of dbs.splice(0)) if (db.open) db.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const trader1 = { username: 'trader1', desk: 'Equities' };
const trader9 = { username: 'trader9', desk: 'Rates' };

describe('kill switch', () => {
  it('applies by trader, desk or all; HALTED wins over REDUCING', () => {
    let t = 1000;
    const ks = createKillSwitch(freshDb().db, { now: () => t++ });
    expect(ks.modeFor(trader1)).toBe('active');
    ks.set('deskhead', { kind: 'desk', desk: 'Equities' }, 'reducing', 'desk loss limit');
    expect(ks.modeFor(trader1)).toBe('reducing');
    expect(ks.modeFor(trader9)).toBe('active');
    ks.set('deskhead', { kind: 'trader', trader: 'trader1' }, 'halted', 'fat finger under review');
    expect(ks.governing(trader1)).toMatchObject({ mode: 'halted', scope: { kind: 'trader', trader: 'trader1' }, setBy: 'deskhead' });
    ks.set('cro', { kind: 'all' }, 'reducing', 'market turmoil');
    expect(ks.modeFor(trader9)).toBe('reducing');
    expect(ks.modeFor(trader1)).toBe('halted');
  });

  it('cancels the scope working orders through the canceller when set, not when cleared', () => {
    const ks = createKillSwitch(freshDb().db);
    const calls: unknown[] = [];
    ks.setCanceller((by, scope) => {
      calls.push({ by, scope });
      return 3;
    });
    expect(ks.set('deskhead', { kind: 'trader', trader: 'trader1' }, 'halted', 'why')).toMatchObject({ ok: true, canceled: 3 });
    expect(ks.set('deskhead', { kind: 'all' }, 'halted', 'why')).toMatchObject({ ok: true, canceled: 3 });
    expect(ks.clear('deskhead', { kind: 'all' })).toMatchObject({ ok: true, canceled: 0 });
    expect(calls).toEqual([
      { by: 'deskhead', scope: { trader: 'trader1' } },
      { by: 'deskhead', scope: {} },
    ]);
  });

  it('refuses a set without a reason and a clear of nothing', () => {
    const ks = createKillSwitch(freshDb().db);
    expect(ks.set('deskhead', { kind: 'all' }, 'halted', '  ')).toEqual({ ok: false, reason: 'a kill switch needs a reason' });
    expect(ks.clear('deskhead', { kind: 'desk', desk: 'Equities' })).toEqual({ ok: false, reason: 'there is no kill switch set for desk Equities' });
  });

  it('keeps every set and clear, with who and why, across a restart', () => {
    const { db, dir } = freshDb();
    const ks = createKillSwitch(db, { now: () => 5000 });
    const seen: KillSwitchEvent[] = [];
    ks.changes$.subscribe((e) => seen.push(e));
    ks.set('deskhead', { kind: 'trader', trader: 'trader1' }, 'halted', 'runaway algo');
    ks.set('deskhead', { kind: 'trader', trader: 'trader1' }, 'reducing', 'algo fixed, flatten only');
    ks.clear('deskhead2', { kind: 'trader', trader: 'trader1' }, 'flat now');
    ks.set('deskhead', { kind: 'desk', desk: 'Equities' }, 'halted', 'fire drill');
    expect(seen.map((e) => `${e.action} ${e.mode} ${e.by}`)).toEqual(['set halted deskhead', 'set reducing deskhead', 'clear reducing deskhead2', 'set halted deskhead']);
    db.close();

    const again = createKillSwitch(openDatabase(dir));
    expect(again.switches()).toEqual([{ scope: { kind: 'desk', desk: 'Equities' }, mode: 'halted', reason: 'fire drill', setBy: 'deskhead', setAt: 5000 }]);
    expect(again.history().map((e) => [e.seq, e.action, e.reason, e.by])).toEqual([
      [1, 'set', 'runaway algo', 'deskhead'],
      [2, 'set', 'algo fixed, flatten only', 'deskhead'],
      [3, 'clear', 'flat now', 'deskhead2'],
      [4, 'set', 'fire drill', 'deskhead'],
    ]);
    expect(again.modeFor(trader1)).toBe('halted');
  });
});
