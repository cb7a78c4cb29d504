import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestGateway, freshDataDir, startTestGateway } from '../support/gateway.ts';

interface Reply {
  status: number;
  type: string | undefined;
  body: string;
}

/** A raw request, so the path reaches the server exactly as written (fetch would normalise "..") */
function get(gw: TestGateway, path: string, method = 'GET'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: gw.port, path, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], body }));
    });
    req.on('error', reject);
    req.end();
  });
}

let built: TestGateway;
let unbuilt: TestGateway;
beforeAll(async () => {
  const dist = join(freshDataDir(), 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>terminal</title>');
  writeFileSync(join(dist, 'assets', 'app-1234.js'), 'console.log(1)');
  writeFileSync(join(dist, 'assets', 'app-1234.css'), 'body{}');
  built = await startTestGateway({ staticDir: dist, tickIntervalMs: 3_600_000 });
  unbuilt = await startTestGateway({ tickIntervalMs: 3_600_000 });
});
afterAll(async () => {
  await built.dispose();
  await unbuilt.dispose();
});

describe('HTTP', () => {
  it('answers the health check', async () => {
    const r = await get(built, '/healthz');
    expect(r).toMatchObject({ status: 200, type: 'application/json; charset=utf-8' });
    expect(JSON.parse(r.body)).toEqual({ status: 'ok' });
  });

  it('serves the terminal: index.html for / and for app routes, files with their content type', async () => {
    expect(await get(built, '/')).toMatchObject({ status: 200, type: 'text/html; charset=utf-8', body: '<!doctype html><title>terminal</title>' });
    expect(await get(built, '/desk/monitor')).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
    expect(await get(built, '/assets/app-1234.js')).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8', body: 'console.log(1)' });
    expect(await get(built, '/assets/app-1234.css')).toMatchObject({ status: 200, type: 'text/css; charset=utf-8' });
    expect(await get(built, '/assets/missing.js')).toMatchObject({ status: 404 });
    expect(await get(built, '/', 'HEAD')).toMatchObject({ status: 200, body: '' });
    expect(await get(built, '/', 'POST')).toMatchObject({ status: 405 });
  });

  it('never serves a file outside the static directory', async () => {
    for (const path of ['/../../../../etc/passwd', '/..%2f..%2f..%2fetc%2fpasswd', '/assets/%2e%2e/%2e%2e/%2e%2e/etc/hostname', '/..%2f..%2f..%2f..%2fetc%2fhosts.txt', '/%00', '/%E0%A4%A']) {
      const r = await get(built, path);
      // Refused, or resolved inside the root (a path without an extension is an app route: index.html).
      if (r.status === 200) expect(r.body).toBe('<!doctype html><title>terminal</title>');
      else expect([400, 403, 404]).toContain(r.status);
      expect(r.body).not.toContain('root:');
    }
  });

  it('says the terminal is not built when there is no dist', async () => {
    expect(await get(unbuilt, '/')).toMatchObject({ status: 503, body: 'terminal not built: run npm run build\n' });
    expect(await get(unbuilt, '/healthz')).toMatchObject({ status: 200 });
  });
});
