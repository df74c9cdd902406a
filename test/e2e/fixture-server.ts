import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';

export const FIXTURES_DIR = resolve(import.meta.dirname, 'fixtures');

export interface FixtureServer {
  /** `http://127.0.0.1:<port>`: a host the content script matches. */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves `test/e2e/fixtures/*.html` (only plain file names, nothing outside the folder) and, under
 * `/generated/<name>`, pages built by the test itself.
 */
export async function serveFixtures(generated: Record<string, string> = {}): Promise<FixtureServer> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://fixtures').pathname;
    const name = path.slice(1);
    const page = path.startsWith('/generated/') ? generated[path.slice('/generated/'.length)] : undefined;
    const send = (status: number, body: string) => {
      response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      response.end(body);
    };
    if (page !== undefined) return send(200, page);
    if (!/^[\w-]+\.html$/.test(name)) return send(404, 'not found');
    readFile(resolve(FIXTURES_DIR, name), 'utf8').then(
      (body) => send(200, body),
      () => send(404, 'not found'),
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
