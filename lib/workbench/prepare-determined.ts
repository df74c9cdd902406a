import { BackfillValidator, comesBefore, determinedAllocation, projectLines, type OtherDraft } from '../backfill';
import { otherDrafts } from '../contract-drafts';
import { hostSovCache, localHostClaim, type LocalClaim } from '../local-source/records';
import { defaultClaimHeader } from '../claim-header';
import type { DraftBasis, DraftEdits } from '../schemas';
import type { QueueSources } from './queue';

/** A determined claim's draft, ready to be saved over `baseRevision`: checked by every rule, its warnings kept to show. */
export interface DeterminedDraft {
  claim: LocalClaim;
  edits: DraftEdits;
  basis: DraftBasis;
  baseRevision: number;
  warnings: string[];
}

export interface PrepareDeterminedResult {
  prepared: DeterminedDraft[];
  /** Claims asked for that were not prepared, with why, in a sentence. */
  notPrepared: { claim: LocalClaim; reason: string }[];
}

/**
 * Fills the drafts of the imported claims `claimIds` whose allocation is determined (each code on one
 * SOV line, `determinedAllocation`), in invoice order, each checked like a typed one: against the rules
 * and the contract's projected balances, the other drafts and the claims prepared before it included.
 * A claim with a problem is not prepared, and the reason says why; nothing is submitted or finished.
 */
export function prepareDetermined({ localClaims, localSovs, drafts }: QueueSources, claimIds: ReadonlySet<string>, now: string): PrepareDeterminedResult {
  const result: PrepareDeterminedResult = { prepared: [], notPrepared: [] };
  const sovs = new Map(localSovs.map((sov) => [sov.contractKey, sov]));
  const preparedOn = new Map<string, OtherDraft[]>();
  const hostSovOf = hostSovCache();
  const order = (claim: LocalClaim) => ({ claimId: claim.id, invoiceDate: claim.invoiceDate, invoiceNumber: claim.invoiceNumber });
  const asked = localClaims.filter((claim) => claimIds.has(claim.id)).sort((a, b) => (comesBefore(order(a), order(b)) ? -1 : 1));

  for (const claim of asked) {
    const sov = sovs.get(claim.contractKey);
    if (!sov) {
      result.notPrepared.push({ claim, reason: `No SOV is imported for contract ${claim.contractNumber}.` });
      continue;
    }
    const { status: _status, backfilled: _backfilled, ...yardiClaim } = localHostClaim(claim, false);
    const hostSov = hostSovOf(sov, claim.contractNumber);
    const validator = new BackfillValidator({ claim: yardiClaim, sov: hostSov, backfilledClaimIds: [] });
    const patch = determinedAllocation(validator);
    if (!patch) {
      result.notPrepared.push({ claim, reason: 'A code of this claim is on several SOV lines (or none): choose how to spread it.' });
      continue;
    }
    // As the allocation view counts them: the drafts of the contract as the file writes it.
    const onContract = drafts.filter((entry) => entry.draft.contractId === claim.contractNumber);
    const before = preparedOn.get(claim.contractKey) ?? [];
    validator.setProjection(projectLines(order(claim), [...otherDrafts(claim.id, onContract), ...before]));
    validator.setMany(patch);
    const issues = validator.result().issues;
    const problem = issues.find((issue) => issue.severity !== 'warning');
    if (problem) {
      result.notPrepared.push({ claim, reason: problem.message });
      continue;
    }
    const allocations = validator.allocations();
    const existing = drafts.find((entry) => entry.draft.claimId === claim.id)?.draft;
    result.prepared.push({
      claim,
      edits: { claimId: claim.id, contractId: claim.contractNumber, header: existing?.header ?? defaultClaimHeader(claim), allocations, focusedSovLineId: null },
      basis: { claimId: claim.id, claim: yardiClaim, sov: hostSov, recordedAt: now },
      baseRevision: existing?.revision ?? 0,
      warnings: issues.map((issue) => issue.message),
    });
    preparedOn.set(claim.contractKey, [...before, { ...order(claim), label: `${claim.vendorName} ${claim.invoiceNumber}`, allocations }]);
  }
  return result;
}
