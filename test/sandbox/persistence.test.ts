import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BackfillSchema, HostClaimSchema, SovSchema } from '../../lib/schemas';
import { StateSchema } from '../../sandbox/model';
import { createSeed, SEED_CLAIMS, SEED_CONTRACTS } from '../../sandbox/seed';
import { getJson, postBackfill, useSandboxes, validLines } from './helpers';

const sandboxes = useSandboxes();

async function sovOf(url: string, contractId: string) {
  return SovSchema.parse((await getJson(url, `/api/contracts/${contractId}/sov`)).body);
}

describe('sandbox data', () => {
  it('seeds a new data dir with the deterministic seed', async () => {
    const { dataDir } = await sandboxes.start();
    const stored = StateSchema.parse(JSON.parse(await readFile(join(dataDir, 'sandbox.json'), 'utf8')));
    expect(stored).toEqual(createSeed());
  });

  it('keeps backfills and SOV changes across a restart', async () => {
    const first = await sandboxes.start();
    const lines = await validLines(first.url, SEED_CLAIMS.ordinary);
    const created = await postBackfill(first.url, SEED_CLAIMS.ordinary, { lines }, 'survives');
    const sovAfter = await sovOf(first.url, SEED_CONTRACTS.concrete);
    await first.close();

    const second = await sandboxes.start({ dataDir: first.dataDir });
    expect(BackfillSchema.parse((await getJson(second.url, `/api/claims/${SEED_CLAIMS.ordinary}/backfill`)).body)).toEqual(created.body);
    expect(HostClaimSchema.parse((await getJson(second.url, `/api/claims/${SEED_CLAIMS.ordinary}`)).body).backfilled).toBe(true);
    expect(await sovOf(second.url, SEED_CONTRACTS.concrete)).toEqual(sovAfter);
    // The key is remembered too: the retry after a restart is a replay.
    expect((await postBackfill(second.url, SEED_CLAIMS.ordinary, { lines }, 'survives')).status).toBe(200);
  });

  it('reseeds with reset', async () => {
    const first = await sandboxes.start();
    await postBackfill(first.url, SEED_CLAIMS.ordinary, { lines: await validLines(first.url, SEED_CLAIMS.ordinary) }, 'gone');
    await first.close();
    const second = await sandboxes.start({ dataDir: first.dataDir, reset: true });
    expect((await getJson(second.url, `/api/claims/${SEED_CLAIMS.ordinary}/backfill`)).status).toBe(404);
  });

  it('writes atomically: only sandbox.json is left, and stale temp files are cleared on start', async () => {
    const dataDir = await sandboxes.dataDir();
    await writeFile(join(dataDir, '.sandbox.json.0123abcd.tmp'), '{"torn": ');
    const { url } = await sandboxes.start({ dataDir });
    expect(await readdir(dataDir)).toEqual(['sandbox.json']);
    for (const claimId of [SEED_CLAIMS.ordinary, SEED_CLAIMS.ordinaryMechanical, SEED_CLAIMS.credit]) {
      await postBackfill(url, claimId, { lines: await validLines(url, claimId) }, `atomic-${claimId}`);
    }
    expect(await readdir(dataDir)).toEqual(['sandbox.json']);
    StateSchema.parse(JSON.parse(await readFile(join(dataDir, 'sandbox.json'), 'utf8')));
  });

  it('refuses to start on a data file that is not sandbox data, and names --reset', async () => {
    const dataDir = await sandboxes.dataDir();
    await writeFile(join(dataDir, 'sandbox.json'), '{"version": 1, "claims": "no"}');
    await expect(sandboxes.start({ dataDir })).rejects.toThrow(/--reset/);
    await writeFile(join(dataDir, 'sandbox.json'), '{ not json');
    await expect(sandboxes.start({ dataDir })).rejects.toThrow(/--reset/);
    const reseeded = await sandboxes.start({ dataDir, reset: true });
    expect((await getJson(reseeded.url, '/api/contracts')).status).toBe(200);
  });

  it('adds the large contract to existing data when started at large scale, keeping what was there', async () => {
    const first = await sandboxes.start();
    await postBackfill(first.url, SEED_CLAIMS.ordinary, { lines: await validLines(first.url, SEED_CLAIMS.ordinary) }, 'kept');
    await first.close();
    const large = await sandboxes.start({ dataDir: first.dataDir, scale: 'large' });
    expect((await getJson(large.url, `/api/claims/${SEED_CLAIMS.ordinary}/backfill`)).status).toBe(200);
    const sov = await sovOf(large.url, SEED_CONTRACTS.large);
    expect(sov.lines).toHaveLength(5000);
  });
});
