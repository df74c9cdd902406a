import type { LocalClaim, LocalSov } from './records';

/** What importing a Yardi file would do to the local source, shown before anything is stored. */
export interface ClaimImportPlan {
  /** Claims not in the local source yet. */
  added: LocalClaim[];
  /** Claims already there whose amounts, date or allocation the file changes (their drafts show what changed). */
  updated: LocalClaim[];
  /** Claims already there exactly as the file has them: nothing to add. */
  unchanged: LocalClaim[];
  /** Claims the file changes that are finished already: a finished claim is never changed, so they are left. */
  finished: LocalClaim[];
}

/**
 * Plans an import of `incoming` (one file's claims as local records) over the `existing` local claims
 * by id. Re-importing a file adds nothing twice; a claim finished from the local source is never
 * changed by a later file.
 */
export function planClaimImport(incoming: readonly LocalClaim[], existing: ReadonlyMap<string, LocalClaim>, finishedIds: ReadonlySet<string>): ClaimImportPlan {
  const plan: ClaimImportPlan = { added: [], updated: [], unchanged: [], finished: [] };
  for (const claim of incoming) {
    const before = existing.get(claim.id);
    if (before === undefined) plan.added.push(claim);
    else if (sameLocalClaim(before, claim)) plan.unchanged.push(before);
    else if (finishedIds.has(claim.id)) plan.finished.push(before);
    else plan.updated.push(claim);
  }
  return plan;
}

/** The records an import plan stores. */
export function claimsToStore(plan: ClaimImportPlan): LocalClaim[] {
  return [...plan.added, ...plan.updated];
}

/** What importing an SOV file for a contract would do. */
export type SovImportEffect = 'added' | 'replaced' | 'unchanged';

export function planSovImport(incoming: LocalSov, existing: LocalSov | undefined): SovImportEffect {
  if (existing === undefined) return 'added';
  return sameSovLines(existing, incoming) ? 'unchanged' : 'replaced';
}

/** The same SOV lines, in the same order, whatever file or time they were imported from. */
export function sameSovLines(a: LocalSov, b: LocalSov): boolean {
  return JSON.stringify(a.lines) === JSON.stringify(b.lines);
}

/** The same claim with the same content, whatever file or time it was imported from. */
export function sameLocalClaim(a: LocalClaim, b: LocalClaim): boolean {
  return (
    a.invoiceDate === b.invoiceDate &&
    a.allocated === b.allocated &&
    a.total === b.total &&
    a.codes.length === b.codes.length &&
    a.codes.every((code, index) => code.categoryCode === b.codes[index]!.categoryCode && code.amount === b.codes[index]!.amount)
  );
}
