/**
 * The disk's floor under a durable ack: one SQLite commit with synchronous=FULL
 * in WAL mode (what the order journal does), timed one at a time. No order can
 * be acknowledged faster than this after its event is on disk, so the
 * WebSocket figures are read against it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';

export interface FsyncFloor {
  commits: number;
  p50: number;
  p99: number;
  min: number;
}

export function measureFsyncFloor(commits = 300): FsyncFloor {
  const dir = mkdtempSync(join(tmpdir(), 'fot-fsync-'));
  const db = new Database(join(dir, 'floor.sqlite'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec('CREATE TABLE t (n INTEGER PRIMARY KEY, payload TEXT NOT NULL)');
    const ins = db.prepare('INSERT INTO t (n, payload) VALUES (?, ?)');
    const times: number[] = [];
    for (let i = 0; i < commits; i++) {
      const t = performance.now();
      ins.run(i, 'x'.repeat(200));
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const at = (p: number) => times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)]!;
    return { commits, p50: at(50), p99: at(99), min: times[0]! };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
