import WebSocket from 'ws';
import type { ClientMessage, ServerMessage, ServerMessageOf } from '../../src/core/protocol.ts';
import { ServerMessage as ServerMessageSchema } from '../../src/core/protocol.ts';

export type ServerType = ServerMessage['type'];

export interface Closed {
  code: number;
  reason: string;
}

interface Waiter {
  match: (m: ServerMessage) => boolean;
  resolve: (m: ServerMessage) => void;
  reject: (e: Error) => void;
  timer: ReturnType<typeof setTimeout>;
}

export const DEFAULT_WAIT_MS = 10_000;

/**
 * A real `ws` client for tests. Every server frame is checked against the
 * ServerMessage schema: a malformed one fails every pending and later wait.
 * Messages queue until a `next` takes them, so a test can wait for them in
 * any order; `next` takes the first unconsumed message that matches.
 */
export class TestClient {
  /** Every valid message received, in arrival order (consumed or not). */
  readonly received: ServerMessage[] = [];
  readonly closed: Promise<Closed>;
  private readonly queue: ServerMessage[] = [];
  private readonly waiters = new Set<Waiter>();
  private failure: Error | undefined;
  private isClosed = false;
  private reqNo = 0;

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data, isBinary) => this.onFrame(String(data), isBinary));
    this.closed = new Promise((resolve) => {
      ws.on('close', (code, reason) => {
        this.isClosed = true;
        resolve({ code, reason: reason.toString() });
      });
    });
    ws.on('error', () => {
      /* surfaced through close */
    });
  }

  static connect(url: string): Promise<TestClient> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url);
      const client = new TestClient(ws);
      ws.once('open', () => resolve(client));
      ws.once('error', reject);
    });
  }

  get isOpen(): boolean {
    return !this.isClosed && this.ws.readyState === WebSocket.OPEN;
  }

  /** Sends a protocol message. */
  send(msg: ClientMessage): void {
    this.ws.send(JSON.stringify(msg));
  }

  /** Sends anything, for tests of bad input: a string goes as a text frame, a Buffer as binary. */
  sendRaw(data: string | Buffer): void {
    this.ws.send(data, { binary: typeof data !== 'string' });
  }

  /** Sends with a fresh reqId and waits for the first message echoing it. */
  async request(msg: ClientMessage, timeoutMs = DEFAULT_WAIT_MS): Promise<ServerMessage> {
    const reqId = `r${++this.reqNo}`;
    this.send({ ...msg, reqId });
    return this.next((m) => 'reqId' in m && m.reqId === reqId, timeoutMs);
  }

  /** Waits for the first unconsumed message of this type (and matching the predicate). */
  next<T extends ServerType>(type: T, predicate?: (m: ServerMessageOf<T>) => boolean, timeoutMs?: number): Promise<ServerMessageOf<T>>;
  /** Waits for the first unconsumed message matching the predicate. */
  next(predicate: (m: ServerMessage) => boolean, timeoutMs?: number): Promise<ServerMessage>;
  next(a: ServerType | ((m: ServerMessage) => boolean), b?: unknown, c?: number): Promise<ServerMessage> {
    let match: (m: ServerMessage) => boolean;
    let timeoutMs: number;
    if (typeof a === 'string') {
      const pred = b as ((m: ServerMessage) => boolean) | undefined;
      match = (m) => m.type === a && (pred === undefined || pred(m));
      timeoutMs = c ?? DEFAULT_WAIT_MS;
    } else {
      match = a;
      timeoutMs = (b as number | undefined) ?? DEFAULT_WAIT_MS;
    }
    if (this.failure) return Promise.reject(this.failure);
    const i = this.queue.findIndex(match);
    if (i >= 0) return Promise.resolve(this.queue.splice(i, 1)[0]!);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        match,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          const counts = new Map<string, number>();
          for (const m of this.queue) counts.set(m.type, (counts.get(m.type) ?? 0) + 1);
          const seen = [...counts].map(([t, k]) => (k > 1 ? `${t} ×${k}` : t)).join(', ') || 'nothing';
          reject(new Error(`no matching server message within ${timeoutMs} ms (unconsumed: ${seen})`));
        }, timeoutMs),
      };
      this.waiters.add(waiter);
    });
  }

  /** Logs in and returns loginOk; rejects with the server's error otherwise. */
  async login(username: string, password = 'demo'): Promise<ServerMessageOf<'loginOk'>> {
    const reply = await this.request({ type: 'login', username, password });
    if (reply.type !== 'loginOk') throw new Error(`login as ${username} failed: ${JSON.stringify(reply)}`);
    return reply;
  }

  /** Messages received but not yet taken by `next`. */
  unconsumed(): readonly ServerMessage[] {
    return [...this.queue];
  }

  async close(): Promise<Closed> {
    if (!this.isClosed) this.ws.close(1000, 'test done');
    return this.closed;
  }

  private onFrame(text: string, isBinary: boolean): void {
    let parsed: ReturnType<typeof ServerMessageSchema.safeParse> | undefined;
    try {
      parsed = isBinary ? undefined : ServerMessageSchema.safeParse(JSON.parse(text));
    } catch {
      parsed = undefined;
    }
    if (!parsed?.success) {
      const why = parsed ? parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') : 'not JSON text';
      this.fail(new Error(`malformed server message (${why}): ${text.slice(0, 300)}`));
      return;
    }
    const msg = parsed.data;
    this.received.push(msg);
    for (const w of this.waiters) {
      if (w.match(msg)) {
        clearTimeout(w.timer);
        this.waiters.delete(w);
        w.resolve(msg);
        return;
      }
    }
    this.queue.push(msg);
  }

  private fail(e: Error): void {
    this.failure ??= e;
    for (const w of this.waiters) {
      clearTimeout(w.timer);
      w.reject(e);
    }
    this.waiters.clear();
  }
}

export function connect(url: string): Promise<TestClient> {
  return TestClient.connect(url);
}
