/**
 * The workbench queue: 500 imported claims on one contract whose SOV has 5,000 lines, built from
 * scratch (the page opening) and rebuilt after one draft save (what each autosave costs the page).
 */
import type { DraftEntry } from '../lib/draft-marks';
import { sumMoney } from '../lib/money';
import { localClaim, localHostClaim, localHostSov, localSov } from '../lib/local-source/records';
import { buildQueue, type QueueCache } from '../lib/workbench/queue';
import { SEED_CLAIMS, createSeed } from '../sandbox/seed';
import { measure, report } from './bench-stats';

const CLAIMS = 500;
const AT = '2026-11-30T10:00:00.000Z';

export function benchQueue(): void {
  const seed = createSeed('large');
  const claim = seed.claims.find((candidate) => candidate.id === SEED_CLAIMS.large)!;
  const sov = seed.sovs.find((candidate) => candidate.contractId === claim.contractId)!;
  const lines = sov.lines.map((line) => ({ number: String(line.lineNumber), description: line.description, categoryCode: line.categoryCode, scheduledValue: line.scheduledValue, claimedToDate: line.claimedToDate }));
  const localSovs = [localSov('SC-LARGE', lines, 'g703.csv', AT)];
  const codes = claim.lines.slice(0, 3).map(({ categoryCode, amount }) => ({ categoryCode, amount }));
  const total = sumMoney(codes.map((code) => code.amount));
  const localClaims = Array.from({ length: CLAIMS }, (_, index) =>
    localClaim({ invoiceNumber: `INV-${index}`, invoiceDate: '2026-01-31', vendorName: 'Large Vendor', contractNumber: 'SC-LARGE', allocated: false, codes, total }, 'payments.csv', AT),
  );
  const draft = (revision: number): DraftEntry => ({
    draft: { claimId: localClaims[0]!.id, contractId: 'SC-LARGE', header: { number: 'INV-0', title: 'Backfill', payPeriod: '2026-01-31' }, allocations: { [`item:${lines[0]!.number}`]: `${revision}.00` }, revision, updatedAt: AT, focusedSovLineId: null, submission: { state: 'ready' } },
    basis: { claimId: localClaims[0]!.id, claim: localHostClaim(localClaims[0]!, false), sov: localHostSov(localSovs[0]!), recordedAt: AT },
  });

  console.log(`workbench queue: ${CLAIMS} imported claims on one ${lines.length}-line SOV`);
  report('queue built from scratch (the workbench opening)', measure(3, () => buildQueue({ localClaims, localSovs, drafts: [] })));
  const cache: QueueCache = new Map();
  buildQueue({ localClaims, localSovs, drafts: [] }, cache);
  report('queue rebuilt after one draft save', measure(30, (run) => buildQueue({ localClaims, localSovs, drafts: [draft(run + 1)] }, cache)), 16);
}
