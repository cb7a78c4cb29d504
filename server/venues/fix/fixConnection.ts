import type { Logger } from 'pino';
import type { Observable } from 'rxjs';
import type { FixFields } from './fixFields.ts';
import type { FixVersion } from './fixTags.ts';
import type { FixBody } from './outboundMessages.ts';

/** Where the FIX session stands, for the venue and (later) the gateway's status bar. */
export type FixConnectionState =
  | { status: 'disconnected'; reason: string }
  | { status: 'loggingOn' }
  | {
      status: 'loggedOn';
      /** MsgSeqNum of our Logon: 1 on a fresh store, the persisted number after a restart. */
      logonSeqNum: number;
      peerLogonSeqNum: number;
      /** Whether the counterparty answered with ResetSeqNumFlag=Y (we never ask for one). */
      peerResetSeqNum: boolean;
    };

/** One message as it crossed the wire, for a FIX log. */
export interface FixWireMessage {
  readonly direction: 'in' | 'out';
  readonly msgType: string;
  readonly seqNum: number | null;
  readonly possDup: boolean;
  /** The message with '|' for SOH. */
  readonly text: string;
}

/** An application message, or a session Reject (35=3), received from the counterparty. */
export interface InboundMessage {
  readonly msgType: string;
  readonly fields: FixFields;
}

export type SendResult = { ok: true; seqNum: number } | { ok: false; reason: string };

/** What the venue needs of a FIX session: send application messages, hear what comes back. */
export interface FixConnection {
  /** Replays the current state to a new subscriber. */
  readonly state$: Observable<FixConnectionState>;
  readonly inbound$: Observable<InboundMessage>;
  readonly wire$: Observable<FixWireMessage>;
  /** Sends when logged on; `done` learns the MsgSeqNum the message went out under, or why it did not. */
  send(msgType: string, body: FixBody, done: (result: SendResult) => void): void;
  /** Logs out when logged on, stops reconnecting, and resolves once the session has ended. */
  close(): Promise<void>;
}

export interface FixSessionSettings {
  readonly name: string;
  readonly host: string;
  readonly port: number;
  readonly version: FixVersion;
  readonly senderCompId: string;
  readonly targetCompId: string;
  readonly heartbeatSeconds: number;
  /** Sequence numbers, sent messages and the venue's ClOrdID journal live here across restarts. */
  readonly storeDir: string;
  /** Wait between connection attempts, and after a lost or ended session before the next. */
  readonly reconnectSeconds: number;
}

export type ConnectFix = (settings: FixSessionSettings, log: Logger) => FixConnection;
