import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BackfillSchema, HostClaimSchema, HostErrorSchema, ReconciliationRowSchema, SovSchema } from '../../lib/schemas';
import { ContractSchema } from '../../sandbox/model';
import { SEED_CLAIMS, SEED_CONTRACTS } from '../../sandbox/seed';
import { getJson, useSandboxes } from './helpers';

const sandboxes = useSandboxes();

describe('sandbox API reads', () => {
  it('serves one reconciliation row per Yardi payment, matched rows with no difference', async () => {
    const { url } = await sandboxes.start();
    const { status, body, headers } = await getJson(url, '/api/reconciliation');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('application/json; charset=utf-8');
    const rows = z.array(ReconciliationRowSchema).parse(body);

    const byId = new Map(rows.map((row) => [row.claimId, row]));
    const ordinary = byId.get(SEED_CLAIMS.ordinary)!;
    expect(ordinary).toMatchObject({ contractId: SEED_CONTRACTS.concrete, contractNumber: 'SC-1042', procore: '0.00', status: 'Unlinked' });
    expect(ordinary.difference).toBe(ordinary.yardiPtd);

    for (const matched of [SEED_CLAIMS.alreadyBackfilled, SEED_CLAIMS.matchedConcrete, SEED_CLAIMS.matchedMechanical]) {
      const row = byId.get(matched)!;
      expect(row.procore).toBe(row.yardiPtd);
      expect(row.difference).toBe('0.00');
      expect(row.status).toBe('Synced and Approved');
    }
    expect(byId.get(SEED_CLAIMS.credit)!.yardiPtd).toMatch(/^-/);
    expect(byId.has(SEED_CLAIMS.large)).toBe(false);
  });

  it('lists contracts and serves a claim with its status', async () => {
    const { url } = await sandboxes.start();
    const contracts = z.array(ContractSchema).parse((await getJson(url, '/api/contracts')).body);
    expect(contracts.map((contract) => contract.id)).toContain(SEED_CONTRACTS.uncodedSitework);
    expect(contracts.find((contract) => contract.id === SEED_CONTRACTS.concrete)).toEqual({
      id: 'C-1042',
      number: 'SC-1042',
      vendorName: 'Granite Ridge Concrete, Inc.',
      title: 'Concrete and foundations',
    });

    const open = await getJson(url, `/api/claims/${SEED_CLAIMS.ordinary}`);
    expect(open.status).toBe(200);
    expect(HostClaimSchema.parse(open.body)).toMatchObject({ id: SEED_CLAIMS.ordinary, status: 'Unlinked', backfilled: false });
    const done = HostClaimSchema.parse((await getJson(url, `/api/claims/${SEED_CLAIMS.alreadyBackfilled}`)).body);
    expect(done).toMatchObject({ status: 'Synced and Approved', backfilled: true });
  });

  it('serves the SOV of a contract', async () => {
    const { url } = await sandboxes.start();
    const { status, body } = await getJson(url, `/api/contracts/${SEED_CONTRACTS.concrete}/sov`);
    expect(status).toBe(200);
    const sov = SovSchema.parse(body);
    expect(sov.contractId).toBe(SEED_CONTRACTS.concrete);
    expect(sov.lines.filter((line) => line.categoryCode === '03-300')).toHaveLength(4);
    expect(sov.lines[0]).toMatchObject({ id: 'C-1042-L1', lineNumber: 1 });
  });

  it('serves the stored backfill of a backfilled claim and 404 for one without', async () => {
    const { url } = await sandboxes.start();
    const stored = await getJson(url, `/api/claims/${SEED_CLAIMS.alreadyBackfilled}/backfill`);
    expect(stored.status).toBe(200);
    expect(BackfillSchema.parse(stored.body)).toMatchObject({ id: 'BF-YC-1005', claimId: 'YC-1005', idempotencyKey: 'seed-YC-1005' });

    const none = await getJson(url, `/api/claims/${SEED_CLAIMS.ordinary}/backfill`);
    expect(none.status).toBe(404);
    expect(HostErrorSchema.parse(none.body).error).toMatch(/no backfill/);
  });

  it.each([
    '/api/claims/YC-9999',
    '/api/claims/YC-9999/backfill',
    '/api/contracts/C-9999/sov',
    '/api/contracts/C-1042',
    '/api/nothing-here',
    '/api/claims/%E0%A4%A',
  ])('answers 404 with a JSON error for %s', async (path) => {
    const { url } = await sandboxes.start();
    const { status, body } = await getJson(url, path);
    expect(status).toBe(404);
    HostErrorSchema.parse(body);
  });

  it.each([
    ['DELETE', '/api/reconciliation', 'GET, HEAD'],
    ['POST', '/api/contracts', 'GET, HEAD'],
    ['PUT', `/api/claims/${SEED_CLAIMS.ordinary}`, 'GET, HEAD'],
    ['PATCH', `/api/claims/${SEED_CLAIMS.ordinary}/backfill`, 'GET, POST, HEAD'],
  ])('answers 405 for %s %s with Allow', async (method, path, allow) => {
    const { url } = await sandboxes.start();
    const response = await fetch(new URL(path, url), { method });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe(allow);
    HostErrorSchema.parse(await response.json());
  });

  it('sends no CORS headers: only same-origin pages and the extension read it', async () => {
    const { url } = await sandboxes.start();
    const response = await fetch(new URL('/api/reconciliation', url), { headers: { Origin: 'https://evil.example' } });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});
