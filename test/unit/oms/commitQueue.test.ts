import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCommitQueue } from '../../../server/oms/commitQueue.ts';
import { type Db, openDatabase } from '../../../server/storage/database.ts';

let dir: string;
let db: Db;

function open(): Db {
  dir = mkdtempSync(join(tmpdir(), 'fot-cq-'));
  db = openDatabase(dir);
  db.exec('CREATE TABLE t (n INTEGER PRIMARY KEY)');
  return db;
}

afterEach(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

const count = () => (db.prepare('SELECT count(*) AS c FROM t').get() as { c: number }).c;
const nextTurn = () => new Promise((r) => setImmediate(r));

describe('commit queue', () => {
  it('group mode: writes of one turn share a transaction and are announced only after it, in order', async () => {
    open();
    const ins = db.prepare('INSERT INTO t (n) VALUES (?)');
    const q = createCommitQueue(db, { mode: 'group', onCommitFailed: () => {} });
    const announced: number[] = [];
    const seenOnDisk: number[] = [];
    for (let n = 1; n <= 5; n++) {
      q.enqueue(
        () => ins.run(n),
        () => {
          announced.push(n);
          seenOnDisk.push(count());
        },
      );
    }
    expect(announced).toEqual([]);
    expect(count()).toBe(0);
    await nextTurn();
    expect(announced).toEqual([1, 2, 3, 4, 5]);
    // Every announcement saw the whole batch committed.
    expect(seenOnDisk).toEqual([5, 5, 5, 5, 5]);
  });

  it('a failed batch announces nothing of it and reports how much was lost', async () => {
    open();
    const ins = db.prepare('INSERT INTO t (n) VALUES (?)');
    let lost = 0;
    const q = createCommitQueue(db, { mode: 'group', onCommitFailed: (_e, n) => (lost = n) });
    const announced: number[] = [];
    q.enqueue(() => ins.run(1), () => announced.push(1));
    q.enqueue(() => ins.run(1), () => announced.push(2)); // primary key clash: the whole batch rolls back
    await nextTurn();
    expect(announced).toEqual([]);
    expect(lost).toBe(2);
    expect(count()).toBe(0);
    // The queue goes on with the next batch.
    q.enqueue(() => ins.run(3), () => announced.push(3));
    q.flush();
    expect(announced).toEqual([3]);
    expect(count()).toBe(1);
  });

  it('an announcement that throws does not stop the rest of its batch', async () => {
    open();
    const ins = db.prepare('INSERT INTO t (n) VALUES (?)');
    const failures: unknown[] = [];
    const q = createCommitQueue(db, { mode: 'group', onCommitFailed: () => {}, onAnnounceFailed: (e) => failures.push(e) });
    const announced: number[] = [];
    q.enqueue(() => ins.run(1), () => {
      throw new Error('subscriber bug');
    });
    q.enqueue(() => ins.run(2), () => announced.push(2));
    await nextTurn();
    expect(announced).toEqual([2]);
    expect(failures).toHaveLength(1);
    expect(count()).toBe(2);
  });

  it('immediate mode commits and announces before enqueue returns', () => {
    open();
    const ins = db.prepare('INSERT INTO t (n) VALUES (?)');
    const q = createCommitQueue(db, { mode: 'immediate', onCommitFailed: () => {} });
    let seen = -1;
    q.enqueue(() => ins.run(7), () => (seen = count()));
    expect(seen).toBe(1);
  });

  it('an announcement that queues more work lands in the next batch', async () => {
    open();
    const ins = db.prepare('INSERT INTO t (n) VALUES (?)');
    const q = createCommitQueue(db, { mode: 'group', onCommitFailed: () => {} });
    const order: string[] = [];
    q.enqueue(() => ins.run(1), () => {
      order.push('a1');
      q.enqueue(() => ins.run(2), () => order.push('a2'));
    });
    await nextTurn();
    expect(order).toEqual(['a1']);
    await nextTurn();
    expect(order).toEqual(['a1', 'a2']);
  });

  it('stop flushes what is queued and refuses more', () => {
    open();
    const ins = db.prepare('INSERT INTO t (n) VALUES (?)');
    const q = createCommitQueue(db, { mode: 'group', onCommitFailed: () => {} });
    q.enqueue(() => ins.run(1), () => {});
    q.stop();
    expect(count()).toBe(1);
    expect(() => q.enqueue(() => ins.run(2), () => {})).toThrow(/closed/);
  });
});
