import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BackfillSchema, HostErrorSchema } from '../../lib/schemas';
import { StateSchema } from '../../sandbox/model';
import { balancedAllocation } from '../../sandbox/allocation';
import { createSeed, SEED_CLAIMS } from '../../sandbox/seed';
import { getJson, getText, postBackfill, useSandboxes, validLines } from './helpers';

const sandboxes = useSandboxes();

describe('concurrent submissions', () => {
  it('answers 409 to a key whose first request is still in flight, then replays it', async () => {
    const { url } = await sandboxes.start({ latencyMs: 300 });
    const lines = await validLines(url, SEED_CLAIMS.ordinary);
    const [a, b] = await Promise.all([
      postBackfill(url, SEED_CLAIMS.ordinary, { lines }, 'same-key'),
      postBackfill(url, SEED_CLAIMS.ordinary, { lines }, 'same-key'),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const conflict = [a, b].find((response) => response.status === 409)!;
    expect(HostErrorSchema.parse(conflict.body).rule).toBe('IDEMPOTENCY_KEY_IN_FLIGHT');

    const replay = await postBackfill(url, SEED_CLAIMS.ordinary, { lines }, 'same-key');
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual([a, b].find((response) => response.status === 201)!.body);
  });

  it('lets exactly one of five simultaneous submissions with different keys succeed', async () => {
    const { url } = await sandboxes.start({ latencyMs: 50 });
    const lines = await validLines(url, SEED_CLAIMS.ordinary);
    const responses = await Promise.all([1, 2, 3, 4, 5].map((n) => postBackfill(url, SEED_CLAIMS.ordinary, { lines }, `race-${n}`)));
    const created = responses.filter((response) => response.status === 201);
    expect(created).toHaveLength(1);
    for (const response of responses.filter((candidate) => candidate.status !== 201)) {
      expect(response.status).toBe(409);
      expect(HostErrorSchema.parse(response.body).rule).toBe('CLAIM_ALREADY_BACKFILLED');
    }
    const stored = BackfillSchema.parse((await getJson(url, `/api/claims/${SEED_CLAIMS.ordinary}/backfill`)).body);
    expect(stored).toEqual(created[0]!.body);
  });

  it('keeps both backfills when two claims of one contract commit at once', async () => {
    const { url, dataDir } = await sandboxes.start();
    const claims: string[] = [SEED_CLAIMS.ordinary, SEED_CLAIMS.ordinaryConcreteLater];
    const bodies = await Promise.all(claims.map(async (claimId) => ({ lines: await validLines(url, claimId) })));
    const responses = await Promise.all(claims.map((claimId, index) => postBackfill(url, claimId, bodies[index], `both-${claimId}`)));
    expect(responses.map((response) => response.status)).toEqual([201, 201]);

    // Each line moved by its own allocation: neither write lost the other's SOV change.
    const state = StateSchema.parse(JSON.parse(await readFile(join(dataDir, 'sandbox.json'), 'utf8')));
    expect(state.backfills.filter((stored) => claims.includes(stored.backfill.claimId))).toHaveLength(2);
    const seedSov = createSeed().sovs.find((candidate) => candidate.contractId === 'C-1042')!;
    const sov = state.sovs.find((candidate) => candidate.contractId === 'C-1042')!;
    const touched = new Set(bodies.flatMap((body) => body.lines.map((line) => line.sovLineId)));
    for (const line of sov.lines) {
      const changed = line.claimedToDate !== seedSov.lines.find((seeded) => seeded.id === line.id)!.claimedToDate;
      expect(changed).toBe(touched.has(line.id));
    }
  });
});

describe('fault switches', () => {
  it('fails every API request with a JSON 500 at fail rate 1, and never the pages', async () => {
    const { url } = await sandboxes.start({ failRate: 1 });
    for (const path of ['/api/reconciliation', `/api/claims/${SEED_CLAIMS.ordinary}`, '/api/nothing']) {
      const { status, body } = await getJson(url, path);
      expect(status).toBe(500);
      HostErrorSchema.parse(body);
    }
    const post = await postBackfill(url, SEED_CLAIMS.ordinary, { lines: [{ sovLineId: 'C-1042-L6', amount: '1.00' }] }, 'k');
    expect(post.status).toBe(500);
    expect((await getText(url, '/')).status).toBe(200);
  });

  it('fails a fixed, repeatable share of requests at fail rate 0.5', async () => {
    async function statuses(): Promise<number[]> {
      const { url } = await sandboxes.start({ failRate: 0.5 });
      const result: number[] = [];
      for (let index = 0; index < 40; index++) result.push((await getJson(url, '/api/contracts')).status);
      return result;
    }
    const first = await statuses();
    expect(await statuses()).toEqual(first);
    const failures = first.filter((status) => status === 500).length;
    expect(failures).toBeGreaterThan(8);
    expect(failures).toBeLessThan(32);
    expect(first.filter((status) => status !== 500).every((status) => status === 200)).toBe(true);
  });

  it('fails before doing anything: a 500 submission creates nothing', async () => {
    const seed = createSeed();
    const claim = seed.claims.find((candidate) => candidate.id === SEED_CLAIMS.ordinary)!;
    const sov = seed.sovs.find((candidate) => candidate.contractId === claim.contractId)!;
    const lines = Object.entries(balancedAllocation(claim, sov)).map(([sovLineId, amount]) => ({ sovLineId, amount }));

    const failing = await sandboxes.start({ failRate: 1 });
    expect((await postBackfill(failing.url, SEED_CLAIMS.ordinary, { lines }, 'k')).status).toBe(500);
    await failing.close();
    const reopened = await sandboxes.start({ dataDir: failing.dataDir });
    expect((await getJson(reopened.url, `/api/claims/${SEED_CLAIMS.ordinary}/backfill`)).status).toBe(404);
    expect((await postBackfill(reopened.url, SEED_CLAIMS.ordinary, { lines }, 'k')).status).toBe(201);
  });

  it('delays API responses by the latency', async () => {
    const { url } = await sandboxes.start({ latencyMs: 200 });
    const started = performance.now();
    await getJson(url, '/api/contracts');
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
  });

  it('drops the response after a commit; the retry with the same key gets the replay and one backfill exists', async () => {
    const { url, dataDir } = await sandboxes.start({ dropAfterCommit: true });
    const lines = await validLines(url, SEED_CLAIMS.ordinary);
    await expect(postBackfill(url, SEED_CLAIMS.ordinary, { lines }, 'dropped')).rejects.toThrow();

    // The extension's check after an ambiguous failure: the host holds the backfill.
    const stored = BackfillSchema.parse((await getJson(url, `/api/claims/${SEED_CLAIMS.ordinary}/backfill`)).body);
    expect(stored.idempotencyKey).toBe('dropped');

    const retry = await postBackfill(url, SEED_CLAIMS.ordinary, { lines }, 'dropped');
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(stored);
    expect((await postBackfill(url, SEED_CLAIMS.ordinary, { lines }, 'other')).status).toBe(409);

    const state = StateSchema.parse(JSON.parse(await readFile(join(dataDir, 'sandbox.json'), 'utf8')));
    expect(state.backfills.filter((entry) => entry.backfill.claimId === SEED_CLAIMS.ordinary)).toHaveLength(1);
  });

  it.each([{ failRate: 2 }, { failRate: -0.1 }, { latencyMs: -1 }, { port: 70000 }])('refuses to start with %o', async (options) => {
    await expect(sandboxes.start(options)).rejects.toThrow(RangeError);
  });
});
