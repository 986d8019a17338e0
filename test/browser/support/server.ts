// A tiny static file server on 127.0.0.1 for the built pages: no webpack-dev-server, no https.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.xml': 'application/xml',
};

const SLOW_SCRIPTS_MS = Number(process.env.JIXIAO_SLOW_SCRIPTS_MS ?? 0);

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

export async function serveStatic(root: string): Promise<StaticServer> {
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    // A directory serves its index.html, as static servers do (the checker page under a sub-path).
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    const send = (): void => {
      response.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' });
      createReadStream(file).pipe(response);
    };
    // JIXIAO_SLOW_SCRIPTS_MS=400 holds back every script, as a slow network would, so a test that reads
    // a lazily loaded part before it arrives fails every time instead of once in a while on CI.
    if (extname(file) === '.js' && SLOW_SCRIPTS_MS > 0) setTimeout(send, SLOW_SCRIPTS_MS);
    else send();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
