import { emptyPatch } from '../backfill';
import { matchKey, type ClaimIdentity } from '../claim-identity';
import type { Allocations, Sov, SovLine, YardiClaim } from '../schemas';
import type { LocalClaim } from './records';

/**
 * The local claims that are the host's `claim`: the same invoice number, and the same contract (the
 * file's number compared with the host's contract id by `matchKey`) or the same vendor and invoice date,
 * the rule reconciliation rows are matched by.
 */
export function preparedCandidates(claim: Pick<YardiClaim, 'contractId' | 'vendorName' | 'invoiceNumber' | 'invoiceDate'>, local: readonly LocalClaim[]): LocalClaim[] {
  const shown = { contractNumber: claim.contractId, vendorName: claim.vendorName, invoiceNumber: claim.invoiceNumber, invoiceDate: claim.invoiceDate };
  return local.filter((candidate) => mayBeLocalClaim(shown, candidate));
}

/**
 * Whether a claim as a row or the host shows it may be this imported claim: the same invoice number,
 * and the same contract number or the same vendor and invoice date (fields it does not show never match).
 */
export function mayBeLocalClaim(shown: ClaimIdentity, local: LocalClaim): boolean {
  const same = (a: string | undefined, b: string) => a !== undefined && matchKey(a) === matchKey(b);
  return same(shown.invoiceNumber, local.invoiceNumber) && (same(shown.contractNumber, local.contractNumber) || (same(shown.vendorName, local.vendorName) && shown.invoiceDate === local.invoiceDate));
}

/** A prepared allocation carried over to the host's SOV. */
export interface CarriedAllocation {
  allocations: Allocations;
  /** Amounts placed, and lines of the file that the host's SOV does not have (never dropped silently). */
  placed: number;
  notes: string[];
}

/**
 * Carries amounts prepared against an imported SOV (`from`) onto the host's SOV (`to`): each line goes
 * to the host line with the same number and category code; else to the one line of that code with the
 * same description. A line that finds neither is listed, with its amount, and not placed: the host's
 * validation then shows what is left to allocate, and nothing is guessed.
 */
export function carryAllocation(from: Sov, allocations: Allocations, to: Sov): CarriedAllocation {
  const byNumber = new Map(to.lines.map((line) => [`${line.lineNumber}\u0000${line.categoryCode ?? ''}`, line]));
  const result: CarriedAllocation = { allocations: emptyPatch(), placed: 0, notes: [] };
  for (const line of from.lines) {
    const amount = allocations[line.id];
    if (amount === undefined || amount.trim() === '') continue;
    const target = byNumber.get(`${line.lineNumber}\u0000${line.categoryCode ?? ''}`) ?? sameDescription(line, to.lines);
    if (!target) {
      result.notes.push(`Line ${line.lineNumber} (${line.description}, code ${line.categoryCode ?? 'none'}): "${amount}" was not placed, as the host's SOV has no line with that number or description under that code.`);
      continue;
    }
    result.allocations[target.id] = amount;
    result.placed++;
    if (target.lineNumber !== line.lineNumber) result.notes.push(`Line ${line.lineNumber} of your file is line ${target.lineNumber} on the host (same code and description).`);
  }
  return result;
}

function sameDescription(line: SovLine, lines: readonly SovLine[]): SovLine | undefined {
  const description = matchKey(line.description);
  const matches = lines.filter((candidate) => candidate.categoryCode === line.categoryCode && matchKey(candidate.description) === description);
  return matches.length === 1 ? matches[0] : undefined;
}
