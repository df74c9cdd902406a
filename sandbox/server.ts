import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFaults } from './faults';
import { errorReply, pathSegments, sendJson } from './http';
import { createApi } from './routes/api';
import { createPages } from './routes/pages';
import type { Scale } from './seed';
import { Store } from './store';

export interface SandboxOptions {
  /** 0 = any free port; default 5180. */
  port?: number;
  /** Where `sandbox.json` lives; created when missing. */
  dataDir: string;
  /** Reseed even when data exists. */
  reset?: boolean;
  /** `large` adds a contract with 5,000 SOV lines and a claim with 300 codes. */
  scale?: Scale;
  /** Delay before every API response is written. */
  latencyMs?: number;
  /** Fraction (0..1) of API requests answered 500 before anything is done; a fixed-seed sequence. */
  failRate?: number;
  /** Destroy the connection instead of answering every newly committed backfill (the 201s); replays answer. */
  dropAfterCommit?: boolean;
  /** Default 127.0.0.1. */
  host?: string;
}

export interface RunningSandbox {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Starts the sandbox reconciliation site: pages and the JSON API over one data directory. */
export async function startSandbox(options: SandboxOptions): Promise<RunningSandbox> {
  const { port = 5180, dataDir, reset = false, scale = 'normal', latencyMs = 0, failRate = 0, dropAfterCommit = false, host = '127.0.0.1' } = options;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new RangeError(`port must be 0..65535, not ${port}`);
  if (!(latencyMs >= 0)) throw new RangeError(`latencyMs must be 0 or more, not ${latencyMs}`);
  if (!(failRate >= 0 && failRate <= 1)) throw new RangeError(`failRate must be between 0 and 1, not ${failRate}`);

  const store = await Store.open(dataDir, { reset, scale });
  const handleApi = createApi(store, { faults: createFaults({ latencyMs, failRate }), dropAfterCommit });
  const handlePage = createPages(store);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    const segments = pathSegments(url.pathname);
    if (segments[0] === 'api') await handleApi(req, res, segments.slice(1));
    else handlePage(req, res, segments, url.searchParams);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('[sandbox] request failed:', error);
      if (res.headersSent) res.destroy();
      else sendJson(res, errorReply(500, 'The sandbox failed unexpectedly.'));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });

  const bound = (server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${bound}`,
    port: bound,
    close() {
      closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          // Keep-alive connections would hold close() open; in-flight work still finishes below.
          server.closeAllConnections();
        });
        await store.idle();
      })();
      return closing;
    },
  };
}
