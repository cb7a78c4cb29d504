import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as wsModule from 'ws';
import WebSocket, { WebSocketServer } from 'ws';
import { begin, chars } from '../../../server/oms/jsonWriter.ts';
import { type WsTextFrame, beginTextFrame, payloadOf, sendTextFrame, takeTextFrame } from '../../../server/transport/wsTextFrame.ts';

/** A frame around `text` (written as the inside of a JSON string) as the gateway writes them. */
function frameOf(text: string): WsTextFrame {
  begin();
  beginTextFrame();
  chars(text);
  return takeTextFrame();
}

/** ws's own framing of a server's text message: header and payload as its Sender builds them. */
function wsFraming(payload: Buffer): Buffer {
  const sender = (wsModule as unknown as { Sender: { frame(data: Buffer, options: object): Buffer[] } }).Sender;
  return Buffer.concat(sender.frame(payload, { fin: true, opcode: 1, mask: false, readOnly: true, rsv1: false }));
}

describe('WebSocket text frames written whole', () => {
  it('are the bytes ws frames the same payload with, at every length class (7-bit, 16-bit, 64-bit)', () => {
    for (const n of [0, 1, 125, 126, 127, 65_535, 65_536, 70_001]) {
      const frame = frameOf('x'.repeat(n));
      expect(payloadOf(frame).toString('latin1')).toBe('x'.repeat(n));
      expect(frame.equals(wsFraming(payloadOf(frame)))).toBe(true);
    }
  });

  it('carry any text as its UTF-8 bytes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (t) => {
        const frame = frameOf(t);
        const escaped = JSON.stringify(t).slice(1, -1);
        expect(payloadOf(frame).toString('utf8')).toBe(escaped);
        expect(frame.equals(wsFraming(Buffer.from(escaped, 'utf8')))).toBe(true);
      }),
    );
  });

  it('go through ws.send, as text, when ws has something of its own queued', () => {
    const frame = frameOf('a1');
    const sent: Array<{ data: Buffer; options: unknown }> = [];
    const busy = { _socket: { write: () => expect.unreachable('wrote past ws’s queue') }, _sender: { _state: 1, _queue: [] }, send: (data: Buffer, options: unknown) => sent.push({ data, options }) };
    sendTextFrame(busy as unknown as WebSocket, frame);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.data.toString('utf8')).toBe('a1');
    expect(sent[0]!.options).toEqual({ binary: false });
  });

  describe('over a real connection', () => {
    const server = createServer();
    const wss = new WebSocketServer({ server });
    let serverSide: WebSocket;
    let client: WebSocket;
    beforeAll(async () => {
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
      const connected = new Promise<WebSocket>((r) => wss.once('connection', r));
      client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
      serverSide = await connected;
      await new Promise((r) => client.once('open', r));
    });
    afterAll(async () => {
      client.close();
      await new Promise<void>((r) => wss.close(() => server.close(() => r())));
    });

    it('arrive as text messages, in order with messages ws sends itself, one frame shared by several sends', async () => {
      const texts = ['n1', 'é'.repeat(100), 'y'.repeat(300), 'z'.repeat(70_000)];
      const expected: string[] = [];
      const received: string[] = [];
      const done = new Promise<void>((resolve) =>
        client.on('message', (data, isBinary) => {
          expect(isBinary).toBe(false);
          received.push(String(data));
          if (received.length === expected.length) resolve();
        }),
      );
      // ws left idle, a frame is one write of the whole frame to the socket.
      const socket = (serverSide as unknown as { _socket: { write(chunk: unknown): boolean } })._socket;
      const write = socket.write.bind(socket);
      const written: unknown[] = [];
      socket.write = (chunk: unknown) => (written.push(chunk), write(chunk));
      for (const t of texts) {
        const frame = frameOf(t);
        written.length = 0;
        sendTextFrame(serverSide, frame);
        sendTextFrame(serverSide, frame);
        expect(written).toEqual([frame, frame]);
        serverSide.send(`plain ${t.length}`);
        expected.push(t, t, `plain ${t.length}`);
      }
      await done;
      expect(received).toEqual(expected);
    });
  });
});
