import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCommitQueue } from '../../../server/oms/commitQueue.ts';
import type { DurableLog } from '../../../server/oms/journal.ts';
import { type AppendLog, openAppendLog } from '../../../server/storage/appendLog.ts';

let dir: string;
let file: AppendLog | undefined;

afterEach(() => {
  file?.close();
  file = undefined;
  rmSync(dir, { recursive: true, force: true });
});

/** A real file log; `hold` delays each sync until the test releases it, to see what happens while one is in flight. */
function open(opts: { hold?: boolean; failSync?: () => boolean } = {}) {
  dir = mkdtempSync(join(tmpdir(), 'fot-cq-'));
  const path = join(dir, 'test.log');
  const f = openAppendLog(path);
  file = f;
  const held: Array<() => void> = [];
  let syncs = 0;
  const log: DurableLog = {
    batch(writes) {
      try {
        writes();
      } catch (err) {
        f.discard();
        throw err;
      }
      f.writeOut();
    },
    sync(done) {
      syncs += 1;
      const run = () => (opts.failSync?.() ? setImmediate(() => done(new Error('EIO: disk gone'))) : f.sync(done));
      if (opts.hold) held.push(run);
      else run();
    },
    syncNow: () => f.syncNow(),
  };
  const lines = () => (existsSync(path) ? readFileSync(path, 'utf8') : '').split('\n').filter(Boolean);
  const release = () => held.splice(0).forEach((r) => r());
  return { log, write: (s: string) => () => f.append(s), lines, release, syncs: () => syncs };
}

const nextTurn = () => new Promise((r) => setImmediate(r));
/**
 * Waits until the condition holds: the sync runs on the thread pool, so its end is not one turn away.
 * A disk shared with other work can take long; the test's timeout is the only limit.
 */
async function until(cond: () => boolean): Promise<void> {
  while (!cond()) await new Promise((r) => setTimeout(r, 1));
}

describe('commit queue', { timeout: 30_000 }, () => {
  it('group mode: writes of one turn go out together and are announced only after their sync, in order', async () => {
    const t = open();
    const q = createCommitQueue(t.log, { mode: 'group', onCommitFailed: () => {} });
    const announced: number[] = [];
    const seenOnDisk: number[] = [];
    for (let n = 1; n <= 5; n++) {
      q.enqueue(t.write(`line ${n}`), () => {
        announced.push(n);
        seenOnDisk.push(t.lines().length);
      });
    }
    expect(announced).toEqual([]);
    expect(t.lines()).toEqual([]);
    await until(() => announced.length === 5);
    expect(announced).toEqual([1, 2, 3, 4, 5]);
    // Every announcement saw the whole batch in the file, and one sync covered it.
    expect(seenOnDisk).toEqual([5, 5, 5, 5, 5]);
    expect(t.syncs()).toBe(1);
  });

  it('a batch whose write fails announces nothing of it, reports how much was lost and leaves no line of it', async () => {
    const t = open();
    let lost = 0;
    const q = createCommitQueue(t.log, { mode: 'group', onCommitFailed: (_e, n) => (lost = n) });
    const announced: number[] = [];
    q.enqueue(t.write('one'), () => announced.push(1));
    q.enqueue(
      () => {
        throw new Error('a row that cannot be written');
      },
      () => announced.push(2),
    );
    await nextTurn();
    await nextTurn();
    expect(announced).toEqual([]);
    expect(lost).toBe(2);
    expect(t.lines()).toEqual([]);
    // The queue goes on with the next batch.
    q.enqueue(t.write('three'), () => announced.push(3));
    q.flush();
    expect(announced).toEqual([3]);
    expect(t.lines()).toEqual(['three']);
  });

  it('a failed sync announces nothing of what it covered', async () => {
    let fail = true;
    const t = open({ failSync: () => fail });
    let lost = 0;
    const q = createCommitQueue(t.log, { mode: 'group', onCommitFailed: (_e, n) => (lost += n) });
    const announced: number[] = [];
    q.enqueue(t.write('a'), () => announced.push(1));
    q.enqueue(t.write('b'), () => announced.push(2));
    await until(() => lost === 2);
    expect(announced).toEqual([]);
    fail = false;
    q.enqueue(t.write('c'), () => announced.push(3));
    await until(() => announced.length === 1);
    expect(announced).toEqual([3]);
  });

  it('an announcement that throws does not stop the rest of its batch', async () => {
    const t = open();
    const failures: unknown[] = [];
    const q = createCommitQueue(t.log, { mode: 'group', onCommitFailed: () => {}, onAnnounceFailed: (e) => failures.push(e) });
    const announced: number[] = [];
    q.enqueue(t.write('1'), () => {
      throw new Error('subscriber bug');
    });
    q.enqueue(t.write('2'), () => announced.push(2));
    await until(() => announced.length === 1);
    expect(announced).toEqual([2]);
    expect(failures).toHaveLength(1);
    expect(t.lines()).toEqual(['1', '2']);
  });

  it('immediate mode writes, syncs and announces before enqueue returns', () => {
    const t = open();
    const q = createCommitQueue(t.log, { mode: 'immediate', onCommitFailed: () => {} });
    let seen = -1;
    q.enqueue(t.write('7'), () => (seen = t.lines().length));
    expect(seen).toBe(1);
  });

  it('an announcement that queues more work lands in a later batch', async () => {
    const t = open();
    const q = createCommitQueue(t.log, { mode: 'group', onCommitFailed: () => {} });
    const order: string[] = [];
    const linesAt: string[][] = [];
    q.enqueue(t.write('1'), () => {
      order.push('a1');
      linesAt.push(t.lines());
      q.enqueue(t.write('2'), () => {
        order.push('a2');
        linesAt.push(t.lines());
      });
    });
    await until(() => order.length === 2);
    expect(order).toEqual(['a1', 'a2']);
    // '2' was not written with '1': it had its own write and its own sync.
    expect(linesAt).toEqual([['1'], ['1', '2']]);
    expect(t.syncs()).toBe(2);
  });

  it('while a sync is in flight, later turns are written and wait for the next sync; announcements keep queue order', async () => {
    const t = open({ hold: true });
    const q = createCommitQueue(t.log, { mode: 'group', onCommitFailed: () => {} });
    const announced: string[] = [];
    q.enqueue(t.write('a'), () => announced.push('a'));
    await nextTurn();
    // 'a' is written and its sync is held in flight.
    expect(t.lines()).toEqual(['a']);
    q.enqueue(t.write('b'), () => announced.push('b'));
    q.enqueue(() => {}, () => announced.push('after b'));
    await nextTurn();
    expect(t.lines()).toEqual(['a', 'b']);
    expect(announced).toEqual([]);
    // Only one sync at a time: 'b' waits for the one started after 'a''s.
    expect(t.syncs()).toBe(1);
    t.release();
    await until(() => announced.length === 1);
    expect(announced).toEqual(['a']);
    await until(() => t.syncs() === 2);
    t.release();
    await until(() => announced.length === 3);
    expect(announced).toEqual(['a', 'b', 'after b']);
  });

  it('flush with a sync in flight syncs at once and announces everything once, oldest first', async () => {
    const t = open({ hold: true });
    const q = createCommitQueue(t.log, { mode: 'group', onCommitFailed: () => {} });
    const announced: string[] = [];
    q.enqueue(t.write('a'), () => announced.push('a'));
    await nextTurn();
    q.enqueue(t.write('b'), () => announced.push('b'));
    q.flush();
    expect(announced).toEqual(['a', 'b']);
    // The held sync ends later and announces nothing twice.
    t.release();
    await nextTurn();
    await new Promise((r) => setTimeout(r, 20));
    expect(announced).toEqual(['a', 'b']);
  });

  it('afterPending rides the pending batch (no sync of its own) and runs right after it is announced', async () => {
    const t = open({ hold: true });
    const q = createCommitQueue(t.log, { mode: 'group', onCommitFailed: () => {} });
    const seen: string[] = [];
    // Queued, not written yet: it joins this turn's batch.
    q.enqueue(t.write('a'), () => seen.push('a'));
    q.afterPending(() => seen.push('after a'));
    await nextTurn();
    expect(t.lines()).toEqual(['a']);
    // In flight: it joins the sync already running rather than asking for another.
    q.afterPending(() => seen.push('after a, in flight'));
    expect(seen).toEqual([]);
    t.release();
    await until(() => seen.length === 3);
    expect(seen).toEqual(['a', 'after a', 'after a, in flight']);
    expect(t.syncs()).toBe(1);
  });

  it('afterPending waits behind a written batch whose sync has not started, and only for it', async () => {
    const t = open({ hold: true });
    const q = createCommitQueue(t.log, { mode: 'group', onCommitFailed: () => {} });
    const seen: string[] = [];
    q.enqueue(t.write('a'), () => seen.push('a'));
    await nextTurn();
    // 'a' syncing; 'b' written and waiting for the next sync.
    q.enqueue(t.write('b'), () => seen.push('b'));
    await nextTurn();
    q.afterPending(() => seen.push('after b'));
    t.release();
    await until(() => seen.length === 1);
    expect(seen).toEqual(['a']);
    await until(() => t.syncs() === 2);
    t.release();
    await until(() => seen.length === 3);
    expect(seen).toEqual(['a', 'b', 'after b']);
    expect(t.syncs()).toBe(2);
  });

  it('afterPending with nothing pending runs in a microtask, without touching the file', async () => {
    const t = open();
    const q = createCommitQueue(t.log, { mode: 'group', onCommitFailed: () => {} });
    let ran = false;
    q.afterPending(() => (ran = true));
    expect(ran).toBe(false);
    await Promise.resolve();
    expect(ran).toBe(true);
    expect(t.syncs()).toBe(0);
    expect(t.lines()).toEqual([]);
  });

  it('stop flushes what is queued and refuses more', () => {
    const t = open();
    const q = createCommitQueue(t.log, { mode: 'group', onCommitFailed: () => {} });
    const announced: number[] = [];
    q.enqueue(t.write('1'), () => announced.push(1));
    q.stop();
    expect(t.lines()).toEqual(['1']);
    expect(announced).toEqual([1]);
    expect(() => q.enqueue(t.write('2'), () => {})).toThrow(/closed/);
  });
});
