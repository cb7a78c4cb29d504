import { closeSync, fdatasync, fdatasyncSync, fstatSync, ftruncateSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * An append-only file of text lines, written in batches and made durable
 * with fdatasync. Appending only buffers; `writeOut` hands the buffer to the
 * kernel in one write; `sync` (async, on libuv's thread pool) or `syncNow`
 * makes everything written so far durable. Splitting the two lets the order
 * path go on filling the next batch while the disk flushes the last one.
 */
export interface AppendLog {
  readonly path: string;
  /** Buffers one line (without its newline). */
  append(line: string): void;
  /**
   * Buffers one line given as bytes (without its newline): `copy` puts exactly `bytes` bytes at `at` in the
   * batch and returns how many it put.
   */
  appendBytes(bytes: number, copy: (target: Uint8Array, at: number) => number): void;
  /** Drops the lines appended since the last writeOut (a batch that failed before it reached the file). */
  discard(): void;
  /**
   * Writes the buffered lines to the file (the page cache; not durable yet).
   * On an I/O error the file is cut back to where it was, so no half batch
   * stays in front of the next one, and the error is thrown.
   */
  writeOut(): void;
  /** Makes every line written out so far durable; `done` runs on the event loop afterwards. */
  sync(done: (err: Error | null) => void): void;
  /** The same, blocking. */
  syncNow(): void;
  close(): void;
}

export interface ReadLines {
  /** Complete lines, in file order, without newlines (empty lines skipped). */
  lines: string[];
  /**
   * Bytes of an unfinished last line (a write torn by a crash) that were cut
   * off so new lines do not run into it; 0 when the file ended cleanly.
   */
  tornBytes: number;
}

/**
 * Reads every complete line of a log. A last line without its newline was
 * never made durable as a whole (the writer writes whole lines, then syncs),
 * so nothing announced can depend on it: it is cut off here, before any append.
 */
export function readLogLines(path: string): ReadLines {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { lines: [], tornBytes: 0 };
    throw err;
  }
  const end = text.lastIndexOf('\n') + 1;
  const tornBytes = Buffer.byteLength(text.slice(end));
  if (tornBytes > 0) {
    const fd = openSync(path, 'r+');
    try {
      ftruncateSync(fd, Buffer.byteLength(text.slice(0, end)));
      fdatasyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
  const lines = text.slice(0, end).split('\n').filter((l) => l.length > 0);
  return { lines, tornBytes };
}

const NEWLINE = 0x0a;

/** Opens (creating) a log for appending. The file's directory entry is synced once when the file is new. */
export function openAppendLog(path: string): AppendLog {
  let fd: number | undefined;
  /**
   * The batch being filled, as bytes: each line is encoded into it where it lands, so a batch costs no array of
   * parts, no joined copy and no fresh Buffer (about 640 bytes of garbage an order when it did). Reused from batch
   * to batch; it grows for a batch larger than any before.
   */
  let batch = Buffer.allocUnsafeSlow(256 * 1024);
  let used = 0;
  function room(bytes: number): void {
    if (used + bytes <= batch.length) return;
    const bigger = Buffer.allocUnsafeSlow(Math.max(2 * batch.length, used + bytes));
    batch.copy(bigger, 0, 0, used);
    batch = bigger;
  }
  /** The file's length after the last complete write. */
  let size = 0;

  function handle(): number {
    if (fd === undefined) {
      fd = openSync(path, 'a');
      size = fstatSync(fd).size;
      if (size === 0) syncDirectory(dirname(path));
    }
    return fd;
  }

  return {
    path,
    append(line) {
      // Three bytes of UTF-8 at most per UTF-16 unit, and the newline.
      room(3 * line.length + 1);
      used += batch.write(line, used, 'utf8');
      batch[used++] = NEWLINE;
    },
    appendBytes(bytes, copy) {
      room(bytes + 1);
      used += copy(batch, used);
      batch[used++] = NEWLINE;
    },
    discard() {
      used = 0;
    },
    writeOut() {
      if (used === 0) return;
      const length = used;
      used = 0;
      const f = handle();
      let off = 0;
      try {
        while (off < length) off += writeSync(f, batch, off, length - off);
      } catch (err) {
        if (off > 0) ftruncateSync(f, size);
        throw err;
      }
      size += length;
    },
    sync(done) {
      const f = handle();
      fdatasync(f, (err) => done(err));
    },
    syncNow() {
      fdatasyncSync(handle());
    },
    close() {
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
    },
  };
}

function syncDirectory(dir: string): void {
  // A new file's name must survive a crash too; some filesystems refuse to sync a directory, which then costs nothing to skip.
  try {
    const d = openSync(dir, 'r');
    try {
      fdatasyncSync(d);
    } finally {
      closeSync(d);
    }
  } catch {
    /* best effort */
  }
}
