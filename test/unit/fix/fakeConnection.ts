import { BehaviorSubject, Subject } from 'rxjs';
import type { ConnectFix, FixConnection, FixConnectionState, FixWireMessage, InboundMessage } from '../../../server/venues/fix/fixConnection.ts';
import { parseFixText } from '../../../server/venues/fix/fixFields.ts';
import type { FixBody } from '../../../server/venues/fix/outboundMessages.ts';

export interface SentMessage {
  readonly msgType: string;
  readonly body: FixBody;
  readonly seqNum: number;
}

const LOGGED_ON: FixConnectionState = { status: 'loggedOn', logonSeqNum: 1, peerLogonSeqNum: 1, peerResetSeqNum: false };

/**
 * A FIX session the test drives by hand: it records what the venue sends,
 * numbering messages like a session would, and delivers what the test says
 * the counterparty answered.
 */
export function fakeConnection(firstSeqNum = 2) {
  const state = new BehaviorSubject<FixConnectionState>(LOGGED_ON);
  const inbound = new Subject<InboundMessage>();
  const wire = new Subject<FixWireMessage>();
  const sent: SentMessage[] = [];
  let next = firstSeqNum;
  let closed = false;

  const connection: FixConnection = {
    state$: state.asObservable(),
    inbound$: inbound.asObservable(),
    wire$: wire.asObservable(),
    send(msgType, body, done) {
      const now = state.getValue();
      if (now.status !== 'loggedOn') return done({ ok: false, reason: `not logged on (${now.status})` });
      const seqNum = next++;
      sent.push({ msgType, body, seqNum });
      done({ ok: true, seqNum });
    },
    async close() {
      closed = true;
      state.next({ status: 'disconnected', reason: 'closed' });
      state.complete();
      inbound.complete();
      wire.complete();
    },
  };

  return {
    connect: (() => connection) as ConnectFix,
    sent,
    isClosed: () => closed,
    setState: (s: FixConnectionState) => state.next(s),
    /** Delivers a message as the counterparty sent it (tag=value text, '|' for SOH). */
    receive(text: string) {
      const fields = parseFixText(text);
      inbound.next({ msgType: fields.get(35) ?? '', fields });
    },
  };
}
