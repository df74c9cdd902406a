import { describe, expect, it, vi } from 'vitest';
import { formatDate } from '../../../lib/dates';
import { ClaimFinder } from '../../../lib/panel/claim-finder.svelte';
import { HostUnavailableError, claimLookups, findClaimWith, type ClaimLookup, type HostAdapter } from '../../../lib/host/host-adapter';
import type { ReconciliationRow } from '../../../lib/schemas';
import { makeFakeHost } from '../../support/fake-host';

function row(claimId: string, contractNumber: string): ReconciliationRow {
  return {
    claimId,
    contractId: contractNumber.replace('S', ''),
    contractNumber,
    vendorName: 'Granite Ridge Concrete, Inc.',
    invoiceNumber: 'GRC-1',
    invoiceDate: '2026-01-31',
    yardiPtd: '100.00',
    procore: '0.00',
    difference: '100.00',
    status: 'Unlinked',
  };
}

const ROW_IDENTITY = { contractNumber: 'SC-1', invoiceNumber: 'GRC-1', vendorName: 'Granite Ridge Concrete, Inc.', invoiceDate: '2026-01-31' };

describe('claimLookups and findClaimWith', () => {
  it('asks by contract + invoice first, then by vendor + invoice + date', () => {
    expect(claimLookups(ROW_IDENTITY)).toEqual([
      { contract: 'SC-1', invoice: 'GRC-1' },
      { vendor: 'Granite Ridge Concrete, Inc.', invoice: 'GRC-1', date: '2026-01-31' },
    ]);
    expect(claimLookups({ contractNumber: 'SC-1', invoiceNumber: 'GRC-1', vendorName: 'Acme' })).toEqual([
      { contract: 'SC-1', invoice: 'GRC-1' },
      { vendor: 'Acme', invoice: 'GRC-1' },
    ]);
    expect(claimLookups({ claimId: 'YC-1' })).toEqual([]);
  });

  it('stops at the first lookup that finds anything', async () => {
    const asked: ClaimLookup[] = [];
    const answers: ReconciliationRow[][] = [[], [row('YC-1', 'SC-1'), row('YC-2', 'SC-2')]];
    const match = await findClaimWith(ROW_IDENTITY, async (query) => (asked.push(query), answers.shift()!));
    expect(asked).toHaveLength(2);
    expect(match).toEqual({ kind: 'several', candidates: [row('YC-1', 'SC-1'), row('YC-2', 'SC-2')] });
    expect(await findClaimWith(ROW_IDENTITY, async () => [row('YC-3', 'SC-1')])).toEqual({ kind: 'one', claimId: 'YC-3' });
    expect(await findClaimWith(ROW_IDENTITY, async () => [])).toEqual({ kind: 'none' });
  });
});

describe('ClaimFinder (the panel before a claim is open)', () => {
  function finderWith(findClaim: HostAdapter['findClaim']) {
    const open = vi.fn<(claimId: string) => void>();
    const host: HostAdapter = { ...makeFakeHost().host, findClaim };
    return { finder: new ClaimFinder(ROW_IDENTITY, host, open), open };
  }

  it('opens exactly one match', async () => {
    const { finder, open } = finderWith(async () => ({ kind: 'one', claimId: 'YC-1' }));
    await finder.find();
    expect(open).toHaveBeenCalledWith('YC-1');
  });

  it('says none with what was looked for', async () => {
    const { finder, open } = finderWith(async () => ({ kind: 'none' }));
    await finder.find();
    expect(finder.state).toEqual({ kind: 'none' });
    // The date as the user's locale writes it.
    expect(finder.lookedFor).toBe(`contract SC-1, vendor Granite Ridge Concrete, Inc., invoice GRC-1, dated ${formatDate('2026-01-31')}`);
    expect(open).not.toHaveBeenCalled();
  });

  it('lets the user pick one of several, and only one the host offered', async () => {
    const { finder, open } = finderWith(async () => ({ kind: 'several', candidates: [row('YC-1', 'SC-1'), row('YC-2', 'SC-2')] }));
    await finder.find();
    finder.choose('YC-9');
    expect(open).not.toHaveBeenCalled();
    finder.choose('YC-2');
    expect(open).toHaveBeenCalledWith('YC-2');
  });

  it("takes the host's answer asked ahead of the open, or asks again when that failed", async () => {
    const open = vi.fn<(claimId: string) => void>();
    const host: HostAdapter = { ...makeFakeHost().host, findClaim: vi.fn(async () => ({ kind: 'none' }) as const) };
    const ahead = new ClaimFinder(ROW_IDENTITY, host, open, Promise.resolve({ kind: 'one', claimId: 'YC-1' }));
    await ahead.find();
    expect(open).toHaveBeenCalledWith('YC-1');
    expect(host.findClaim).not.toHaveBeenCalled();

    const failed = new ClaimFinder(ROW_IDENTITY, host, open, Promise.reject(new HostUnavailableError('timeout')));
    await failed.find();
    expect(host.findClaim).toHaveBeenCalledWith(ROW_IDENTITY);
    expect(failed.state).toEqual({ kind: 'none' });
  });

  it('says the host failed', async () => {
    const { finder } = finderWith(async () => Promise.reject(new HostUnavailableError('The host did not answer: timeout')));
    await finder.find();
    expect(finder.state).toEqual({ kind: 'failed', message: 'The host did not answer: timeout' });
  });
});
