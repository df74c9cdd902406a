/**
 * How long the content script's scan of a 2,000-row reconciliation table takes on the main thread,
 * measured in Debian's Chromium with the built extension (`npx wxt build` first). The content script
 * leaves a `backfill:scan` User Timing measure after each scan; the page reads it.
 *
 * `npx tsx scripts/bench-scan.ts` prints the medians; `scripts/bench.ts` can call `benchScan()`.
 */
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { launchWithExtension } from '../test/e2e/browser';
import { serveFixtures } from '../test/e2e/fixture-server';
import { median } from './bench-stats';

export interface ScanBench {
  rows: number;
  /** Rows with a button (every fourth row is mismatched). */
  buttons: number;
  /** The page re-created all its rows (a filter or refresh): every button is placed anew. */
  rerenderMedianMs: number;
  /** Something unrelated on the page changed: a full scan that places nothing. */
  unchangedMedianMs: number;
  samples: number;
}

const SCAN_MEASURE = 'backfill:scan';

function benchPage(rows: number): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Reconciliation bench</title></head>
<body>
<p id="tick">0</p>
<table id="reconciliation">
  <thead><tr><th>Contract</th><th>Vendor</th><th>Invoice #</th><th>Invoice date</th><th>Yardi PTD</th><th>Procore</th><th>Difference</th></tr></thead>
  <tbody></tbody>
</table>
<script>
  const tbody = document.querySelector('tbody');
  const money = (cents) => '$' + Math.floor(cents / 100).toLocaleString('en-US') + '.' + String(cents % 100).padStart(2, '0');
  function row(i) {
    const tr = document.createElement('tr');
    tr.dataset.claimId = 'B-' + i;
    const yardi = 100000 + ((i * 7919) % 90000000);
    const procore = i % 4 === 0 ? yardi - 1250 : yardi;
    for (const text of ['SC-' + (i % 300), 'Vendor ' + (i % 97), 'INV-' + i, '2025-01-31', money(yardi), money(procore), money(yardi - procore)]) {
      const td = document.createElement('td');
      td.textContent = text;
      tr.append(td);
    }
    return tr;
  }
  window.bench = {
    render() { tbody.replaceChildren(...Array.from({ length: ${rows} }, (_, i) => row(i))); },
    touch() { const tick = document.getElementById('tick'); tick.textContent = String(Number(tick.textContent) + 1); },
  };
  window.bench.render();
</script>
</body></html>`;
}


/** Runs `change` in the page, waits for the scan it causes, and returns that scan's measure. */
async function timeScan(page: Page, change: 'render' | 'touch'): Promise<{ duration: number; buttons: number }> {
  return page.evaluate(
    ({ change, name }) =>
      new Promise<{ duration: number; buttons: number }>((done, fail) => {
        performance.clearMeasures(name);
        (window as unknown as { bench: Record<string, () => void> }).bench[change]!();
        // The scan runs in the animation frame after the mutations; read it one frame later.
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            const [measure] = performance.getEntriesByName(name) as PerformanceMeasure[];
            if (measure === undefined) fail(new Error('No scan happened: is the extension built and loaded?'));
            else done({ duration: measure.duration, buttons: (measure.detail as { buttons: number }).buttons });
          }),
        );
      }),
    { change, name: SCAN_MEASURE },
  );
}

export async function benchScan({ rows = 2000, samples = 30, warmup = 5 } = {}): Promise<ScanBench> {
  const server = await serveFixtures({ 'bench.html': benchPage(rows) });
  const browser = await launchWithExtension();
  try {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/generated/bench.html`);
    const rerender: number[] = [];
    const unchanged: number[] = [];
    let buttons = 0;
    for (let run = 0; run < warmup + samples; run++) {
      const placed = await timeScan(page, 'render');
      const idle = await timeScan(page, 'touch');
      buttons = placed.buttons;
      if (run < warmup) continue; // let V8 optimise the scan first, as it will on a page in use
      rerender.push(placed.duration);
      unchanged.push(idle.duration);
    }
    return { rows, buttons, rerenderMedianMs: median(rerender), unchangedMedianMs: median(unchanged), samples };
  } finally {
    await browser.close();
    await server.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await benchScan();
  const verdict = (ms: number) => (ms <= 10 ? 'ok' : 'OVER TARGET');
  console.log(`Chromium content-script scan, ${result.rows} rows, ${result.buttons} mismatched (target ≤ 10 ms main thread)`);
  console.log(
    `scan ${result.rows} rows: median ${result.rerenderMedianMs.toFixed(2)} ms (n=${result.samples}) after the page re-created every row   ${verdict(result.rerenderMedianMs)}`,
  );
  console.log(
    `scan ${result.rows} rows: median ${result.unchangedMedianMs.toFixed(2)} ms (n=${result.samples}) when nothing in the table changed   ${verdict(result.unchangedMedianMs)}`,
  );
}
