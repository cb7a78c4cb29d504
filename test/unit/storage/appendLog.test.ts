import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { openAppendLog, readLogLines } from '../../../server/storage/appendLog.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function freshPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fot-applog-'));
  dirs.push(dir);
  return join(dir, 'test.log');
}

describe('append log', () => {
  it('writes each batch as the lines it was given, in order, any text (accents, CJK, emoji) byte for byte', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: 'grapheme', maxLength: 40 }).map((s) => s.replace(/\n/g, ' ')), { maxLength: 20 }), { maxLength: 8 }), (batches) => {
        const path = freshPath();
        const log = openAppendLog(path);
        for (const b of batches) {
          for (const line of b) log.append(line);
          log.writeOut();
        }
        log.syncNow();
        log.close();
        const expected = batches.flat().map((l) => `${l}\n`).join('');
        expect(readFileSync(path, 'utf8')).toBe(expected);
      }),
      { numRuns: 60 },
    );
  });

  it('a batch larger than its buffer grows it and still writes every line whole', () => {
    const path = freshPath();
    const log = openAppendLog(path);
    const big = 'é'.repeat(50_000); // 100,000 bytes of UTF-8 a line
    for (let i = 0; i < 6; i++) log.append(`${i}:${big}`);
    log.writeOut();
    log.append('after');
    log.writeOut();
    log.close();
    const { lines, tornBytes } = readLogLines(path);
    expect(tornBytes).toBe(0);
    expect(lines).toEqual([...Array.from({ length: 6 }, (_, i) => `${i}:${big}`), 'after']);
  });

  it('lines given as bytes land between text lines in order, the batch growing for them as for text', () => {
    const path = freshPath();
    const log = openAppendLog(path);
    const asBytes = (text: string) => {
      const bytes = Buffer.from(text, 'utf8');
      return [bytes.length, (target: Uint8Array, at: number) => (target.set(bytes, at), bytes.length)] as const;
    };
    log.append('text 1');
    log.appendBytes(...asBytes('bytes 1 · ü'));
    const big = 'x'.repeat(300_000);
    log.appendBytes(...asBytes(big));
    log.append('text 2');
    log.writeOut();
    log.close();
    expect(readLogLines(path).lines).toEqual(['text 1', 'bytes 1 · ü', big, 'text 2']);
  });

  it('discard drops the lines appended since the last write, and nothing else', () => {
    const path = freshPath();
    const log = openAppendLog(path);
    log.append('kept');
    log.writeOut();
    log.append('dropped 1');
    log.append('dropped 2');
    log.discard();
    log.writeOut();
    log.append('kept too');
    log.writeOut();
    log.close();
    expect(readLogLines(path).lines).toEqual(['kept', 'kept too']);
  });
});
