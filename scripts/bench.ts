/**
 * `npm run bench`: speed targets measured, not asserted (the machines are shared and noisy).
 * Prints medians; compare them with the targets next to each line.
 */
import { performance } from 'node:perf_hooks';
import { BackfillValidator, validateBackfill } from '../lib/backfill';
import { makeLargeContract } from '../test/support/large-contract';

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function measure(runs: number, work: (run: number) => void): number {
  for (let run = 0; run < Math.min(runs, 20); run++) work(run); // warm up the JIT
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    work(run);
    samples.push(performance.now() - start);
  }
  return median(samples);
}

function report(name: string, ms: number, targetMs: number): void {
  const verdict = ms <= targetMs ? 'ok' : 'OVER TARGET';
  console.log(`${name.padEnd(48)} median ${ms.toFixed(3).padStart(8)} ms   target ≤ ${targetMs} ms   ${verdict}`);
}

const { claim, sov, allocations } = makeLargeContract(5000, 300);
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
