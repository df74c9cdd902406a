/**
 * `npm run bench`: speed targets measured, not asserted (the machines are shared and noisy).
 * Prints medians; compare them with the targets next to each line.
 */
import { pasteTargets } from '../lib/allocation-rows';
import { BackfillValidator, validateBackfill } from '../lib/backfill';
import { planPaste } from '../lib/paste';
import { balancedAllocation } from '../sandbox/allocation';
import { SEED_CLAIMS, createSeed } from '../sandbox/seed';
import { benchGridFeatures } from './bench-grid-features';
import { benchImport, reportImport } from './bench-import';
import { benchPanel } from './bench-panel';
import { benchScan, reportScan } from './bench-scan';
import { benchProjection } from './bench-projection';
import { benchQueue } from './bench-queue';
import { measure, report } from './bench-stats';

// The sandbox's large contract: 5,000 SOV lines over 300 codes, and a claim paying all 300.
const seed = createSeed('large');
const claim = seed.claims.find((candidate) => candidate.id === SEED_CLAIMS.large)!;
const sov = seed.sovs.find((candidate) => candidate.contractId === claim.contractId)!;
const allocations = balancedAllocation(claim, sov);
console.log(`core (Node ${process.version}): ${sov.lines.length} SOV lines, ${claim.lines.length} category codes`);

report('full validation (validateBackfill)', measure(60, () => validateBackfill({ claim, sov, allocations, backfilledClaimIds: [] })), 5);

const validator = new BackfillValidator({ claim, sov, backfilledClaimIds: [] });
validator.setMany(allocations);
const ids = sov.lines.map((line) => line.id);
report(
  'single-cell re-validation (set + result)',
  measure(2000, (run) => {
    const id = ids[(run * 7919) % ids.length]!;
    validator.set(id, run % 2 ? allocations[id]! : '12.34');
    validator.result();
  }),
  0.5,
);

// A paste of every line's amount: one column placed down the grid, and the same amounts keyed by
// shuffled line numbers (each row found by its key). The panel's paste budget covers this and more.
const targets = pasteTargets(validator);
const column = ids.map((id) => [allocations[id] ?? '']);
const keyed = sov.lines.map((line) => [String(line.lineNumber), allocations[line.id] ?? '']).reverse();
report('paste plan, 5,000 amounts down one column (planPaste)', measure(30, () => planPaste(targets, column, 1)));
report('paste plan, 5,000 amounts keyed by line number', measure(30, () => planPaste(targets, keyed, 1)));

console.log('');
reportImport(benchImport());

console.log('');
benchQueue();

console.log('');
benchProjection();

console.log('');
reportScan(await benchScan());

console.log('');
await benchPanel();

// What the grid's own features cost, apart from the panel around it.
console.log('');
const allocated = new BackfillValidator({ claim, sov, backfilledClaimIds: [] });
allocated.setMany(allocations);
await benchGridFeatures(allocated);
