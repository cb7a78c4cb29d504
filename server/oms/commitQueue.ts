import type { Db } from '../storage/database.ts';

/**
 * Group commit for the order journal. With synchronous=FULL every SQLite
 * transaction ends in an fsync, and one fsync per event caps the order path
 * at a few hundred events a second. Here writes queued in the same turn of the
 * event loop share one transaction (one fsync), and what each write unlocks —
 * the ack, the execution report, the order sent to its venue — runs only once
 * that transaction is durable. Journal first, then announce, still holds for
 * every event; only the fsync is shared.
 */
export interface CommitQueue {
  /** Queues a journal write; `afterDurable` runs once it is on disk, in queue order. */
  enqueue(write: () => void, afterDurable: () => void): void;
  /** Commits what is queued now (tests, shutdown). */
  flush(): void;
  /** Flushes and refuses further writes. */
  stop(): void;
}

export type CommitMode = 'group' | 'immediate';

export interface CommitQueueOptions {
  mode: CommitMode;
  /** A failed commit: nothing queued with it is announced; the caller logs and alarms. */
  onCommitFailed(err: unknown, lost: number): void;
  /**
   * An announcement that threw. It is durable already, so the rest of the batch
   * is still announced: one bad subscriber must not silence the others, nor
   * (thrown from a timer) bring the process down.
   */
  onAnnounceFailed?(err: unknown): void;
}

interface Pending {
  write: () => void;
  after: () => void;
}

export function createCommitQueue(db: Db, options: CommitQueueOptions): CommitQueue {
  let queue: Pending[] = [];
  let scheduled = false;
  let stopped = false;
  const commitAll = db.transaction((batch: readonly Pending[]) => {
    for (const p of batch) p.write();
  });

  function flush(): void {
    scheduled = false;
    if (queue.length === 0) return;
    const batch = queue;
    queue = [];
    try {
      commitAll(batch);
    } catch (err) {
      options.onCommitFailed(err, batch.length);
      return;
    }
    for (const p of batch) {
      try {
        p.after();
      } catch (err) {
        options.onAnnounceFailed?.(err);
      }
    }
  }

  return {
    enqueue(write, after) {
      if (stopped) throw new Error('the order journal is closed');
      if (options.mode === 'immediate') {
        commitAll([{ write, after }]);
        after();
        return;
      }
      queue.push({ write, after });
      if (!scheduled) {
        scheduled = true;
        // setImmediate runs after the I/O callbacks of this turn: every frame already read joins the batch.
        setImmediate(flush);
      }
    },
    flush,
    stop() {
      flush();
      stopped = true;
    },
  };
}
