import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';

const run = promisify(execFile);

/** Where Debian's libquickfix-doc puts the example programs (override with QUICKFIX_EXAMPLES_DIR). */
export const QUICKFIX_EXAMPLES_DIR = process.env['QUICKFIX_EXAMPLES_DIR'] ?? '/usr/share/doc/libquickfix-doc/examples';

/** Built binaries live here between runs, so only the first run pays for g++. */
export const QUICKFIX_CACHE_DIR = resolve(import.meta.dirname, '../../../node_modules/.cache/quickfix-examples');

export const QUICKFIX_PROGRAMS = ['executor', 'ordermatch'] as const;
export type QuickFixProgram = (typeof QUICKFIX_PROGRAMS)[number];

const SOURCE_DIRS: Record<QuickFixProgram, string> = {
  executor: 'executor/C++',
  ordermatch: 'ordermatch',
};

// The examples use dynamic exception specifications (throw(...)), which C++17,
// g++'s default, removed; -w hides the deprecation noise of the QuickFIX headers.
const CXXFLAGS = ['-std=gnu++11', '-O1', '-w', '-pthread'];
const LIBS = ['-lquickfix', '-lpthread'];

interface SourceFile {
  readonly name: string;
  readonly text: Buffer;
}

/**
 * The C++ sources of one example: *.cpp and *.h, gunzipped where Debian
 * compressed them. The prebuilt objects and binaries beside them are ignored:
 * a fresh machine builds from source against its own libquickfix.
 */
export function exampleSources(program: QuickFixProgram, examplesDir = QUICKFIX_EXAMPLES_DIR): SourceFile[] {
  const dir = join(examplesDir, SOURCE_DIRS[program]);
  if (!existsSync(dir)) {
    throw new Error(`QuickFIX example sources not found in ${dir}: install libquickfix-doc and libquickfix-dev (npm test does)`);
  }
  const files: SourceFile[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const m = /^(.+\.(?:cpp|h))(\.gz)?$/.exec(entry.name);
    if (!m?.[1]) continue;
    const raw = readFileSync(join(dir, entry.name));
    files.push({ name: m[1], text: m[2] ? gunzipSync(raw) : raw });
  }
  if (!files.some((f) => f.name.endsWith('.cpp'))) throw new Error(`no C++ sources for ${program} in ${dir}`);
  return files.sort((a, b) => a.name.localeCompare(b.name));
}

function fingerprint(files: readonly SourceFile[]): string {
  const h = createHash('sha256');
  h.update([...CXXFLAGS, ...LIBS].join(' '));
  for (const f of files) h.update(`\0${f.name}\0`).update(f.text);
  return h.digest('hex').slice(0, 16);
}

/**
 * Builds one QuickFIX example program (or finds it already built for the same
 * sources) and returns the path of its binary. Safe to call from parallel test
 * files: each build happens in its own directory and is renamed into place.
 */
export async function buildExample(program: QuickFixProgram, cacheDir = QUICKFIX_CACHE_DIR): Promise<string> {
  const files = exampleSources(program);
  const target = join(cacheDir, `${program}-${fingerprint(files)}`);
  const binary = join(target, program);
  if (existsSync(binary)) return binary;

  const work = `${target}.build-${process.pid}`;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  for (const f of files) writeFileSync(join(work, f.name), f.text);
  // The sources include the config.h of QuickFIX's autotools build; an empty
  // one leaves out the optional SSL acceptors, which these tests do not use.
  writeFileSync(join(work, 'config.h'), '');
  const cpps = files.filter((f) => f.name.endsWith('.cpp')).map((f) => f.name);
  try {
    await run('g++', [...CXXFLAGS, '-I.', '-o', program, ...cpps, ...LIBS], { cwd: work, maxBuffer: 16 * 1024 * 1024 });
  } catch (err) {
    const stderr = (err as { stderr?: string }).stderr ?? '';
    rmSync(work, { recursive: true, force: true });
    throw new Error(`building QuickFIX ${program} failed:\n${stderr.slice(0, 4000)}`);
  }
  try {
    renameSync(work, target);
  } catch {
    // Another process finished the same build first; its binary is as good as ours.
    rmSync(work, { recursive: true, force: true });
  }
  return binary;
}
