import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createSandboxAdapter } from '../../lib/host/sandbox-adapter';
import { HostErrorSchema, ReconciliationRowSchema } from '../../lib/schemas';
import { StateSchema, type State } from '../../sandbox/model';
import { SEED_CLAIMS } from '../../sandbox/seed';
import { getJson, useSandboxes } from './helpers';

const sandboxes = useSandboxes();
const Rows = z.array(ReconciliationRowSchema);

async function lookUp(url: string, query: Record<string, string>) {
  const { status, body } = await getJson(url, `/api/claims?${new URLSearchParams(query).toString()}`);
  return { status, body, claimIds: status === 200 ? Rows.parse(body).map((row) => row.claimId) : [] };
}

/** A sandbox whose seeded data `edit` changed first (the sandbox's hook for data no seed has). */
async function editedSandbox(edit: (state: State) => void) {
  const dataDir = await sandboxes.dataDir();
  await (await sandboxes.start({ dataDir })).close();
  const file = join(dataDir, 'sandbox.json');
  const state = StateSchema.parse(JSON.parse(await readFile(file, 'utf8')));
  edit(state);
  await writeFile(file, JSON.stringify(state));
  return sandboxes.start({ dataDir });
}

describe('GET /api/claims: looking a claim up by what a reconciliation row shows', () => {
  it.each([
    ['the contract number the page shows', { contract: 'SC-1042', invoice: 'GRC-3357' }, [SEED_CLAIMS.ordinary]],
    ['the contract id', { contract: 'C-1042', invoice: 'GRC-3357' }, [SEED_CLAIMS.ordinary]],
    ['other case, spaces and separators', { contract: ' sc 1042 ', invoice: 'grc3357' }, [SEED_CLAIMS.ordinary]],
    ['vendor and invoice', { vendor: 'Granite Ridge Concrete, Inc.', invoice: 'GRC-3357' }, [SEED_CLAIMS.ordinary]],
    ['vendor, invoice and date', { vendor: 'granite ridge concrete inc', invoice: 'GRC-3357', date: '2026-01-31' }, [SEED_CLAIMS.ordinary]],
    ['an unknown invoice', { contract: 'SC-1042', invoice: 'GRC-0000' }, []],
    ['the invoice under another contract', { contract: 'SC-1057', invoice: 'GRC-3357' }, []],
    ['a contract form the host does not know', { contract: '1042', invoice: 'GRC-3357' }, []],
    ['another date', { vendor: 'Granite Ridge Concrete, Inc.', invoice: 'GRC-3357', date: '2026-01-30' }, []],
  ])('looks up %s', async (_, query, claimIds) => {
    const { url } = await sandboxes.start();
    const found = await lookUp(url, query);
    expect(found).toMatchObject({ status: 200, claimIds });
    if (claimIds.length > 0) {
      expect(Rows.parse(found.body)[0]).toMatchObject({ contractNumber: 'SC-1042', vendorName: 'Granite Ridge Concrete, Inc.', invoiceDate: '2026-01-31', yardiPtd: '69145.19' });
    }
  });

  it('lists every claim when an invoice number is reused', async () => {
    const { url } = await editedSandbox((state) => {
      for (const claim of state.claims) if (claim.id === SEED_CLAIMS.ordinaryConcreteLater) claim.invoiceNumber = 'GRC-3357';
    });
    expect((await lookUp(url, { contract: 'SC-1042', invoice: 'GRC-3357' })).claimIds).toEqual([SEED_CLAIMS.ordinary, SEED_CLAIMS.ordinaryConcreteLater]);
    expect((await lookUp(url, { vendor: 'Granite Ridge Concrete, Inc.', invoice: 'GRC-3357', date: '2026-02-28' })).claimIds).toEqual([
      SEED_CLAIMS.ordinaryConcreteLater,
    ]);
  });

  it.each([
    ['nothing', {}],
    ['no invoice', { contract: 'SC-1042' }],
    ['contract and vendor together', { contract: 'SC-1042', vendor: 'Granite', invoice: 'GRC-3357' }],
    ['a date not in ISO form', { vendor: 'Granite', invoice: 'GRC-3357', date: '01/31/2026' }],
    ['a date with a contract', { contract: 'SC-1042', invoice: 'GRC-3357', date: '2026-01-31' }],
    ['an unknown parameter', { contract: 'SC-1042', invoice: 'GRC-3357', url: 'https://evil.example.com' }],
    ['a 501-character invoice', { contract: 'SC-1042', invoice: 'x'.repeat(501) }],
  ])('answers 400 to %s', async (_, query) => {
    const { url } = await sandboxes.start();
    const { status, body } = await lookUp(url, query);
    expect(status).toBe(400);
    expect(HostErrorSchema.parse(body).error).toMatch(/contract and invoice/);
  });
});

describe('findClaim through the sandbox adapter', () => {
  it('opens exactly one match, falls back from an unknown contract form to vendor and invoice, says none, lists several', async () => {
    const { url } = await editedSandbox((state) => {
      for (const claim of state.claims) if (claim.id === SEED_CLAIMS.ordinaryConcreteLater) claim.invoiceNumber = 'GRC-3357';
      for (const claim of state.claims) if (claim.id === SEED_CLAIMS.ordinaryMechanical) claim.invoiceNumber = 'SM-1';
    });
    const host = createSandboxAdapter({ origin: url });
    expect(await host.findClaim({ contractNumber: 'SC-1057', invoiceNumber: 'SM-1' })).toEqual({ kind: 'one', claimId: SEED_CLAIMS.ordinaryMechanical });
    // "Contract 1057" is no form the host knows: the vendor and invoice find it.
    expect(await host.findClaim({ contractNumber: 'Contract 1057', invoiceNumber: 'SM-1', vendorName: 'Summit Mechanical LLC' })).toEqual({
      kind: 'one',
      claimId: SEED_CLAIMS.ordinaryMechanical,
    });
    expect(await host.findClaim({ contractNumber: 'SC-1057', invoiceNumber: 'SM-404', vendorName: 'Summit Mechanical LLC' })).toEqual({ kind: 'none' });
    const several = await host.findClaim({ contractNumber: 'SC-1042', invoiceNumber: 'GRC-3357' });
    expect(several.kind === 'several' && several.candidates.map((row) => row.claimId)).toEqual([SEED_CLAIMS.ordinary, SEED_CLAIMS.ordinaryConcreteLater]);
    // A claim id is taken as it is: the panel reads that claim next, as it always has.
    expect(await host.findClaim({ claimId: 'YC-404' })).toEqual({ kind: 'one', claimId: 'YC-404' });
  });
});
