import { BehaviorSubject, Observable, Subject, concat, defer, filter, take, tap, throwError, timeout } from 'rxjs';
import type { ClientMessage, ErrorCode, ServerMessage, ServerMessageOf } from '../core/protocol.ts';
import type { ClientBookResponseTypes } from '../core/protocol/clientBook.ts';
import type { RiskResponseTypes } from '../core/protocol/risk.ts';
import { type BackoffPolicy, DEFAULT_BACKOFF, reconnectDelay } from './backoff.ts';
import type { ConnectionStatus } from './connectionStatus.ts';
import { parseServerFrame } from './frames.ts';

/** The part of the browser WebSocket this module uses; tests hand in a fake. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: unknown) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
}
export type SocketFactory = (url: string) => SocketLike;

const OPEN = 1;

/** The message the gateway answers each request type with (besides `error`). */
export interface ResponseTypes extends ClientBookResponseTypes, RiskResponseTypes {
  login: 'loginOk';
  logout: 'loggedOut';
  ping: 'pong';
  subscribe: 'quoteSnapshot';
  unsubscribe: 'unsubscribed';
  history: 'history';
  placeOrder: 'execReport' | 'orderWarning';
  cancelOrder: 'execReport' | 'cancelReject';
  replaceOrder: 'execReport' | 'cancelReject';
  cancelAll: 'cancelAllDone';
  subscribeOrders: 'ordersSnapshot';
  subscribePositions: 'positionsSnapshot';
  clientBook: 'clientBook';
  subscribeDepth: 'depth';
  unsubscribeDepth: 'depthUnsubscribed';
  subscribeDesk: 'deskSnapshot';
  unsubscribeDesk: 'deskUnsubscribed';
}
type RequestType = ClientMessage['type'];
export type RequestOf<T extends RequestType> = Omit<Extract<ClientMessage, { type: T }>, 'reqId'>;
export type ResponseOf<T extends RequestType> = ServerMessageOf<ResponseTypes[T]>;
export type LoginOk = ServerMessageOf<'loginOk'>;

/** The gateway answered a request with `error`. */
export class GatewayError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'GatewayError';
  }
}

export class NotConnectedError extends Error {
  constructor() {
    super('not connected to the gateway');
    this.name = 'NotConnectedError';
  }
}

export interface ConnectionOptions {
  url: string;
  createSocket?: SocketFactory;
  requestTimeoutMs?: number;
  backoff?: BackoffPolicy;
  /** Where dropped frames and connection events are reported. */
  log?: (message: string) => void;
}

/** What the gateway's `hello` says about liveness; either may be absent (an older gateway). */
export interface Liveness {
  readonly heartbeatMs?: number | undefined;
  readonly staleMs?: number | undefined;
}

export type SessionEnd = { reason: 'logout' } | { reason: 'rejected'; message: string };

interface Credentials {
  username: string;
  password: string;
}

/**
 * The terminal's one WebSocket. It opens on the first login, and once a
 * session exists it reconnects with capped back-off and logs in again with
 * the session's credentials (held in memory only). Streams replay their
 * subscriptions through `whenOnline` when the status returns to `online`.
 */
export class Connection {
  private readonly statusSubject = new BehaviorSubject<ConnectionStatus>('offline');
  private readonly messageSubject = new Subject<ServerMessage>();
  private readonly sessionEndSubject = new Subject<SessionEnd>();
  private readonly createSocket: SocketFactory;
  private readonly requestTimeoutMs: number;
  private readonly backoff: BackoffPolicy;
  private readonly log: (message: string) => void;
  private socket: SocketLike | null = null;
  private credentials: Credentials | null = null;
  private failedAttempts = 0;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private nextReqId = 1;

  readonly status$: Observable<ConnectionStatus> = this.statusSubject.asObservable();
  /** Every valid frame from the gateway, in arrival order. Hot. */
  readonly messages$: Observable<ServerMessage> = this.messageSubject.asObservable();
  /**
   * The liveness settings the gateway announced in its last `hello` (heartbeat
   * interval, the age at which a quote is stale); undefined until one arrives
   * or when the gateway does not say. Replays the latest to a new subscriber.
   */
  readonly liveness$: Observable<Liveness> = defer(() => this.livenessSubject.asObservable());
  private readonly livenessSubject = new BehaviorSubject<Liveness>({});
  /** The session ended without the user asking for it to continue: logout, or a re-login refused. */
  readonly sessionEnd$: Observable<SessionEnd> = this.sessionEndSubject.asObservable();

  constructor(private readonly options: ConnectionOptions) {
    this.createSocket = options.createSocket ?? ((url) => new WebSocket(url) as unknown as SocketLike);
    this.requestTimeoutMs = options.requestTimeoutMs ?? 10_000;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.log = options.log ?? ((m) => console.warn(`[connection] ${m}`));
  }

  get status(): ConnectionStatus {
    return this.statusSubject.value;
  }

  /** Sends a message now; false when the socket is not open (the caller decides whether that matters). */
  send(msg: ClientMessage): boolean {
    if (!this.socket || this.socket.readyState !== OPEN) return false;
    this.socket.send(JSON.stringify(msg));
    return true;
  }

  /**
   * Sends a request with a fresh reqId and emits the one response carrying it,
   * then completes. An `error` answer, a closed socket or silence past the
   * timeout arrive as errors. Cold: nothing is sent until subscribed.
   */
  request<T extends RequestType>(msg: RequestOf<T>): Observable<ResponseOf<T>> {
    return new Observable<ResponseOf<T>>((subscriber) => {
      const reqId = `r${this.nextReqId++}`;
      const answer = this.messageSubject
        .pipe(
          filter((m) => 'reqId' in m && m.reqId === reqId),
          take(1),
          timeout({
            first: this.requestTimeoutMs,
            with: () => throwError(() => new Error(`${msg.type} got no answer within ${this.requestTimeoutMs / 1000} s`)),
          }),
        )
        .subscribe({
          next: (m) => {
            if (m.type === 'error') subscriber.error(new GatewayError(m.code, m.message));
            else {
              subscriber.next(m as ResponseOf<T>);
              subscriber.complete();
            }
          },
          error: (err: unknown) => subscriber.error(err),
        });
      if (!this.send({ ...msg, reqId } as ClientMessage)) subscriber.error(new NotConnectedError());
      return answer;
    });
  }

  /**
   * Opens the socket if needed and logs in. On success the credentials are
   * kept for re-login after a reconnect and the status becomes `online`.
   */
  login(username: string, password: string): Observable<LoginOk> {
    return concat(
      this.whenOpen(),
      defer(() => {
        this.statusSubject.next('authenticating');
        return this.request<'login'>({ type: 'login', username, password });
      }),
    ).pipe(
      tap({
        next: () => {
          this.credentials = { username, password };
          this.failedAttempts = 0;
          this.statusSubject.next('online');
        },
        error: () => {
          if (this.socket?.readyState === OPEN) this.statusSubject.next('connected');
        },
      }),
    );
  }

  /** Ends the session: tells the gateway (best effort), forgets the credentials and closes the socket. */
  logout(): void {
    if (this.credentials) this.send({ type: 'logout' });
    this.endSession({ reason: 'logout' });
  }

  private endSession(end: SessionEnd): void {
    this.credentials = null;
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = undefined;
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.onclose = null;
      socket.onmessage = null;
      socket.close(1000, end.reason);
    }
    this.statusSubject.next('offline');
    this.sessionEndSubject.next(end);
  }

  /** Completes once the socket is open; opens it first if there is none. */
  private whenOpen(): Observable<never> {
    return new Observable<never>((subscriber) => {
      if (this.socket?.readyState === OPEN) {
        subscriber.complete();
        return;
      }
      if (!this.socket) this.open('connecting');
      return this.statusSubject.subscribe((status) => {
        if (status === 'connected') subscriber.complete();
        else if (status === 'offline' || status === 'reconnecting') subscriber.error(new Error('cannot reach the gateway'));
      });
    });
  }

  private open(status: 'connecting' | 'reconnecting'): void {
    this.statusSubject.next(status);
    let socket: SocketLike;
    try {
      socket = this.createSocket(this.options.url);
    } catch (err) {
      this.log(`cannot open ${this.options.url}: ${String(err)}`);
      this.onClosed();
      return;
    }
    this.socket = socket;
    socket.onopen = () => this.onOpened();
    socket.onmessage = (ev) => this.onFrame(ev.data);
    socket.onerror = () => {
      // The close event that always follows carries the consequence.
    };
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.onClosed();
    };
  }

  private onOpened(): void {
    if (!this.credentials) {
      this.statusSubject.next('connected');
      return;
    }
    const { username, password } = this.credentials;
    this.statusSubject.next('authenticating');
    this.request<'login'>({ type: 'login', username, password }).subscribe({
      next: () => {
        this.failedAttempts = 0;
        this.statusSubject.next('online');
      },
      error: (err: unknown) => {
        if (err instanceof GatewayError) this.endSession({ reason: 'rejected', message: err.message });
        else this.socket?.close(4000, 're-login timed out');
      },
    });
  }

  private onClosed(): void {
    if (!this.credentials) {
      this.statusSubject.next('offline');
      return;
    }
    const delay = reconnectDelay(this.failedAttempts++, this.backoff);
    this.log(`connection lost; reconnecting in ${delay} ms`);
    this.statusSubject.next('reconnecting');
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      if (this.credentials) this.open('reconnecting');
    }, delay);
  }

  private onFrame(raw: unknown): void {
    const frame = parseServerFrame(raw);
    if (!frame.ok) {
      this.log(`dropped a frame: ${frame.reason}`);
      return;
    }
    if (frame.msg.type === 'hello') this.livenessSubject.next({ heartbeatMs: frame.msg.heartbeatMs, staleMs: frame.msg.staleMs });
    this.messageSubject.next(frame.msg);
    // The gateway may end a session on its own (another login, an admin).
    if (frame.msg.type === 'loggedOut' && frame.msg.reqId === undefined && this.credentials) {
      this.endSession({ reason: 'rejected', message: 'the gateway ended the session' });
    }
  }
}
