/**
 * A bare WebSocket echo server, run as its own process by the order-path
 * benchmark: it answers every `{"reqId": …}` frame with a pong and does
 * nothing else. The same client at the same pace against it measures what
 * this machine's loopback, scheduler and `ws` cost on their own: the floor
 * under any round trip, which the gateway's figures are read against.
 *
 *   PORT=<port> node --import tsx test/bench/oms/echoServer.ts
 */
import { WebSocketServer } from 'ws';

const wss = new WebSocketServer({ host: '127.0.0.1', port: Number(process.env.PORT) });
wss.on('listening', () => console.log('echo ready'));
wss.on('connection', (ws) => {
  ws.on('message', (data) => {
    const { reqId } = JSON.parse(String(data)) as { reqId?: string };
    ws.send(JSON.stringify({ type: 'pong', reqId }));
  });
});
process.on('SIGTERM', () => wss.close(() => process.exit(0)));
