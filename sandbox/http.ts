import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import { HostErrorSchema, type HostError } from '../lib/schemas';

/** An API answer, decided before it is written (so latency and dropped responses apply uniformly). */
export interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** Destroy the connection instead of answering: a response lost after the work was done. */
  drop?: boolean;
}

/** A JSON reply whose body has been checked against the shared schema it promises. */
export function jsonReply<T>(status: number, schema: z.ZodType<T>, value: T): Reply {
  return { status, body: schema.parse(value) };
}

export function errorReply(status: number, error: string, extra: Omit<HostError, 'error'> = {}, headers?: Record<string, string>): Reply {
  const reply = jsonReply(status, HostErrorSchema, { error, ...extra });
  return headers ? { ...reply, headers } : reply;
}

export function methodNotAllowed(allowed: readonly string[]): Reply {
  return errorReply(405, `Use ${allowed.join(' or ')} here.`, {}, { Allow: allowed.join(', ') });
}

const COMMON_HEADERS = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

export function sendJson(res: ServerResponse, reply: Reply): void {
  const body = JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    ...COMMON_HEADERS,
    ...reply.headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
}

/** HTML with a per-response nonce: only our own inline script runs, whatever the data contains. */
export function sendHtml(res: ServerResponse, status: number, html: string, nonce: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    ...COMMON_HEADERS,
    ...headers,
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(html),
    'Content-Security-Policy': `script-src 'nonce-${nonce}'; object-src 'none'; base-uri 'none'; form-action 'self'`,
  });
  res.end(html);
}

export type BodyResult = { ok: true; text: string } | { ok: false; tooLarge: true };

/**
 * Reads the request body, keeping at most `limit` bytes. A larger body is drained and dropped rather
 * than cut off, so the connection stays usable for the 413 answer.
 */
export async function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= limit) chunks.push(chunk);
  }
  return size > limit ? { ok: false, tooLarge: true } : { ok: true, text: Buffer.concat(chunks).toString('utf8') };
}

/** The path's non-empty segments, URL-decoded (one that cannot be decoded stays as sent, matching no id). */
export function pathSegments(pathname: string): string[] {
  return pathname
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    });
}
