import { AsciiSession, type IJsFixConfig, type MsgTransport, type MsgView, type SendCallback } from 'jspurefix';
import type { FixBody } from './outboundMessages.ts';
import { MsgType } from './fixTags.ts';

/** What the connection hears from its jspurefix session. */
export interface SessionHooks {
  loggingOn(): void;
  loggedOn(logon: MsgView, logonSeqNum: number): void;
  stopped(error?: Error): void;
  inbound(msgType: string, view: MsgView): void;
  wire(direction: 'in' | 'out', text: string): void;
}

/**
 * The jspurefix initiator session: the engine keeps logon, heartbeats, test
 * requests, sequence numbers, gap detection and resend; this class only hands
 * what happens to the connection.
 */
export class VenueSession extends AsciiSession {
  constructor(
    config: IJsFixConfig,
    private readonly hooks: SessionHooks,
  ) {
    super(config);
  }

  // Each transport (first connection or a recovery) starts with our Logon.
  override async run(transport: MsgTransport): Promise<number> {
    this.hooks.loggingOn();
    return super.run(transport);
  }

  sendApplication(msgType: string, body: FixBody, callback: SendCallback): void {
    this.send(msgType, body, callback);
  }

  /** Logs out (and waits for the peer's Logout) when logged on; ends the session otherwise. */
  logout(): void {
    this.done();
  }

  protected onReady(view: MsgView): void {
    // Nothing is sent between our Logon and the counterparty's answer, so the last sent number is the Logon's.
    this.hooks.loggedOn(view, this.lastSentSeqNum());
  }

  protected onApplicationMsg(msgType: string, view: MsgView): void {
    this.hooks.inbound(msgType, view);
  }

  // A session Reject may refuse one of our orders, so the venue must hear it too.
  protected override onSessionMsg(msgType: string, view: MsgView): void {
    super.onSessionMsg(msgType, view);
    if (msgType === MsgType.Reject) this.hooks.inbound(msgType, view);
  }

  protected onStopped(error?: Error): void {
    this.hooks.stopped(error);
  }

  protected onLogon(): boolean {
    return true;
  }

  protected onDecoded(_msgType: string, text: string): void {
    this.hooks.wire('in', text);
  }

  protected onEncoded(_msgType: string, text: string): void {
    this.hooks.wire('out', text);
  }
}
