/**
 * `npm run bench`: speed targets measured, not asserted (the machines are shared and noisy).
 * Prints medians; compare them with the targets next to each line.
 */
import { performance } from 'node:perf_hooks';
import { BackfillValidator, validateBackfill } from '../lib/backfill';
import { balancedAllocation } from '../sandbox/allocation';
import { SEED_CLAIMS, createSeed } from '../sandbox/seed';
import { benchImport, reportImport } from './bench-import';
import { benchPanel } from './bench-panel';
import { benchScan, reportScan } from './bench-scan';
import { report } from './bench-stats';

function measure(runs: number, work: (run: number) => void): number[] {
  for (let run = 0; run < Math.min(runs, 20); run++) work(run); // warm up the JIT
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    work(run);
    samples.push(performance.now() - start);
  }
  return samples;
}

// The sandbox's large contract: 5,000 SOV lines over 300 codes, and a claim paying all 300.
const seed = createSeed('large');
const claim = seed.claims.find((candidate) => candidate.id === SEED_CLAIMS.large)!;
const sov = seed.sovs.find((candidate) => candidate.contractId === claim.contractId)!;
const allocations = balancedAllocation(claim, sov);
console.log(`core (Node ${process.version}): ${sov.lines.length} SOV lines, ${claim.lines.length} category codes`);

report('full validation (validateBackfill)', measure(60, () => validateBackfill({ claim, sov, allocations, backfilledClaimIds: [] })), 15);

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

console.log('');
reportImport(benchImport());

console.log('');
reportScan(await benchScan());

console.log('');
await benchPanel();
