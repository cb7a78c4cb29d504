// tsyringe, which jspurefix builds its engine with, needs the Reflect metadata polyfill loaded first.
import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import { type EngineFactory, type IJsFixConfig, type ISessionDescription, type JsFixLoggerFactory, type MsgView, SessionLauncher } from 'jspurefix';
import type { Logger } from 'pino';
import { BehaviorSubject, Subject } from 'rxjs';
import type { FixConnection, FixConnectionState, FixSessionSettings, FixWireMessage, InboundMessage } from './fixConnection.ts';
import { type FixFields, parseFixText } from './fixFields.ts';
import { type FixVersion, Tag } from './fixTags.ts';
import { PinoFixLogFactory } from './jspurefixLog.ts';
import { type SessionHooks, VenueSession } from './jspurefixSession.ts';

/** jspurefix's names for the QuickFIX-format dictionaries it bundles. */
const DICTIONARY: Record<FixVersion, string> = { 'FIX.4.2': 'qf42', 'FIX.4.4': 'qf44' };

const READ_TAGS: readonly number[] = Object.values(Tag);

/** The jspurefix session description of one venue session. */
export function sessionDescription(s: FixSessionSettings): ISessionDescription {
  const description = {
    application: {
      type: 'initiator',
      name: s.name,
      // Recover a lost transport with the same session; the store carries the sequence numbers.
      resilient: true,
      reconnectSeconds: s.reconnectSeconds,
      connectTimeoutSeconds: Math.max(30, 3 * s.reconnectSeconds),
      recoveryAttemptSeconds: s.reconnectSeconds,
      backoffFailConnectSeconds: s.reconnectSeconds,
      tcp: { host: s.host, port: s.port },
      protocol: 'ascii',
      dictionary: DICTIONARY[s.version],
    },
    Name: s.name,
    Username: '',
    Password: '',
    // Sequence numbers continue across logons and restarts; a gap is closed by a ResendRequest, never by a reset.
    ResetSeqNumFlag: false,
    HeartBtInt: s.heartbeatSeconds,
    SenderCompId: s.senderCompId,
    TargetCompID: s.targetCompId,
    SenderSubID: '',
    TargetSubID: '',
    BeginString: s.version,
    // When the counterparty asks for our messages again we gap-fill: replaying an old order could trade twice.
    store: { type: 'file', directory: s.storeDir, resendGapFillOnly: true },
  } satisfies ISessionDescription;
  return description;
}

class VenueLauncher extends SessionLauncher {
  constructor(
    description: ISessionDescription,
    logFactory: JsFixLoggerFactory,
    private readonly makeSession: (config: IJsFixConfig) => VenueSession,
  ) {
    super(description, null, logFactory);
  }

  protected override makeFactory(): EngineFactory {
    return { makeSession: (config: IJsFixConfig) => this.makeSession(config) };
  }
}

function fieldsOf(view: MsgView): FixFields {
  const fields = new Map<number, string>();
  for (const tag of READ_TAGS) {
    const value = view.getString(tag);
    if (value !== null) fields.set(tag, value);
  }
  return fields;
}

function wireMessage(direction: 'in' | 'out', text: string): FixWireMessage {
  const f = parseFixText(text, '|');
  const seq = Number(f.get(Tag.MsgSeqNum));
  return {
    direction,
    msgType: f.get(Tag.MsgType) ?? '',
    seqNum: Number.isSafeInteger(seq) ? seq : null,
    possDup: f.get(Tag.PossDupFlag) === 'Y',
    text,
  };
}

/**
 * A FIX initiator session through jspurefix that keeps itself up: a lost
 * transport is recovered by jspurefix, and a session that ended (a logout by
 * the counterparty, a refused logon, no connection within the timeout) is
 * started again after reconnectSeconds, until close().
 */
export function connectWithJspurefix(settings: FixSessionSettings, log: Logger): FixConnection {
  const state = new BehaviorSubject<FixConnectionState>({ status: 'disconnected', reason: 'not connected yet' });
  const inbound = new Subject<InboundMessage>();
  const wire = new Subject<FixWireMessage>();
  const logFactory = new PinoFixLogFactory(log);
  mkdirSync(settings.storeDir, { recursive: true });

  let session: VenueSession | null = null;
  let launcher: VenueLauncher | null = null;
  let closing = false;
  let wake: (() => void) | null = null;
  const stopWaiters: Array<() => void> = [];

  const setState = (next: FixConnectionState) => {
    if (!state.closed) state.next(next);
  };

  const hooks: SessionHooks = {
    loggingOn: () => setState({ status: 'loggingOn' }),
    loggedOn: (logon, logonSeqNum) =>
      setState({
        status: 'loggedOn',
        logonSeqNum,
        peerLogonSeqNum: Number(logon.getString(Tag.MsgSeqNum)),
        peerResetSeqNum: logon.getString(Tag.ResetSeqNumFlag) === 'Y',
      }),
    stopped: (error) => {
      setState({ status: 'disconnected', reason: error?.message ?? 'logged out' });
      for (const w of stopWaiters.splice(0)) w();
    },
    inbound: (msgType, view) => inbound.next({ msgType, fields: fieldsOf(view) }),
    wire: (direction, text) => wire.next(wireMessage(direction, text)),
  };

  async function runOnce(): Promise<string> {
    const l = new VenueLauncher(sessionDescription(settings), logFactory, (config) => (session = new VenueSession(config, hooks)));
    launcher = l;
    try {
      await l.run();
      return 'session ended';
    } catch (err) {
      return (err as Error).message || 'could not connect';
    } finally {
      launcher = null;
      session = null;
    }
  }

  const finished = (async () => {
    while (!closing) {
      const reason = await runOnce();
      if (closing) break;
      log.warn({ venue: settings.name, reason }, 'FIX session ended; connecting again');
      setState({ status: 'disconnected', reason });
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, settings.reconnectSeconds * 1000);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = null;
    }
    setState({ status: 'disconnected', reason: 'closed' });
    state.complete();
    inbound.complete();
    wire.complete();
  })();

  return {
    state$: state.asObservable(),
    inbound$: inbound.asObservable(),
    wire$: wire.asObservable(),

    send(msgType, body, done) {
      const s = session;
      const now = state.getValue();
      if (!s || now.status !== 'loggedOn') {
        done({ ok: false, reason: `the FIX session ${settings.name} is not logged on (${now.status === 'disconnected' ? now.reason : now.status})` });
        return;
      }
      s.sendApplication(msgType, body, (err, result) => {
        const seq: unknown = result.header?.['MsgSeqNum'];
        if (err || typeof seq !== 'number') done({ ok: false, reason: err?.message ?? `${msgType} was not sent` });
        else done({ ok: true, seqNum: seq });
      });
    },

    async close() {
      if (!closing) {
        closing = true;
        wake?.();
        const s = session;
        if (s && state.getValue().status === 'loggedOn') {
          // jspurefix gives up on a Logout the peer never confirms, so this ends either way.
          const stopped = new Promise<void>((resolve) => stopWaiters.push(resolve));
          s.logout();
          await stopped;
        }
        launcher?.stop();
      }
      await finished;
    },
  };
}
