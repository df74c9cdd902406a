import { performance } from 'node:perf_hooks';

/** Medians and one printed line per measurement, shared by the benchmarks. */
export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Half the spread of the middle half of the samples (interquartile range / 2): how far apart runs fall. */
export function halfSpread(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (fraction: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))]!;
  return (at(0.75) - at(0.25)) / 2;
}

/** Prints `name  median X ms (n)  target ≤ T ms  ok|OVER TARGET`; no target prints the number alone. */
export function reportMedian(name: string, ms: number, samples: number, targetMs?: number): void {
  const target = targetMs === undefined ? '' : `   target ≤ ${targetMs} ms   ${ms <= targetMs ? 'ok' : 'OVER TARGET'}`;
  console.log(`${name.padEnd(58)} median ${ms.toFixed(3).padStart(9)} ms (n=${samples})${target}`);
}

export function report(name: string, samples: readonly number[], targetMs?: number): void {
  reportMedian(name, median(samples), samples.length, targetMs);
}

/** The p95 and the largest of the samples, on one line: for windows whose worst case matters. */
export function reportQuantiles(name: string, samples: readonly number[]): void {
  const sorted = [...samples].sort((a, b) => a - b);
  const p95 = sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? 0;
  console.log(`${name.padEnd(58)} p95 ${p95.toFixed(1).padStart(8)} ms, largest ${(sorted.at(-1) ?? 0).toFixed(1)} ms (n=${samples.length})`);
}

/** `runs` timed runs of `work` (after up to 20 untimed ones, to warm up the JIT), in ms. */
export function measure(runs: number, work: (run: number) => void): number[] {
  for (let run = 0; run < Math.min(runs, 20); run++) work(run);
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    work(run);
    samples.push(performance.now() - start);
  }
  return samples;
}
