import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { HostClaimSchema, SovSchema, type BackfillLine } from '../../lib/schemas';
import { balancedAllocation } from '../../sandbox/allocation';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../sandbox/server';

export interface TestSandbox extends RunningSandbox {
  dataDir: string;
}

/**
 * Sandboxes on 127.0.0.1, any free port, each in a fresh temp data dir unless one is given; every
 * server is closed and every temp dir removed after each test.
 */
export function useSandboxes() {
  const running: RunningSandbox[] = [];
  const dirs: string[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((sandbox) => sandbox.close()));
    await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });
  async function dataDir(): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'backfill-sandbox-'));
    dirs.push(dir);
    return dir;
  }
  async function start(options: Partial<SandboxOptions> = {}): Promise<TestSandbox> {
    const dir = options.dataDir ?? (await dataDir());
    const sandbox = await startSandbox({ port: 0, ...options, dataDir: dir });
    running.push(sandbox);
    return { ...sandbox, dataDir: dir };
  }
  return { start, dataDir };
}

export interface JsonResponse {
  status: number;
  body: unknown;
  headers: Headers;
}

export async function getJson(base: string, path: string): Promise<JsonResponse> {
  const response = await fetch(new URL(path, base));
  return { status: response.status, body: await response.json(), headers: response.headers };
}

/** POSTs a backfill; `body` is sent as is when it is a string, else as JSON. */
export async function postBackfill(base: string, claimId: string, body: unknown, key?: string): Promise<JsonResponse> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (key !== undefined) headers['Idempotency-Key'] = key;
  const response = await fetch(new URL(`/api/claims/${encodeURIComponent(claimId)}/backfill`, base), {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json(), headers: response.headers };
}

/** A backfill the rules accept, built from what the host serves (the panel's "spread" helper). */
export async function validLines(base: string, claimId: string): Promise<BackfillLine[]> {
  const claim = HostClaimSchema.parse((await getJson(base, `/api/claims/${claimId}`)).body);
  const sov = SovSchema.parse((await getJson(base, `/api/contracts/${claim.contractId}/sov`)).body);
  return Object.entries(balancedAllocation(claim, sov)).map(([sovLineId, amount]) => ({ sovLineId, amount }));
}

export async function getText(base: string, path: string): Promise<{ status: number; text: string; headers: Headers }> {
  const response = await fetch(new URL(path, base));
  return { status: response.status, text: await response.text(), headers: response.headers };
}
