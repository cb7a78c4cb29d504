import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export const NOT_BUILT_MESSAGE = 'terminal not built: run npm run build';

function plain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end(`${text}\n`);
}

async function fileSize(path: string): Promise<number | undefined> {
  try {
    const s = await stat(path);
    return s.isFile() ? s.size : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Serves the built terminal. A path without an extension is a route of the
 * single-page app and gets index.html; a path with one is a file or a 404.
 * Paths are resolved inside the root and anything that escapes it is refused.
 */
export function createStaticHandler(staticDir: string): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const root = resolve(staticDir);
  const indexFile = join(root, 'index.html');

  return async (req, res) => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      return plain(res, 400, 'bad request path');
    }
    if (pathname.includes('\0')) return plain(res, 400, 'bad request path');
    const target = resolve(root, `.${pathname}`);
    if (target !== root && !target.startsWith(root + sep)) return plain(res, 403, 'forbidden');

    let file = target;
    let size = target === root ? undefined : await fileSize(target);
    if (size === undefined) {
      if (extname(pathname) !== '') return plain(res, 404, 'not found');
      file = indexFile;
      size = await fileSize(indexFile);
      if (size === undefined) return plain(res, 503, NOT_BUILT_MESSAGE);
    }
    const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    // Vite fingerprints everything under assets/, so those never change; index.html always may.
    const immutable = file !== indexFile && pathname.startsWith('/assets/');
    res.writeHead(200, {
      'content-type': type,
      'content-length': size,
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
    });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  };
}
