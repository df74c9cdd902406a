import { describe, expect, it } from 'vitest';
import { createLocalAdapter } from '../../../lib/host/local-adapter';
import { localClaim, localSov, type LocalClaim, type LocalSov } from '../../../lib/local-source/records';
import type { Backfill } from '../../../lib/schemas';
import { G703_LINES, IMPORTED } from '../../support/local-source';

const AT = '2026-11-30T10:00:00.000Z';
const claim = localClaim(IMPORTED, 'payments.csv', AT);
const sov = localSov('sc 1042', G703_LINES, 'g703.csv', AT);
const BALANCED = { lines: [{ sovLineId: 'item:1', amount: '1000.00' }, { sovLineId: 'item:2', amount: '500.00' }] };

function adapter(claims: LocalClaim[] = [claim], sovs: LocalSov[] = [sov]) {
  const ledger = new Map<string, Backfill>();
  const host = createLocalAdapter({
    source: { claim: async (id) => claims.find((each) => each.id === id), sov: async (key) => sovs.find((each) => each.contractKey === key) },
    finished: async (id) => ledger.get(id),
    now: () => AT,
  });
  return { host, ledger };
}

describe('the local adapter (the workbench’s host)', () => {
  it('reads an imported claim with the SOV imported for its contract, however the contract was typed', async () => {
    const { host } = adapter();
    const read = await host.readClaim(claim.id);
    expect(read).toMatchObject({ id: claim.id, contractId: 'SC-1042', backfilled: false });
    expect((await host.readSov(read.contractId)).lines.map((line) => line.id)).toEqual(['item:1', 'item:2']);
    expect(host.local).toBe(true);
  });

  it('says plainly when the contract has no SOV imported, or the claim is gone', async () => {
    const { host } = adapter([claim], []);
    await expect(host.readSov('SC-1042')).rejects.toThrow('No SOV is imported for contract SC-1042');
    await expect(host.readClaim('local-0000000000000000')).rejects.toThrow('is not among the imported claims');
  });

  it('finishes a balanced backfill, checked again by every rule, and replays it for the same key', async () => {
    const { host, ledger } = adapter();
    const outcome = await host.submitBackfill(claim.id, BALANCED, 'key-1');
    expect(outcome).toMatchObject({ kind: 'accepted', backfill: { claimId: claim.id, status: 'Finished', total: '1500.00', lines: BALANCED.lines } });
    if (outcome.kind !== 'accepted') return;
    ledger.set(claim.id, outcome.backfill);
    expect(await host.submitBackfill(claim.id, BALANCED, 'key-1')).toEqual(outcome);
    expect(await host.readBackfill(claim.id)).toEqual(outcome.backfill);
  });

  it('never finishes a claim twice, nor one that does not balance, nor one allocated in Yardi', async () => {
    const { host, ledger } = adapter();
    ledger.set(claim.id, { id: 'finished-key-1', claimId: claim.id, contractId: 'SC-1042', idempotencyKey: 'key-1', lines: BALANCED.lines, total: '1500.00', status: 'Finished', createdAt: AT });
    expect(await host.submitBackfill(claim.id, BALANCED, 'key-2')).toMatchObject({ kind: 'already-backfilled', error: { rule: 'CLAIM_ALREADY_BACKFILLED' } });

    const short = await adapter().host.submitBackfill(claim.id, { lines: [{ sovLineId: 'item:1', amount: '999.99' }] }, 'key-3');
    expect(short).toMatchObject({ kind: 'refused', status: 422, error: { rule: 'CODE_UNDER_ALLOCATED' } });

    const allocated = { ...claim, allocated: true };
    expect(await adapter([allocated]).host.submitBackfill(claim.id, BALANCED, 'key-4')).toMatchObject({ kind: 'refused', error: { rule: 'CLAIM_ALLOCATED' } });
  });
});
