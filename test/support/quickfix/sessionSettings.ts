import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export type QuickFixBeginString = 'FIX.4.2' | 'FIX.4.4';

/** One acceptor session, named from the counterparty's side: it is the sender. */
export interface AcceptorSession {
  readonly beginString: QuickFixBeginString;
  readonly senderCompId: string;
  readonly targetCompId: string;
}

export interface AcceptorSettings {
  readonly port: number;
  readonly fileStorePath: string;
  readonly sessions: readonly AcceptorSession[];
  /** Data dictionary per FIX version, as QuickFIX validates incoming messages against it. */
  readonly dictionaries: Readonly<Record<QuickFixBeginString, string>>;
}

/**
 * The QuickFIX settings file of an acceptor. StartTime equal to EndTime keeps
 * the sessions open all day, so a test never meets a session window.
 */
export function renderAcceptorSettings(s: AcceptorSettings): string {
  const lines = [
    '[DEFAULT]',
    'ConnectionType=acceptor',
    `SocketAcceptPort=${s.port}`,
    'SocketReuseAddress=Y',
    `FileStorePath=${s.fileStorePath}`,
    'StartTime=00:00:00',
    'EndTime=00:00:00',
    'UseDataDictionary=Y',
  ];
  for (const session of s.sessions) {
    lines.push(
      '',
      '[SESSION]',
      `BeginString=${session.beginString}`,
      `SenderCompID=${session.senderCompId}`,
      `TargetCompID=${session.targetCompId}`,
      `DataDictionary=${s.dictionaries[session.beginString]}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

const QUICKFIX_PACKAGES = ['libquickfix-dev', 'libquickfix-doc', 'libquickfix16', 'libquickfix17'];
const JSPUREFIX_DATA = resolve(import.meta.dirname, '../../../node_modules/jspurefix/data');

/**
 * The data dictionary QuickFIX ships for a version, found through dpkg; Debian's
 * packages leave it out, so jspurefix's copy (the same QuickFIX XML) stands in.
 */
export function findDataDictionary(beginString: QuickFixBeginString): string {
  const file = `${beginString.replaceAll('.', '')}.xml`;
  for (const pkg of QUICKFIX_PACKAGES) {
    let listing = '';
    try {
      listing = execFileSync('dpkg', ['-L', pkg], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    } catch {
      continue; // not installed, or no dpkg at all
    }
    const hit = listing.split('\n').find((p) => p.endsWith(`/${file}`));
    if (hit && existsSync(hit)) return hit;
  }
  const fallback = resolve(JSPUREFIX_DATA, file);
  if (!existsSync(fallback)) throw new Error(`no ${file} data dictionary from QuickFIX or jspurefix`);
  return fallback;
}
