/**
 * Where the allocation grid's first render goes: the panel's real grid options, less one feature at
 * a time down to a bare grid, each timed in Chromium with the same 5,000 lines and 300 code rows in a
 * page of their own (no panel around them), rounds alternating so the machine's noise spreads evenly.
 * Then amounts typed into the grid with all its features and with none: the grid's own part of the
 * panel's edit → painted, and a bare grid's on the same machine.
 */
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { allocationRows, totalRow } from '../lib/allocation-rows';
import type { BackfillValidator } from '../lib/backfill';
import { CHROMIUM } from '../test/e2e/browser';
import { serveFixtures } from '../test/e2e/fixture-server';
import { halfSpread, median } from './bench-stats';
import type { TypedEdit } from './bench-grid-page';
import { startFrameTrace } from './frame-trace';

const ROUNDS = 25;
const COLD_ROUNDS = 9;

interface GridBench {
  steps: string[];
  load(input: unknown): void;
  render(steps: number, atOnce: boolean): Promise<number>;
  openForEdits(steps: number): Promise<void>;
  edits: TypedEdit[];
  editMark: string;
}

/** A typed amount, and ms from it to the frame that showed it. */
type TimedEdit = TypedEdit & { ms: number };

const EDIT_ROUNDS = 4;
// As many as the panel's bench types: past the last row in view, so that most Enters scroll the grid.
const EDITS_PER_ROUND = 25;

async function pageScript(): Promise<string> {
  const bundle = await build({
    entryPoints: [resolve(import.meta.dirname, 'bench-grid-page.ts')],
    bundle: true,
    minify: true,
    write: false,
    format: 'iife',
    alias: { '@': resolve(import.meta.dirname, '..') },
    define: { 'import.meta.env.MODE': '"production"' },
    logLevel: 'error',
  });
  return bundle.outputFiles[0]!.text;
}

/** The bench page in a context of its own, the rows loaded. */
async function openPage(context: BrowserContext, url: string, script: string, input: unknown): Promise<Page> {
  const page = await context.newPage();
  await page.route('**/grid-bench.js', (route) => route.fulfill({ body: script, contentType: 'text/javascript' }));
  await page.goto(url);
  await page.evaluate((rows) => (window as unknown as { gridBench: GridBench }).gridBench.load(rows), input);
  return page;
}

const render = (page: Page, steps: number, atOnce: boolean) =>
  page.evaluate(([count, now]) => (window as unknown as { gridBench: GridBench }).gridBench.render(count, now), [steps, atOnce] as const);

/**
 * Amounts typed into the grid after the first `steps` steps, as in the panel (keystrokes, Enter, on
 * to the next line): from each leaving the panel's editor to the next painted frame (its commit,
 * in Chromium's frame trace, as the panel's bench times its edits), in ms.
 * The first two of a round are left out, as the panel's bench leaves out its first edits.
 */
async function typeAmounts(browser: Browser, page: Page, steps: number): Promise<TimedEdit[]> {
  await page.evaluate((count) => (window as unknown as { gridBench: GridBench }).gridBench.openForEdits(count), steps);
  // The first line of the first code: row 0 is that code's header row (the bare step has none).
  await page.locator('.ag-row[row-index="1"] [col-id="thisClaim"]').click();
  const frameTrace = await startFrameTrace(browser);
  for (let edit = 1; edit <= EDITS_PER_ROUND; edit++) {
    await page.keyboard.type(`${edit}.25`);
    await page.keyboard.press('Enter');
    await page.waitForFunction((count) => (window as unknown as { gridBench: GridBench }).gridBench.edits.length >= count, edit);
  }
  const { edits, editMark } = await page.evaluate(() => {
    const { edits, editMark } = (window as unknown as { gridBench: GridBench }).gridBench;
    return { edits, editMark };
  });
  const [painted = []] = await frameTrace.stop(editMark);
  return edits.flatMap((edit, index) => (index < 2 || painted[index] === undefined ? [] : [{ ...edit, ms: painted[index] }]));
}

/**
 * Prints, per step, the median first render and what that step's features cost. Garbage is collected
 * before each render (`--expose-gc`), so one render's leftovers are not timed in the next. The steps
 * are drawn at once (no animation frames, whose waits would round each time to a frame); the fresh
 * context's renders are drawn as the panel draws, and wait for the first frame as its measure does.
 */
export async function benchGridFeatures(validator: BackfillValidator): Promise<void> {
  const input = { rows: allocationRows(validator, { showOtherLines: false }), totalRow: totalRow(validator, validator.result().codes) };
  const script = await pageScript();
  // The size of the bench's bare grid, wide enough for all seven columns.
  const server = await serveFixtures({ 'grid.html': '<!doctype html><html><head><meta charset="utf-8"></head><body><div id="grid" style="position: relative; height: 600px; width: 900px"></div><script src="/grid-bench.js"></script></body></html>' });
  const url = `${server.url}/generated/grid.html`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--js-flags=--expose-gc'] });
  try {
    const page = await openPage(await browser.newContext(), url, script, input);
    const steps = await page.evaluate(() => (window as unknown as { gridBench: GridBench }).gridBench.steps);
    const samples: number[][] = steps.map(() => []);
    for (let round = 0; round < ROUNDS; round++) {
      const order = steps.map((_, index) => index);
      if (round % 2) order.reverse();
      for (const step of order) samples[step]!.push(await render(page, step, true));
    }
    // The first grid of a fresh page in a context of its own (nothing compiled yet, as when the panel
    // opens): all features against none, in turns.
    const bare = steps.length - 1;
    const cold: [number[], number[]] = [[], []];
    for (let round = 0; round < COLD_ROUNDS; round++) {
      for (const slot of round % 2 ? [1, 0] : [0, 1]) {
        const context = await browser.newContext();
        cold[slot]!.push(await render(await openPage(context, url, script, input), slot === 0 ? 0 : bare, false));
        await context.close();
      }
    }
    console.log(`grid first render by feature (${input.rows.length} rows, own page, drawn at once, median of ${ROUNDS})`);
    // A step's saving is what the features it takes away cost; ± is how far runs of a step fall apart
    // (half the interquartile range): a saving within it is not one.
    const medians = samples.map(median);
    steps.forEach((name, step) => {
      const saving = step === 0 ? '' : `   saves ${(medians[step - 1]! - medians[step]!).toFixed(1)} ms`;
      console.log(`  ${name.padEnd(60)} ${medians[step]!.toFixed(1).padStart(7)} ± ${halfSpread(samples[step]!).toFixed(1)} ms${saving}`);
    });
    const [full, none] = cold.map(median) as [number, number];
    // The target, first render ≤ 1.3× a bare grid, is weighed here like for like: every row drawn at once, from nothing.
    const ratio = full / none;
    console.log(`  the first grid of a fresh context: all features / none       ${full.toFixed(1)} / ${none.toFixed(1)} ms = ${ratio.toFixed(2)}× (median of ${COLD_ROUNDS})   target ≤ 1.3×   ${ratio <= 1.3 ? 'ok' : 'OVER TARGET'}`);

    // Typing: what the grid's own part of an edit costs, with all features and with none, in turns.
    // The panel's edit → painted adds the draft model and the page around the grid to this.
    const typed: [TimedEdit[], TimedEdit[]] = [[], []];
    for (let round = 0; round < EDIT_ROUNDS; round++) {
      for (const slot of round % 2 ? [1, 0] : [0, 1]) typed[slot]!.push(...(await typeAmounts(browser, page, slot === 0 ? 0 : bare)));
    }
    // Apart: an Enter that scrolls the grid a row costs it a row drawn and more to paint.
    for (const [what, scrolled] of [['Enter stayed in view', false], ['Enter scrolled the grid a row', true]] as const) {
      const [full, none] = typed.map((edits) => edits.filter((edit) => edit.scrolled === scrolled).map((edit) => edit.ms));
      console.log(`  one edit → next painted frame, grid alone, ${what}: all features / none ${median(full!).toFixed(1)} / ${median(none!).toFixed(1)} ms (n=${full!.length} / ${none!.length})`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}
