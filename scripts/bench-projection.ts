/**
 * Projected balances across drafts: 100 other drafts on the 5,000-line contract, each with amounts on
 * 50 lines, and this draft fully allocated. One of the others is edited (another tab saves): the
 * projection is worked out again from every draft and this draft re-checked against it.
 */
import { BackfillValidator, projectLines, type OtherDraft } from '../lib/backfill';
import { balancedAllocation } from '../sandbox/allocation';
import { SEED_CLAIMS, createSeed } from '../sandbox/seed';
import { measure, report } from './bench-stats';

const DRAFTS = 100;
const LINES_PER_DRAFT = 50;

export function benchProjection(): void {
  const seed = createSeed('large');
  const claim = seed.claims.find((candidate) => candidate.id === SEED_CLAIMS.large)!;
  const sov = seed.sovs.find((candidate) => candidate.contractId === claim.contractId)!;
  const validator = new BackfillValidator({ claim, sov, backfilledClaimIds: [] });
  validator.setMany(balancedAllocation(claim, sov));
  const others: OtherDraft[] = Array.from({ length: DRAFTS }, (_, draft) => ({
    claimId: `YC-OTHER-${draft}`,
    invoiceDate: draft % 2 ? '2026-01-31' : '2026-03-31',
    invoiceNumber: `INV-${draft}`,
    label: `Vendor INV-${draft}`,
    allocations: Object.fromEntries(Array.from({ length: LINES_PER_DRAFT }, (_, index) => [sov.lines[(draft * 37 + index * 101) % sov.lines.length]!.id, `${(draft + index) % 90}.25`])),
  }));
  const self = { claimId: claim.id, invoiceDate: claim.invoiceDate, invoiceNumber: claim.invoiceNumber };

  console.log(`projection: ${DRAFTS} other drafts × ${LINES_PER_DRAFT} lines on the ${sov.lines.length}-line contract`);
  report(
    'projection recomputed after one edit of another draft',
    measure(60, (run) => {
      const edited = others[run % DRAFTS]!;
      const [first] = Object.keys(edited.allocations);
      others[run % DRAFTS] = { ...edited, allocations: { ...edited.allocations, [first!]: `${run % 50}.10` } };
      validator.setProjection(projectLines(self, others));
      validator.result();
    }),
    16,
  );
}
