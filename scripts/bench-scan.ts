/**
 * What the content script's scan costs the host page's main thread, measured in Debian's Chromium with
 * the built extension (`npx wxt build` first). The content script leaves a `backfill:scan` User Timing
 * measure after each finished scan, with its slices and main-thread time in `detail`; the page reads it.
 *
 * The page is shaped like a real reconciliation page: no claim ids, rows known by contract and invoice.
 *
 * `npx tsx scripts/bench-scan.ts` prints the medians; `scripts/bench.ts` calls `benchScan()`.
 */
import { pathToFileURL } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { SCAN_MEASURE, type ScanDetail } from '../entrypoints/reconciliation.content/scan';
import { CHROMIUM, launchWithExtension } from '../test/e2e/browser';
import { serveFixtures } from '../test/e2e/fixture-server';
import { median, reportMedian } from './bench-stats';

export interface ScanBench {
  rows: number;
  /** Rows with a button (every fourth row is mismatched). */
  buttons: number;
  samples: number;
  /** The page re-created all its rows (a filter or refresh): every button is placed anew. */
  rerender: { longestSliceMs: number; workMs: number; slices: number };
  /** Scans run after something outside the table changed (a clock ticking, a toast added to the body): none is the aim. */
  scansAfterUnrelatedChange: number;
  /** A table that is not a reconciliation table re-created its 2,000 rows: the scan's main-thread time. */
  otherTableWorkMs: number;
  /**
   * The renderer's style and layout time per re-render of the reconciliation table, with Backfill and
   * without it: what our buttons (and the scans' timing) cost the page beyond the scan itself.
   */
  pageRenderingMs: { withBackfill: number; without: number };
}

const PAGE_SCRIPT = (rows: number, reconciliation: boolean) => `
  const tbody = document.querySelector('tbody');
  const money = (cents) => '$' + Math.floor(cents / 100).toLocaleString('en-US') + '.' + String(cents % 100).padStart(2, '0');
  function row(i) {
    const tr = document.createElement('tr');
    const yardi = 100000 + ((i * 7919) % 90000000);
    const procore = i % 4 === 0 ? yardi - 1250 : yardi;
    const texts = ${reconciliation}
      ? ['SC-' + (i % 300), 'Vendor ' + (i % 97), 'INV-' + i, '01/31/2025', money(yardi), money(procore), money(yardi - procore)]
      : ['Task ' + i, 'Owner ' + (i % 97), 'Open', '01/31/2025', money(yardi), money(procore), 'Note ' + i];
    for (const text of texts) {
      const td = document.createElement('td');
      td.textContent = text;
      tr.append(td);
    }
    return tr;
  }
  window.bench = {
    render() { tbody.replaceChildren(...Array.from({ length: ${rows} }, (_, i) => row(i))); },
    touch() {
      const tick = document.getElementById('tick');
      tick.textContent = String(Number(tick.textContent) + 1);
      // A toast shown beside the table, as pages do after a save: nothing a scan could find.
      document.querySelector('.toast')?.remove();
      const toast = document.createElement('div');
      toast.className = 'toast';
      toast.textContent = 'Saved ' + tick.textContent;
      document.body.append(toast);
    },
  };
  window.bench.render();`;

function benchPage(rows: number, reconciliation: boolean): string {
  const headers = reconciliation
    ? ['Contract', 'Vendor', 'Invoice #', 'Invoice date', 'Yardi PTD', 'Procore', 'Difference']
    : ['Task', 'Owner', 'Status', 'Due', 'Budget', 'Spent', 'Notes'];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Scan bench</title></head>
<body>
<p id="tick">0</p>
<table id="table">
  <thead><tr>${headers.map((header) => `<th>${header}</th>`).join('')}</tr></thead>
  <tbody></tbody>
</table>
<script>${PAGE_SCRIPT(rows, reconciliation)}</script>
</body></html>`;
}

/**
 * Runs `change` in the page and waits until no scan has been running for a few frames; returns the
 * measure of the last scan that finished meanwhile, or null when none ran.
 */
async function timeScan(page: Page, change: 'render' | 'touch'): Promise<ScanDetail | null> {
  return page.evaluate(
    async ({ change, name }) => {
      performance.clearMeasures(name);
      (window as unknown as { bench: Record<string, () => void> }).bench[change]!();
      // A scan starts in the next animation frame and may take several slices: give it ten frames.
      for (let frame = 0; frame < 10; frame++) await new Promise((next) => requestAnimationFrame(next));
      const [measure] = performance.getEntriesByName(name) as PerformanceMeasure[];
      return measure === undefined ? null : (measure.detail as ScanDetail);
    },
    { change, name: SCAN_MEASURE },
  );
}

/** The renderer's style and layout time per re-render, over `runs` re-renders (each waited out as `timeScan` does). */
async function renderingPerRerender(page: Page, runs: number): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const seconds = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const value = (name: string) => metrics.find((metric) => metric.name === name)?.value ?? 0;
    return value('LayoutDuration') + value('RecalcStyleDuration');
  };
  const before = await seconds();
  for (let run = 0; run < runs; run++) await timeScan(page, 'render');
  return ((await seconds()) - before) * 1000 / runs;
}

async function openBenchPage(url: string, page: Page): Promise<void> {
  await page.goto(url);
  // The first scan of the page, before any measured one.
  await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, SCAN_MEASURE);
}

export async function benchScan({ rows = 2000, samples = 30, warmup = 5 } = {}): Promise<ScanBench> {
  const server = await serveFixtures({ 'bench.html': benchPage(rows, true), 'other.html': benchPage(rows, false) });
  const browser = await launchWithExtension();
  try {
    const page = await browser.context.newPage();
    await openBenchPage(`${server.url}/generated/bench.html`, page);
    const longest: number[] = [];
    const work: number[] = [];
    const slices: number[] = [];
    let buttons = 0;
    let scansAfterUnrelatedChange = 0;
    for (let run = 0; run < warmup + samples; run++) {
      const placed = await timeScan(page, 'render');
      if (placed === null) throw new Error('No scan happened: is the extension built and loaded?');
      if ((await timeScan(page, 'touch')) !== null) scansAfterUnrelatedChange++;
      buttons = placed.buttons;
      if (run < warmup) continue; // let V8 optimise the scan first, as it will on a page in use
      longest.push(placed.longestSliceMs);
      work.push(placed.workMs);
      slices.push(placed.slices);
    }
    const withBackfill = await renderingPerRerender(page, samples);
    await openBenchPage(`${server.url}/generated/other.html`, page);
    const other: number[] = [];
    for (let run = 0; run < warmup + samples; run++) {
      const scanned = await timeScan(page, 'render');
      if (scanned !== null && run >= warmup) other.push(scanned.workMs);
    }
    const plain = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
    let without: number;
    try {
      const plainPage = await plain.newPage();
      await plainPage.goto(`${server.url}/generated/bench.html`);
      await renderingPerRerender(plainPage, warmup);
      without = await renderingPerRerender(plainPage, samples);
    } finally {
      await plain.close();
    }
    return {
      rows,
      buttons,
      samples,
      rerender: { longestSliceMs: median(longest), workMs: median(work), slices: median(slices) },
      scansAfterUnrelatedChange,
      otherTableWorkMs: median(other),
      pageRenderingMs: { withBackfill, without },
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The scan's lines of `npm run bench`. */
export function reportScan(scan: ScanBench): void {
  console.log(`content script (Chromium, built extension): a ${scan.rows}-row reconciliation table without claim ids, ${scan.buttons} mismatched`);
  reportMedian(`re-created rows: the scan's main-thread time (${scan.rerender.slices} slice)`, scan.rerender.workMs, scan.samples, 5);
  reportMedian('re-created rows: longest main-thread slice of the scan', scan.rerender.longestSliceMs, scan.samples);
  console.log(`${'clock ticks and toasts beside the table: scans run'.padEnd(58)} ${scan.scansAfterUnrelatedChange} of ${scan.samples + 5}`);
  reportMedian(`another ${scan.rows}-row table (not reconciliation) re-created`, scan.otherTableWorkMs, scan.samples);
  const { withBackfill, without } = scan.pageRenderingMs;
  console.log(
    `${'page style + layout per re-render, mean: with Backfill / without'.padEnd(58)} ${withBackfill.toFixed(1)} / ${without.toFixed(1)} ms (+${(withBackfill - without).toFixed(1)} ms)`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) reportScan(await benchScan());
