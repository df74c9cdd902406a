/**
 * How long `importYardiCsv` takes on a 50,000-row Yardi payment export in Node, and the memory it
 * needs: the process's peak resident set (a true peak, unlike a heap reading taken after the fact)
 * and how far the imports raised it above what the process held before them.
 *
 * `npx tsx scripts/bench-import.ts` prints the numbers; `scripts/bench.ts` calls `benchImport()`.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { importYardiCsv } from '../lib/import';
import { formatMoney } from '../lib/money';
import { yardiCsv } from '../test/support/yardi-csv';
import { median, reportMedian } from './bench-stats';

export interface ImportBench {
  rows: number;
  claims: number;
  megabytes: number;
  medianMs: number;
  samples: number;
  /** The process's peak resident set after the imports, in MB. */
  peakRssMb: number;
  /** How much the imports raised that peak above the process's resident set before them, in MB. */
  importRssMb: number;
}

const CODES_PER_CLAIM = 5;

/**
 * A Yardi export of `rows` rows, five category codes per claim: vendor names with commas (so quoted),
 * amounts written `$1,234.56`, dates `M/D/YYYY`, as a real export comes.
 */
function yardiExport(rows: number): string {
  const cells = Array.from({ length: rows }, (_, row) => {
    const claim = Math.floor(row / CODES_PER_CLAIM);
    const cents = 100 + ((row * 7919) % 900_000_000);
    const amount = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
    return [`SC-${claim % 300}`, `Vendor ${claim % 97}, Inc.`, `INV-${claim}`, `${1 + (claim % 12)}/${1 + (claim % 28)}/2026`, `0${row % CODES_PER_CLAIM}-100`, formatMoney(amount), 'N'];
  });
  return yardiCsv(cells);
}

export function benchImport({ rows = 50_000, samples = 5 } = {}): ImportBench {
  const text = yardiExport(rows);
  const rssBefore = process.memoryUsage().rss;
  let claims = 0;
  const times: number[] = [];
  for (let run = 0; run <= samples; run++) {
    const start = performance.now();
    const result = importYardiCsv(text);
    const ms = performance.now() - start;
    if (!result.ok || result.refused.length > 0) throw new Error('The generated export did not import cleanly.');
    claims = result.claims.length;
    if (run > 0) times.push(ms); // the first run warms up the JIT
  }
  const peakRss = process.resourceUsage().maxRSS * 1024;
  return {
    rows,
    claims,
    megabytes: text.length / 1e6,
    medianMs: median(times),
    samples,
    peakRssMb: peakRss / 1e6,
    importRssMb: Math.max(0, peakRss - rssBefore) / 1e6,
  };
}

/** Prints the bench the way `scripts/bench.ts` prints the others. */
export function reportImport(bench: ImportBench): void {
  console.log(`import (Node ${process.version}): a ${bench.rows}-row Yardi export, ${bench.megabytes.toFixed(1)} MB, ${bench.claims} claims`);
  reportMedian(`importYardiCsv, ${bench.rows} rows`, bench.medianMs, bench.samples, 1500);
  console.log(`${'peak memory (resident set of the process)'.padEnd(58)} ${bench.peakRssMb.toFixed(0)} MB, ${bench.importRssMb.toFixed(0)} MB above the process before importing`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) reportImport(benchImport());
