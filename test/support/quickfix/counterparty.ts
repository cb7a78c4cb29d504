import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildExample, type QuickFixProgram } from './buildExample.ts';
import { type AcceptorSession, type QuickFixBeginString, findDataDictionary, renderAcceptorSettings } from './sessionSettings.ts';

export const LOOPBACK = '127.0.0.1';

/** A running QuickFIX example program, accepting FIX sessions on a loopback port. */
export interface Counterparty {
  readonly program: QuickFixProgram;
  readonly host: string;
  readonly port: number;
  /** Holds the settings file, QuickFIX's file store and the program's screen log. */
  readonly dir: string;
  readonly sessions: readonly AcceptorSession[];
  /** What the program printed so far (QuickFIX's screen log: every message in and out). */
  log(): string;
  /** Stops the program and deletes its directory, unless kept to start it again on the same store. */
  stop(options?: { keepFiles?: boolean }): Promise<void>;
}

export interface StartOptions {
  readonly sessions: readonly AcceptorSession[];
  /** Reuse a directory (and so QuickFIX's stored sequence numbers) from an earlier run. */
  readonly dir?: string;
  readonly port?: number;
}

/** A port free on the loopback interface right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, LOOPBACK, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

function connects(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = createConnection({ host: LOOPBACK, port });
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

const running = new Set<ChildProcess>();
// A test runner that dies in the middle must not leave acceptors behind.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * Builds (or reuses) the program, writes its settings and starts it, resolving
 * once its port accepts connections.
 */
export async function startCounterparty(program: QuickFixProgram, options: StartOptions): Promise<Counterparty> {
  const binary = await buildExample(program);
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), `quickfix-${program}-`));
  const port = options.port ?? (await freePort());
  const storePath = join(dir, 'store');
  mkdirSync(storePath, { recursive: true });
  const versions = [...new Set(options.sessions.map((s) => s.beginString))];
  const dictionaries = Object.fromEntries(versions.map((v) => [v, findDataDictionary(v)])) as Record<QuickFixBeginString, string>;
  const settingsFile = join(dir, `${program}.cfg`);
  writeFileSync(settingsFile, renderAcceptorSettings({ port, fileStorePath: storePath, sessions: options.sessions, dictionaries }));

  const logFile = join(dir, `${program}.log`);
  const out = openSync(logFile, 'a');
  // ordermatch reads commands from stdin and spins on end of file, so stdin stays an open pipe.
  const child = spawn(binary, [settingsFile], { cwd: dir, stdio: ['pipe', out, out] });
  closeSync(out);
  running.add(child);
  let exited: string | null = null;
  const exit = new Promise<void>((done) =>
    child.once('exit', (code, signal) => {
      exited = `exited with ${signal ?? code}`;
      running.delete(child);
      done();
    }),
  );
  const log = () => readFileSync(logFile, 'utf8');

  const deadline = Date.now() + 30_000;
  while (!(await connects(port))) {
    if (exited !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`QuickFIX ${program} did not listen on ${LOOPBACK}:${port} (${exited ?? 'timed out'}):\n${log()}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }

  return {
    program,
    host: LOOPBACK,
    port,
    dir,
    sessions: options.sessions,
    log,
    async stop(stopOptions) {
      if (exited === null) {
        // ordermatch stops its acceptor (logging every session out) on '#quit';
        // executor has no command loop and ends on a signal.
        if (program === 'ordermatch') child.stdin?.write('#quit\n');
        else child.kill('SIGTERM');
        const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exit;
        clearTimeout(force);
      }
      if (!stopOptions?.keepFiles) rmSync(dir, { recursive: true, force: true });
    },
  };
}
