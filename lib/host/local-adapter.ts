import { validateBackfill } from '../backfill';
import { localHostClaim, localHostSov, localKey, type LocalClaim, type LocalSov } from '../local-source/records';
import type { Backfill } from '../schemas';
import { HostResponseError, type HostAdapter } from './host-adapter';

/** Where the imported claims and SOVs are read (the extension's database, `LocalSource`). */
export interface LocalSourceReader {
  claim(claimId: string): Promise<LocalClaim | undefined>;
  /** The SOV imported for the contract whose `localKey` this is. */
  sov(contractKey: string): Promise<LocalSov | undefined>;
}

export interface LocalAdapterOptions {
  source: LocalSourceReader;
  /** The local ledger: the backfill finished for a claim, if any. */
  finished: (claimId: string) => Promise<Backfill | undefined>;
  now: () => string;
}

/**
 * The workbench's host: claims and SOVs imported from the user's files (the local source). Finishing a
 * claim is its "submit": the backfill is checked by every rule once more, as a host checks it, and
 * frozen in the local ledger as `Finished`, ready to export and to submit from its reconciliation row.
 */
export function createLocalAdapter({ source, finished, now }: LocalAdapterOptions): HostAdapter {
  async function readClaim(claimId: string) {
    const claim = await source.claim(claimId);
    if (!claim) throw new HostResponseError(`Claim ${claimId} is not among the imported claims.`);
    return localHostClaim(claim, (await finished(claimId)) !== undefined);
  }
  async function readSov(contractId: string) {
    const sov = await source.sov(localKey(contractId));
    if (!sov) throw new HostResponseError(`No SOV is imported for contract ${contractId}: import its SOV or G703 export in the workbench first.`);
    return localHostSov(sov, contractId);
  }

  return {
    local: true,
    // The workbench opens claims by their id; a row of a page is never resolved against files.
    findClaim: async (identity) => (identity.claimId !== undefined && (await source.claim(identity.claimId)) ? { kind: 'one', claimId: identity.claimId } : { kind: 'none' }),
    readClaim,
    readSov,
    readBackfill: async (claimId) => (await finished(claimId)) ?? null,

    async submitBackfill(claimId, request, idempotencyKey) {
      const earlier = await finished(claimId);
      if (earlier?.idempotencyKey === idempotencyKey) return { kind: 'accepted', backfill: earlier };
      const claim = await readClaim(claimId);
      const sov = await readSov(claim.contractId);
      if (claim.backfilled) return { kind: 'already-backfilled', error: { error: 'This claim is finished already; a claim is never backfilled twice.', rule: 'CLAIM_ALREADY_BACKFILLED' } };
      const allocations = Object.fromEntries(request.lines.map((line) => [line.sovLineId, line.amount]));
      const validation = validateBackfill({ claim, sov, allocations, backfilledClaimIds: [] });
      if (!validation.canSubmit) {
        const first = validation.issues.find((issue) => issue.severity !== 'warning');
        return { kind: 'refused', status: 422, error: { error: first?.message ?? 'The allocation does not balance.', ...(first && { rule: first.rule }), issues: validation.issues } };
      }
      const backfill: Backfill = {
        id: `finished-${idempotencyKey}`,
        claimId,
        contractId: claim.contractId,
        idempotencyKey,
        lines: request.lines,
        ...(request.header && { header: request.header }),
        total: claim.total,
        status: 'Finished',
        createdAt: now(),
      };
      return { kind: 'accepted', backfill };
    },
  };
}
