import type { Writable } from 'node:stream';
import type { WebSocket } from 'ws';
import { setByte, skip, takeBuffer, written } from '../oms/jsonWriter.ts';

/**
 * A whole server-to-client WebSocket text frame (RFC 6455 §5.2: FIN, opcode
 * 1, unmasked, then the payload length) with its JSON payload, in one Buffer:
 * the bytes ws would put on the wire for `ws.send(payload)`.
 *
 * Why the gateway frames execution reports itself: ws.send costs ~650 bytes
 * of garbage and two socket writes per message (its options objects, a header
 * Buffer, the [header, data] pair, a buffered write each), and the order path
 * sends one to three reports per order. A frame written whole, header in
 * front of the payload in the JSON writer's slab, is one socket write, and
 * the same bytes serve every connection that gets the report.
 */
export type WsTextFrame = Buffer & { readonly wsTextFrame: true };

/** Room kept in front of the payload: the longest header (2 + 8 length bytes). */
const HEADER_ROOM = 10;
const FIN_TEXT = 0x81;

/** Call right after the writer's `begin`, before the payload is written. */
export function beginTextFrame(): void {
  skip(HEADER_ROOM);
}

/** Writes the header for the payload written since `beginTextFrame`, and takes the frame. */
export function takeTextFrame(): WsTextFrame {
  const n = written() - HEADER_ROOM;
  let header: number;
  if (n < 126) {
    header = 2;
    setByte(HEADER_ROOM - 1, n);
  } else if (n < 65_536) {
    header = 4;
    setByte(HEADER_ROOM - 3, 126);
    setByte(HEADER_ROOM - 2, n >>> 8);
    setByte(HEADER_ROOM - 1, n & 0xff);
  } else {
    header = 10;
    setByte(HEADER_ROOM - 9, 127);
    // 64-bit big-endian length; a payload is far below 2^53.
    let rest = n;
    for (let i = 1; i <= 8; i++) {
      setByte(HEADER_ROOM - i, rest % 256);
      rest = Math.floor(rest / 256);
    }
  }
  setByte(HEADER_ROOM - header, FIN_TEXT);
  return takeBuffer(HEADER_ROOM - header) as WsTextFrame;
}

/** The frame's payload (the JSON text, UTF-8), without its header. */
export function payloadOf(frame: WsTextFrame): Buffer {
  const length7 = frame[1]! & 0x7f;
  return frame.subarray(length7 < 126 ? 2 : length7 === 126 ? 4 : 10);
}

/**
 * What of ws's private state decides whether a frame may go to the socket directly (as in ws 8.23;
 * test/unit/transport/wsInternals.test.ts fails on a ws that changed it).
 */
interface WsInternals {
  _socket?: Writable;
  _sender?: { _state?: unknown; _queue?: { length: number } };
}
/** ws's Sender state when nothing of its own is in flight (not compressing, not reading a Blob). */
const SENDER_IDLE = 0;

/**
 * Sends a frame on an open connection. Straight to the socket when ws has
 * nothing queued of its own, so the frame goes out in the order it was sent
 * (ws writes a message synchronously then too, header and data back to back,
 * so whole frames never interleave). Otherwise — ws compressing or queueing,
 * or a ws whose internals are not the ones this was written against — through
 * ws.send, which queues it behind.
 */
export function sendTextFrame(ws: WebSocket, frame: WsTextFrame): void {
  const { _socket: socket, _sender: sender } = ws as unknown as WsInternals;
  if (socket !== undefined && sender !== undefined && sender._state === SENDER_IDLE && sender._queue?.length === 0) {
    socket.write(frame);
    return;
  }
  ws.send(payloadOf(frame), AS_TEXT);
}

/** ws's send options for a Buffer that holds text: a text frame, not binary. */
const AS_TEXT = { binary: false } as const;
