// The store answers "is this a book account / a block order" from memory: the ids must follow its own writes and a restart.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createClientBookStore } from '../../../server/clientbook/clientBookStore.ts';
import { type Db, openDatabase } from '../../../server/storage/database.ts';

const dirs: string[] = [];
const dbs: Db[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function freshDb(dir = mkdtempSync(join(tmpdir(), 'clientbook-ids-'))): { db: Db; dir: string } {
  if (!dirs.includes(dir)) dirs.push(dir);
  const db = openDatabase(dir);
  dbs.push(db);
  return { db, dir };
}

function openAccount(store: ReturnType<typeof createClientBookStore>) {
  const p = store.addProspect({ name: 'Ivy Quartermaine', email: '', phone: '', source: '', notes: '', advisor: 'advisor1', riskTolerance: 3, createdAt: 1 });
  return store.convertProspect(p.prospectId, { riskTolerance: 3, objective: 'growth', accountType: 'Individual', deposit: '1000', today: '2026-11-23', kycExpiresOn: '2027-11-23', modelId: null });
}

describe('client book store: account and block order ids in memory', () => {
  it('knows an account opened through it at once, and nothing of a trader account', () => {
    const store = createClientBookStore(freshDb().db);
    expect(store.isBookAccount('T1-MAIN')).toBe(false);
    expect(store.account('T1-MAIN')).toBeUndefined();
    expect(store.holding('T1-MAIN', 'AAPL')).toBeUndefined();
    const { accountId, clientId } = openAccount(store);
    expect(store.isBookAccount(accountId)).toBe(true);
    expect(store.account(accountId)).toMatchObject({ accountId, clientId, cash: '1000' });
    store.setHolding(accountId, 'AAPL', '10', '150');
    expect(store.holding(accountId, 'AAPL')).toMatchObject({ quantity: '10', avgCost: '150' });
  });

  it('knows a block order once added, and reads what it holds', () => {
    const store = createClientBookStore(freshDb().db);
    const seq = store.addProposal('advisor1', 1, (proposalId) => ({ proposalId }));
    expect(store.isBlockOrder('O-1')).toBe(false);
    expect(store.blockOrder('O-1')).toBeUndefined();
    store.addBlockOrder({ orderId: 'O-1', proposalSeq: seq, symbol: 'AAPL', side: 'buy', quantity: '100' });
    expect(store.isBlockOrder('O-1')).toBe(true);
    expect(store.blockOrder('O-1')).toEqual({ orderId: 'O-1', proposalSeq: seq, symbol: 'AAPL', side: 'buy', quantity: '100', allocatedAt: null });
  });

  it('reads the ids already kept when it starts over the same database (a restart)', () => {
    const first = freshDb();
    const store = createClientBookStore(first.db);
    const { accountId } = openAccount(store);
    const seq = store.addProposal('advisor1', 1, (proposalId) => ({ proposalId }));
    store.addBlockOrder({ orderId: 'O-7', proposalSeq: seq, symbol: 'MSFT', side: 'sell', quantity: '5' });
    first.db.close();
    dbs.splice(dbs.indexOf(first.db), 1);
    const again = createClientBookStore(freshDb(first.dir).db);
    expect(again.account(accountId)?.accountId).toBe(accountId);
    expect(again.blockOrder('O-7')?.quantity).toBe('5');
    expect(again.isBookAccount('T1-MAIN')).toBe(false);
  });
});
