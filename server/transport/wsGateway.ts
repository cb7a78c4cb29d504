import type { Server } from 'node:http';
import type { Logger } from 'pino';
import type { Subscription } from 'rxjs';
import { WebSocket, WebSocketServer } from 'ws';
import { isTerminal } from '../../src/core/order.ts';
import { type ClientMessage, MAX_FRAME_BYTES, type ParseResult, type ServerMessage, parseClientMessage } from '../../src/core/protocol.ts';
import { type Config, MARKET_DATA_DEFAULTS } from '../config/config.ts';
import type { OmsUpdate } from '../oms/orderManager.ts';
import { positionToWire } from '../portfolio/positionBook.ts';
import type { Position } from '../portfolio/positionBook.ts';
import { CLOSE_POLICY, type HandlerContext, dispatch, helloMessage } from './handlers.ts';
import { execReportFrame } from './execReportFrame.ts';
import { type WsTextFrame, sendTextFrame } from './wsTextFrame.ts';
import { directReplyOf } from './orderHandlers.ts';
import { WS_PATH } from './httpHandler.ts';
import { type FanoutStats, type QuoteFanoutOptions, createQuoteFanout } from './quoteFanout.ts';
import type { GatewayServices } from './services.ts';
import { type Session, newSession } from './session.ts';
import { createTurnCork } from './turnCork.ts';

export interface WsGateway {
  sessionCount(): number;
  /** Quote fan-out counters (the benchmark reads them). */
  fanoutStats(): FanoutStats;
  /** Orders the connections follow because they placed them (their placedOrders, summed): working ones only. */
  placedOrdersFollowed(): number;
  /** Closes every connection (1001 going away) and the WebSocket server. */
  stop(): Promise<void>;
}

const CLOSE_GOING_AWAY = 1001;
/**
 * Frames over MAX_FRAME_BYTES are answered TOO_LARGE and the session goes on
 * (a terminal bug should not cost the trader their session); only beyond this
 * hard cap (16×, as the lead set it) does ws drop the connection (1009) rather than buffer the frame.
 */
export const HARD_FRAME_LIMIT_BYTES = 16 * MAX_FRAME_BYTES;

export interface TransportOptions extends Partial<QuoteFanoutOptions> {
  /** `heartbeat` to every logged-in connection this often (default 5000). */
  heartbeatMs?: number;
  /** Told to the terminal in `hello`: the age at which a quote is shown stale (default 10000). */
  staleMs?: number;
}

/** The transport's switches from the gateway configuration, unset ones at their defaults. */
export function transportOptions(config: Config): TransportOptions {
  const d = MARKET_DATA_DEFAULTS;
  return {
    heartbeatMs: config.heartbeatMs ?? d.heartbeatMs,
    staleMs: config.staleMs ?? d.staleMs,
    flushMs: config.quoteFlushMs ?? d.quoteFlushMs,
    maxBufferedBytes: config.slowClientBytes ?? d.slowClientBytes,
    slowClientMs: config.slowClientMs ?? d.slowClientMs,
    mode: config.fanoutMode ?? 'conflated',
  };
}

/**
 * The WebSocket side of the transport: parses every frame, keeps the login
 * gate, hands messages to the services and fans their output out to the
 * connections entitled to it. It decides nothing about orders or positions.
 */
export function createWsGateway(server: Server, services: GatewayServices, log: Logger, options: TransportOptions = {}): WsGateway {
  const { heartbeatMs = MARKET_DATA_DEFAULTS.heartbeatMs, staleMs = MARKET_DATA_DEFAULTS.staleMs, ...fanoutOptions } = options;
  const wss = new WebSocketServer({ server, path: WS_PATH, maxPayload: HARD_FRAME_LIMIT_BYTES });
  const sessions = new Map<number, Session>();
  /** The same sessions as an array, for the per-report fan-out: a Map iterator per report is garbage on the order path. */
  let sessionList: readonly Session[] = [];
  let nextId = 1;

  function send(s: Session, msg: ServerMessage): void {
    sendFrame(s, JSON.stringify(msg));
  }
  /** A message already serialised (the same bytes JSON.stringify would give), or a whole text frame around it. */
  function sendFrame(s: Session, frame: string | WsTextFrame): void {
    if (s.ws.readyState !== WebSocket.OPEN) return;
    corkForThisTurn(s.ws);
    if (typeof frame === 'string') s.ws.send(frame);
    else sendTextFrame(s.ws, frame);
  }
  /** A turn's messages to a connection leave in one write (see turnCork.ts). */
  const corkForThisTurn = createTurnCork();
  function close(s: Session, code: number, reason: string): void {
    if (s.ws.readyState === WebSocket.OPEN) s.ws.close(code, reason);
  }

  const quotes = createQuoteFanout(services.marketData, fanoutOptions);
  const slowBytes = fanoutOptions.maxBufferedBytes ?? MARKET_DATA_DEFAULTS.slowClientBytes;

  // A heartbeat lets the terminal tell a quiet market from a dead link; a connection already behind is not sent more.
  const heartbeat = setInterval(() => {
    const frame = JSON.stringify({ type: 'heartbeat', serverTime: Date.now() } satisfies ServerMessage);
    for (const s of sessions.values()) {
      if (s.auth.state === 'authenticated' && s.ws.readyState === WebSocket.OPEN && s.ws.bufferedAmount <= slowBytes) s.ws.send(frame);
    }
  }, heartbeatMs);
  const ctx: HandlerContext = { services, quotes, send, close, log };

  /** Fan-out must never break the stream it listens to: one failing connection is logged and skipped. */
  function safely<T>(what: string, fn: (value: T) => void): (value: T) => void {
    return (value) => {
      try {
        fn(value);
      } catch (err) {
        log.error({ err }, `${what} fan-out failed`);
      }
    };
  }

  const onOmsUpdate = (u: OmsUpdate) => {
    if (u.kind !== 'execReport') {
      // A cancel/replace refusal or a pre-trade warning answers the one connection that asked.
      const s = sessions.get(u.origin.sessionId);
      if (s) send(s, directReplyOf(u));
      return;
    }
    // The asker's frame carries its reqId; every other connection gets one shared frame, written once.
    let shared: WsTextFrame | undefined;
    const order = u.execution.order;
    const orderId = order.orderId;
    // An order's first report (PendingNew) answers the connection that placed it, which follows the order from then
    // on; its final report (Filled, Canceled, Rejected, Expired: a replace keeps the OrderID and the order working)
    // is the last it can have, so every connection stops following it there and placedOrders holds working orders only.
    const placedBy = u.execution.execType === 'pendingNew' ? u.origin?.sessionId : undefined;
    const done = isTerminal(order.status);
    const list = sessionList;
    for (let i = 0; i < list.length; i++) {
      const s = list[i]!;
      if (s.auth.state !== 'authenticated') continue;
      if (u.origin?.sessionId === s.id) {
        sendFrame(s, execReportFrame(u.execution, u.origin.reqId));
        // Only while the placer is still the one logged in: a logout forgets the orders placed (resetSession).
        if (placedBy === s.id && order.trader === s.auth.user.username) s.placedOrders.add(orderId);
        else if (done) s.placedOrders.delete(orderId);
      } else if (s.placedOrders.has(orderId)) {
        shared ??= execReportFrame(u.execution, undefined);
        sendFrame(s, shared);
        if (done) s.placedOrders.delete(orderId);
      } else if (s.ordersSubscribed && services.oms.canSee(s.auth.user, order)) {
        shared ??= execReportFrame(u.execution, undefined);
        sendFrame(s, shared);
      }
    }
  };

  const onPosition = (p: Position) => {
    let wire: ReturnType<typeof positionToWire> | undefined;
    for (const s of sessions.values()) {
      if (s.auth.state !== 'authenticated' || !s.positionsSubscribed || !services.portfolio.canSee(s.auth.user, p)) continue;
      wire ??= positionToWire(p);
      send(s, { type: 'positionUpdate', position: wire });
    }
  };

  const subscriptions: Subscription[] = [
    services.oms.updates$.subscribe(safely('execution report', onOmsUpdate)),
    services.portfolio.updates$.subscribe(safely('position', onPosition)),
  ];

  /** Handles one frame; a promise only when its handler went asynchronous (a login). */
  function handleFrame(s: Session, data: Buffer, isBinary: boolean): void | Promise<void> {
    const anonymous = s.auth.state === 'anonymous';
    if (isBinary) {
      send(s, { type: 'error', code: 'BAD_MESSAGE', message: 'binary frames are not accepted; send JSON as text' });
      if (anonymous) close(s, CLOSE_POLICY, 'binary frame before login');
      return;
    }
    // Measured in bytes before decoding, so an oversized frame is never parsed.
    const parsed: ParseResult =
      data.length > MAX_FRAME_BYTES
        ? { ok: false, code: 'TOO_LARGE', message: `message is ${data.length} bytes; the limit is ${MAX_FRAME_BYTES}` }
        : parseClientMessage(data.toString('utf8'));
    if (!parsed.ok) {
      send(s, { type: 'error', reqId: parsed.reqId, code: parsed.code, message: parsed.message });
      // Before login a bad frame is more likely a probe than a bug: answer once and hang up.
      if (anonymous) close(s, CLOSE_POLICY, 'bad frame before login');
      return;
    }
    const msg = parsed.msg;
    try {
      const running = dispatch(ctx, s, msg);
      if (running !== undefined) return running.catch((err: unknown) => handlerFailed(s, msg, err));
    } catch (err) {
      handlerFailed(s, msg, err);
    }
  }

  /** A handler that threw (a bug): logged, and the asker told in words; the session goes on. Not a closure per frame. */
  function handlerFailed(s: Session, msg: ClientMessage, err: unknown): void {
    log.error({ err, session: s.id, type: msg.type }, 'handler failed');
    send(s, { type: 'error', reqId: msg.reqId, code: 'INTERNAL', message: `the gateway failed to handle ${msg.type}; it has been logged` });
  }

  /** Frames of a connection are handled in arrival order: at once when nothing is pending, else behind what is. */
  function onFrame(s: Session, data: Buffer, isBinary: boolean): void {
    const running = s.pending === undefined ? handleFrame(s, data, isBinary) : s.pending.then(() => handleFrame(s, data, isBinary));
    if (running === undefined) return;
    const tracked: Promise<void> = running.then(
      () => {
        if (s.pending === tracked) s.pending = undefined;
      },
      (err: unknown) => {
        if (s.pending === tracked) s.pending = undefined;
        log.error({ err, session: s.id }, 'frame failed');
      },
    );
    s.pending = tracked;
  }

  wss.on('connection', (ws) => {
    const s = newSession(nextId++, ws);
    sessions.set(s.id, s);
    sessionList = [...sessions.values()];
    log.debug({ session: s.id }, 'connected');
    ws.on('message', (data, isBinary) => {
      const buf = Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
      onFrame(s, buf, isBinary);
    });
    ws.on('error', (err) => log.info({ err, session: s.id }, 'connection error'));
    ws.on('close', (code) => {
      quotes.drop(s);
      sessions.delete(s.id);
      sessionList = [...sessions.values()];
      log.debug({ session: s.id, code }, 'disconnected');
    });
    const hello = helloMessage();
    send(s, hello.type === 'hello' ? { ...hello, heartbeatMs, staleMs } : hello);
  });
  wss.on('error', (err) => log.error({ err }, 'websocket server error'));

  return {
    sessionCount: () => sessions.size,
    fanoutStats: () => quotes.stats(),
    placedOrdersFollowed() {
      let n = 0;
      for (const s of sessions.values()) n += s.placedOrders.size;
      return n;
    },
    stop() {
      clearInterval(heartbeat);
      quotes.stop();
      for (const sub of subscriptions) sub.unsubscribe();
      for (const s of sessions.values()) {
        if (s.ws.readyState === WebSocket.OPEN) s.ws.close(CLOSE_GOING_AWAY, 'gateway stopping');
        // A peer that never answers the close handshake must not hold the shutdown up.
        setTimeout(() => s.ws.terminate(), 1000).unref();
      }
      return new Promise((resolve) => wss.close(() => resolve()));
    },
  };
}
