import type { DurableLog } from './journal.ts';

/**
 * Group commit for the order journal, pipelined. Journal writes queued in the
 * same turn of the event loop go to the file in one write; one fdatasync
 * (run on libuv's thread pool) then makes them durable, and only then does
 * what each write unlocks run — the ack, the execution report, the order sent
 * to its venue — in queue order. While that sync is in flight the gateway
 * keeps working and the next turns' writes go to the file; they are covered
 * by the next sync, started as soon as this one ends. Journal first, then
 * announce, still holds for every event; the gateway's thread never waits
 * for the disk.
 */
export interface CommitQueue {
  /** Queues a journal write; `afterDurable` runs once it is on disk, in queue order. */
  enqueue(write: () => void, afterDurable: () => void): void;
  /**
   * The same with one object: its `write()` and then, once durable, its `after()` are called as its methods. The
   * order path queues one such object per event instead of two closures and their context (see orderManager).
   */
  enqueueEntry(entry: CommitEntry): void;
  /**
   * Runs `fn` once everything queued so far is durable, right after it is announced, without a journal write of
   * its own: riding on the batch already pending. With nothing pending it runs in a microtask.
   */
  afterPending(fn: () => void): void;
  /** Writes and syncs what is queued or in flight now, and announces it, before returning (tests, shutdown). */
  flush(): void;
  /** Flushes and refuses further writes. */
  stop(): void;
}

export type CommitMode = 'group' | 'immediate';

export interface CommitQueueOptions {
  mode: CommitMode;
  /** A failed write or sync: nothing queued with it is announced; the caller logs and alarms. */
  onCommitFailed(err: unknown, lost: number): void;
  /**
   * An announcement that threw. It is durable already, so the rest of the batch
   * is still announced: one bad subscriber must not silence the others, nor
   * (thrown from a callback) bring the process down.
   */
  onAnnounceFailed?(err: unknown): void;
}

const noWrite = (): void => {};

/** A journal write and what it unlocks, called as methods of the entry. */
export interface CommitEntry {
  write(): void;
  after(): void;
}

type Pending = CommitEntry;

export function createCommitQueue(log: DurableLog, options: CommitQueueOptions): CommitQueue {
  /** Queued, not yet written to the file. */
  let queue: Pending[] = [];
  /** Written to the file, waiting for a sync that starts after their write. */
  let written: Pending[] = [];
  /** Covered by the sync in flight; emptied in place when a blocking flush announces them first. */
  let syncing: Pending[] | null = null;
  let scheduled = false;
  let stopped = false;

  function announce(batch: readonly Pending[]): void {
    for (const p of batch) {
      try {
        p.after();
      } catch (err) {
        options.onAnnounceFailed?.(err);
      }
    }
  }

  /** Writes the queue to the file; false (and the queue dropped, reported) when the write failed. */
  function writeQueued(): boolean {
    if (queue.length === 0) return true;
    const batch = queue;
    queue = [];
    try {
      log.batch(() => {
        for (const p of batch) p.write();
      });
    } catch (err) {
      options.onCommitFailed(err, batch.length);
      return false;
    }
    for (const p of batch) written.push(p);
    return true;
  }

  function startSync(): void {
    if (syncing !== null || written.length === 0) return;
    const covered = written;
    written = [];
    syncing = covered;
    log.sync((err) => {
      syncing = null;
      // A blocking flush may have synced and announced these already (it empties the array).
      const batch = covered.splice(0);
      if (batch.length === 0) {
        // Nothing left to answer for (a blocking flush took it, or the journal was closed under it).
      } else if (err) options.onCommitFailed(err, batch.length);
      else announce(batch);
      startSync();
    });
  }

  function onTurnEnd(): void {
    scheduled = false;
    writeQueued();
    startSync();
  }

  function flush(): void {
    writeQueued();
    const inFlight = syncing === null ? [] : syncing.splice(0);
    const waiting = written;
    written = [];
    if (inFlight.length === 0 && waiting.length === 0) return;
    try {
      log.syncNow();
    } catch (err) {
      options.onCommitFailed(err, inFlight.length + waiting.length);
      return;
    }
    announce(inFlight);
    announce(waiting);
  }

  function enqueueEntry(entry: Pending): void {
    if (stopped) throw new Error('the order journal is closed');
    queue.push(entry);
    if (options.mode === 'immediate') {
      // One sync per event: the baseline group commit is measured against.
      flush();
      return;
    }
    if (!scheduled) {
      scheduled = true;
      // setImmediate runs after the I/O callbacks of this turn: every frame already read joins the batch.
      setImmediate(onTurnEnd);
    }
  }

  return {
    enqueue(write, after) {
      enqueueEntry({ write, after });
    },
    enqueueEntry,
    afterPending(fn) {
      // The last batch still waiting carries it: announced in order after what is already there, so after its cause.
      const carrier = queue.length > 0 ? queue : written.length > 0 ? written : syncing !== null && syncing.length > 0 ? syncing : null;
      if (carrier === null) queueMicrotask(fn);
      else carrier.push({ write: noWrite, after: fn });
    },
    flush,
    stop() {
      flush();
      stopped = true;
    },
  };
}
