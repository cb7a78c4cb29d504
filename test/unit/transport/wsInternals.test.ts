import { type Server, createServer } from 'node:http';
import { type AddressInfo, Socket, connect as tcpConnect } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { begin, chars } from '../../../server/oms/jsonWriter.ts';
import { type WsTextFrame, beginTextFrame, sendTextFrame, takeTextFrame } from '../../../server/transport/wsTextFrame.ts';

/**
 * sendTextFrame (server/transport/wsTextFrame.ts) reads private fields of ws
 * (`_socket`, `_sender._state`, `_sender._queue`, as in ws 8.23) to decide it
 * may write a frame straight to the socket. A ws release that renamed or
 * changed them would not break the build: the fast path would silently stop
 * being taken, or write past ws's own queue. These tests pin each assumption
 * on a real server and client on loopback, so such a release fails here.
 */

/** The private state the writer reads, as it assumes it is. */
interface Internals {
  _socket: unknown;
  _sender: { _state: unknown; _queue: unknown; _socket: unknown };
}
const internalsOf = (ws: WebSocket) => ws as unknown as Internals;

/** A frame around `text` (the inside of a JSON string, as the gateway writes reports). */
function frameOf(text: string): WsTextFrame {
  begin();
  beginTextFrame();
  chars(text);
  return takeTextFrame();
}

/** Texts JSON leaves as they are: ASCII, 2- to 4-byte UTF-8, and lengths in each of the three header classes. */
const TEXTS = ['ok', 'order O1 filled 100@187.42', 'é £ 漢字 😀 ünïcödé', 'y'.repeat(126), 'é'.repeat(200), 'z'.repeat(65_536), 'w'.repeat(70_001)];

describe('ws internals changed: re-check server/transport/wsTextFrame.ts', () => {
  let server: Server;
  let wss: WebSocketServer;
  let port: number;

  beforeEach(async () => {
    server = createServer();
    // As the gateway makes its server: no permessage-deflate (ws's default for a server).
    wss = new WebSocketServer({ server });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    port = (server.address() as AddressInfo).port;
  });
  afterEach(async () => {
    for (const c of wss.clients) c.terminate();
    await new Promise<void>((r) => wss.close(() => server.close(() => r())));
  });

  async function wsPair(): Promise<{ serverSide: WebSocket; client: WebSocket }> {
    const connected = new Promise<WebSocket>((r) => wss.once('connection', r));
    const client = new WebSocket(`ws://127.0.0.1:${port}`);
    const serverSide = await connected;
    await new Promise((r) => client.once('open', r));
    return { serverSide, client };
  }

  it('an open connection has _socket, the net.Socket its Sender writes to, and an idle Sender has _state 0 and an empty _queue array', async () => {
    const { serverSide, client } = await wsPair();
    const ws = internalsOf(serverSide);
    expect(ws._socket).toBeInstanceOf(Socket);
    expect(ws._sender._socket).toBe(ws._socket);
    expect(ws._sender._state).toBe(0);
    expect(Array.isArray(ws._sender._queue)).toBe(true);
    expect(ws._sender._queue).toHaveLength(0);
    // Still idle after a message ws sends itself: ws writes it at once, queueing nothing.
    serverSide.send('plain');
    expect([ws._sender._state, (ws._sender._queue as unknown[]).length]).toEqual([0, 0]);
    client.close();
  });

  it('while ws is busy (reading a Blob) its _state is not 0 and later sends wait in _queue; a frame then goes behind them, in order', async () => {
    const { serverSide, client } = await wsPair();
    const ws = internalsOf(serverSide);
    const received: string[] = [];
    const all = new Promise<void>((resolve) =>
      client.on('message', (data, isBinary) => {
        received.push(`${isBinary ? 'binary' : 'text'} ${String(data)}`);
        if (received.length === 3) resolve();
      }),
    );
    const socket = ws._socket as Socket;
    const write = socket.write.bind(socket);
    const direct: unknown[] = [];
    socket.write = ((chunk: unknown, ...rest: unknown[]) => (direct.push(chunk), (write as (...a: unknown[]) => boolean)(chunk, ...rest))) as Socket['write'];

    serverSide.send(new Blob(['blob']));
    expect(ws._sender._state).not.toBe(0);
    serverSide.send('queued');
    expect(ws._sender._queue).toHaveLength(1);
    const frame = frameOf('frame');
    sendTextFrame(serverSide, frame);
    // Not written past ws's queue: it joined it.
    expect(direct).not.toContain(frame);
    expect(ws._sender._queue).toHaveLength(2);

    await all;
    expect(received).toEqual(['binary blob', 'text queued', 'text frame']);
    expect([ws._sender._state, (ws._sender._queue as unknown[]).length]).toEqual([0, 0]);
    client.close();
  });

  it('when ws is idle a frame is one write of the whole frame to _socket, and it arrives byte for byte as ws.send of the same text would', async () => {
    // A client that reads the raw TCP stream, so what arrives is compared as bytes, framing included.
    const connected = new Promise<WebSocket>((r) => wss.once('connection', r));
    const raw = tcpConnect(port, '127.0.0.1');
    let bytes = Buffer.alloc(0);
    let wanted = 0;
    let reached: (() => void) | undefined;
    raw.on('data', (chunk: Buffer) => {
      bytes = Buffer.concat([bytes, chunk]);
      if (reached !== undefined && bytes.length >= wanted) reached();
    });
    const receive = (n: number) =>
      new Promise<Buffer>((resolve) => {
        const done = () => {
          reached = undefined;
          const got = bytes.subarray(0, n);
          bytes = bytes.subarray(n);
          resolve(got);
        };
        wanted = n;
        if (bytes.length >= n) done();
        else reached = done;
      });
    await new Promise((r) => raw.once('connect', r));
    raw.write(
      [
        'GET / HTTP/1.1',
        `Host: 127.0.0.1:${port}`,
        'Upgrade: websocket',
        'Connection: Upgrade',
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
        'Sec-WebSocket-Version: 13',
        '',
        '',
      ].join('\r\n'),
    );
    const serverSide = await connected;
    while (!bytes.includes('\r\n\r\n')) await new Promise((r) => raw.once('data', r));
    const headEnd = bytes.indexOf('\r\n\r\n') + 4;
    expect(bytes.subarray(0, headEnd).toString('latin1')).toMatch(/^HTTP\/1\.1 101 /);
    bytes = bytes.subarray(headEnd);

    const socket = internalsOf(serverSide)._socket as Socket;
    const write = socket.write.bind(socket);
    const direct: unknown[] = [];
    socket.write = ((chunk: unknown, ...rest: unknown[]) => (direct.push(chunk), (write as (...a: unknown[]) => boolean)(chunk, ...rest))) as Socket['write'];

    for (const text of TEXTS) {
      const payload = JSON.stringify(text).slice(1, -1);
      expect(payload).toBe(text);
      const frame = frameOf(text);
      serverSide.send(payload);
      const byWs = await receive(frame.length);
      direct.length = 0;
      sendTextFrame(serverSide, frame);
      expect(direct).toEqual([frame]);
      const byFrame = await receive(frame.length);
      expect(byFrame.equals(byWs)).toBe(true);
      expect(byFrame.equals(frame)).toBe(true);
    }
    expect(bytes).toHaveLength(0);
    raw.destroy();
  });
});
