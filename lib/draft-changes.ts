import { formatMoney } from './money';
import type { HostClaim, Sov, YardiClaim } from './schemas';

/**
 * What changed on the host since a draft was built, in plain sentences: the draft is then stale and
 * revalidated against the host's current claim and SOV, and nothing is discarded without asking.
 */
export function draftChanges(built: { claim: YardiClaim; sov: Sov }, now: { claim: HostClaim; sov: Sov }): string[] {
  const changes: string[] = [];
  if (now.claim.backfilled) changes.push('The claim has been backfilled since this draft was started.');
  if (now.claim.allocated && !built.claim.allocated) changes.push('The claim is now allocated in Yardi.');
  if (now.claim.total !== built.claim.total) {
    changes.push(`The claim's total changed from ${formatMoney(built.claim.total)} to ${formatMoney(now.claim.total)}.`);
  }
  const codeAmounts = (claim: YardiClaim) => new Map(claim.lines.map((line) => [line.categoryCode, line.amount]));
  const before = codeAmounts(built.claim);
  for (const [code, amount] of codeAmounts(now.claim)) {
    const previous = before.get(code);
    if (previous === undefined) changes.push(`The claim now pays ${formatMoney(amount)} on ${code}.`);
    else if (previous !== amount) changes.push(`The claim's amount on ${code} changed from ${formatMoney(previous)} to ${formatMoney(amount)}.`);
    before.delete(code);
  }
  for (const code of before.keys()) changes.push(`The claim no longer pays on ${code}.`);

  const oldLines = new Map(built.sov.lines.map((line) => [line.id, line]));
  for (const line of now.sov.lines) {
    const old = oldLines.get(line.id);
    oldLines.delete(line.id);
    if (!old) {
      changes.push(`SOV line ${line.lineNumber} (${line.description}) was added.`);
      continue;
    }
    if (old.claimedToDate !== line.claimedToDate) {
      changes.push(`Line ${line.lineNumber}'s claimed to date moved from ${formatMoney(old.claimedToDate)} to ${formatMoney(line.claimedToDate)}.`);
    }
    if (old.scheduledValue !== line.scheduledValue) {
      changes.push(`Line ${line.lineNumber}'s scheduled value changed from ${formatMoney(old.scheduledValue)} to ${formatMoney(line.scheduledValue)}.`);
    }
    if (old.categoryCode !== line.categoryCode) {
      changes.push(`Line ${line.lineNumber}'s category code changed from ${old.categoryCode ?? 'none'} to ${line.categoryCode ?? 'none'}.`);
    }
  }
  for (const line of oldLines.values()) changes.push(`SOV line ${line.lineNumber} (${line.description}) was removed.`);
  return changes;
}
