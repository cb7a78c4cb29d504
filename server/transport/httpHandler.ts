import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { createStaticHandler } from './staticFiles.ts';

export const WS_PATH = '/ws';

/** Plain HTTP on the gateway's port: the health check and the terminal's files. */
export function createHttpHandler(staticDir: string, log: Logger): (req: IncomingMessage, res: ServerResponse) => void {
  const serveStatic = createStaticHandler(staticDir);
  return (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
      res.end('method not allowed\n');
      return;
    }
    if (path === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
      res.end(JSON.stringify({ status: 'ok' }));
      return;
    }
    if (path === WS_PATH) {
      res.writeHead(426, { upgrade: 'websocket', 'content-type': 'text/plain; charset=utf-8' });
      res.end('this path speaks WebSocket\n');
      return;
    }
    serveStatic(req, res).catch((err: unknown) => {
      log.error({ err, url: req.url }, 'static file failed');
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end();
    });
  };
}
