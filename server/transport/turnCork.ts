import type { Writable } from 'node:stream';
import type WebSocket from 'ws';

/**
 * Sockets written to in this turn of the event loop. Each one is corked at its
 * first message and uncorked once the turn is over, so the messages of a turn
 * (a commit batch's acks and reports) leave in one write per connection instead
 * of one syscall per message. The socket keeps the messages in order, and
 * bufferedAmount still counts them (the quote fan-out's slow-consumer check reads it).
 * Returns the function to call before each send.
 */
export function createTurnCork(): (ws: WebSocket) => void {
  const corked = new Set<Writable>();
  const uncorkAll = (): void => {
    for (const socket of corked) socket.uncork();
    corked.clear();
  };
  return (ws) => {
    // ws keeps its net.Socket private; without one (not connected yet) the message goes out as before.
    const socket = (ws as unknown as { _socket?: Writable })._socket;
    if (socket === undefined || corked.has(socket)) return;
    socket.cork();
    corked.add(socket);
    if (corked.size === 1) process.nextTick(uncorkAll);
  };
}
