/**
 * The disk's floor under a durable ack: one line appended to a file and
 * fdatasync'd, as the order journal (`server/storage/appendLog.ts`) does for
 * each batch, timed one at a time. No order can be acknowledged faster than
 * this after its event is on disk, so the WebSocket figures are read against it.
 */
import { closeSync, fdatasyncSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface FsyncFloor {
  commits: number;
  p50: number;
  p99: number;
  min: number;
}

export function measureFsyncFloor(commits = 1000): FsyncFloor {
  const dir = mkdtempSync(join(tmpdir(), 'fot-fsync-'));
  const fd = openSync(join(dir, 'floor.journal'), 'a');
  try {
    // About five events' lines: a batch at 5,000 orders/s.
    const line = Buffer.from(`${'x'.repeat(1500)}\n`);
    const times: number[] = [];
    for (let i = 0; i < commits; i++) {
      const t = performance.now();
      writeSync(fd, line);
      fdatasyncSync(fd);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const at = (p: number) => times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)]!;
    return { commits, p50: at(50), p99: at(99), min: times[0]! };
  } finally {
    closeSync(fd);
    rmSync(dir, { recursive: true, force: true });
  }
}
